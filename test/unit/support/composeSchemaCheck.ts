// Shared by the composeSchemaCheck*.test.ts files: parse a Compose text like the language server does, run
// validateSchema on it, and name ranges of the text.
import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import type { CollectionTag, Document, ScalarTag } from 'yaml';
import { parseDocument } from 'yaml';
import type { Finding } from '../../../server/src/diagnostics/types';
import { COMPOSE_CUSTOM_TAGS, validateSchema } from '../../../server/src/compose/schemaCheck';

export { yaml } from './composeChecks';

function parse(text: string, customTags: (ScalarTag | CollectionTag)[]): Document.Parsed {
  const document = parseDocument(text, { merge: true, keepSourceTokens: false, customTags });
  assert.deepStrictEqual(document.errors.map((e) => e.message), [], 'the test text parses');
  return document;
}

function check(text: string, document: Document.Parsed): Finding[] {
  return validateSchema(document, (node) => rangeAt(text, node.range![0], node.range![1]));
}

/** Parses like the language server does and validates, with ranges from a plain line index of the text. */
export function validate(text: string): Finding[] {
  return check(text, parse(text, COMPOSE_CUSTOM_TAGS));
}

/** Like validate, with the custom tags given, and the text must also parse without warnings. */
export function validateWithoutWarnings(text: string, customTags: (ScalarTag | CollectionTag)[] = COMPOSE_CUSTOM_TAGS): Finding[] {
  const document = parse(text, customTags);
  assert.deepStrictEqual(document.warnings.map((e) => e.message), [], 'the test text parses without warnings');
  return check(text, document);
}

export function rangeAt(text: string, start: number, end: number): Range {
  const position = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return { start: position(start), end: position(end) };
}

/** The range of the `nth` occurrence of `needle` in `text`. */
export function span(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} occurs ${nth + 1} times`);
  }
  return rangeAt(text, at, at + needle.length);
}

export const BAD_RESTART =
  '`sometimes` for `restart` is not a valid value: use one of `no`, `always`, `on-failure`, `unless-stopped` or a value matching `^on-failure:[0-9]+$`.';
