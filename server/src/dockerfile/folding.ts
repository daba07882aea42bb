// Dockerfile folding ranges. Pure; linear in the number of lines.
//
// What folds: each stage, from its FROM line to the end of its last instruction (trailing comments and blank
// lines stay outside); each instruction that spans lines (continuations, heredocs); each heredoc body, from the
// line before it (the line of its `<<EOF` opener, or the line that ends the instruction when it continues after
// the opener, or the previous heredoc's terminator) to its terminator; runs of two or more consecutive comment
// lines (kind `comment`, also inside a continuation); the parser directive block when it has two or more lines
// (kind `comment`: directives are comments to everything but the parser).
//
// LSP folding ranges are line-based and a client keeps one range per start line, so when two candidates start
// on the same line the outermost (the one that ends last; the first one found on a tie, e.g. the stage rather
// than its multi-line FROM) is kept. The result is sorted by start line and properly nested: a range that would
// begin inside another and end after it is left out (a final pass with a stack enforces it whatever the input).
import type { FoldingRange } from 'vscode-languageserver-types';
import { FOLD_COMMENT as COMMENT, FOLD_REGION as NONE, nestedFoldingRanges } from '../util/foldingRanges';
import type { DockerfileModel, Instruction } from './model';

export function foldingRanges(model: DockerfileModel): FoldingRange[] {
  const count = model.lines.length;
  if (count < 2) return [];
  const ends = new Int32Array(count).fill(-1);
  const kinds = new Uint8Array(count);
  const add = (start: number, end: number, kind: number) => {
    if (start < 0 || start >= count || end <= start) return;
    const last = Math.min(end, count - 1);
    if (last > ends[start]) {
      ends[start] = last;
      kinds[start] = kind;
    }
  };

  const directives = model.directives;
  if (directives.length >= 2) add(directives[0].range.start.line, directives[directives.length - 1].range.end.line, COMMENT);
  for (const stage of model.stages) add(stage.from.range.start.line, stage.range.end.line, NONE);
  addCommentRuns(model.comments.map((comment) => comment.range.start.line), add);
  for (const instruction of model.instructions) addInstruction(model, instruction, add);

  return nestedFoldingRanges(ends, kinds);
}

type Add = (start: number, end: number, kind: number) => void;

function addInstruction(model: DockerfileModel, instruction: Instruction, add: Add): void {
  const { start, end } = instruction.range;
  add(start.line, end.line, NONE);
  if (instruction.innerCommentLines.length > 1) {
    const commentLines = instruction.innerCommentLines.filter((line) => isComment(model.lines[line]));
    addCommentRuns(commentLines, add);
  }
  // Heredoc k folds from the line before its body to its terminator; when the next body starts right after
  // that terminator, the next fold starts there, so this one ends on its last body line instead.
  const heredocs = instruction.heredocs;
  for (let k = 0; k < heredocs.length; k++) {
    const heredoc = heredocs[k];
    const first = heredoc.bodyRange.start.line - 1;
    let last = heredoc.closerRange ? heredoc.closerRange.start.line : heredoc.bodyRange.end.line;
    const next = heredocs[k + 1];
    if (next && next.bodyRange.start.line - 1 <= last) last = next.bodyRange.start.line - 2;
    add(first, last, NONE);
  }
}

/** Folds every run of two or more consecutive lines among `lines` (sorted) as a comment. */
function addCommentRuns(lines: readonly number[], add: Add): void {
  let runStart = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i < lines.length && lines[i] === lines[i - 1] + 1) continue;
    if (i - runStart >= 2) add(lines[runStart], lines[i - 1], COMMENT);
    runStart = i;
  }
}

function isComment(line: string | undefined): boolean {
  if (line === undefined) return false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0x09) continue;
    return c === 0x23;
  }
  return false;
}
