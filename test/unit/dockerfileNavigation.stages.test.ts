import * as assert from 'assert';
import { definition, documentHighlights, references } from '../../server/src/dockerfile/navigation';
import { at, defs, highlights, loc, read, refs, URI, write } from './support/dockerfileCaret';

const BUILD = [
  'FROM golang:1.23 AS build', //            0: name at 20-25
  'RUN go build -o /out/app .',
  'FROM build AS test', //                   2: FROM build at 5-10
  'RUN go test ./...',
  'FROM alpine',
  'COPY --from=build /out/app /bin/app', //  5: 12-17
  'RUN --mount=type=bind,from=build,source=/out,target=/mnt ls /mnt', // 6: 27-32
  'RUN --mount=type=cache,target=/root/.cache,from=build ls', //          7: 48-53
  'ADD --from=build /out/app /bin/other', // 8: never linked
  'ONBUILD COPY --from=build /out/app /bin/app', // 9: 20-25
].join('\n');

function marked(line: number, character: number): string {
  const lines = BUILD.split('\n');
  lines[line] = lines[line].slice(0, character) + '|' + lines[line].slice(character);
  return lines.join('\n');
}

describe('Dockerfile navigation: stage names', () => {
  it('finds every place BuildKit reads the stage name, from the declaration and from each use', () => {
    const all = [loc(0, 20, 25), loc(2, 5, 10), loc(5, 12, 17), loc(6, 27, 32), loc(7, 48, 53), loc(9, 20, 25)];
    for (const [line, character] of [[0, 22], [2, 7], [5, 12], [6, 32], [7, 50], [9, 25]]) {
      assert.deepStrictEqual(refs(marked(line, character)), all, `from ${line}:${character}`);
    }
  });

  it('goes from each use to the AS name, and from the declaration to itself', () => {
    for (const [line, character] of [[0, 22], [2, 7], [5, 14], [6, 29], [7, 49], [9, 21]]) {
      assert.deepStrictEqual(defs(marked(line, character)), [loc(0, 20, 25)], `from ${line}:${character}`);
    }
  });

  it('highlights the declaration as Write and the uses as Read', () => {
    assert.deepStrictEqual(highlights(marked(5, 13)), [
      write(0, 20, 25), read(2, 5, 10), read(5, 12, 17), read(6, 27, 32), read(7, 48, 53), read(9, 20, 25),
    ]);
  });

  it('leaves out the declaration when the client asks so', () => {
    assert.deepStrictEqual(refs(marked(0, 21), false), [loc(2, 5, 10), loc(5, 12, 17), loc(6, 27, 32), loc(7, 48, 53), loc(9, 20, 25)]);
  });

  it('never links ADD --from, which BuildKit does not accept', () => {
    assert.deepStrictEqual(defs(marked(8, 13)), []);
    assert.deepStrictEqual(refs(marked(8, 13)), []);
    assert.deepStrictEqual(highlights(marked(8, 13)), []);
  });

  it('compares stage names case-insensitively, as BuildKit does', () => {
    const text = 'FROM alpine AS build\nFROM Bu|ild AS next\nCOPY --from=BUILD /a /b';
    assert.deepStrictEqual(defs(text), [loc(0, 15, 20)]);
    assert.deepStrictEqual(refs(text), [loc(0, 15, 20), loc(1, 5, 10), loc(2, 12, 17)]);
    assert.deepStrictEqual(defs('FROM alpine AS Build\nCOPY --from=bu|ild /a /b'), [loc(0, 15, 20)]);
  });

  it('links --mount from= only for the mount types that take it (bind, cache)', () => {
    const text = [
      'FROM alpine AS tools',
      'FROM alpine',
      'RUN --mount=from=tools,target=/t ls', //                         bind by default: 17-22
      'RUN --mount=type=tmpfs,from=tools,target=/t ls', //              no
      'RUN --mount=type=secret,id=x,from=tools ls', //                  no
      'RUN --mount=type=ssh,from=tools ls', //                          no
      'RUN --mount=target=/c,from=tools,type=cache ls', //              type read after from: 27-32
      'RUN --mount=type=cache,from=to|ols,target=/c ls', //             28-33
    ].join('\n');
    assert.deepStrictEqual(refs(text), [loc(0, 15, 20), loc(2, 17, 22), loc(6, 27, 32), loc(7, 28, 33)]);
  });

  it('treats a numeric --from as a stage index: its definition is that stage FROM line, and it has no references', () => {
    const text = 'FROM golang:1.23\nRUN make\nFROM alpine\nCOPY --from=|0 /out /bin';
    assert.deepStrictEqual(defs(text), [loc(0, 0, 16)]);
    assert.deepStrictEqual(refs(text), []);
    assert.deepStrictEqual(highlights(text), []);
    assert.deepStrictEqual(defs('FROM alpine\nCOPY --from=|7 /out /bin'), [], 'no stage 7');
  });

  it('does not take an image or an unknown name in --from for a stage', () => {
    assert.deepStrictEqual(defs('FROM alpine AS nginx\nFROM alpine\nCOPY --from=nginx:la|test /a /b'), []);
    assert.deepStrictEqual(refs('FROM alpine AS build\nFROM alpine\nCOPY --from=buil|der /a /b'), []);
  });

  it('takes FROM <name> for a stage only when the stage comes before it', () => {
    const text = 'FROM bui|ld\nFROM alpine AS build';
    assert.deepStrictEqual(defs(text), []);
    assert.deepStrictEqual(refs('FROM build\nFROM alpine AS bu|ild'), [loc(1, 15, 20)]);
  });

  it('binds a duplicated name to the stage defined last before the use', () => {
    const text = 'FROM alpine AS base\nFROM debian AS base\nFROM ba|se';
    assert.deepStrictEqual(defs(text), [loc(1, 15, 19)]);
    assert.deepStrictEqual(refs(text), [loc(0, 15, 19), loc(1, 15, 19), loc(2, 5, 9)]);
  });

  it('answers nothing off a symbol, between tokens and at positions outside the file', () => {
    const { model } = at(BUILD);
    for (const position of [{ line: 1, character: 2 }, { line: 0, character: 2 }, { line: 99, character: 0 }, { line: -1, character: 0 }, { line: 0, character: 9999 }, { line: 0.5, character: 1 }]) {
      assert.deepStrictEqual(definition(model, URI, position), []);
      assert.deepStrictEqual(references(model, URI, position, true), []);
      assert.deepStrictEqual(documentHighlights(model, position), []);
    }
  });
});
