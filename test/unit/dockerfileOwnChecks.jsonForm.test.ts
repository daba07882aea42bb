// Our own Dockerfile checks on the JSON (exec) form. Helpers: ./support/ownChecks.
import * as assert from 'assert';
import { fires, fixOf, none, rangeOf } from './support/ownChecks';

describe('Own Dockerfile checks: JSON form', () => {
  it('shell-json-form: single quotes, with a fix to double quotes', () => {
    const text = "FROM alpine\nCMD ['node', 'server.js']\n";
    fires(text, 'shell-json-form', {
      severity: 'warning',
      message: 'This looks like a JSON array but it uses single quotes (JSON needs double quotes), so Docker will run the whole text of CMD through a shell instead of as an exec-form command.',
      at: "['node', 'server.js']",
    });
    assert.deepStrictEqual(fixOf(text, 'shell-json-form'), { title: 'Rewrite as a JSON array', range: rangeOf(text, "['node', 'server.js']"), newText: '["node", "server.js"]' });
    none('FROM alpine\nCMD ["node", "server.js"]\nRUN [ -f /etc/os-release ] && echo ok\nRUN [ "$A" = "b" ] || exit 1\n', 'shell-json-form');
  });

  it('shell-json-form: the fix rewrites the array only where it can place it exactly', () => {
    // HEALTHCHECK over two lines: the array starts after `CMD`, and a fix over all the arguments would drop `CMD`.
    const healthcheck = "FROM alpine\nHEALTHCHECK CMD ['curl', \\\n  'x']\n";
    assert.strictEqual(fixOf(healthcheck, 'shell-json-form'), undefined);
    const oneLine = "FROM alpine\nHEALTHCHECK CMD ['curl', 'x']\n";
    assert.deepStrictEqual(fixOf(oneLine, 'shell-json-form'), { title: 'Rewrite as a JSON array', range: rangeOf(oneLine, "['curl', 'x']"), newText: '["curl", "x"]' });
    // The arguments are the array alone: the whole of them, over both lines.
    const cmd = "FROM alpine\nCMD ['a', \\\n  'b']\n";
    assert.deepStrictEqual(fixOf(cmd, 'shell-json-form'), { title: 'Rewrite as a JSON array', range: { start: { line: 1, character: 4 }, end: { line: 2, character: 6 } }, newText: '["a", "b"]' });
  });

  it('shell-json-form: a trailing comma', () => {
    fires('FROM alpine\nENTRYPOINT ["a", "b",]\n', 'shell-json-form', {
      severity: 'warning',
      message: 'This looks like a JSON array but it has a comma before the closing ], so Docker will run the whole text of ENTRYPOINT through a shell instead of as an exec-form command.',
      at: '["a", "b",]',
    });
  });

  it('json-trailing-text: Docker reads one JSON array and drops the rest', () => {
    const text = 'FROM alpine\nCMD ["a"] # the app\nCMD ["b"] && c\n';
    fires(text, 'json-trailing-text',
      { severity: 'information', message: 'Docker ignores the text after the JSON array, so "# the app" is not a comment but is dropped; put comments on their own line.', at: '# the app' },
      { severity: 'warning', message: 'Docker ignores the text after the JSON array: "&& c" is not part of the CMD command.', at: '&& c' });
    assert.deepStrictEqual(fixOf(text, 'json-trailing-text'), { title: 'Remove the text after the array', range: rangeOf(text, ' # the app'), newText: '' });
    none('FROM alpine\nCMD ["a"]   \nCMD [ "b" ]\n', 'json-trailing-text');
  });

  it('invalid-json: SHELL needs a JSON array', () => {
    const text = 'FROM alpine\nSHELL /bin/bash -c\n';
    fires(text, 'invalid-json', { severity: 'error', message: 'SHELL must be written as a JSON array: SHELL ["/bin/bash", "-c"].', at: '/bin/bash -c' });
    assert.deepStrictEqual(fixOf(text, 'invalid-json'), { title: 'Rewrite as a JSON array', range: rangeOf(text, '/bin/bash -c'), newText: '["/bin/bash", "-c"]' });
    none('FROM alpine\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n', 'invalid-json');
  });

  it('invalid-json: a non-string element stops the build', () => {
    fires('FROM alpine\nCMD ["sleep", 10]\n', 'invalid-json', {
      severity: 'error', message: 'The JSON array of CMD may only contain strings; 10 is not a string.', at: '["sleep", 10]',
    });
    none('FROM alpine\nCMD ["sleep", "10"]\n', 'invalid-json');
  });

  it('invalid-json: a broken array runs as a shell command', () => {
    fires('FROM alpine\nCMD ["a" "b"]\n', 'invalid-json', {
      severity: 'warning',
      message: 'This is not a valid JSON array, so Docker will run the whole text of CMD through a shell instead of as an exec-form command.',
      at: '["a" "b"]',
    });
    none('FROM alpine\nRUN [ "$(uname -m)" = "x86_64" ] && make\n', 'invalid-json');
  });
});

describe('Own Dockerfile checks: JSON form of COPY and VOLUME', () => {
  it('shell-json-form: COPY and VOLUME fall back to plain words, not to a shell', () => {
    fires("FROM alpine\nVOLUME ['/data']\n", 'shell-json-form', {
      severity: 'warning',
      message: 'This looks like a JSON array but it uses single quotes (JSON needs double quotes), so Docker reads VOLUME as space-separated words, brackets and quotes included.',
      at: "['/data']",
    });
    none('FROM alpine\nVOLUME ["/data"]\nCOPY ["a", "/b/"]\n', 'shell-json-form');
  });
});
