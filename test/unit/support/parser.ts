// Shared by the dockerfileParser.*.test.ts files.
import * as assert from 'assert';
import type { Instruction, Range, Token } from '../../../server/src/dockerfile/model';
import { parseDockerfile } from '../../../server/src/dockerfile/parser';

export function rng(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

export function tok(value: string, sl: number, sc: number, el: number, ec: number): Token {
  return { value, range: rng(sl, sc, el, ec) };
}

/** Plain copy (no shared objects, no undefined keys) for deepStrictEqual. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function only(text: string): Instruction {
  const model = parseDockerfile(text);
  assert.strictEqual(model.instructions.length, 1, 'one instruction');
  return model.instructions[0];
}
