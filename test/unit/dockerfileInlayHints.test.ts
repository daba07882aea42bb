import * as assert from 'assert';
import type { InlayHint, Range } from 'vscode-languageserver-types';
import { inlayHints } from '../../server/src/dockerfile/inlayHints';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

const EVERYWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** The hints of a document as [line, character, label, tooltip]. */
function hints(text: string, range = EVERYWHERE): [number, number, string, string][] {
  return inlayHints(parseDockerfile(text), range).map((hint: InlayHint) => [hint.position.line, hint.position.character, hint.label as string, hint.tooltip as string]);
}

describe('Dockerfile inlay hints', () => {
  it('shows the default of a global ARG after its use in FROM, with where it comes from', () => {
    const found = inlayHints(parseDockerfile('ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}'), EVERYWHERE);
    assert.deepStrictEqual(found, [
      { position: { line: 1, character: 25 }, label: '= 20', paddingLeft: true, tooltip: 'ARG NODE_VERSION=20 on line 1' },
    ]);
  });

  it('gives one hint per variable, also in the --platform flag and for $NAME', () => {
    const text = 'ARG REGISTRY=docker.io\nARG PLATFORM=linux/arm64\nARG TAG="3.20"\nFROM --platform=$PLATFORM ${REGISTRY}/alpine:$TAG AS base';
    assert.deepStrictEqual(hints(text), [
      [3, 25, '= linux/arm64', 'ARG PLATFORM=linux/arm64 on line 2'],
      [3, 37, '= docker.io', 'ARG REGISTRY=docker.io on line 1'],
      [3, 49, '= 3.20', 'ARG TAG="3.20" on line 3'],
    ]);
  });

  it('resolves a default that uses earlier ARGs, and only when all of them are known', () => {
    const text = [
      'ARG MAJOR=3',
      'ARG VERSION=${MAJOR}.12',
      'ARG OPEN',
      'ARG MIXED=${OPEN}-slim',
      'ARG ARCHED=$TARGETARCH-x',
      'FROM python:${VERSION}',
      'FROM python:${MIXED}',
      'FROM python:${ARCHED}',
    ].join('\n');
    assert.deepStrictEqual(hints(text), [[5, 22, '= 3.12', 'ARG VERSION=${MAJOR}.12 on line 2']]);
  });

  it('shows the word of ${NAME:-word} when the ARG has no value, and the value when it has one', () => {
    const text = [
      'ARG NO_DEFAULT',
      'ARG EMPTY=',
      'ARG SET=1.25',
      'FROM golang:${NO_DEFAULT:-1.22}',
      'FROM golang:${UNDECLARED:-1.23}',
      'FROM golang:${EMPTY:-1.24}',
      'FROM golang:${EMPTY-1.24}',
      'FROM golang:${SET:-0}',
    ].join('\n');
    assert.deepStrictEqual(hints(text), [
      [3, 31, '= 1.22', 'ARG NO_DEFAULT on line 1 has no default: the default after `:-` applies'],
      [4, 31, '= 1.23', 'UNDECLARED is not declared: the default after `:-` applies'],
      [5, 26, '= 1.24', 'ARG EMPTY= on line 2: the default after `:-` applies'],
      [6, 25, '= ""', 'ARG EMPTY= on line 2'],
      [7, 21, '= 1.25', 'ARG SET=1.25 on line 3'],
    ]);
  });

  it('follows :+, ? and the trimming modifiers', () => {
    const text = [
      'ARG FULL=1.2.3',
      'ARG SUFFIX',
      'FROM img:${FULL%.*}',
      'FROM img:v${SUFFIX:+-dev}',
      'FROM img:v${FULL:+-dev}',
      'FROM img:${FULL:?set it}',
      'FROM img:${SUFFIX:?set it}',
    ].join('\n');
    assert.deepStrictEqual(hints(text), [
      [2, 19, '= 1.2', 'ARG FULL=1.2.3 on line 1, then changed by `%`'],
      [3, 25, '= ""', 'ARG SUFFIX on line 2 has no default: `:+` gives an empty value'],
      [4, 23, '= -dev', 'ARG FULL=1.2.3 on line 1: the word after `:+` applies'],
      [5, 24, '= 1.2.3', 'ARG FULL=1.2.3 on line 1'],
    ]);
  });

  it('gives no hint for platform ARGs, ARGs without default, or a word that is not known', () => {
    const text = [
      'ARG TARGETARCH',
      'ARG BASE',
      'ARG TARGETOS=linux',
      'FROM --platform=$BUILDPLATFORM alpine:${TARGETARCH}',
      'FROM $BASE',
      'FROM ${TARGETOS}/alpine',
      'FROM alpine:${NOPE:-$BASE}',
      'FROM alpine:${BAD:}',
    ].join('\n');
    assert.deepStrictEqual(hints(text), []);
  });

  it('gives no hint in the stage name, which BuildKit takes as written', () => {
    assert.deepStrictEqual(hints('ARG N=1\nARG T=3\nFROM x:$T AS ${N}\nFROM x AS \\\n  t$N'), [[2, 9, '= 3', 'ARG T=3 on line 2']]);
  });

  it('resolves a default that requires another ARG with ?', () => {
    assert.deepStrictEqual(hints('ARG B=1\nARG A=${B:?required}\nFROM x:$A'), [[2, 9, '= 1', 'ARG A=${B:?required} on line 2']]);
    assert.deepStrictEqual(hints('ARG B\nARG A=${B:?required}\nFROM x:$A'), []);
  });

  it('uses the last default of an ARG declared twice, and keeps it for a bare redeclaration', () => {
    assert.deepStrictEqual(hints('ARG V=1\nARG V=2\nARG V\nFROM node:$V'), [[3, 12, '= 2', 'ARG V=2 on line 2']]);
  });

  it('does not use ARGs declared inside a stage', () => {
    assert.deepStrictEqual(hints('FROM alpine\nARG V=1\nFROM node:$V'), []);
  });

  it('returns only the hints inside the requested range', () => {
    const text = 'ARG A=1\nARG B=2\nFROM a:$A\nFROM b:$B\nFROM c:$A';
    const range: Range = { start: { line: 3, character: 0 }, end: { line: 3, character: 20 } };
    assert.deepStrictEqual(hints(text, range), [[3, 9, '= 2', 'ARG B=2 on line 2']]);
  });

  it('shortens long values to one line', () => {
    const text = `ARG LONG="${'x'.repeat(60)}"\nFROM img:$LONG`;
    assert.deepStrictEqual(hints(text), [[1, 14, `= ${'x'.repeat(39)}…`, `ARG LONG="${'x'.repeat(60)}" on line 1`]]);
  });

  it('never throws on broken input', () => {
    for (const text of ['FROM ${', 'ARG A=${A}\nFROM $A', 'ARG A=${B:-${C:-${D:-1}}}\nFROM x:$A', '', 'FROM']) {
      assert.doesNotThrow(() => inlayHints(parseDockerfile(text), EVERYWHERE));
    }
    assert.deepStrictEqual(hints('ARG A=${B:-${C:-${D:-1}}}\nFROM x:$A'), [[1, 9, '= 1', 'ARG A=${B:-${C:-${D:-1}}} on line 1']]);
  });
});
