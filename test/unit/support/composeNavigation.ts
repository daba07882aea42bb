// Shared by the Compose navigation and rename tests: a project of caret documents (the current one holds the
// `|`, the others are files of its project), what definition, references, highlights and rename answer at the
// caret, and builders of the locations and highlights they answer.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentHighlight, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { definition, documentHighlights, references } from '../../../server/src/compose/navigation';
import { parseCompose } from '../../../server/src/compose/parse';
import type { ComposeProject, ComposeRelation } from '../../../server/src/compose/project';
import { prepareRename, rename } from '../../../server/src/compose/rename';
import type { Refusal } from '../../../server/src/service/LanguageService';

/** The current document of the tests, and files of its project. */
export const URI = 'file:///p/compose.yaml';
export const OVERRIDE = 'file:///p/compose.override.yaml';
export const PROD = 'file:///p/compose.prod.yaml';
export const COMMON = 'file:///p/common.yaml';
export const DB = 'file:///p/db/compose.yaml';

/** Another file of the project. */
export interface Other {
  uri: string;
  text: string;
  relation?: ComposeRelation;
}

/** A YAML text from lines (with a final line break). */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The text without its `|`, and the position of the `|`. */
export function caret(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | in the text');
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** The project of the marked document (at `uri`) and the other files, and the position of the `|`. */
export function projectAt(marked: string, others: readonly Other[] = [], uri = URI): { project: ComposeProject; position: Position; text: string } {
  const { text, position } = caret(marked);
  const project: ComposeProject = {
    current: { uri, model: parseCompose(text) },
    related: () => others.map((o) => ({ uri: o.uri, model: parseCompose(o.text), ...(o.relation ? { relation: o.relation } : {}) })),
  };
  return { project, position, text };
}

export function r(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export const loc = (line: number, start: number, end: number, uri = URI): Location => ({ uri, range: r(line, start, end) });
export const write = (line: number, start: number, end: number): DocumentHighlight => ({ range: r(line, start, end), kind: 3 });
export const read = (line: number, start: number, end: number): DocumentHighlight => ({ range: r(line, start, end), kind: 2 });

/** Go to definition at the `|`. */
export function defs(marked: string, others: readonly Other[] = []): Location[] {
  const { project, position } = projectAt(marked, others);
  return definition(project, position);
}

/** Find references at the `|`. */
export function refs(marked: string, others: readonly Other[] = [], includeDeclaration = true): Location[] {
  const { project, position } = projectAt(marked, others);
  return references(project, position, includeDeclaration);
}

/** Document highlights at the `|`. */
export function highlights(marked: string): DocumentHighlight[] {
  const { text, position } = caret(marked);
  return documentHighlights(parseCompose(text), position);
}

/** What prepare rename answers at the `|`. */
export function prepared(marked: string, others: readonly Other[] = []): ReturnType<typeof prepareRename> {
  const { project, position } = projectAt(marked, others);
  return prepareRename(project, position);
}

/** The rename's WorkspaceEdit at the `|`, or the refusal. */
export function renameAt(marked: string, newName: string, others: readonly Other[] = []): WorkspaceEdit | Refusal {
  const { project, position } = projectAt(marked, others);
  return rename(project, position, newName);
}

/** The current document after the rename at the `|`, or the refusal. */
export function renamed(marked: string, newName: string, others: readonly Other[] = []): string | Refusal {
  const result = renameAt(marked, newName, others);
  if ('refused' in result) return result;
  return afterEdits(caret(marked).text, result.changes?.[URI] ?? []);
}

/** Every file after the rename at the `|` (by URI; files without edits left out), or the refusal. */
export function renamedFiles(marked: string, newName: string, others: readonly Other[]): Record<string, string> | Refusal {
  const result = renameAt(marked, newName, others);
  if ('refused' in result) return result;
  const texts: Record<string, string> = { [URI]: caret(marked).text };
  for (const o of others) texts[o.uri] = o.text;
  const out: Record<string, string> = {};
  for (const [uri, edits] of Object.entries(result.changes ?? {})) out[uri] = afterEdits(texts[uri], edits);
  return out;
}

/** A text after edits. */
export function afterEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'dockercompose', 1, text), edits);
}
