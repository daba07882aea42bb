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

describe('CopyIgnoredFile (experimental BuildKit rule)', () => {
  const text = (directive: string) =>
    `${directive}FROM alpine\nCOPY package.json node_modules/ /app/\nCOPY --from=build /out/node_modules /app\nCOPY src/*.log /logs/\nCOPY <<EOF /etc/motd\nhi\nEOF\n`;
  const check = copyIgnoredFileCheck(parseDockerignore('node_modules\n*.log\n'), '.dockerignore');

  it('reports a context source that .dockerignore excludes, when the rule is turned on', () => {
    const diagnostics = diagnoseDockerfile(parseDockerfile(text('# check=experimental=CopyIgnoredFile\n')), {}, [check]);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.message, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['CopyIgnoredFile', '"node_modules/" is excluded from the build context by .dockerignore, so COPY cannot copy it.', 2, 18, 31]],
    );
  });

  it('stays quiet unless turned on, as in BuildKit', () => {
    assert.deepStrictEqual(diagnoseDockerfile(parseDockerfile(text('')), {}, [check]), []);
    assert.strictEqual(diagnoseDockerfile(parseDockerfile(text('')), { severity: { CopyIgnoredFile: 'warning' } }, [check]).length, 1);
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
