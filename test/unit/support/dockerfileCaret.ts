// Shared by the Dockerfile editor feature tests (navigation, rename, signature help, formatting, code actions,
// outline): a text with a caret marker read as text, model and position; builders of the ranges, edits,
// locations and highlights the features answer; what navigation, rename and signature help answer at the caret.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentHighlight, Location, Position, Range, SignatureHelp, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../../../server/src/dockerfile/model';
import { definition, documentHighlights, references } from '../../../server/src/dockerfile/navigation';
import { parseDockerfile } from '../../../server/src/dockerfile/parser';
import { prepareRename, rename } from '../../../server/src/dockerfile/rename';
import { signatureHelp } from '../../../server/src/dockerfile/signatureHelp';
import type { Refusal } from '../../../server/src/service/LanguageService';

/** The document the navigation and rename tests ask about. */
export const URI = 'file:///w/Dockerfile';

/** The text without its (first) `marker`, and the position of the marker. */
export function caret(marked: string, marker = '|'): { text: string; position: Position } {
  const offset = marked.indexOf(marker);
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.replace(marker, ''), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** The text without its `|`, its model, and the position of the `|`. */
export function at(marked: string): { text: string; model: DockerfileModel; position: Position } {
  const { text, position } = caret(marked);
  return { text, model: parseDockerfile(text), position };
}

/** The lines of a document, joined with `\n`. */
export function lines(...text: string[]): string {
  return text.join('\n');
}

/** The document `text` after the edits. */
export function afterEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'dockerfile', 1, text), edits);
}

/** A range on one line. */
export function r(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** An edit on one line. */
export function lineEdit(line: number, start: number, end: number, newText: string): TextEdit {
  return { range: r(line, start, end), newText };
}

export function edit(startLine: number, startCharacter: number, endLine: number, endCharacter: number, newText: string): TextEdit {
  return { range: range(startLine, startCharacter, endLine, endCharacter), newText };
}

export const loc = (line: number, start: number, end: number): Location => ({ uri: URI, range: r(line, start, end) });
export const write = (line: number, start: number, end: number): DocumentHighlight => ({ range: r(line, start, end), kind: 3 });
export const read = (line: number, start: number, end: number): DocumentHighlight => ({ range: r(line, start, end), kind: 2 });

/** Go to definition at the `|`. */
export function defs(marked: string): Location[] {
  const { model, position } = at(marked);
  return definition(model, URI, position);
}

/** Find references at the `|`. */
export function refs(marked: string, includeDeclaration = true): Location[] {
  const { model, position } = at(marked);
  return references(model, URI, position, includeDeclaration);
}

/** Document highlights at the `|`. */
export function highlights(marked: string): DocumentHighlight[] {
  const { model, position } = at(marked);
  return documentHighlights(model, position);
}

/** The document after the rename at the `|`, or the refusal. */
export function renamed(marked: string, newName: string): string | Refusal {
  const { text, model, position } = at(marked);
  const result = rename(model, URI, position, newName);
  if ('refused' in result) return result;
  return afterEdits(text, (result as WorkspaceEdit).changes![URI]);
}

/** What prepare rename answers at the `|`. */
export function prepared(marked: string): ReturnType<typeof prepareRename> {
  const { model, position } = at(marked);
  return prepareRename(model, position);
}

/** Signature help at the `|` of the text. */
export function helpAt(marked: string): SignatureHelp | null {
  const { model, position } = at(marked);
  return signatureHelp(model, position);
}
