// What compose formatting must never look inside, read from the model's tree in one walk (linear in the number of
// nodes, no recursion): every scalar, alias and flow collection is a "region" of the text, kept exactly as written
// except for the indentation of its continuation lines (its second line on), which moves only as a whole. Regions
// that are keys of a map are marked, so that the line pass knows which `:` is the key indicator.
import type { Node } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from './yamlKinds';
import type { ComposeModel } from './model';
import { lineOf } from './parseLines';

/** A plain scalar or an alias. */
export const PLAIN = 0;
/** A single- or double-quoted scalar. */
export const QUOTED = 1;
/** A literal `|` or folded `>` block scalar (from its header to its last content line). */
export const BLOCK = 2;
/** A flow collection `[...]` or `{...}` with everything in it. */
export const FLOW = 3;

/** The regions of a document, by index in the order of their starts (no two start at one offset). */
export class Regions {
  /** Start offset of each region, increasing. */
  readonly start: Int32Array;
  /** End offset (exclusive). */
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  /** 1 for a map key. */
  readonly key: Uint8Array;
  /** A block scalar's indentation indicator (`|2` -> 2); 0 when the indentation is detected from the content. */
  readonly indicator: Uint8Array;
  /** Line of the region's last character. */
  readonly lastLine: Int32Array;
  /** For each line, the region it continues (the line is that region's second line or later), or -1. */
  readonly continues: Int32Array;
  /** How many regions there are (the arrays may be longer: one start met twice is one region). */
  readonly count: number;

  /** `found`: start, end and kind * 2 + key of each region, in the order met (the first of one start is kept). */
  constructor(text: string, starts: readonly number[], found: readonly number[]) {
    let order: number[] | undefined;
    for (let i = 3; i < found.length && !order; i += 3) if (found[i] < found[i - 3]) order = sortedByStart(found);
    const count = found.length / 3;
    this.start = new Int32Array(count);
    this.end = new Int32Array(count);
    this.kind = new Uint8Array(count);
    this.key = new Uint8Array(count);
    this.indicator = new Uint8Array(count);
    this.lastLine = new Int32Array(count);
    this.continues = new Int32Array(starts.length).fill(-1);
    let n = 0;
    for (let k = 0; k < count; k++) {
      const i = (order ? order[k] : k) * 3;
      const start = found[i];
      if (n > 0 && this.start[n - 1] === start) continue;
      const end = found[i + 1];
      const kind = found[i + 2] >> 1;
      this.start[n] = start;
      this.end[n] = end;
      this.kind[n] = kind;
      this.key[n] = found[i + 2] & 1;
      this.indicator[n] = kind === BLOCK ? indicatorOf(text, start) : 0;
      const last = lineOf(starts, end - 1);
      this.lastLine[n] = last;
      for (let line = lineOf(starts, start) + 1; line <= last; line++) this.continues[line] = n;
      n++;
    }
    this.count = n;
  }

  /** The region that starts at `offset`, or -1. */
  at(offset: number): number {
    const { start } = this;
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const s = start[mid];
      if (s === offset) return mid;
      if (s < offset) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}

/** The indexes of the regions of `found` in the order of their starts (stable: first met first). */
function sortedByStart(found: readonly number[]): number[] {
  const order = Array.from({ length: found.length / 3 }, (_, i) => i);
  return order.sort((a, b) => found[a * 3] - found[b * 3] || a - b);
}

export function scanRegions(model: ComposeModel, starts: readonly number[]): Regions {
  const found: number[] = [];
  const add = (node: Node, kind: number, key: boolean) => {
    const [start, end] = model.offsetsOf(node);
    if (end > start) found.push(start, end, kind * 2 + (key ? 1 : 0));
  };
  // The tree in document order (a key before its value), on two parallel stacks: nodes, and whether each is a key.
  const nodes: unknown[] = [model.root];
  const keys: boolean[] = [false];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const key = keys.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (isPair(node)) {
      nodes.push(node.value, node.key);
      keys.push(false, true);
    } else if (isScalar(node)) {
      const type = node.type;
      const kind = type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED' ? BLOCK : type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' ? QUOTED : PLAIN;
      add(node, kind, key);
    } else if (isAlias(node)) {
      add(node, PLAIN, key);
    } else if (isMap(node) || isSeq(node)) {
      if (node.flow) add(node, FLOW, key);
      else
        for (let i = node.items.length - 1; i >= 0; i--) {
          nodes.push(node.items[i]);
          keys.push(false);
        }
    }
  }
  return new Regions(model.text, starts, found);
}

/** The digit of a block scalar header (`|2-`, `>+1`), or 0. */
function indicatorOf(text: string, start: number): number {
  for (let i = start + 1; i < start + 3 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x31 && c <= 0x39) return c - 0x30;
    if (c !== 0x2b && c !== 0x2d) break;
  }
  return 0;
}
