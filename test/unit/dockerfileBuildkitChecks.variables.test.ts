// BuildKit build checks on variables: UndefinedVar and SecretsUsedInArgOrEnv. Helpers: ./support/buildkitChecks.
import * as assert from 'assert';
import { found, lint, none, range } from './support/buildkitChecks';

describe('BuildKit build checks', () => {
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
    it('suggests nothing for a one- or two-letter name but the same letters in another case', () => {
      assert.deepStrictEqual(found('FROM alpine\nARG A=1\nARG AB=2\nWORKDIR /$D/$AC/$a\n', 'UndefinedVar').map((f) => f.message), [
        '$D is not defined here: no ARG or ENV before this line sets it, so it expands to an empty string.',
        '$AC is not defined here: no ARG or ENV before this line sets it, so it expands to an empty string.',
        '$a is not defined here (did you mean $A?).',
      ]);
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
});
