// Positions and ranges from the client, made safe before any provider sees them: a position past the end of
// its line or of the document (line 1e9, 2^53, a negative or fractional number, not a number at all) becomes the
// nearest real position, so that no provider walks towards a line that does not exist.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

function whole(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : 0;
}

/** The position itself when it is in the document, else the nearest one that is (TextDocument's own clamping). */
export function clampPosition(document: TextDocument, position: Position): Position {
  const line = whole(position?.line);
  if (line >= document.lineCount) return document.positionAt(Number.MAX_SAFE_INTEGER);
  return document.positionAt(document.offsetAt({ line, character: whole(position?.character) }));
}

/** Both ends clamped, in order. */
export function clampRange(document: TextDocument, range: Range): Range {
  const start = clampPosition(document, range?.start);
  const end = clampPosition(document, range?.end);
  const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
  return ordered ? { start, end } : { start: end, end: start };
}
