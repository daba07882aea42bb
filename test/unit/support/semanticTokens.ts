// Shared by the dockerfileSemanticTokens*.test.ts files: semantic token data read back as absolute tuples.
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../../server/src/service/semanticLegend';

export type Tuple = [line: number, character: number, length: number, type: string, modifiers: string];

/** The relative 5-integer data as absolute [line, character, length, type, 'modifier ...'] tuples. */
export function decode(data: readonly number[]): Tuple[] {
  const tuples: Tuple[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    line += data[i];
    const modifiers = TOKEN_MODIFIERS.filter((_, bit) => data[i + 4] & (1 << bit)).join(' ');
    tuples.push([line, character, data[i + 2], TOKEN_TYPES[data[i + 3]], modifiers]);
  }
  return tuples;
}
