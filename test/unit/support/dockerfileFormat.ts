// Shared by the dockerfileFormat.*.test.ts files: format a text and check that formatting it again changes nothing.
import * as assert from 'assert';
import type { TextEdit } from 'vscode-languageserver-types';
import { formatDockerfile, type DockerfileFormatOptions } from '../../../server/src/dockerfile/format';
import { parseDockerfile } from '../../../server/src/dockerfile/parser';
import { afterEdits } from './dockerfileCaret';

export const SPACES: DockerfileFormatOptions = { tabSize: 4, insertSpaces: true };

/** The formatting edits of the whole text (asserted not refused). */
export function edits(text: string, options = SPACES): TextEdit[] {
  const result = formatDockerfile(parseDockerfile(text), options);
  assert.ok(Array.isArray(result), 'not refused');
  return result;
}

/** The formatted text, asserted to be a fixed point of formatting. */
export function format(text: string, options = SPACES): string {
  const formatted = afterEdits(text, edits(text, options));
  assert.deepStrictEqual(edits(formatted, options), [], 'formatting the result again changes nothing');
  return formatted;
}
