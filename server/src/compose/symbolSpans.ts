// Where the things the outline shows start and end, and their LSP positions. Pure.
import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq } from './yamlKinds';
import type { Position } from 'vscode-languageserver-types';
import type { ComposeModel } from './model';
import { lineOf, lineStarts } from './parseLines';

/** How deep the last-item chain is followed; below that a collection's own range is used. */
const MAX_DEPTH = 256;

/**
 * The offset where the node's content ends: a block map or sequence ends with its last item (comments and
 * blank lines after it are not part of it); a scalar, alias or flow collection at the end of its range,
 * trailing blanks (the line breaks a block scalar keeps) left out. Never before the node's start.
 */
export function contentEnd(model: ComposeModel, node: Node): number {
  let current = node;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (!(isMap(current) || isSeq(current)) || current.flow || current.items.length === 0) break;
    const last = current.items[current.items.length - 1] as Pair | Node | null;
    let next: Node | null = null;
    if (isMap(current)) {
      const pair = last as Pair | null;
      const value = pair ? (pair.value as Node | null) : null;
      next = value && !isEmptyScalar(model, value) ? value : pair ? (pair.key as Node | null) : null;
    } else {
      next = last as Node | null;
    }
    if (!next) break;
    current = next;
  }
  const [start, end] = model.offsetsOf(current);
  return trimBlanksBack(model.text, start, end);
}

/** A value nothing was written for (`key:` alone): a null scalar of no length. */
export function isEmptyScalar(model: ComposeModel, node: Node): boolean {
  if (!isScalar(node) || node.value !== null) return false;
  const [start, end] = model.offsetsOf(node);
  return end <= start;
}

/** `end` moved back over blanks and line breaks, not before `start`. */
export function trimBlanksBack(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    end--;
  }
  return end;
}

/**
 * Offsets to LSP positions (as `model.positionAt` answers them) for offsets asked mostly in increasing order:
 * the line is found by stepping from the previous one (a binary search for a far jump), so a whole outline
 * costs one pass over the line starts instead of a search per position.
 */
export class PositionCursor {
  private line = 0;
  private readonly starts: readonly number[];

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  at(offset: number): Position {
    const starts = this.starts;
    const clamped = offset < 0 ? 0 : offset > this.text.length ? this.text.length : offset;
    let line = this.line;
    if (clamped >= starts[line]) {
      let steps = 0;
      while (line + 1 < starts.length && starts[line + 1] <= clamped && steps++ < 32) line++;
      if (line + 1 < starts.length && starts[line + 1] <= clamped) line = lineOf(starts, clamped);
    } else {
      line = lineOf(starts, clamped);
    }
    this.line = line;
    const next = line + 1 < starts.length ? starts[line + 1] - 1 : this.text.length;
    const lineEnd = next > starts[line] && this.text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
    return { line, character: (clamped < lineEnd ? clamped : lineEnd) - starts[line] };
  }
}

