// Compose folding ranges. Pure; one pass over the text, linear in its length (a walk of the parsed tree costs
// several times more on a 15k-line file than the whole answer may take, so the lines are read directly; the
// tests hold the scan to a tree walk over the corpus).
//
// What folds: every key whose value spans several lines (a service, a `build:` or `environment:` block, a block
// scalar `|` / `>`, a multi-line flow collection or quoted string), from the key's line to the last line of the
// value's content; every sequence entry that spans lines (`- name: x` with more keys below), from its `-` line;
// every flow collection (`[`, `{`) closed on a later line, from its opening line to its closing one; runs of two
// or more consecutive comment lines (kind `comment`; lines of block scalars and quoted strings are text, not
// comments). A value ends with its last content line: blank lines and comments after it stay outside its fold
// (they usually introduce what follows).
//
// How the scan reads YAML: a line that starts a node (not inside a block scalar, a quoted string or a flow
// collection) belongs to the closest line above it that is less indented, or equally indented when it is a
// `- ` entry and that line is `key:` with nothing after it (the compact `key:\n- a` style). Lines inside block
// scalars, quoted strings and flow collections belong to the line that opened them.
//
// LSP folding ranges are line-based and a client keeps one range per start line, so when two candidates start
// on the same line the outermost (the one that ends last) is kept. The result is sorted by start line and
// properly nested (a final pass with a stack drops a range that would start inside another and end after it).
import type { FoldingRange } from 'vscode-languageserver-types';
import { FOLD_COMMENT as COMMENT, FOLD_REGION as REGION, nestedFoldingRanges } from '../util/foldingRanges';
import type { ComposeModel } from './model';
import { scanLines, type LineScan } from './foldingScan';

export function foldingRanges(model: ComposeModel): FoldingRange[] {
  const count = model.lineCount;
  if (count < 2) return [];
  const ends = new Int32Array(count).fill(-1);
  const kinds = new Uint8Array(count);
  const scan: LineScan = {
    fold(start, end) {
      if (start >= 0 && end > start && end < count && end > ends[start]) {
        ends[start] = end;
        kinds[start] = REGION;
      }
    },
    comments(start, end) {
      if (start >= 0 && end > start && end < count && end > ends[start]) {
        ends[start] = end;
        kinds[start] = COMMENT;
      }
    },
  };
  scanLines(model.text, scan);

  return nestedFoldingRanges(ends, kinds);
}
