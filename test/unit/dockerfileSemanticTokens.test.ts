import * as assert from 'assert';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { semanticTokens } from '../../server/src/dockerfile/semanticTokens';
import { decode, type Tuple } from './support/semanticTokens';

function tokens(lines: readonly string[]): Tuple[] {
  return decode(semanticTokens(parseDockerfile(lines.join('\n'))));
}

describe('Dockerfile semantic tokens', () => {
  it('colours keywords, AS, images, and stage names where declared and where referenced', () => {
    assert.deepStrictEqual(tokens([
      'FROM golang:1.22 AS Build',
      'FROM build AS test',
      'COPY --from=BUILD /out /bin',
      'RUN --mount=type=bind,from=build,target=/src make',
      'COPY --from=nginx:latest /a /b',
      'COPY --from=1 /a /b',
    ]), [
      [0, 0, 4, 'keyword', ''], [0, 5, 11, 'type', ''], [0, 17, 2, 'keyword', ''], [0, 20, 5, 'class', 'declaration'],
      // A stage named as a base image, compared case-insensitively as BuildKit does.
      [1, 0, 4, 'keyword', ''], [1, 5, 5, 'class', ''], [1, 11, 2, 'keyword', ''], [1, 14, 4, 'class', 'declaration'],
      [2, 0, 4, 'keyword', ''], [2, 5, 6, 'parameter', ''], [2, 12, 5, 'class', ''],
      // --mount keys are properties, their values strings, `from=` a stage; `=` and `,` stay plain.
      [3, 0, 3, 'keyword', ''], [3, 4, 7, 'parameter', ''], [3, 12, 4, 'property', ''], [3, 17, 4, 'string', ''],
      [3, 22, 4, 'property', ''], [3, 27, 5, 'class', ''], [3, 33, 6, 'property', ''], [3, 40, 4, 'string', ''],
      // An image in --from is a flag value like any other; a stage index is a stage.
      [4, 0, 4, 'keyword', ''], [4, 5, 6, 'parameter', ''], [4, 12, 12, 'string', ''],
      [5, 0, 4, 'keyword', ''], [5, 5, 6, 'parameter', ''], [5, 12, 1, 'class', ''],
    ]);
  });

  it('resolves a stage only once it is declared, and not inside ONBUILD (which runs in another build)', () => {
    assert.deepStrictEqual(tokens(['FROM later', 'FROM alpine AS later', 'ONBUILD COPY --from=later /a /b']), [
      [0, 0, 4, 'keyword', ''], [0, 5, 5, 'type', ''],
      [1, 0, 4, 'keyword', ''], [1, 5, 6, 'type', ''], [1, 12, 2, 'keyword', ''], [1, 15, 5, 'class', 'declaration'],
      [2, 0, 7, 'keyword', ''], [2, 8, 4, 'keyword', ''], [2, 13, 6, 'parameter', ''], [2, 20, 5, 'string', ''],
    ]);
  });

  it('colours declared names, reads, and predefined build arguments', () => {
    assert.deepStrictEqual(tokens([
      'ARG REGISTRY=docker.io TARGETPLATFORM',
      'FROM --platform=$BUILDPLATFORM ${REGISTRY}/app:${TAG:-latest} AS base',
      'ENV PATH=/opt/bin:$PATH',
      'ENV HOME /root',
      'RUN echo ${NAME:-$USER} "$TARGETARCH" $1 $@',
      'COPY --chown=${UID}:0 a /b',
    ]), [
      [0, 0, 3, 'keyword', ''], [0, 4, 8, 'variable', 'declaration'], [0, 23, 14, 'variable', 'declaration readonly defaultLibrary'],
      [1, 0, 4, 'keyword', ''], [1, 5, 10, 'parameter', ''], [1, 16, 14, 'variable', 'readonly defaultLibrary'],
      // The image around its variables; `${TAG:-latest}` as `${TAG` ... `}` so that the default keeps its colour.
      [1, 31, 11, 'variable', ''], [1, 42, 5, 'type', ''], [1, 47, 5, 'variable', ''], [1, 52, 8, 'type', ''], [1, 60, 1, 'variable', ''],
      [1, 62, 2, 'keyword', ''], [1, 65, 4, 'class', 'declaration'],
      [2, 0, 3, 'keyword', ''], [2, 4, 4, 'variable', 'declaration'], [2, 18, 5, 'variable', ''],
      [3, 0, 3, 'keyword', ''], [3, 4, 4, 'variable', 'declaration'],
      // A reference nested in a default; `$1` and `$@` are not build variables.
      [4, 0, 3, 'keyword', ''], [4, 9, 6, 'variable', ''], [4, 17, 5, 'variable', ''], [4, 22, 1, 'variable', ''],
      [4, 25, 11, 'variable', 'readonly defaultLibrary'],
      [5, 0, 4, 'keyword', ''], [5, 5, 7, 'parameter', ''], [5, 13, 6, 'variable', ''], [5, 19, 2, 'string', ''],
    ]);
  });

  it('colours directives as macros, comments, LABEL keys, HEALTHCHECK types and exec-form strings', () => {
    assert.deepStrictEqual(tokens([
      '# syntax=docker/dockerfile:1',
      '  # escape=\\',
      '# a comment',
      'FROM alpine',
      'LABEL org.example.title="My app" "quoted.key"=1',
      'HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]',
      'HEALTHCHECK NONE',
      'CMD echo "shell form is left to the grammar"',
      'ENTRYPOINT ["/bin/app", "${TARGETARCH}"]',
      'runn typo',
    ]), [
      [0, 0, 28, 'macro', ''], [1, 2, 10, 'macro', ''], [2, 0, 11, 'comment', ''],
      [3, 0, 4, 'keyword', ''], [3, 5, 6, 'type', ''],
      [4, 0, 5, 'keyword', ''], [4, 6, 17, 'property', ''], [4, 33, 12, 'property', ''],
      [5, 0, 11, 'keyword', ''], [5, 12, 10, 'parameter', ''], [5, 23, 3, 'string', ''], [5, 27, 3, 'keyword', ''],
      [5, 32, 6, 'string', ''], [5, 40, 4, 'string', ''], [5, 46, 19, 'string', ''],
      [6, 0, 11, 'keyword', ''], [6, 12, 4, 'keyword', ''],
      [7, 0, 3, 'keyword', ''],
      [8, 0, 10, 'keyword', ''], [8, 12, 10, 'string', ''], [8, 24, 1, 'string', ''], [8, 25, 13, 'variable', 'readonly defaultLibrary'], [8, 38, 1, 'string', ''],
    ]);
  });

  it('marks heredoc openers and terminators, and leaves the bodies to the grammar', () => {
    assert.deepStrictEqual(tokens([
      'FROM alpine',
      'COPY <<-EOF /etc/app.conf',
      'port=$PORT',
      '\tEOF',
      'ONBUILD RUN <<EOF',
      '# not a comment: shell text',
      'EOF',
      'RUN <<A cat - <<B',
      'a',
      'A',
      'b',
      'B',
    ]), [
      [0, 0, 4, 'keyword', ''], [0, 5, 6, 'type', ''],
      [1, 0, 4, 'keyword', ''], [1, 5, 6, 'operator', ''], [3, 1, 3, 'operator', ''],
      [4, 0, 7, 'keyword', ''], [4, 8, 3, 'keyword', ''], [4, 12, 5, 'operator', ''], [6, 0, 3, 'operator', ''],
      [7, 0, 3, 'keyword', ''], [7, 4, 3, 'operator', ''], [7, 14, 3, 'operator', ''], [9, 0, 1, 'operator', ''], [11, 0, 1, 'operator', ''],
    ]);
  });

  it('cuts tokens over continuation lines per line, around the escape character and comment lines', () => {
    assert.deepStrictEqual(tokens([
      'FROM alpine:\\',
      '3.20',
      'CMD ["a \\',
      '# inside',
      '  b"]',
      'COPY --chown=app:\\',
      'app a b',
    ]), [
      [0, 0, 4, 'keyword', ''], [0, 5, 7, 'type', ''], [1, 0, 4, 'type', ''],
      [2, 0, 3, 'keyword', ''], [2, 5, 3, 'string', ''], [3, 0, 8, 'comment', ''], [4, 0, 4, 'string', ''],
      [5, 0, 4, 'keyword', ''], [5, 5, 7, 'parameter', ''], [5, 13, 4, 'string', ''], [6, 0, 3, 'string', ''],
    ]);
    // The backtick escape of `# escape=`` works the same way.
    assert.deepStrictEqual(tokens(['# escape=`', 'FROM mcr.microsoft.com/windows:`', 'ltsc2022']).slice(1), [
      [1, 0, 4, 'keyword', ''], [1, 5, 26, 'type', ''], [2, 0, 8, 'type', ''],
    ]);
  });

  it('counts characters in UTF-16 code units', () => {
    assert.deepStrictEqual(tokens(['FROM alpine', 'RUN echo 😀 $HOME', 'LABEL "é😀"=1']).slice(2), [
      [1, 0, 3, 'keyword', ''], [1, 12, 5, 'variable', ''],
      [2, 0, 5, 'keyword', ''], [2, 6, 5, 'property', ''],
    ]);
  });

  it('answers for empty and broken files', () => {
    assert.deepStrictEqual(tokens(['']), []);
    assert.deepStrictEqual(tokens(['FROM', 'ARG', 'ONBUILD', 'COPY --from= a b', 'RUN --mount=type=cache,,=x,from= y', 'FROM a AS']), [
      [0, 0, 4, 'keyword', ''], [1, 0, 3, 'keyword', ''], [2, 0, 7, 'keyword', ''],
      [3, 0, 4, 'keyword', ''], [3, 5, 6, 'parameter', ''],
      [4, 0, 3, 'keyword', ''], [4, 4, 7, 'parameter', ''], [4, 12, 4, 'property', ''], [4, 17, 5, 'string', ''], [4, 25, 1, 'string', ''],
      [4, 27, 4, 'property', ''],
      [5, 0, 4, 'keyword', ''], [5, 5, 1, 'type', ''], [5, 7, 2, 'keyword', ''],
    ]);
  });
});
