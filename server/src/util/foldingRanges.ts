// The final pass over folding candidates, shared by both languages. LSP folding ranges are line-based and a client
// keeps one range per start line, so the candidates come as one (outermost) end per start line; the result is
// sorted by start line and properly nested: a range that would begin inside another and end after it is left out
// (a stack enforces it whatever the input). Pure; linear in the number of lines.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';

/** The kind of a candidate: a plain region, or a comment (reported with kind `comment`). */
export const FOLD_REGION = 0;
export const FOLD_COMMENT = 1;

/**
 * The folding ranges of the candidates: `ends[line]` is the end line of the fold starting on `line` (-1: none),
 * `kinds[line]` its kind (FOLD_REGION or FOLD_COMMENT).
 */
export function nestedFoldingRanges(ends: Int32Array, kinds: Uint8Array): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const open: number[] = [];
  for (let line = 0; line < ends.length; line++) {
    const end = ends[line];
    if (end < 0) continue;
    while (open.length > 0 && open[open.length - 1] < line) open.pop();
    if (open.length > 0 && end > open[open.length - 1]) continue;
    open.push(end);
    const range: FoldingRange = { startLine: line, endLine: end };
    if (kinds[line] === FOLD_COMMENT) range.kind = FoldingRangeKind.Comment;
    ranges.push(range);
  }
  return ranges;
}
