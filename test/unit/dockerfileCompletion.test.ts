import * as assert from 'assert';
import type { CompletionItem } from 'vscode-languageserver';
import { completeDockerfile } from '../../server/src/dockerfile/completion';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

const images = [{ repoTags: ['python:3.12-slim', 'python:3.12'], id: 'sha256:abc', size: 50_000_000, created: 0 }];

/** Completion at the `|` of the text. */
function complete(marked: string, withImages = images): CompletionItem[] {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  return completeDockerfile(parseDockerfile(marked.replace('|', '')), position, { images: withImages });
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('Dockerfile completion', () => {
  it('offers every instruction at the start of a line, with a description', () => {
    const items = complete('FROM alpine\n|');
    assert.deepStrictEqual(labels(items), ['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER']);
    const run = items.find((i) => i.label === 'RUN')!;
    assert.strictEqual(run.detail, 'Runs a command in a new layer while the image is built.');
    assert.strictEqual(run.insertText, 'RUN ${1:command}');
  });

  it('keeps the case the user types, also while the keyword is half typed', () => {
    assert.strictEqual(complete('FROM alpine\nru|')[1].label, 'run');
  });

  it('offers nothing after the keyword of RUN, inside a continuation or a heredoc body', () => {
    assert.deepStrictEqual(complete('FROM alpine\nRUN apt-get |'), []);
    assert.deepStrictEqual(complete('FROM alpine\nRUN apt-get update && \\\n  # a comment\n  |'), []);
    assert.deepStrictEqual(complete('FROM alpine\nRUN <<EOF\n  |\nEOF\n'), []);
  });

  it('offers ONBUILD triggers without ONBUILD, FROM and MAINTAINER', () => {
    const items = labels(complete('FROM alpine\nONBUILD |'));
    assert.ok(items.includes('RUN') && items.includes('COPY'));
    assert.deepStrictEqual(['ONBUILD', 'FROM', 'MAINTAINER'].filter((k) => items.includes(k)), []);
  });

  it('offers the flags of the instruction, and each non-repeatable flag once', () => {
    assert.deepStrictEqual(labels(complete('FROM alpine\nCOPY --|')), ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude']);
    assert.deepStrictEqual(labels(complete('FROM alpine\nCOPY --link --|')).includes('--link'), false);
    assert.deepStrictEqual(labels(complete('FROM alpine\nRUN --|')), ['--mount', '--network', '--security', '--device']);
  });

  it('offers enum values of flags', () => {
    assert.deepStrictEqual(labels(complete('FROM alpine\nRUN --network=|')), ['default', 'none', 'host']);
  });

  it('offers earlier stages and local images for COPY --from', () => {
    assert.deepStrictEqual(labels(complete('FROM alpine AS build\nFROM alpine\nCOPY --from=|')), ['build', 'python:3.12', 'python:3.12-slim']);
  });

  it('offers mount types, the keys of the type, and their values', () => {
    assert.deepStrictEqual(labels(complete('FROM alpine\nRUN --mount=type=|')), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
    const cacheKeys = labels(complete('FROM alpine\nRUN --mount=type=cache,|'));
    assert.ok(cacheKeys.includes('target') && cacheKeys.includes('sharing') && cacheKeys.includes('id'), cacheKeys.join());
    assert.ok(!cacheKeys.includes('type'));
    assert.deepStrictEqual(labels(complete('FROM alpine\nRUN --mount=type=cache,sharing=|')), ['shared', 'private', 'locked']);
  });

  it('offers variables in scope after $ with their values', () => {
    const items = complete('ARG BASE=alpine\nFROM $BASE\nARG VERSION=1.2\nENV APP_HOME=/app\nRUN echo ${|');
    const ours = items.filter((i) => i.detail?.startsWith('ARG') || i.detail?.startsWith('ENV'));
    assert.deepStrictEqual(ours.map((i) => [i.label, i.detail]), [['VERSION', 'ARG VERSION=1.2'], ['APP_HOME', 'ENV APP_HOME=/app']]);
    // BuildKit sets the platform ARGs in the global scope only; RUN commands get the proxy ARGs undeclared.
    assert.ok(!labels(items).includes('TARGETPLATFORM'));
    assert.ok(labels(items).includes('HTTP_PROXY'));
    assert.ok(!labels(complete('FROM alpine\nWORKDIR /$|')).includes('HTTP_PROXY'));
    assert.deepStrictEqual(labels(complete('ARG BASE=alpine\nFROM $|')).includes('BASE'), true);
    assert.ok(labels(complete('FROM --platform=$|')).includes('BUILDPLATFORM'));
    const declared = complete('FROM alpine\nARG TARGETOS\nRUN echo $|').find((i) => i.label === 'TARGETOS');
    assert.strictEqual(declared?.detail, 'ARG TARGETOS (set by the builder, e.g. linux)');
  });

  it('offers what a stage inherits from the stage it is built FROM (ARG and ENV), not its own later lines', () => {
    const text = 'ARG GLOBAL=1\nFROM alpine AS parent\nARG PARG=2\nENV PENV=3\nFROM parent AS child\nWORKDIR /$|\nARG LATER=4';
    const ours = complete(text).filter((i) => i.detail?.startsWith('ARG') || i.detail?.startsWith('ENV'));
    assert.deepStrictEqual(ours.map((i) => [i.label, i.detail]), [['PARG', 'ARG PARG=2'], ['PENV', 'ENV PENV=3']]);
  });

  it('offers stages, local images and scratch after FROM, then AS', () => {
    assert.deepStrictEqual(labels(complete('FROM alpine AS base\nFROM |')), ['base', 'python:3.12', 'python:3.12-slim', 'scratch']);
    assert.deepStrictEqual(labels(complete('FROM alpine |')), ['AS']);
    // COPY --from offers the earlier stages but not the stage the COPY is in.
    assert.deepStrictEqual(labels(complete('FROM alpine AS base\nFROM base AS app\nCOPY --from=|')), ['base', 'python:3.12', 'python:3.12-slim']);
  });

  it('offers parser directives and their values at the top', () => {
    assert.deepStrictEqual(labels(complete('# |\nFROM alpine')), ['syntax', 'escape', 'check']);
    assert.deepStrictEqual(labels(complete('# escape=|\nFROM alpine')), ['\\', '`']);
    assert.ok(labels(complete('# check=skip=|\nFROM alpine')).includes('FromAsCasing'));
    assert.deepStrictEqual(complete('FROM alpine\n# |'), []);
  });

  it('offers CMD and NONE after HEALTHCHECK flags, and signals after STOPSIGNAL', () => {
    assert.deepStrictEqual(labels(complete('FROM alpine\nHEALTHCHECK --interval=5s |')), ['CMD', 'NONE']);
    assert.ok(labels(complete('FROM alpine\nSTOPSIGNAL |')).includes('SIGTERM'));
  });
});
