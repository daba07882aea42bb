import * as assert from 'assert';
import { hoverDockerfile } from '../../server/src/dockerfile/hover';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

const images = [{ repoTags: ['python:3.12-slim'], id: 'sha256:0123456789abcdef0123', size: 51_234_567, created: Date.UTC(2026, 0, 2, 3, 4, 5) }];

/** Hover at the `|` of the text: [markdown, range as [line, start, end]]. */
function hover(marked: string): [string, [number, number, number]] | null {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  const result = hoverDockerfile(parseDockerfile(marked.replace('|', '')), position, { images });
  if (!result) return null;
  const r = result.range!;
  return [(result.contents as { value: string }).value, [r.start.line, r.start.character, r.end.character]];
}

describe('Dockerfile hover', () => {
  it('explains an instruction and links its reference', () => {
    const [text, range] = hover('FROM alpine\nWOR|KDIR /app')!;
    assert.match(text, /^\*\*WORKDIR\*\*\n\n/);
    assert.match(text, /\[Dockerfile reference\]\(https:\/\/docs\.docker\.com\/reference\/dockerfile\/#workdir\)$/);
    assert.deepStrictEqual(range, [1, 0, 7]);
  });

  it('explains a flag', () => {
    const [text, range] = hover('FROM alpine\nCOPY --ch|own=1000 a /b')!;
    assert.match(text, /^\*\*--chown\*\* \(COPY\)/);
    assert.deepStrictEqual(range, [1, 7, 12]);
  });

  it('explains a mount type and a mount key', () => {
    assert.match(hover('FROM alpine\nRUN --mount=type=ca|che,target=/root/.cache make')![0], /^\*\*type=cache\*\*/);
    const [text, range] = hover('FROM alpine\nRUN --mount=type=cache,tar|get=/root/.cache make')!;
    assert.match(text, /^\*\*target\*\* \(--mount option\)/);
    assert.deepStrictEqual(range, [1, 23, 29]);
  });

  it('shows a variable value and where it is declared', () => {
    const [text, range] = hover('FROM alpine\nARG VERSION=1.2\nRUN echo ${VER|SION}')!;
    assert.strictEqual(text, '**VERSION** = `1.2`\n\nDeclared by ARG on line 2.');
    assert.deepStrictEqual(range, [2, 9, 19]);
    assert.match(hover('FROM alpine\nRUN echo $TARGET|ARCH')![0], /^\*\*TARGETARCH\*\* \(predefined build argument\)/);
  });

  it('shows what a stage inherits, and where the builder sets a predefined ARG', () => {
    const family = 'ARG GLOBAL=1\nFROM alpine AS parent\nARG PARG=2\nENV PENV=3\nFROM parent AS child\n';
    assert.strictEqual(hover(`${family}WORKDIR /$PA|RG`)![0], '**PARG** = `2`\n\nDeclared by ARG on line 3 of stage `parent` (inherited).');
    assert.strictEqual(hover(`${family}WORKDIR /$PE|NV`)![0], '**PENV** = `3`\n\nDeclared by ENV on line 4 of stage `parent` (inherited).');
    assert.strictEqual(hover(`${family}WORKDIR /$GLO|BAL`)![0], '**GLOBAL** is not declared in this stage.');
    // A platform ARG: set by the builder once the stage declares it; in a stage that does not, the hover says so.
    assert.strictEqual(hover('FROM alpine\nARG TARGETOS\nRUN echo $TARGET|OS')![0], '**TARGETOS** = set by the builder (for example `linux`)\n\nDeclared by ARG on line 2.');
    assert.match(hover('FROM alpine\nRUN echo $TARGET|OS')![0], /\n\nNot set here: declare `ARG TARGETOS` in this stage to read it\.\n\n/);
    assert.doesNotMatch(hover('FROM --platform=$TARGET|OS alpine')![0], /Not set here/);
    // Proxy ARGs reach RUN commands without a declaration, and nothing else.
    assert.doesNotMatch(hover('FROM alpine\nRUN curl $HTTP_PRO|XY')![0], /Not set here/);
    assert.match(hover('FROM alpine\nWORKDIR /$HTTP_PRO|XY')![0], /Not set here: only RUN commands get it\./);
    // An instruction does not see its own declarations: ENV values read what was set before the instruction.
    assert.strictEqual(hover('FROM alpine\nENV A=1 B=$|A')![0], '**A** is not declared in this stage.');
  });

  it('shows the FROM line of a stage named by COPY --from and by FROM', () => {
    const text = '**Stage 0 `build`**, line 1\n\n```dockerfile\nFROM --platform=$BUILDPLATFORM golang:1.23 AS build\n```';
    assert.strictEqual(hover('FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM alpine\nCOPY --from=bu|ild /out /bin')![0], text);
    assert.strictEqual(hover('FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM bu|ild')![0], text);
  });

  it('shows what the local engine knows of a base image', () => {
    const [text] = hover('FROM python:3.12-sl|im')!;
    assert.strictEqual(text, '**python:3.12-slim** (local image)\n\n| | |\n|---|---|\n| Id | `0123456789ab` |\n| Size | 51.2 MB |\n| Created | 2026-01-02 03:04:05 UTC |');
    assert.strictEqual(hover('FROM node:2|2'), null);
  });

  it('explains a parser directive', () => {
    assert.match(hover('# esc|ape=`\nFROM alpine')![0], /^\*\*# escape=\*\* `` ` ``/);
  });
});
