import * as assert from 'assert';
import type { TextEdit } from 'vscode-languageserver-types';
import { rename } from '../../server/src/dockerfile/rename';
import { at, lines, loc, prepared, r, refs, renamed, URI } from './support/dockerfileCaret';

describe('Dockerfile rename: stage names', () => {
  const text = lines(
    'FROM golang:1.23 AS bu|ild',
    'RUN go build -o /out/app .',
    'FROM build AS test',
    'FROM alpine',
    'COPY --from=build /out/app /bin/app',
    'RUN --mount=type=bind,from=build,source=/out,target=/mnt ls /mnt',
    'RUN --mount=type=cache,target=/root/.cache,from=build ls',
    'ADD --from=build /out/app /bin/other',
    'ONBUILD COPY --from=build /out/app /bin/app',
    'RUN echo build',
  );

  it('renames the declaration and every place BuildKit reads it, and nothing else', () => {
    assert.strictEqual(renamed(text, 'compile'), lines(
      'FROM golang:1.23 AS compile',
      'RUN go build -o /out/app .',
      'FROM compile AS test',
      'FROM alpine',
      'COPY --from=compile /out/app /bin/app',
      'RUN --mount=type=bind,from=compile,source=/out,target=/mnt ls /mnt',
      'RUN --mount=type=cache,target=/root/.cache,from=compile ls',
      'ADD --from=build /out/app /bin/other',
      'ONBUILD COPY --from=compile /out/app /bin/app',
      'RUN echo build',
    ));
  });

  it('answers one WorkspaceEdit with the edits in document order', () => {
    const { model, position } = at(text);
    const edit = (line: number, start: number, end: number): TextEdit => ({ range: r(line, start, end), newText: 'compile' });
    assert.deepStrictEqual(rename(model, URI, position, 'compile'), {
      changes: { [URI]: [edit(0, 20, 25), edit(2, 5, 10), edit(4, 12, 17), edit(5, 27, 32), edit(6, 48, 53), edit(8, 20, 25)] },
    });
  });

  it('prepares the name under the cursor as written', () => {
    assert.deepStrictEqual(prepared('FROM alpine AS build\nFROM Bu|ild'), { range: r(1, 5, 10), placeholder: 'Build' });
    assert.deepStrictEqual(prepared(text), { range: r(0, 20, 25), placeholder: 'build' });
  });

  it('renames names that differ in case together, and lets a rename change only the case', () => {
    const mixed = 'FROM alpine AS Build\nFROM build\nCOPY --from=BU|ILD /a /b';
    assert.strictEqual(renamed(mixed, 'compile'), 'FROM alpine AS compile\nFROM compile\nCOPY --from=compile /a /b');
    assert.strictEqual(renamed(mixed, 'build'), 'FROM alpine AS build\nFROM build\nCOPY --from=build /a /b');
  });

  it('refuses a name BuildKit rejects, with the reason', () => {
    assert.deepStrictEqual(renamed(text, '1st'), { refused: '"1st" is not a valid stage name: it must start with a letter.' });
    assert.deepStrictEqual(renamed(text, '-x'), { refused: '"-x" is not a valid stage name: it must start with a letter.' });
    assert.deepStrictEqual(renamed(text, 'my stage'), { refused: '"my stage" is not a valid stage name: it may only contain letters, digits, "-", "_" and ".".' });
    assert.deepStrictEqual(renamed(text, 'a/b'), { refused: '"a/b" is not a valid stage name: it may only contain letters, digits, "-", "_" and ".".' });
    assert.deepStrictEqual(renamed(text, ''), { refused: 'A stage name cannot be empty.' });
    assert.strictEqual(typeof renamed(text, 'Go-1.23_b'), 'string', 'letters of any case, digits, -, _ and . are fine');
  });

  it('refuses the reserved names', () => {
    assert.deepStrictEqual(renamed(text, 'scratch'), { refused: '"scratch" is reserved by BuildKit (it means the empty image); choose another stage name.' });
    assert.deepStrictEqual(renamed(text, 'Context'), { refused: '"context" is reserved by BuildKit (it means the build context); choose another stage name.' });
  });

  it('refuses a name another stage has, in any case', () => {
    const refusal = { refused: 'A stage named "test" already exists (line 3); stage names must be unique.' };
    assert.deepStrictEqual(renamed(text, 'test'), refusal);
    assert.deepStrictEqual(renamed(text, 'TEST'), refusal);
  });

  it('refuses a name that FROM or --from already uses for an image or a build context', () => {
    assert.deepStrictEqual(renamed(text, 'alpine'), { refused: '"alpine" is already used as an image or build context name on line 4; a stage of that name would take its place there.' });
    assert.deepStrictEqual(renamed('FROM alpine AS b|uild\nFROM alpine\nCOPY --from=assets /a /b', 'assets'), {
      refused: '"assets" is already used as an image or build context name on line 3; a stage of that name would take its place there.',
    });
  });

  it('refuses a stage index, ADD --from, and image names, saying why', () => {
    const index = { refused: 'This refers to stage 0 by its index, which has no name to rename. Name the stage (FROM image AS name) and copy from that name instead.' };
    assert.deepStrictEqual(prepared('FROM golang\nFROM alpine\nCOPY --from=|0 /a /b'), index);
    assert.deepStrictEqual(renamed('FROM golang\nFROM alpine\nCOPY --from=|0 /a /b', 'x'), index);
    assert.deepStrictEqual(prepared('FROM golang\nFROM alpine\nCOPY --from=|7 /a /b'), {
      refused: 'There is no stage 7 in this file (stages are numbered from 0), so there is nothing to rename.',
    });
    assert.deepStrictEqual(prepared('FROM golang AS build\nFROM alpine\nADD --from=bu|ild /a /b'), { refused: 'ADD has no --from flag (only COPY has), so this names no stage.' });
    assert.deepStrictEqual(prepared('FROM alpine\nCOPY --from=nginx:la|test /a /b'), {
      refused: '"nginx:latest" is not a stage of this file (it is read as an image or a build context), so there is nothing to rename.',
    });
    assert.deepStrictEqual(prepared('FROM alp|ine'), { refused: '"alpine" is an image, not a stage defined before this line, so there is nothing to rename.' });
  });

  it('renames a name in the quotes that BuildKit removes from a flag, keeping them', () => {
    const quoted = 'FROM alpine AS bu|ild\nFROM alpine\nCOPY --from="build" /a /b\nRUN --mount=type=bind,from=\'build\',target=/q true\nRUN --mount="type=cache,from=build,target=/c" true';
    const expected = 'FROM alpine AS compile\nFROM alpine\nCOPY --from="compile" /a /b\nRUN --mount=type=bind,from=\'compile\',target=/q true\nRUN --mount="type=cache,from=compile,target=/c" true';
    assert.strictEqual(renamed(quoted, 'compile'), expected);
    assert.strictEqual(renamed(quoted.replace('bu|ild', 'build').replace('"build"', '"bu|ild"'), 'compile'), expected);
    assert.deepStrictEqual(refs(quoted), [loc(0, 15, 20), loc(2, 13, 18), loc(3, 28, 33), loc(4, 29, 34)]);
  });

  it('refuses a stage whose name is written somewhere in a way an edit cannot follow', () => {
    const escaped = 'FROM alpine AS bu|ild\nFROM alpine\nCOPY --from=bu\\ild /a /b';
    const refusal = { refused: '"build" is written on line 3 in a way rename cannot edit safely (split by a line continuation, quoted or escaped); change it by hand.' };
    assert.deepStrictEqual(prepared(escaped), refusal);
    assert.deepStrictEqual(prepared('FROM alpine AS bu|ild\nFROM alpine\nCOPY --from="bu"ild /a /b'), refusal);
  });

  it('has nothing to rename off a symbol', () => {
    assert.strictEqual(prepared('FR|OM alpine AS build'), null);
    assert.strictEqual(prepared('FROM alpine AS build\nRUN ec|ho hi'), null);
    assert.strictEqual(prepared('FROM alpine AS build\n\n|'), null);
    assert.deepStrictEqual(renamed('FR|OM alpine AS build', 'x'), { refused: 'You cannot rename this element.' });
  });
});
