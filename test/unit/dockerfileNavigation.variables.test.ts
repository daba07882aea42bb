import * as assert from 'assert';
import { defs, highlights, lines, loc, read, refs, write } from './support/dockerfileCaret';

describe('Dockerfile navigation: build variables', () => {
  const GLOBAL = [
    'ARG VERSION=1.0',
    'ARG BASE=alpine',
    'FROM ${BASE}:$VERSION AS build',
    'ARG VERSION',
    'RUN echo "$VERSION"',
    'FROM alpine',
    'RUN echo $VERSION',
  ];
  const global = (line: number, character: number): string => {
    const copy = [...GLOBAL];
    copy[line] = copy[line].slice(0, character) + '|' + copy[line].slice(character);
    return copy.join('\n');
  };

  it('links a global ARG with FROM lines and with the stages that redeclare it, not with other stages', () => {
    const scope = [loc(0, 4, 11), loc(2, 14, 21), loc(3, 4, 11), loc(4, 11, 18)];
    for (const [line, character] of [[0, 5], [2, 14], [3, 11], [4, 15]]) assert.deepStrictEqual(refs(global(line, character)), scope, `${line}:${character}`);
    assert.deepStrictEqual(highlights(global(4, 12)), [write(0, 4, 11), read(2, 14, 21), write(3, 4, 11), read(4, 11, 18)]);
    assert.deepStrictEqual(refs(global(1, 6)), [loc(1, 4, 8), loc(2, 7, 11)]);
  });

  it('does not give a use that reads the value from before an ENV to that ENV (`ENV PATH=/opt/bin:$PATH`)', () => {
    const text = ['FROM golang', 'ENV PATH=/opt/bin:$PA|TH', 'RUN echo $PATH'].join('\n');
    assert.deepStrictEqual(defs(text), []);
    assert.deepStrictEqual(refs(text), [loc(1, 19, 23)]);
    assert.deepStrictEqual(refs(text.replace('$PA|TH', '$PATH').replace('echo $PATH', 'echo $PA|TH')), [loc(1, 4, 8), loc(2, 10, 14)]);
  });

  it('does not give a use in a stage that does not redeclare the global ARG to the global', () => {
    assert.deepStrictEqual(refs(global(6, 12)), [loc(6, 10, 17)]);
    assert.deepStrictEqual(defs(global(6, 12)), []);
  });

  it('goes from a use to the declaration in force, and from a redeclaration to the global ARG', () => {
    assert.deepStrictEqual(defs(global(4, 12)), [loc(3, 4, 11)]);
    assert.deepStrictEqual(defs(global(3, 6)), [loc(0, 4, 11)]);
    assert.deepStrictEqual(defs(global(2, 16)), [loc(0, 4, 11)]);
    assert.deepStrictEqual(defs(global(2, 8)), [loc(1, 4, 8)]);
  });

  it('keeps a stage ARG with its own value apart from the global of that name', () => {
    assert.deepStrictEqual(refs('ARG V=1\nFROM alpine\nARG V=2\nRUN echo $|V'), [loc(2, 4, 5), loc(3, 10, 11)]);
    assert.deepStrictEqual(refs('ARG |V=1\nFROM alpine\nARG V=2\nRUN echo $V'), [loc(0, 4, 5)]);
  });

  it('makes all declarations and uses of a name in one stage one symbol, each use defined by the latest ENV before it', () => {
    const text = lines('FROM alpine', 'ENV MODE=debug', 'RUN echo $MODE', 'ENV MODE=release', 'RUN echo ${MO|DE}');
    assert.deepStrictEqual(refs(text), [loc(1, 4, 8), loc(2, 10, 14), loc(3, 4, 8), loc(4, 11, 15)]);
    assert.deepStrictEqual(defs(text), [loc(3, 4, 8)]);
    assert.deepStrictEqual(defs(text.replace('$MODE', '$MO|DE').replace('${MO|DE}', '${MODE}')), [loc(1, 4, 8)]);
    assert.deepStrictEqual(highlights(text), [write(1, 4, 8), read(2, 10, 14), write(3, 4, 8), read(4, 11, 15)]);
  });

  it('follows ENV inherited through FROM <stage>, and not into a stage built from an image', () => {
    const text = lines('FROM alpine AS base', 'ENV APP_HOME=/opt/app', 'FROM base AS dev', 'WORKDIR $APP_|HOME', 'FROM alpine', 'WORKDIR $APP_HOME');
    assert.deepStrictEqual(refs(text), [loc(1, 4, 12), loc(3, 9, 17)]);
    assert.deepStrictEqual(defs(text), [loc(1, 4, 12)]);
    const other = text.replace('$APP_|HOME', '$APP_HOME').replace(/\$APP_HOME$/, '$APP_|HOME');
    assert.deepStrictEqual(refs(other), [loc(5, 9, 17)]);
    assert.deepStrictEqual(defs(other), []);
  });

  it('carries a global ARG brought into a stage on to the stages built from it', () => {
    const text = lines('ARG VERSION=1', 'FROM alpine AS base', 'ARG VERSION', 'FROM base', 'RUN echo $VER|SION');
    assert.deepStrictEqual(refs(text), [loc(0, 4, 11), loc(2, 4, 11), loc(4, 10, 17)]);
    assert.deepStrictEqual(defs(text), [loc(2, 4, 11)]);
  });

  it('gives predefined ARGs references in their scope but no definition', () => {
    const text = lines(
      'FROM --platform=$BUILD|PLATFORM golang AS build',
      'ARG TARGETARCH',
      'RUN GOARCH=$TARGETARCH go build',
      'FROM --platform=$BUILDPLATFORM alpine',
      'RUN echo $BUILDPLATFORM',
    );
    assert.deepStrictEqual(defs(text), []);
    assert.deepStrictEqual(refs(text), [loc(0, 17, 30), loc(3, 17, 30)]);
    assert.deepStrictEqual(highlights(text), [read(0, 17, 30), read(3, 17, 30)]);
    const inStage = text.replace('$BUILD|PLATFORM', '$BUILDPLATFORM').replace('echo $BUILDPLATFORM', 'echo $BUILD|PLATFORM');
    assert.deepStrictEqual(refs(inStage), [loc(4, 10, 23)]);
    const declared = text.replace('$BUILD|PLATFORM', '$BUILDPLATFORM').replace('$TARGETARCH', '$TARGET|ARCH');
    assert.deepStrictEqual(refs(declared), [loc(1, 4, 14), loc(2, 12, 22)]);
    assert.deepStrictEqual(defs(declared), [loc(1, 4, 14)], 'the stage ARG line that brings it in');
  });

  it('counts $VAR in RUN shell text, in ONBUILD triggers and in unquoted heredoc bodies', () => {
    const text = lines(
      'FROM alpine',
      'ARG NA|ME=world',
      'RUN <<EOF',
      'echo "hello $NAME"', //   the script: 13-17
      "echo '$NAME'", //         single quotes in the script: literal
      '# $NAME in a comment', // a comment of the script
      'EOF',
      'RUN cat <<EOF > /greeting',
      "echo '$NAME'", //         input of cat, expanded by the shell: 7-11
      'EOF',
      "COPY <<'EOF' /quoted",
      '$NAME',
      'EOF',
      'COPY <<EOF /expanded',
      'name=${NAME}', //         7-11
      'EOF',
      'ONBUILD RUN echo $NAME', // 18-22
      'CMD ["sh", "-c", "echo $NAME"]', // 24-28
    );
    assert.deepStrictEqual(refs(text), [loc(1, 4, 8), loc(3, 13, 17), loc(8, 7, 11), loc(14, 7, 11), loc(16, 18, 22), loc(17, 24, 28)]);
  });

  it('links uses between global ARGs', () => {
    assert.deepStrictEqual(refs('ARG A|=1\nARG B=${A}-x\nFROM alpine:$B'), [loc(0, 4, 5), loc(1, 8, 9)]);
    assert.deepStrictEqual(defs('ARG A=1\nARG B=${A}-x\nFROM alpine:$|B'), [loc(1, 4, 5)]);
  });
});
