// What the quick fixes the checks attach to their findings (`Finding.fix`) need to write text that YAML reads as
// meant: whether a plain word stays a string, and where the text of a quoted scalar is. Pure helpers.
import type { Range } from '../model';

/** YAML 1.1 (docker-compose v1, PyYAML) and 1.2 words and numbers that a plain scalar would not read as a string. */
const NOT_A_STRING = /^(?:true|false|null|~|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|0b[01]+|\.inf|\.nan)|[-+]?\d+(?::[0-5]?\d)+)$/i;

/** Whether `text`, written as a plain scalar, is read as the same string by every YAML version Compose tools use. */
export function plainIsString(text: string): boolean {
  return /^[A-Za-z0-9_.][A-Za-z0-9_.\/-]*$/.test(text) && !NOT_A_STRING.test(text);
}

/** `text` as a plain scalar when that reads as the same string, else in double quotes. */
export function yamlString(text: string): string {
  return plainIsString(text) ? text : JSON.stringify(text);
}

/**
 * The range of the text of a scalar between its quotes, when it is quoted and on one line (a fix that replaces
 * the text keeps the quotes); the range itself otherwise.
 */
export function innerRange(range: Range, type: string | undefined): Range {
  const quoted = type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE';
  const single = range.start.line === range.end.line && range.end.character - range.start.character >= 2;
  if (!quoted || !single) return { start: { ...range.start }, end: { ...range.end } };
  return { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: range.end.character - 1 } };
}
