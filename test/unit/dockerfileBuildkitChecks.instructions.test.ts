// BuildKit build checks on the form of instructions (continuations, JSON args, MAINTAINER, WORKDIR, repeats,
// legacy key value, EXPOSE). Helpers: ./support/buildkitChecks.
import * as assert from 'assert';
import { found, lint, none, range } from './support/buildkitChecks';

describe('BuildKit build checks', () => {
  describe('NoEmptyContinuation', () => {
    it('reports an empty line inside a continuation once per instruction, where BuildKit does: on the last joined line', () => {
      assert.deepStrictEqual(found('FROM scratch\nCOPY a \\\n\n  \\\n\nb\n', 'NoEmptyContinuation'), [{
        code: 'NoEmptyContinuation',
        message: 'Empty line inside this continued instruction (line 3): this is planned to become an error; remove it (a comment line is fine).',
        range: range(5, 0, 1),
      }]);
      assert.deepStrictEqual(lint('FROM scratch\nRUN a \\\n\n  b \\\n  c\nRUN d\n', 'NoEmptyContinuation').map((f) => [f.range.start.line, f.fix?.range.start.line]), [[4, 2]]);
    });
    it('stops at the heredoc body: the line with the opener is where the continuation ends', () => {
      assert.deepStrictEqual(found('FROM scratch\nRUN \\\n\n  cat <<EOF\nhello\nEOF\n', 'NoEmptyContinuation').map((f) => f.range), [range(3, 0, 11)]);
    });
    it('accepts comment lines inside a continuation', () => none('FROM scratch\nCOPY a \\\n# note\nb\n', 'NoEmptyContinuation'));
  });

  describe('JSONArgsRecommended', () => {
    it('reports CMD and ENTRYPOINT in shell form, on the command', () => {
      assert.deepStrictEqual(found('FROM scratch\nCMD mycommand\n', 'JSONArgsRecommended'), [{
        code: 'JSONArgsRecommended',
        message: 'CMD in shell form runs under /bin/sh -c, which does not pass stop signals to your program; write it as a JSON array, e.g. CMD ["executable", "arg"].',
        range: range(1, 4, 13),
      }]);
      assert.strictEqual(found('FROM scratch\nENTRYPOINT [ "a", \'b\' ]\n', 'JSONArgsRecommended').length, 1);
    });
    it('accepts JSON form, and shell form after SHELL (also in a parent stage)', () => {
      none('FROM scratch\nCMD ["mycommand"]\nENTRYPOINT ["a"]\n', 'JSONArgsRecommended');
      none('FROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nCMD mycommand\n', 'JSONArgsRecommended');
    });
  });

  describe('MaintainerDeprecated', () => {
    it('reports MAINTAINER on its keyword, tagged deprecated', () => {
      assert.deepStrictEqual(found('FROM scratch\nMAINTAINER me@example.org\n', 'MaintainerDeprecated'), [{
        code: 'MaintainerDeprecated',
        message: 'MAINTAINER is deprecated; set the author with LABEL org.opencontainers.image.authors="..." instead.',
        range: range(1, 0, 10),
      }]);
      assert.deepStrictEqual(lint('FROM scratch\nMAINTAINER me\n', 'MaintainerDeprecated')[0].tags, ['deprecated']);
    });
    it('accepts the authors label', () => none('FROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n', 'MaintainerDeprecated'));
  });

  describe('WorkdirRelativePath', () => {
    it('reports a relative WORKDIR before any absolute one', () => {
      assert.deepStrictEqual(found('FROM scratch\nWORKDIR app/\nWORKDIR more\n', 'WorkdirRelativePath'), [{
        code: 'WorkdirRelativePath',
        message: 'WORKDIR "app/" is relative to the base image\'s working directory, which may change with the image; set an absolute WORKDIR first.',
        range: range(1, 8, 12),
      }]);
    });
    it('accepts a relative WORKDIR after an absolute one, also from a parent stage, and paths from variables', () => {
      none('FROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n', 'WorkdirRelativePath');
      none('FROM scratch\nENV APP=/srv/app\nWORKDIR $APP\n', 'WorkdirRelativePath');
      none('FROM golang\nWORKDIR $GOPATH/src\n', 'WorkdirRelativePath');
      none('FROM mcr.microsoft.com/windows/servercore\nWORKDIR C:\\\\app\n', 'WorkdirRelativePath');
    });
  });

  describe('MultipleInstructionsDisallowed', () => {
    it('reports each CMD, ENTRYPOINT and HEALTHCHECK that a later one replaces, tagged unnecessary', () => {
      const text = 'FROM scratch\nENTRYPOINT ["/a"]\nCMD ["/a"]\nHEALTHCHECK CMD ["/a"]\nENTRYPOINT ["/b"]\nCMD ["/b"]\nHEALTHCHECK NONE\n';
      assert.deepStrictEqual(found(text, 'MultipleInstructionsDisallowed'), [
        { code: 'MultipleInstructionsDisallowed', message: 'This ENTRYPOINT has no effect: a later ENTRYPOINT in the same stage (line 5) replaces it.', range: range(1, 0, 10) },
        { code: 'MultipleInstructionsDisallowed', message: 'This CMD has no effect: a later CMD in the same stage (line 6) replaces it.', range: range(2, 0, 3) },
        { code: 'MultipleInstructionsDisallowed', message: 'This HEALTHCHECK has no effect: a later HEALTHCHECK in the same stage (line 7) replaces it.', range: range(3, 0, 11) },
      ]);
      assert.deepStrictEqual(lint(text, 'MultipleInstructionsDisallowed')[0].tags, ['unnecessary']);
    });
    it('accepts one per stage', () => none('FROM scratch AS a\nCMD ["/a"]\n\nFROM a AS b\nCMD ["/b"]\n', 'MultipleInstructionsDisallowed'));
  });

  describe('LegacyKeyValueFormat', () => {
    it('reports ENV and LABEL without =, with a fix', () => {
      assert.deepStrictEqual(found('FROM scratch\nENV testkey value\nLABEL key some value\n', 'LegacyKeyValueFormat'), [
        { code: 'LegacyKeyValueFormat', message: "Write ENV testkey=<value>: the form without '=' is deprecated and takes the whole rest of the line as the value.", range: range(1, 4, 17) },
        { code: 'LegacyKeyValueFormat', message: "Write LABEL key=<value>: the form without '=' is deprecated and takes the whole rest of the line as the value.", range: range(2, 6, 20) },
      ]);
      assert.deepStrictEqual(lint('FROM scratch\nLABEL key some value\n', 'LegacyKeyValueFormat')[0].fix,
        { title: 'Change to key="some value"', range: range(1, 6, 20), newText: 'key="some value"' });
    });
    it('accepts key=value and ARG', () => none('FROM scratch\nENV testkey=value\nLABEL key=value\nARG a b\n', 'LegacyKeyValueFormat'));
  });

  describe('ExposeProtoCasing', () => {
    it('reports an upper-case protocol, on the protocol, with a fix', () => {
      assert.deepStrictEqual(found('FROM scratch\nEXPOSE 80/TCP\n', 'ExposeProtoCasing'), [{
        code: 'ExposeProtoCasing', message: "Write the protocol of '80/TCP' in lower case: 'tcp'.", range: range(1, 10, 13),
      }]);
      assert.deepStrictEqual(lint('FROM scratch\nEXPOSE 53/Udp\n', 'ExposeProtoCasing')[0].fix, { title: "Change to 'udp'", range: range(1, 10, 13), newText: 'udp' });
    });
    it('offers no fix on a port split over two lines (it would replace the whole port)', () => {
      const [finding] = lint('FROM scratch\nEXPOSE 80/\\\nTCP\n', 'ExposeProtoCasing');
      assert.strictEqual(finding.message, "Write the protocol of '80/TCP' in lower case: 'tcp'.");
      assert.strictEqual(finding.fix, undefined);
    });
    it('accepts lower case and expanded variables', () => none('FROM scratch\nEXPOSE 80/tcp 53/udp 9000-9010\nARG P=80/tcp\nEXPOSE $P\n', 'ExposeProtoCasing'));
  });

  describe('ExposeInvalidFormat', () => {
    it('reports an IP address or host port', () => {
      assert.deepStrictEqual(found('FROM scratch\nEXPOSE 127.0.0.1:80:80 8080:80/udp\n', 'ExposeInvalidFormat'), [
        { code: 'ExposeInvalidFormat', message: "EXPOSE '127.0.0.1:80:80' names a host address or port; EXPOSE takes only the container port (publish host ports with docker run -p). This is planned to become an error.", range: range(1, 7, 22) },
        { code: 'ExposeInvalidFormat', message: "EXPOSE '8080:80/udp' names a host address or port; EXPOSE takes only the container port (publish host ports with docker run -p). This is planned to become an error.", range: range(1, 23, 34) },
      ]);
    });
    it('accepts ports and ranges', () => none('FROM scratch\nEXPOSE 80 443/udp 8000-8010\n', 'ExposeInvalidFormat'));
  });
});
