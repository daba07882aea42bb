import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { copyIgnoredFileCheck } from '../../server/src/dockerfile/checks/copyIgnoredFile';
import { diagnoseDockerfile } from '../../server/src/dockerfile/diagnostics';
import { isIgnored, parseDockerignore } from '../../server/src/dockerfile/dockerignore';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { DockerignoreFiles } from '../../server/src/documents/DockerignoreFiles';
import { FileAccess } from '../../server/src/documents/FileAccess';

describe('.dockerignore matching', () => {
  const patterns = parseDockerignore('# build output\nnode_modules\n**/*.log\n/secret?.txt\ndocs\n!docs/README.md\n[abc].tmp\n');

  it('excludes what the last matching pattern excludes, parents included', () => {
    const cases: [string, boolean][] = [
      ['node_modules', true],
      ['node_modules/left-pad/index.js', true],
      ['src/app.log', true],
      ['app.log', true],
      ['secret1.txt', true],
      ['nested/secret1.txt', false],
      ['docs/guide.md', true],
      ['docs/README.md', false],
      ['b.tmp', true],
      ['d.tmp', false],
      ['src/index.js', false],
      ['./node_modules/x', true],
    ];
    assert.deepStrictEqual(cases.map(([file]) => [file, isIgnored(patterns, file)]), cases);
  });
});

describe('CopyIgnoredFile (BuildKit rule, on by default since BuildKit 0.27)', () => {
  const text = (directive: string) =>
    `${directive}FROM alpine\nCOPY package.json node_modules/ /app/\nCOPY --from=build /out/node_modules /app\nCOPY src/*.log /logs/\nCOPY <<EOF /etc/motd\nhi\nEOF\n`;
  const check = copyIgnoredFileCheck(parseDockerignore('node_modules\n*.log\n'), '.dockerignore');
  const lines = (dockerfile: string, ignore: string) =>
    diagnoseDockerfile(parseDockerfile(dockerfile), {}, [copyIgnoredFileCheck(parseDockerignore(ignore), '.dockerignore')])
      .map((d) => [d.code, d.range.start.line, d.range.start.character]);

  it('reports a context source that .dockerignore excludes, without being turned on', () => {
    const diagnostics = diagnoseDockerfile(parseDockerfile(text('')), {}, [check]);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.message, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['CopyIgnoredFile', '"node_modules/" is excluded from the build context by .dockerignore, so COPY cannot copy it.', 1, 18, 31]],
    );
  });

  it('is turned off like any stable rule: check=skip, a per-instruction check comment, or the setting', () => {
    assert.deepStrictEqual(diagnoseDockerfile(parseDockerfile(text('# check=skip=CopyIgnoredFile\n')), {}, [check]), []);
    assert.deepStrictEqual(diagnoseDockerfile(parseDockerfile(text('# check=experimental=all;skip=all\n')), {}, [check]), []);
    assert.deepStrictEqual(diagnoseDockerfile(parseDockerfile('FROM alpine\n# check=skip=CopyIgnoredFile\nCOPY node_modules /a/\nCOPY node_modules /b/\n'), {}, [check])
      .map((d) => d.range.start.line), [3]);
    assert.deepStrictEqual(diagnoseDockerfile(parseDockerfile(text('')), { severity: { CopyIgnoredFile: 'off' } }, [check]), []);
  });

  it('says nothing when the ignore file has an exception (!pattern), as BuildKit', () => {
    assert.deepStrictEqual(lines('FROM alpine\nCOPY node_modules /a/\nCOPY . /b/\n', 'node_modules\n*\n!src\n'), []);
  });

  it('reports the context root only for a catch-all pattern', () => {
    for (const ignore of ['*\n', '**\n', '**/*\n', './*\n']) {
      assert.deepStrictEqual(lines('FROM alpine\nCOPY . /a/\nCOPY ./ /b/\n', ignore), [['CopyIgnoredFile', 1, 5], ['CopyIgnoredFile', 2, 5]], ignore);
    }
    for (const ignore of ['.*\n', '*/*\n', 'node_modules\n', '*.log\n']) assert.deepStrictEqual(lines('FROM alpine\nCOPY . /a/\n', ignore), [], ignore);
  });

  it('matches parents and cleans paths as the builder does; skips variables, wildcards, URLs and other stages', () => {
    assert.deepStrictEqual(lines('FROM alpine\nCOPY ./node_modules/x/../y /a/\nCOPY docs/a.md /b/\nCOPY logs/app.log /c/\n', 'node_modules\ndocs\n*.log\n'),
      [['CopyIgnoredFile', 1, 5], ['CopyIgnoredFile', 2, 5]]);
    assert.deepStrictEqual(lines('FROM alpine\nARG D=docs\nCOPY $D /a/\nCOPY doc? /b/\nADD https://example.com/docs /c/\nCOPY --from=alpine docs /d/\n', 'docs\n'), []);
  });

  it('reads <Dockerfile>.dockerignore before .dockerignore (each once read, asynchronously)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-ignore-'));
    try {
      fs.writeFileSync(path.join(dir, '.dockerignore'), 'a\n');
      const access = new FileAccess(() => ({ maxBytes: 1024 * 1024, readOutsideWorkspace: false, roots: [] }));
      const files = new DockerignoreFiles(access);
      const uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
      assert.strictEqual(files.forDockerfile(uri), undefined, 'not read yet');
      await access.settled(5000);
      assert.deepStrictEqual(files.forDockerfile(uri)?.name, '.dockerignore');
      fs.writeFileSync(path.join(dir, 'Dockerfile.dockerignore'), 'b\n');
      assert.strictEqual(files.forDockerfile(uri), undefined, 'the Dockerfile\'s own file is loading: .dockerignore does not apply');
      await access.settled(5000);
      assert.deepStrictEqual(
        [files.forDockerfile(uri)?.name, files.forDockerfile(uri)?.patterns.map((p) => p.pattern)],
        ['Dockerfile.dockerignore', ['b']],
      );
      assert.strictEqual(files.forDockerfile('untitled:Untitled-1'), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
