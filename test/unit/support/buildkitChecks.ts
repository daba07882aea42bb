// Shared by the dockerfileBuildkitChecks.*.test.ts files.
import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { buildkitChecks } from '../../../server/src/dockerfile/checks/buildkit';
import type { Finding } from '../../../server/src/dockerfile/checks/types';
import { parseDockerfile } from '../../../server/src/dockerfile/parser';

export function lint(text: string, code?: string): Finding[] {
  return buildkitChecks(parseDockerfile(text)).filter((f) => code === undefined || f.code === code);
}

/** code, message and range of each finding of `code`. */
export function found(text: string, code: string): { code: string; message: string; range: Range }[] {
  return lint(text, code).map((f) => ({ code: f.code, message: f.message, range: f.range }));
}

export function range(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function none(text: string, code: string): void {
  assert.deepStrictEqual(found(text, code), [], `${code} should not fire on:\n${text}`);
}
