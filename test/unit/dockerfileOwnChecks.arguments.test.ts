// Our own Dockerfile checks on instruction arguments. Helpers: ./support/ownChecks.
import * as assert from 'assert';
import { fires, fixOf, none, rangeOf } from './support/ownChecks';

describe('Own Dockerfile checks: arguments', () => {
  it('missing-argument: an instruction BuildKit rejects without arguments', () => {
    fires('FROM alpine\nWORKDIR\n', 'missing-argument', { severity: 'error', message: 'WORKDIR needs a path.', at: 'WORKDIR' });
    fires('FROM alpine\nONBUILD\n', 'missing-argument', { severity: 'error', message: 'ONBUILD needs an instruction to run later, e.g. ONBUILD COPY . /app.', at: 'ONBUILD' });
    none('FROM alpine\nCMD\nENTRYPOINT []\nCMD []\n', 'missing-argument');
  });

  it('missing-argument: RUN without a command is only a warning', () => {
    fires('FROM alpine\nRUN --network=none\n', 'missing-argument', { severity: 'warning', message: 'RUN has no command to run.', at: 'RUN' });
    none('FROM alpine\nRUN <<EOF\necho\nEOF\n', 'missing-argument');
  });

  it('missing-argument: COPY without a destination', () => {
    fires('FROM alpine\nCOPY app.py\n', 'missing-argument', {
      severity: 'error', message: 'COPY needs a source and a destination; only "app.py" is given.', at: 'app.py',
    });
    none('FROM alpine\nCOPY app.py /app/\nCOPY ["a b", "/c/"]\nCOPY <<EOF /etc/x\nhi\nEOF\n', 'missing-argument');
  });

  it('missing-argument: ENV in the legacy form without a value, and FROM ... AS without a name', () => {
    fires('FROM alpine\nENV DEBUG\n', 'missing-argument', { severity: 'error', message: 'ENV DEBUG has no value: write ENV DEBUG=<value>.', at: 'DEBUG' });
    fires('FROM alpine AS\n', 'missing-argument', { severity: 'error', message: 'AS must be followed by a stage name.', at: 'AS' });
    none('FROM alpine\nENV DEBUG 1\nENV A=1 B="two words"\n', 'missing-argument');
  });

  it('missing-argument: an empty VOLUME path and HEALTHCHECK CMD without a command', () => {
    fires('FROM alpine\nVOLUME ["/data", ""]\n', 'missing-argument', { severity: 'error', message: 'A VOLUME path cannot be empty.', at: '""' });
    fires('FROM alpine\nHEALTHCHECK CMD\n', 'missing-argument', { severity: 'error', message: 'HEALTHCHECK CMD needs the command that checks the container.', at: 'CMD' });
    none('FROM alpine\nVOLUME ["/data"]\nHEALTHCHECK CMD ["/bin/check"]\n', 'missing-argument');
  });

  it('extra-argument: FROM takes one image and an optional AS name', () => {
    fires('FROM alpine latest\n', 'extra-argument', {
      severity: 'error', message: 'FROM takes one image, optionally followed by AS <name>; "latest" is not AS.', at: 'latest',
    });
    fires('FROM alpine AS build extra\n', 'extra-argument', {
      severity: 'error', message: 'FROM takes one image, optionally followed by AS <name>; "extra" is one word too many.', at: 'extra',
    });
    none('FROM alpine\nFROM alpine as build\n', 'extra-argument');
  });

  it('extra-argument: HEALTHCHECK NONE takes nothing', () => {
    fires('FROM alpine\nHEALTHCHECK NONE CMD true\n', 'extra-argument', { severity: 'error', message: 'HEALTHCHECK NONE takes no arguments.', at: 'CMD true' });
    none('FROM alpine\nHEALTHCHECK NONE\n', 'extra-argument');
  });

  it('extra-argument: WORKDIR and USER read the whole line as one value', () => {
    fires('FROM alpine\nWORKDIR /app /src\n', 'extra-argument', {
      severity: 'warning', message: 'WORKDIR takes one path; this creates one directory named "/app /src", spaces included.', at: '/src',
    });
    fires('FROM alpine\nUSER app staff\n', 'extra-argument', {
      severity: 'warning', message: 'USER takes one user[:group], e.g. USER app:staff; "app staff" is read as a single name containing a space.', at: 'staff',
    });
    none('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\Program Files (x86)\\App\nUSER NT AUTHORITY\\SYSTEM\n', 'extra-argument');
  });

  it('unknown-healthcheck-type: HEALTHCHECK needs CMD or NONE', () => {
    fires('FROM alpine\nHEALTHCHECK CMDD curl -f localhost\n', 'unknown-healthcheck-type', {
      severity: 'error', message: 'HEALTHCHECK expects CMD <command> or NONE, not "CMDD" (did you mean CMD?).', at: 'CMDD',
    });
    none('FROM alpine\nHEALTHCHECK --interval=5s cmd curl -f localhost\n', 'unknown-healthcheck-type');
  });

  it('missing-equals: later ENV words without "="', () => {
    fires('FROM alpine\nENV A=1 B\n', 'missing-equals', {
      severity: 'error', message: '"B" has no "=": once the first pair of ENV uses name=value, every word must.', at: 'B',
    });
    none('FROM alpine\nENV A=1 B=2\nLABEL version 1.0 beta\n', 'missing-equals');
  });

  it('empty-name: "=value" without a name', () => {
    fires('FROM alpine\nLABEL =x\n', 'empty-name', { severity: 'error', message: 'LABEL needs a name before "=".', at: '=x' });
    none('FROM alpine\nLABEL a=\nARG B=\n', 'empty-name');
  });

  it('invalid-arg-name: an ARG that no $NAME can reach', () => {
    fires('FROM alpine\nARG my-version=1\n', 'invalid-arg-name', {
      severity: 'information', message: '"my-version" is not a valid variable name (letters, digits and _), so $my-version can never refer to it.', at: 'my-version',
    });
    none('FROM alpine\nARG MY_VERSION=1 _x\n', 'invalid-arg-name');
  });

  it('copy-remote-source: COPY does not download', () => {
    fires('FROM alpine\nCOPY https://example.com/tool.tgz /opt/\n', 'copy-remote-source', {
      severity: 'error', message: 'COPY cannot read a URL ("https://example.com/tool.tgz"); use ADD, or download it in a RUN step.', at: 'https://example.com/tool.tgz',
    });
    none('FROM alpine\nADD https://example.com/tool.tgz /opt/\nCOPY --from=build http/file /opt/\n', 'copy-remote-source');
  });

  it('copy-quoted-space: shell-form COPY splits at spaces before removing quotes', () => {
    const text = 'FROM alpine\nCOPY "my file.txt" /app/\n';
    fires(text, 'copy-quoted-space', {
      severity: 'error',
      message: 'COPY splits its arguments at spaces before removing quotes, so "my file.txt" breaks apart; use the JSON form for paths with spaces.',
      at: '"my file.txt"',
    });
    assert.deepStrictEqual(fixOf(text, 'copy-quoted-space'), { title: 'Rewrite in JSON form', range: rangeOf(text, '"my file.txt" /app/'), newText: '["my file.txt", "/app/"]' });
    none('FROM alpine\nCOPY "file.txt" /app/\nCOPY ["my file.txt", "/app/"]\n', 'copy-quoted-space');
  });

  it('copy-destination-not-directory: several sources need a directory destination', () => {
    const text = 'FROM alpine\nCOPY package.json package-lock.json /app\n';
    fires(text, 'copy-destination-not-directory', {
      severity: 'warning', message: 'COPY has 2 sources, so the destination "/app" should end with "/" to be a directory.', at: '/app',
    });
    const end = rangeOf(text, '/app').end;
    assert.deepStrictEqual(fixOf(text, 'copy-destination-not-directory'), { title: 'Add a trailing "/"', range: { start: end, end }, newText: '/' });
    none('FROM alpine\nCOPY a b /app/\nCOPY a b .\nCOPY a b $DEST\nCOPY a /app\nCOPY ["a", "b", "C:\\\\app\\\\"]\n', 'copy-destination-not-directory');
  });
});
