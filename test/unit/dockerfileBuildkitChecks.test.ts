import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { BUILDKIT_RULE_NAMES, buildkitChecks } from '../../server/src/dockerfile/checks/buildkit';
import { expandWord } from '../../server/src/dockerfile/checks/buildkitExpand';
import { isValidImageReference, parsePlatform } from '../../server/src/dockerfile/checks/buildkitReference';
import type { Finding } from '../../server/src/dockerfile/checks/types';
import { CHECK_RULES } from '../../server/src/dockerfile/docs/checks';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

function lint(text: string, code?: string): Finding[] {
  return buildkitChecks(parseDockerfile(text)).filter((f) => code === undefined || f.code === code);
}

/** code, message and range of each finding of `code`. */
function found(text: string, code: string): { code: string; message: string; range: Range }[] {
  return lint(text, code).map((f) => ({ code: f.code, message: f.message, range: f.range }));
}

function range(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

function none(text: string, code: string): void {
  assert.deepStrictEqual(found(text, code), [], `${code} should not fire on:\n${text}`);
}

describe('BuildKit build checks', () => {
  it('implements every stable rule of the reference except CopyIgnoredFile', () => {
    const stable = CHECK_RULES.filter((r) => !r.experimental).map((r) => r.name).sort();
    assert.deepStrictEqual([...BUILDKIT_RULE_NAMES].sort(), stable);
    for (const finding of lint('FROM scratch AS Bad\nMAINTAINER x\nCMD run\nCMD run\nENV a b\n')) {
      assert.strictEqual(finding.severity, 'warning');
    }
  });

  describe('StageNameCasing', () => {
    it('reports an upper-case stage name, with the lower-case fix', () => {
      assert.deepStrictEqual(found('FROM alpine AS Build\n', 'StageNameCasing'), [{
        code: 'StageNameCasing', message: "Stage name 'Build' should be written in lower case, as 'build'.", range: range(0, 15, 20),
      }]);
      assert.deepStrictEqual(lint('FROM alpine AS Build\n', 'StageNameCasing')[0].fix, { title: "Change to 'build'", range: range(0, 15, 20), newText: 'build' });
    });
    it('accepts lower-case names', () => none('FROM alpine AS build-env.1_x\n', 'StageNameCasing'));
  });

  describe('FromAsCasing', () => {
    it('reports AS in another case than FROM, on the AS keyword', () => {
      assert.deepStrictEqual(found('FROM alpine as build\n', 'FromAsCasing'), [{
        code: 'FromAsCasing', message: "'as' does not match the case of 'FROM'; write 'AS'.", range: range(0, 12, 14),
      }]);
      assert.deepStrictEqual(found('from alpine AS build\n', 'FromAsCasing')[0].message, "'AS' does not match the case of 'from'; write 'as'.");
    });
    it('accepts matching case, and leaves a mixed-case FROM to ConsistentInstructionCasing', () => {
      none('FROM alpine AS build\nfrom alpine as other\n', 'FromAsCasing');
      none('From alpine as build\n', 'FromAsCasing');
    });
  });

  describe('NoEmptyContinuation', () => {
    it('reports the empty line inside a continuation, once per instruction', () => {
      assert.deepStrictEqual(found('FROM scratch\nCOPY a \\\n\n  \\\n\nb\n', 'NoEmptyContinuation'), [{
        code: 'NoEmptyContinuation',
        message: 'Empty line inside a continued instruction: this is planned to become an error; remove it (a comment line is fine).',
        range: range(2, 0, 0),
      }]);
    });
    it('accepts comment lines inside a continuation', () => none('FROM scratch\nCOPY a \\\n# note\nb\n', 'NoEmptyContinuation'));
  });

  describe('ConsistentInstructionCasing', () => {
    it('reports instructions against the majority case, and mixed-case keywords', () => {
      assert.deepStrictEqual(found('FROM scratch\ncopy a /b\nCOPY c /d\n', 'ConsistentInstructionCasing'), [{
        code: 'ConsistentInstructionCasing',
        message: "'copy' should be written 'COPY', in the upper case most instructions of this file use.",
        range: range(1, 0, 4),
      }]);
      assert.deepStrictEqual(found('frOM scratch\ncopy a /b\n', 'ConsistentInstructionCasing').map((f) => f.message),
        ["'frOM' should be written 'from', in the lower case most instructions of this file use."]);
    });
    it('accepts a file written in one case; global ARGs do not count', () => {
      none('from scratch\ncopy a /b\n', 'ConsistentInstructionCasing');
      none('ARG X=1\nARG Y=2\nfrom scratch\n', 'ConsistentInstructionCasing');
    });
  });

  describe('DuplicateStageName', () => {
    it('reports the second stage with a name already used (case-insensitively)', () => {
      assert.deepStrictEqual(found('FROM scratch AS b\nFROM scratch AS b\n', 'DuplicateStageName'), [{
        code: 'DuplicateStageName', message: "A stage named 'b' is already defined above; stage names must be unique.", range: range(1, 16, 17),
      }]);
      assert.strictEqual(found('FROM scratch AS b\nFROM scratch AS B\n', 'DuplicateStageName').length, 1);
    });
    it('accepts distinct names', () => none('FROM scratch AS b1\nFROM scratch AS b2\n', 'DuplicateStageName'));
  });

  describe('ReservedStageName', () => {
    it('reports scratch and context as stage names', () => {
      assert.deepStrictEqual(found('FROM scratch AS scratch\nFROM scratch AS context\n', 'ReservedStageName'), [
        { code: 'ReservedStageName', message: "'scratch' is reserved (it already means the empty image); give the stage another name.", range: range(0, 16, 23) },
        { code: 'ReservedStageName', message: "'context' is reserved (it already means the build context); give the stage another name.", range: range(1, 16, 23) },
      ]);
    });
    it('accepts scratch as the base image', () => none('FROM scratch\nFROM scratch AS a\n', 'ReservedStageName'));
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

  describe('UndefinedArgInFrom', () => {
    it('reports a FROM variable no global ARG declares, suggesting a close name', () => {
      assert.deepStrictEqual(found('FROM --platform=$BULIDPLATFORM scratch\n', 'UndefinedArgInFrom'), [{
        code: 'UndefinedArgInFrom',
        message: 'FROM uses $BULIDPLATFORM, but no ARG before the first FROM declares it (did you mean BUILDPLATFORM?); it expands to an empty string.',
        range: range(0, 17, 30),
      }]);
      assert.deepStrictEqual(found('ARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n', 'UndefinedArgInFrom')[0].message,
        'FROM uses $MYARCH, but no ARG before the first FROM declares it (did you mean MY_ARCH?); it expands to an empty string.');
      assert.deepStrictEqual(found('ARG tag=latest\nFROM busybox:${tag}${version} AS b\n', 'UndefinedArgInFrom').map((f) => f.range), [range(1, 21, 28)]);
    });
    it('accepts global ARGs (with or without default) and the automatic platform ARGs', () => {
      none('ARG base=scratch\nFROM $base\n', 'UndefinedArgInFrom');
      none('FROM --platform=$BUILDPLATFORM scratch\n', 'UndefinedArgInFrom');
      none('ARG DEBUG\nFROM scra${DEBUG:-tch}\n', 'UndefinedArgInFrom');
    });
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

  describe('UndefinedVar', () => {
    it('reports a variable used before its ARG', () => {
      assert.deepStrictEqual(found('FROM scratch\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n', 'UndefinedVar'), [{
        code: 'UndefinedVar',
        message: '$foo is not defined here: no ARG or ENV before this line sets it, so it expands to an empty string.',
        range: range(1, 6, 9),
      }]);
    });
    it('suggests a close name, with a fix', () => {
      const text = 'FROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSET .\nENV PATH=$PAHT:/tmp/bin\n';
      assert.deepStrictEqual(found(text, 'UndefinedVar'), [
        { code: 'UndefinedVar', message: '$DIR_ASSET is not defined here (did you mean $DIR_ASSETS?).', range: range(3, 6, 15) },
        { code: 'UndefinedVar', message: '$PAHT is not defined here (did you mean $PATH?).', range: range(4, 10, 14) },
      ]);
      assert.deepStrictEqual(lint(text, 'UndefinedVar')[0].fix, { title: 'Change to $DIR_ASSETS', range: range(3, 6, 15), newText: 'DIR_ASSETS' });
    });
    it('explains global ARGs, platform ARGs, other stages and values of the same ENV', () => {
      const text = 'ARG VERSION=1\nFROM scratch AS a\nARG ONLY_A=1\nFROM scratch\nCOPY $VERSION $TARGETARCH $ONLY_A /x\nENV A=1 B=$A\n';
      assert.deepStrictEqual(found(text, 'UndefinedVar').map((f) => f.message), [
        '$VERSION is not defined here; VERSION is a global ARG (declared before the first FROM): add `ARG VERSION` to this stage to use it.',
        '$TARGETARCH is not defined here; TARGETARCH is set automatically only for FROM lines: add `ARG TARGETARCH` to this stage first.',
        '$ONLY_A is not defined here: it is set on line 3, in a stage this one is not built FROM.',
        '$A is not defined here: this ENV sets A too, but its values are expanded with what was set before the instruction; set A in an earlier ENV.',
      ]);
    });
    it('checks what the builder expands: COPY --chown, RUN --mount, ARG defaults, USER, LABEL', () => {
      const text = 'FROM scratch\nCOPY --chown=$OWNER --from=base a b\nRUN --mount=type=cache,target=$CACHE echo $SHELL_ONLY\nARG V=$NONE\nUSER $WHO\nLABEL a=$LBL\n';
      assert.deepStrictEqual(found(text, 'UndefinedVar').map((f) => f.message.split(' ')[0]), ['$OWNER', '$CACHE', '$NONE', '$WHO', '$LBL']);
    });
    it('accepts ARG/ENV in scope, parent stages, re-declared globals, heredocs, RUN, ONBUILD and predefined names', () => {
      none('FROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n', 'UndefinedVar');
      none('FROM alpine AS base\nARG foo=Dockerfile\nENV BAR=1\n\nFROM base\nCOPY $foo $BAR .\n', 'UndefinedVar');
      none('ARG VERSION=1\nFROM scratch\nARG VERSION\nARG TARGETARCH\nCOPY $VERSION/$TARGETARCH /x\nARG A=1 B=$A\n', 'UndefinedVar');
      none('FROM scratch\nCOPY <<EOF /f\n$NOT_CHECKED\nEOF\nRUN echo $X && cat <<EOF\n$Y\nEOF\nONBUILD COPY $Z /z\nCMD echo $W\n', 'UndefinedVar');
      none('FROM scratch\nENV PATH=$PATH:/x HOME_DIR=$HOME\nCOPY $HTTP_PROXY /p\n', 'UndefinedVar');
    });
    it('accepts what the base image may set (not in a stage FROM scratch)', () => {
      none('FROM golang:1.22\nWORKDIR $GOPATH/src\nENV LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/x\n', 'UndefinedVar');
      none('FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n', 'UndefinedVar');
      assert.strictEqual(found('FROM scratch\nUSER $APP_UID\n', 'UndefinedVar').length, 1);
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

  describe('RedundantTargetPlatform', () => {
    it('reports --platform=$TARGETPLATFORM, with a fix that removes the flag', () => {
      assert.deepStrictEqual(found('FROM --platform=${TARGETPLATFORM} scratch\n', 'RedundantTargetPlatform'), [{
        code: 'RedundantTargetPlatform',
        message: '--platform=${TARGETPLATFORM} changes nothing: stages use the target platform by default.',
        range: range(0, 16, 33),
      }]);
      assert.deepStrictEqual(lint('FROM --platform=$TARGETPLATFORM scratch\n', 'RedundantTargetPlatform')[0].fix,
        { title: 'Remove the --platform flag', range: range(0, 5, 32), newText: '' });
    });
    it('accepts other platforms', () => none('FROM --platform=$BUILDPLATFORM scratch\nFROM --platform=$TARGETOS/$TARGETARCH scratch\n', 'RedundantTargetPlatform'));
  });

  describe('SecretsUsedInArgOrEnv', () => {
    it('reports ARG and ENV names that look like secrets', () => {
      const text = 'FROM scratch\nARG SECRET_PASSPHRASE\nENV SUPER_Secret=foo\nENV password=bar sunflower=foo\n';
      assert.deepStrictEqual(found(text, 'SecretsUsedInArgOrEnv'), [
        { code: 'SecretsUsedInArgOrEnv', message: 'ARG SECRET_PASSPHRASE looks like it holds a secret, which would stay readable in the image; pass it with RUN --mount=type=secret instead.', range: range(1, 4, 21) },
        { code: 'SecretsUsedInArgOrEnv', message: 'ENV SUPER_Secret looks like it holds a secret, which would stay readable in the image; pass it with RUN --mount=type=secret instead.', range: range(2, 4, 16) },
        { code: 'SecretsUsedInArgOrEnv', message: 'ENV password looks like it holds a secret, which would stay readable in the image; pass it with RUN --mount=type=secret instead.', range: range(3, 4, 12) },
      ]);
    });
    it('accepts public, file and version names, other words and global ARGs', () => {
      none('ARG TOKEN\nFROM scratch\nENV PUBLIC_KEY= KEY_FILE=/k TOKEN_VERSION=1 monkey=1\nARG public_token\n', 'SecretsUsedInArgOrEnv');
    });
  });

  describe('InvalidDefaultArgInFrom', () => {
    it('reports a base image that is invalid with the ARG defaults', () => {
      assert.deepStrictEqual(found('ARG VERSION\nFROM busybox:$VERSION\n', 'InvalidDefaultArgInFrom'), [{
        code: 'InvalidDefaultArgInFrom',
        message: 'With the default ARG values, busybox:$VERSION gives "busybox:", which is not a valid image reference; give the ARG a default that works without --build-arg.',
        range: range(1, 5, 21),
      }]);
      assert.deepStrictEqual(found('ARG IMAGE\nFROM $IMAGE\n', 'InvalidDefaultArgInFrom')[0].message,
        'With the default ARG values, $IMAGE gives an empty image name; give the ARG a default that works without --build-arg.');
      assert.strictEqual(found('ARG SFX="box:"\nFROM busy${SFX}\n', 'InvalidDefaultArgInFrom').length, 1);
    });
    it('accepts usable defaults, empty suffixes and ${VAR:-default}', () => {
      none('ARG VERSION="latest"\nFROM busybox:${VERSION}\n', 'InvalidDefaultArgInFrom');
      none('ARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n', 'InvalidDefaultArgInFrom');
      none('ARG BUSYBOX_VARIANT\nFROM busybox:stable${BUSYBOX_VARIANT}\n', 'InvalidDefaultArgInFrom');
      none('ARG TAG\nFROM alpine:${TAG:-3.20} AS a\nFROM a\n', 'InvalidDefaultArgInFrom');
    });
  });

  describe('FromPlatformFlagConstDisallowed', () => {
    it('reports a constant --platform', () => {
      assert.deepStrictEqual(found('FROM --platform=linux/amd64 scratch\n', 'FromPlatformFlagConstDisallowed'), [{
        code: 'FromPlatformFlagConstDisallowed',
        message: '--platform is fixed to "linux/amd64", which prevents building this stage for other platforms; leave it out or use a variable such as $BUILDPLATFORM.',
        range: range(0, 16, 27),
      }]);
    });
    it('accepts a stage named after its platform, and variables', () => {
      none('FROM --platform=linux/amd64 scratch AS my_amd64_stage\n', 'FromPlatformFlagConstDisallowed');
      none('FROM --platform=linux/amd64 scratch AS linux\n', 'FromPlatformFlagConstDisallowed');
      none('FROM --platform=$BUILDPLATFORM scratch\n', 'FromPlatformFlagConstDisallowed');
    });
  });

  describe('ExposeProtoCasing', () => {
    it('reports an upper-case protocol, on the protocol, with a fix', () => {
      assert.deepStrictEqual(found('FROM scratch\nEXPOSE 80/TCP\n', 'ExposeProtoCasing'), [{
        code: 'ExposeProtoCasing', message: "Write the protocol of '80/TCP' in lower case: 'tcp'.", range: range(1, 10, 13),
      }]);
      assert.deepStrictEqual(lint('FROM scratch\nEXPOSE 53/Udp\n', 'ExposeProtoCasing')[0].fix, { title: "Change to 'udp'", range: range(1, 10, 13), newText: 'udp' });
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

  describe('expansion helpers', () => {
    it('expands words as BuildKit does and records matched and unmatched names', () => {
      const env: Record<string, string> = { A: 'x', E: '' };
      const lookup = (n: string) => env[n];
      const e = expandWord('"$A"-${B:-d}-${E:-e}-${E-f}-${A:+p}-\'$A\'', lookup);
      assert.strictEqual(e.value, 'x-d-e--p-$A');
      assert.deepStrictEqual([...e.matched].sort(), ['A', 'E']);
      assert.deepStrictEqual([...e.unmatched], ['B']);
      assert.strictEqual(expandWord('${A%x}${F##*/}', (n) => (n === 'F' ? 'a/b/c' : 'ax')).value, 'ac');
      assert.ok(expandWord('${B:?need}', lookup).error);
      assert.ok(expandWord('${}', lookup).error);
    });
    it('validates image references and parses platforms', () => {
      for (const ok of ['alpine', 'alpine:3.20', 'docker.io/library/alpine:3', 'localhost:5000/a/b', 'ghcr.io/Org/x'.toLowerCase(), 'scratch',
        `busybox@sha256:${'a'.repeat(64)}`]) assert.ok(isValidImageReference(ok), ok);
      for (const bad of ['', 'busybox:', 'Alpine', 'a:b:c', 'authelia/base:@sha256:', `busybox@sha256:${'a'.repeat(10)}`]) assert.ok(!isValidImageReference(bad), bad);
      assert.deepStrictEqual(parsePlatform('linux/arm64/v8'), { os: 'linux', architecture: 'arm64', variant: '' });
      assert.deepStrictEqual(parsePlatform('Linux/x86_64'), { os: 'linux', architecture: 'amd64', variant: '' });
      assert.strictEqual(parsePlatform('linux/'), undefined);
    });
  });
});
