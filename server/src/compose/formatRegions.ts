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

export interface Regions {
  /** Region index by the offset where the region starts. */
  readonly at: Map<number, number>;
  readonly start: number[];
  /** End offset (exclusive). */
  readonly end: number[];
  readonly kind: number[];
  /** True for a map key. */
  readonly key: boolean[];
  /** A block scalar's indentation indicator (`|2` -> 2); 0 when the indentation is detected from the content. */
  readonly indicator: number[];
  /** Line of the region's last character. */
  readonly lastLine: number[];
  /** For each line, the region it continues (the line is that region's second line or later), or -1. */
  readonly continues: Int32Array;
}

export function scanRegions(model: ComposeModel, starts: readonly number[]): Regions {
  const regions: Regions = {
    at: new Map(),
    start: [],
    end: [],
    kind: [],
    key: [],
    indicator: [],
    lastLine: [],
    continues: new Int32Array(starts.length).fill(-1),
  };
  const text = model.text;
  const add = (node: Node, kind: number, key: boolean) => {
    const [start, end] = model.offsetsOf(node);
    if (end <= start || regions.at.has(start)) return;
    const index = regions.start.length;
    regions.at.set(start, index);
    regions.start.push(start);
    regions.end.push(end);
    regions.kind.push(kind);
    regions.key.push(key);
    regions.indicator.push(kind === BLOCK ? indicatorOf(text, start) : 0);
    const first = lineOf(starts, start);
    const last = lineOf(starts, end - 1);
    regions.lastLine.push(last);
    for (let line = first + 1; line <= last; line++) regions.continues[line] = index;
  };
  const todo: { node: unknown; key: boolean }[] = [{ node: model.root, key: false }];
  while (todo.length > 0) {
    const { node, key } = todo.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (isPair(node)) {
      todo.push({ node: node.value, key: false }, { node: node.key, key: true });
    } else if (isScalar(node)) {
      const type = node.type;
      const kind = type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED' ? BLOCK : type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' ? QUOTED : PLAIN;
      add(node, kind, key);
    } else if (isAlias(node)) {
      add(node, PLAIN, key);
    } else if (isMap(node) || isSeq(node)) {
      if (node.flow) add(node, FLOW, key);
      else for (let i = node.items.length - 1; i >= 0; i--) todo.push({ node: node.items[i], key: false });
    }
  }
  return regions;
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
