// The line terminator of a document, for edits that add whole lines.
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The document's line terminator (the first one it uses; "\n" for a one-line document). */
export function eolOf(document: TextDocument): string {
  const text = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  return text.endsWith('\r\n') ? '\r\n' : text.endsWith('\r') ? '\r' : '\n';
}
