import * as assert from 'assert';
import { completeDockerfile } from '../../server/src/dockerfile/completion';

/** Splits "text with | as the cursor" into text and position. */
function at(marked: string): [string, { line: number; character: number }] {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  return [marked.replace('|', ''), { line: before.length - 1, character: before[before.length - 1].length }];
}

describe('Dockerfile instruction completion', () => {
  it('offers every instruction at the start of a line, with a description', () => {
    const items = completeDockerfile(...at('FROM alpine\n|'));
    assert.deepStrictEqual(
      items.map((i) => i.label),
      ['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER'],
    );
    const run = items.find((i) => i.label === 'RUN')!;
    assert.strictEqual(run.detail, 'Runs a command in a new layer while the image is built.');
    assert.strictEqual(run.insertText, 'RUN ${1:command}');
    assert.match(String((run.documentation as { value: string }).value), /https:\/\/docs\.docker\.com\/reference\/dockerfile\/#run/);
  });

  it('keeps the case the user types', () => {
    assert.strictEqual(completeDockerfile(...at('ru|'))[1].label, 'run');
  });

  it('offers nothing after the keyword or inside a continued instruction', () => {
    assert.deepStrictEqual(completeDockerfile(...at('RUN apt-get |')), []);
    assert.deepStrictEqual(completeDockerfile(...at('RUN apt-get update && \\\n  # a comment\n  |')), []);
  });

  it('honours the escape directive', () => {
    assert.deepStrictEqual(completeDockerfile(...at('# escape=`\nRUN dir `\n  |')), []);
    assert.strictEqual(completeDockerfile(...at('# escape=`\nRUN dir c:\\\n|')).length, 18);
  });
});
