// The YAML problems of a model: those `yaml` found in each block (moved to where the block is now), and
// ours, which need the whole file: aliases without an anchor before them, aliases inside their own anchor,
// merge keys whose value is not a map, and alias "bombs".
import type { Alias, Node, Pair } from 'yaml';
import { isAlias, isMap, isPair, isSeq } from './yamlKinds';
import type { AnchorDefinition, SyntaxProblem } from './model';
import type { LineIndex } from './parseLines';
import type { Placement } from './parseModel';

/** What the problem finder needs of the model. */
export interface ProblemHost {
  offsetsOf(node: Node | Pair): [number, number];
  resolve(node: Node | null | undefined): Node | null;
  resolveAlias(alias: Alias): AnchorDefinition | undefined;
}

export function collectProblems(host: ProblemHost, placements: readonly Placement[], lines: LineIndex): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const add = (code: string, message: string, start: number, end: number, severity: 'error' | 'warning') => {
    problems.push({ code, message, offset: start, range: { start: lines.positionAt(start), end: lines.positionAt(end) }, severity });
  };
  let literal = 0;
  let aliasCount = 0;
  for (const { block, start } of placements) {
    literal += block.nodeCount;
    aliasCount += block.aliases.length;
    for (const p of block.problems) add(p.code, p.message, start + p.start, start + p.end, p.severity);
    for (const alias of block.aliases) checkAlias(host, alias, add);
    for (const pair of block.merges) checkMerge(host, pair, add);
  }
  if (aliasCount > 0) checkAliasExpansion(host, placements, literal, add);
  return problems.sort((a, b) => a.offset - b.offset);
}

type Add = (code: string, message: string, start: number, end: number, severity: 'error' | 'warning') => void;

function checkAlias(host: ProblemHost, alias: Alias, add: Add): void {
  const [start, end] = host.offsetsOf(alias);
  const anchor = host.resolveAlias(alias);
  if (!anchor) {
    add('UNKNOWN_ANCHOR', `There is no anchor &${alias.source} before this alias.`, start, end, 'error');
    return;
  }
  const [anchorStart, anchorEnd] = host.offsetsOf(anchor.node);
  if (start >= anchorStart && end <= anchorEnd) {
    add('RECURSIVE_ALIAS', `The alias *${alias.source} is inside the node its anchor names, so it would contain itself.`, start, end, 'error');
  }
}

/** `<<: value` must be a map, or a list of maps (aliases resolved): go-yaml refuses anything else. */
function checkMerge(host: ProblemHost, pair: Pair, add: Add): void {
  const value = pair.value as Node | null;
  const target = host.resolve(value);
  if (!value || !target) return; // an empty merge is harmless; an unknown anchor is reported already
  const items = isSeq(target) ? (target.items as Node[]) : [value];
  for (const item of items) {
    const resolved = host.resolve(item);
    if (!resolved || isMap(resolved)) continue;
    const [start, end] = host.offsetsOf(item);
    const what = isAlias(item) ? `*${item.source} is not a map` : 'this value is not a map';
    add('BAD_MERGE', `A merge key (<<) takes a map or a list of maps; ${what}.`, start, end, 'error');
  }
}

/**
 * Refuses "billion laughs" files: aliases that expand the document to more than a million nodes and more
 * than ten times what is written (go-yaml, which Compose uses, gives up on such documents). Sizes are
 * computed once per anchored node, so this is linear in the file however large the expansion.
 */
function checkAliasExpansion(host: ProblemHost, placements: readonly Placement[], literal: number, add: Add): void {
  const sizes = new Map<Node, number>();
  const sizeOf = (node: unknown): number => {
    if (!node || typeof node !== 'object') return 0;
    if (isPair(node)) return sizeOf(node.key) + sizeOf(node.value);
    if (isAlias(node)) {
      const target = host.resolveAlias(node)?.node;
      return target ? sizeOf(target) : 1;
    }
    const known = sizes.get(node as Node);
    if (known !== undefined) return known;
    sizes.set(node as Node, 1); // a node that contains itself counts once
    let size = 1;
    if (isMap(node) || isSeq(node)) for (const item of node.items) size = Math.min(1e15, size + sizeOf(item));
    sizes.set(node as Node, size);
    return size;
  };
  let expanded = literal;
  let worst: Alias | undefined;
  let worstSize = 0;
  for (const { block } of placements) {
    for (const alias of block.aliases) {
      const size = sizeOf(alias);
      expanded = Math.min(1e15, expanded + size - 1);
      if (size > worstSize) {
        worstSize = size;
        worst = alias;
      }
    }
  }
  if (worst && expanded > 1_000_000 && expanded > 10 * literal) {
    const [start, end] = host.offsetsOf(worst);
    const message = `Aliases expand this file to about ${formatCount(expanded)} nodes from ${literal} written: Compose refuses a document with such excessive aliasing.`;
    add('EXCESSIVE_ALIASING', message, start, end, 'error');
  }
}

function formatCount(n: number): string {
  if (n >= 1e9) return `${Math.round(n / 1e8) / 10} billion`;
  return n >= 1e6 ? `${Math.round(n / 1e5) / 10} million` : String(Math.round(n));
}
