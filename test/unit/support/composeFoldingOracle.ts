// What Compose folding should answer, worked out from the parsed tree instead of the lines: a slow, plain
// reference the line scan of server/src/compose/folding.ts is held to over the corpus.
// Every pair whose content spans lines folds from its key's line to its content's last line; so does every
// sequence entry (from its first line) and every flow collection (to its closing bracket); two or more
// consecutive comment lines outside multi-line scalars fold as a comment. One range per start line (the one
// that ends last), properly nested.
import type { Node, Pair } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { ComposeModel } from '../../../server/src/compose/model';

export function oracleFolds(model: ComposeModel): FoldingRange[] {
  const count = model.lineCount;
  const ends = new Int32Array(count).fill(-1);
  const kinds = new Uint8Array(count);
  const textLines = new Uint8Array(count);
  const line = (offset: number) => model.positionAt(offset).line;
  const add = (start: number, end: number, kind: number) => {
    if (start >= 0 && end > start && end < count && end > ends[start]) {
      ends[start] = end;
      kinds[start] = kind;
    }
  };
  const trim = (start: number, end: number) => {
    while (end > start && ' \t\r\n'.includes(model.text[end - 1])) end--;
    return end;
  };
  const empty = (node: Node) => isScalar(node) && node.value === null && model.offsetsOf(node)[1] <= model.offsetsOf(node)[0];

  /** Visits a node; answers where its content ends. */
  const visit = (node: Node): number => {
    if (isMap(node) || isSeq(node)) {
      let end = -1;
      for (const item of node.items as (Pair | Node | null)[]) {
        if (!item) continue;
        let itemEnd: number;
        if (isPair(item)) {
          const key = item.key as Node | null;
          const value = item.value as Node | null;
          itemEnd = key ? visit(key) : -1;
          if (value && !empty(value)) itemEnd = Math.max(itemEnd, visit(value));
          if (key) add(line(model.offsetsOf(key)[0]), line(itemEnd), 0);
        } else {
          itemEnd = visit(item);
          add(line(model.offsetsOf(item)[0]), line(itemEnd), 0);
        }
        end = Math.max(end, itemEnd);
      }
      if (!node.flow && end >= 0) return end;
      const [start, stop] = model.offsetsOf(node);
      if (node.flow) add(line(start), line(trim(start, stop)), 0);
      return trim(start, stop);
    }
    const [start, stop] = model.offsetsOf(node);
    const end = trim(start, stop);
    if (isScalar(node) && line(end) > line(start)) textLines.fill(1, line(start) + 1, line(end) + 1);
    return end;
  };
  if (model.root) visit(model.root);

  const lines = model.text.split('\n');
  let run = -1;
  for (let i = 0; i <= lines.length; i++) {
    const comment = i < lines.length && /^[ \t]*#/.test(lines[i]) && textLines[i] !== 1;
    if (comment && run < 0) run = i;
    if (!comment && run >= 0) {
      if (i - 1 > run) add(run, i - 1, 1);
      run = -1;
    }
  }

  const ranges: FoldingRange[] = [];
  const open: number[] = [];
  for (let start = 0; start < count; start++) {
    const end = ends[start];
    if (end < 0) continue;
    while (open.length > 0 && open[open.length - 1] < start) open.pop();
    if (open.length > 0 && end > open[open.length - 1]) continue;
    open.push(end);
    ranges.push(kinds[start] === 1 ? { startLine: start, endLine: end, kind: 'comment' } : { startLine: start, endLine: end });
  }
  return ranges;
}
