import * as assert from 'assert';
import { lines, prepared, r, renamed } from './support/dockerfileCaret';

describe('Dockerfile rename: build variables', () => {
  it('renames a global ARG with FROM uses and stage redeclarations, not a use out of its scope', () => {
    const text = lines(
      'ARG VER|SION=1.0',
      'FROM alpine:${VERSION} AS build',
      'ARG VERSION',
      'RUN echo "$VERSION" > /version',
      'FROM alpine',
      'RUN echo ${VERSION:-none}',
    );
    assert.strictEqual(renamed(text, 'RELEASE'), lines(
      'ARG RELEASE=1.0',
      'FROM alpine:${RELEASE} AS build',
      'ARG RELEASE',
      'RUN echo "$RELEASE" > /version',
      'FROM alpine',
      'RUN echo ${VERSION:-none}',
    ));
    const fromStage = text.replace('VER|SION', 'VERSION').replace('ARG VERSION\n', 'ARG VERS|ION\n');
    assert.strictEqual(renamed(fromStage, 'RELEASE'), renamed(text, 'RELEASE'));
  });

  it('renames ENV inherited through FROM <stage> where the child reads it', () => {
    const text = lines('FROM alpine AS base', 'ENV APP_HOME=/opt/app', 'FROM base', 'WORKDIR $APP_|HOME', 'FROM alpine', 'WORKDIR $APP_HOME');
    assert.strictEqual(renamed(text, 'APP_DIR'), lines('FROM alpine AS base', 'ENV APP_DIR=/opt/app', 'FROM base', 'WORKDIR $APP_DIR', 'FROM alpine', 'WORKDIR $APP_HOME'));
  });

  it('renames every declaration and use of a stage, in shell text, modifiers, triggers and heredoc bodies', () => {
    const text = lines(
      'FROM alpine',
      'ENV MODE=debug',
      'RUN [ "$MODE" = debug ] && echo ${MODE:+on}',
      'ENV MODE=release LEVEL=${MODE}',
      'ONBUILD RUN echo $MODE',
      'COPY <<EOF /etc/mode',
      'mode=$MODE',
      'EOF',
      'CMD echo $MO|DE',
    );
    assert.strictEqual(renamed(text, 'PROFILE'), lines(
      'FROM alpine',
      'ENV PROFILE=debug',
      'RUN [ "$PROFILE" = debug ] && echo ${PROFILE:+on}',
      'ENV PROFILE=release LEVEL=${PROFILE}',
      'ONBUILD RUN echo $PROFILE',
      'COPY <<EOF /etc/mode',
      'mode=$PROFILE',
      'EOF',
      'CMD echo $PROFILE',
    ));
  });

  it('leaves alone a use that reads the value from before the declaration (the base image\'s PATH)', () => {
    const text = lines('FROM golang', 'ENV PA|TH=/opt/bin:$PATH', 'RUN echo $PATH', 'ENV GOPATH=/go PATH=$GOPATH/bin:$PATH');
    assert.strictEqual(renamed(text, 'MYPATH'), lines('FROM golang', 'ENV MYPATH=/opt/bin:$PATH', 'RUN echo $MYPATH', 'ENV GOPATH=/go MYPATH=$GOPATH/bin:$MYPATH'));
    // From that use, the symbol is the base image's PATH, which nothing here declares.
    assert.deepStrictEqual(renamed(text.replace('PA|TH', 'PATH').replace(':$PATH\n', ':$PA|TH\n'), 'MYPATH'), {
      refused: 'PATH is not declared by an ARG or ENV that is visible here (it comes from the base image, the builder or the shell), so it cannot be renamed.',
    });
  });

  it('renames in the script handed to a shell with -c, not in text a shell keeps literal', () => {
    const text = lines('FROM alpine', 'ARG NA|ME=world', "RUN echo '$NAME' && sh -c 'echo $NAME'", 'RUN <<EOF', "echo '$NAME' && bash -ec \"echo $NAME\"", 'EOF');
    assert.strictEqual(renamed(text, 'WHO'), lines('FROM alpine', 'ARG WHO=world', "RUN echo '$NAME' && sh -c 'echo $WHO'", 'RUN <<EOF', "echo '$NAME' && bash -ec \"echo $WHO\"", 'EOF'));
  });

  it('prepares the variable name only, as written', () => {
    assert.deepStrictEqual(prepared('FROM alpine\nARG V=1\nRUN echo ${V|:-x}'), { range: r(2, 11, 12), placeholder: 'V' });
  });

  it('refuses a name that is not a variable name', () => {
    const text = 'FROM alpine\nARG V|=1';
    const message = (name: string) => ({ refused: `"${name}" is not a valid variable name: use letters, digits and "_", and do not start with a digit.` });
    assert.deepStrictEqual(renamed(text, '1X'), message('1X'));
    assert.deepStrictEqual(renamed(text, 'A-B'), message('A-B'));
    assert.deepStrictEqual(renamed(text, 'A B'), message('A B'));
    assert.deepStrictEqual(renamed(text, ''), message(''));
    assert.strictEqual(renamed(text, '_x9'), 'FROM alpine\nARG _x9=1');
  });

  it('refuses a new name that the base image, the builder or the shell sets for every command', () => {
    const text = 'FROM alpine\nARG A|=1\nRUN echo $A';
    assert.deepStrictEqual(renamed(text, 'PATH'), { refused: 'PATH is set by the base image for every command; choose another name.' });
    assert.deepStrictEqual(renamed(text, 'HOME'), { refused: 'HOME is set by the builder for every command; choose another name.' });
    assert.deepStrictEqual(renamed(text, 'PWD'), { refused: 'PWD is set by the shell for every command; choose another name.' });
  });

  it('refuses predefined ARGs, and predefined names as new names', () => {
    const predefined = { refused: 'TARGETARCH is predefined by BuildKit, which sets it by that name; it cannot be renamed.' };
    assert.deepStrictEqual(prepared('FROM alpine\nARG TARGETARCH\nRUN echo $TARGET|ARCH'), predefined);
    assert.deepStrictEqual(prepared('FROM --platform=$BUILD|PLATFORM alpine'), {
      refused: 'BUILDPLATFORM is predefined by BuildKit, which sets it by that name; it cannot be renamed.',
    });
    assert.deepStrictEqual(renamed('FROM alpine\nARG |PROXY=x', 'HTTP_PROXY'), { refused: 'HTTP_PROXY is predefined by BuildKit; choose another name.' });
  });

  it('refuses a name already used where the variable is visible', () => {
    const text = 'FROM alpine\nENV MODE=debug\nRUN echo $MO|DE $LEVEL\nFROM alpine\nENV OTHER=1';
    assert.deepStrictEqual(renamed(text, 'LEVEL'), { refused: 'A variable named LEVEL is already used where MODE is visible (line 3); renaming would merge the two.' });
    assert.strictEqual(renamed(text, 'OTHER'), 'FROM alpine\nENV OTHER=debug\nRUN echo $OTHER $LEVEL\nFROM alpine\nENV OTHER=1', 'another stage is another scope');
  });

  it('refuses a variable the file does not declare', () => {
    assert.deepStrictEqual(prepared('FROM alpine\nRUN echo $HO|ME'), {
      refused: 'HOME is not declared by an ARG or ENV that is visible here (it comes from the base image, the builder or the shell), so it cannot be renamed.',
    });
    assert.deepStrictEqual(prepared('ARG V=1\nFROM alpine\nRUN echo $|V'), {
      refused: 'V is not declared by an ARG or ENV that is visible here (it comes from the base image, the builder or the shell), so it cannot be renamed.',
    });
  });

  it('refuses a variable whose name is split by a line continuation somewhere', () => {
    assert.deepStrictEqual(prepared('FROM alpine\nENV A|B=1\nRUN echo $A\\\nB'), {
      refused: '"AB" is written on line 3 in a way rename cannot edit safely (split by a line continuation, quoted or escaped); change it by hand.',
    });
  });
});
