import * as assert from 'assert';
import * as fs from 'fs';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { parseDockerfile } from '../../server/src/dockerfile/parser';
import { documentSymbols, workspaceSymbols } from '../../server/src/dockerfile/symbols';
import { flattenSymbols } from '../../server/src/service/negotiate';
import { corpusFiles } from './support/corpus';
import { range as r } from './support/dockerfileCaret';

function outline(text: string): DocumentSymbol[] {
  return documentSymbols(parseDockerfile(text));
}

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, kind]) => [kind, name]));

/** kind name | detail, one line per symbol, children indented: what the Outline view shows. */
function tree(symbols: readonly DocumentSymbol[] | undefined, indent = ''): string[] {
  return (symbols ?? []).flatMap((s) => [
    `${indent}${KIND_NAMES.get(s.kind)} ${s.name}${s.detail ? ` | ${s.detail}` : ''}`,
    ...tree(s.children, `${indent}  `),
  ]);
}

describe('Dockerfile outline', () => {
  it('lists directives, global ARGs, then stages with their instructions, with exact ranges', () => {
    const text = [
      '# syntax=docker/dockerfile:1', // 0
      'ARG GO=1.22', // 1
      'FROM golang:${GO} AS build', // 2
      'RUN go build -o /out .', // 3
      '', // 4
      'FROM alpine', // 5
      'COPY --from=build /out /bin/app', // 6
      '# trailing comment', // 7
    ].join('\n');
    assert.deepStrictEqual(outline(text), [
      { name: 'syntax', kind: SymbolKind.Key, detail: 'docker/dockerfile:1', range: r(0, 0, 0, 28), selectionRange: r(0, 2, 0, 8) },
      {
        name: 'ARG', kind: SymbolKind.Variable, detail: 'GO=1.22', range: r(1, 0, 1, 11), selectionRange: r(1, 0, 1, 3),
        children: [{ name: 'GO', kind: SymbolKind.Variable, detail: '1.22', range: r(1, 4, 1, 11), selectionRange: r(1, 4, 1, 6) }],
      },
      {
        name: 'build', kind: SymbolKind.Class, detail: 'golang:${GO}', range: r(2, 0, 3, 22), selectionRange: r(2, 21, 2, 26),
        children: [{ name: 'RUN', kind: SymbolKind.Function, detail: 'go build -o /out .', range: r(3, 0, 3, 22), selectionRange: r(3, 0, 3, 3) }],
      },
      {
        name: 'alpine (stage 1)', kind: SymbolKind.Class, range: r(5, 0, 6, 31), selectionRange: r(5, 5, 5, 11),
        children: [{ name: 'COPY', kind: SymbolKind.Function, detail: '--from=build /out /bin/app', range: r(6, 0, 6, 31), selectionRange: r(6, 0, 6, 4) }],
      },
    ]);
  });

  it('names stages as written, and nameless ones after their image and 0-based index', () => {
    const text = 'FROM node:22 AS Deps\nFROM deps\nFROM --platform=$BUILDPLATFORM scratch\nFROM';
    assert.deepStrictEqual(outline(text).map((s) => [s.name, s.detail]), [
      ['Deps', 'node:22'],
      ['deps (stage 1)', undefined],
      ['scratch (stage 2)', undefined],
      ['(stage 3)', undefined],
    ]);
  });

  it('shows ONBUILD with its trigger; global ARGs with the names they declare, a stage\'s ARG/ENV/LABEL with them in the detail', () => {
    const text = [
      'ARG BASE=alpine TAG',
      'FROM alpine',
      'ENV A=1 B="two words"',
      'LABEL "org.opencontainers.image.title"="My app" version=2',
      'ARG TARGETARCH',
      'ONBUILD COPY . /src',
      'ENV LEGACY value with spaces',
    ].join('\n');
    assert.deepStrictEqual(tree(outline(text)), [
      'Variable ARG | BASE=alpine TAG',
      '  Variable BASE | alpine',
      '  Variable TAG',
      'Class alpine (stage 0)',
      '  Variable ENV | A=1 B="two words"',
      '  Property LABEL | "org.opencontainers.image.title"="My app" version=2',
      '  Variable ARG | TARGETARCH',
      '  Event ONBUILD | COPY . /src',
      '    Function COPY | . /src',
      '  Variable ENV | LEGACY value with spaces',
    ]);
    const onbuild = outline(text)[1].children![3];
    assert.deepStrictEqual(onbuild.children![0].range, r(5, 8, 5, 19));
    assert.deepStrictEqual(onbuild.children![0].selectionRange, r(5, 8, 5, 12));
  });

  it('joins continuation lines into a one-line detail of at most 60 characters', () => {
    const text = 'FROM alpine\nRUN apk add --no-cache \\\n    curl \\\n    # a comment\n    git   openssh-client bash make gcc musl-dev linux-headers';
    const run = outline(text)[0].children![0];
    assert.strictEqual(run.detail, 'apk add --no-cache curl git openssh-client bash make gcc mu…');
    assert.ok(run.detail!.length <= 60);
    assert.deepStrictEqual(run.range, r(1, 0, 4, 61));
    const heredoc = outline('FROM alpine\nRUN <<EOF\nset -e\nmake\nEOF\n')[0].children![0];
    assert.deepStrictEqual([heredoc.detail, heredoc.range], ['<<EOF', r(1, 0, 4, 3)]);
  });

  it('never throws on broken files and keeps every selection inside its range', () => {
    assert.deepStrictEqual(outline(''), []);
    assert.deepStrictEqual(outline('# only a comment\n\n'), []);
    assert.deepStrictEqual(tree(outline('RUN echo before any FROM\nARG X\nFROM\nFROM a AS\nFROM b AS c d')), [
      'Function RUN | echo before any FROM',
      'Variable ARG | X',
      '  Variable X',
      'Class (stage 0)',
      'Class a (stage 1)',
      'Class c | b',
    ]);
    assert.deepStrictEqual(outline('FROM')[0].selectionRange, r(0, 0, 0, 4));
    for (const text of ['FROM a\nENV =x', 'FROM a\nONBUILD', 'FROM a\nRUN <<EOF\nunterminated', '\\\n\\\nFROM x', 'ONBUILD ONBUILD ONBUILD RUN x']) {
      checkSymbols(outline(text), text);
    }
  });

  it('gives flat clients the stage as the container of its instructions', () => {
    const flat = flattenSymbols(outline('ARG V=1\nFROM alpine AS base\nRUN true\nFROM base\nUSER app'), 'file:///w/Dockerfile');
    assert.deepStrictEqual(flat.map((s) => [s.name, s.containerName]), [
      ['ARG', undefined], ['V', 'ARG'], ['base', undefined], ['RUN', 'base'], ['base (stage 1)', undefined], ['USER', 'base (stage 1)'],
    ]);
  });

  it('gives a valid outline for every Dockerfile of the corpus', () => {
    const files = corpusFiles();
    assert.ok(files.length > 100, 'the corpus is found beside the repository');
    let stages = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const model = parseDockerfile(text);
      const symbols = documentSymbols(model);
      checkSymbols(symbols, file);
      assert.strictEqual(symbols.filter((s) => s.kind === SymbolKind.Class).length, model.stages.length, file);
      stages += model.stages.length;
    }
    assert.ok(stages > files.length, 'the corpus has stages');
  });
});

describe('Dockerfile workspace symbols', () => {
  const files = [
    { uri: 'file:///w/api/Dockerfile', model: parseDockerfile('FROM golang:1.22 AS Builder\nFROM builder AS test\nFROM gcr.io/distroless/cc') },
    { uri: 'file:///w/web/web%20app.Dockerfile', model: parseDockerfile('FROM node:22 AS build\nFROM nginx AS runtime') },
  ];
  const names = (query: string) => workspaceSymbols(files, query).map((s) => `${s.name} @${s.containerName}`);

  it('matches stage names as a case-insensitive subsequence', () => {
    assert.deepStrictEqual(names('bld'), ['Builder @Dockerfile', 'build @web app.Dockerfile']);
    assert.deepStrictEqual(names('RUNT'), ['runtime @web app.Dockerfile']);
    assert.deepStrictEqual(names('tset'), []);
    assert.deepStrictEqual(names('distroless'), ['gcr.io/distroless/cc (stage 2) @Dockerfile']);
    assert.deepStrictEqual(names('stage'), [], 'a nameless stage matches by its image only');
  });

  it('returns every stage for an empty query, with its file and range', () => {
    assert.strictEqual(names('').length, 5);
    assert.deepStrictEqual(workspaceSymbols(files, 'test'), [
      { name: 'test', kind: SymbolKind.Class, location: { uri: 'file:///w/api/Dockerfile', range: r(1, 0, 1, 20) }, containerName: 'Dockerfile' },
    ]);
    assert.deepStrictEqual(workspaceSymbols([], ''), []);
  });
});

function checkSymbols(symbols: readonly DocumentSymbol[], what: string): void {
  const inside = (outer: Range, inner: Range) =>
    (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  for (const symbol of symbols) {
    assert.ok(symbol.name.length > 0, `${what}: empty name`);
    assert.ok(inside(symbol.range, symbol.selectionRange), `${what}: ${symbol.name} selection outside its range`);
    assert.ok(!symbol.detail || (symbol.detail.length <= 60 && !/[\n\r]/.test(symbol.detail)), `${what}: ${symbol.name} detail ${symbol.detail}`);
    for (const child of symbol.children ?? []) assert.ok(inside(symbol.range, child.range), `${what}: ${child.name} outside ${symbol.name}`);
    checkSymbols(symbol.children ?? [], what);
  }
}
