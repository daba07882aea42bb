// parseCompose(text, previous?): the model of a Compose file. The file is split into blocks (each top-level
// key, and each key directly under a top-level map written `key:` alone on its line, see parseBlocks.ts);
// each block is parsed on its own (by our reader of plain blocks, parseSimple.ts, else by `yaml`) and the tree
// is assembled from the blocks. With the model of the previous version, blocks whose text did not change are
// reused as they are, so an edit costs the parse of the blocks it touched plus a linear pass over the lines.
// The result is the same as a fresh parse.
// A "\r" alone breaks a line, as for LSP clients (YAML says so too, but `yaml` does not read it): the model is
// built from the text with those made "\n", which has the same length and lines, so `model.text`, offsets and
// positions agree with the document whatever its line ends.
import type { Node, Pair } from 'yaml';
import { Pair as YamlPair, YAMLMap } from 'yaml';
import { isMap, isScalar } from './yamlKinds';
import type { ComposeModel } from './model';
import { type BlockParse, blockOf, parseBlock } from './parseBlock';
import { type Group, type Span, splitGroups } from './parseBlocks';
import { LineIndex, withLineFeeds } from './parseLines';
import { type DocumentSpan, mergeRoots, splitDocuments } from './parseDocuments';
import { ComposeDocument, type DocumentRoot, type Placement } from './parseModel';

export { ComposeDocument } from './parseModel';

/** Hands out parsed blocks, reusing the previous version's blocks of identical text (each at most once). */
class BlockSource {
  private readonly reusable = new Map<string, BlockParse[]>();
  readonly placements: Placement[] = [];

  constructor(
    private readonly text: string,
    previous: ComposeModel | undefined,
  ) {
    if (previous instanceof ComposeDocument) {
      for (const { block } of previous.placements) {
        const list = this.reusable.get(block.text);
        if (list) list.push(block);
        else this.reusable.set(block.text, [block]);
      }
    }
  }

  /** The parse of the span's text, placed in this version at the span's start. */
  take(span: Span): BlockParse {
    const text = this.text.slice(span.start, span.end);
    const list = this.reusable.get(text);
    const block = list && list.length > 0 ? list.shift()! : parseBlock(text);
    this.placements.push({ block, start: span.start });
    return block;
  }

  /** Forgets the placements made since `mark` (a group that had to be parsed differently). */
  rewind(mark: number): void {
    for (const { block } of this.placements.splice(mark)) {
      const list = this.reusable.get(block.text);
      if (list) list.unshift(block);
      else this.reusable.set(block.text, [block]);
    }
  }
}

export function parseCompose(written: string, previous?: ComposeModel): ComposeModel {
  const text = withLineFeeds(written);
  const lines = new LineIndex(text);
  const source = new BlockSource(text, previous);
  const synthetic = new Map<object, [number, number]>();
  const spans = splitDocuments(lines);
  if (spans) {
    const several = assembleDocuments(spans, lines, source, synthetic);
    if (several) return new ComposeDocument(text, lines, several.root, source.placements, synthetic, several.documents, several.merged);
    source.rewind(0);
    synthetic.clear();
  }
  const groups = splitGroups(lines);
  let root: Node | null | undefined = null;
  if (groups) root = assemble(groups, source, synthetic, text, { start: 0, end: text.length });
  if (!groups || root === undefined) {
    source.rewind(0);
    synthetic.clear();
    root = source.take({ start: 0, end: text.length }).contents;
  }
  return new ComposeDocument(text, lines, root ?? null, source.placements, synthetic);
}

/**
 * The documents of a text of several, each with its root map, and their merged root; undefined when a document
 * is not a map (then the file is one block, and YAML's own complaint about several documents stands).
 */
function assembleDocuments(spans: DocumentSpan[], lines: LineIndex, source: BlockSource, synthetic: Map<object, [number, number]>): { root: YAMLMap; documents: DocumentRoot[]; merged: Set<object> } | undefined {
  const text = lines.text;
  const documents: DocumentRoot[] = [];
  for (const span of spans) {
    if (!span.hasContent) continue;
    const groups = splitGroups(lines, span.firstLine, span.endLine);
    const mark = source.placements.length;
    let root = groups ? assemble(groups, source, synthetic, text, span) : undefined;
    if (root === undefined) {
      source.rewind(mark);
      const contents = source.take(span).contents;
      if (contents && !isMap(contents)) return undefined;
      if (contents) root = contents as YAMLMap;
    }
    if (root) documents.push({ start: span.start, end: span.end, root: root as YAMLMap });
  }
  const startOf = new Map(source.placements.map(({ block, start }) => [block, start]));
  const offsetsOf = (node: Node): [number, number] => {
    const own = synthetic.get(node);
    if (own) return own;
    const base = startOf.get(blockOf(node)!) ?? 0;
    const range = node.range ?? [0, 0, 0];
    let end = base + range[1];
    while (end > base + range[0] && /\s/.test(text[end - 1])) end--;
    return [base + range[0], end];
  };
  const merged = new Set<object>();
  const root = mergeRoots(documents.map((d) => d.root), offsetsOf, synthetic, merged);
  synthetic.set(root, [firstContent(text, 0), trimEnd(text, text.length)]);
  return { root, documents, merged };
}

/** The root map from the groups, or undefined when a group is not a map (then the span is one block). */
function assemble(groups: Group[], source: BlockSource, synthetic: Map<object, [number, number]>, text: string, span: Span): YAMLMap | undefined {
  const items: Pair[] = [];
  for (const group of groups) {
    const pairs = splitGroup(group, source, synthetic, text) ?? wholeGroup(group, source);
    if (!pairs) return undefined;
    items.push(...pairs);
  }
  const root = new YAMLMap();
  root.items = items;
  synthetic.set(root, [firstContent(text, span.start), trimEnd(text, span.end, span.start)]);
  return root;
}

function wholeGroup(group: Group, source: BlockSource): Pair[] | undefined {
  const contents = source.take(group).contents;
  if (contents === null) return [];
  return isMap(contents) ? (contents.items as Pair[]) : undefined;
}

/** The group's pair with its value assembled from the child blocks, or undefined when that does not fit. */
function splitGroup(group: Group, source: BlockSource, synthetic: Map<object, [number, number]>, text: string): Pair[] | undefined {
  if (!group.header || !group.children) return undefined;
  const mark = source.placements.length;
  const header = source.take(group.header).contents;
  const headerPair = header && isMap(header) && header.items.length === 1 ? (header.items[0] as Pair) : undefined;
  const fits = headerPair !== undefined && isScalar(headerPair.key) && isEmptyValue(headerPair.value) && !(header as Node).anchor && !(header as Node).tag;
  const items: Pair[] = [];
  if (fits) {
    for (const child of group.children) {
      const contents = source.take(child).contents;
      if (!contents || !isMap(contents) || contents.anchor || contents.tag) {
        source.rewind(mark);
        return undefined;
      }
      items.push(...(contents.items as Pair[]));
    }
  }
  if (!fits || items.length === 0) {
    source.rewind(mark);
    return undefined;
  }
  const map = new YAMLMap();
  map.items = items;
  const first = group.children[0];
  const last = group.children[group.children.length - 1];
  synthetic.set(map, [firstContent(text, first.start), trimEnd(text, last.end, first.start)]);
  return [new YamlPair(headerPair.key, map)];
}

/** Nothing written after `key:` (yaml gives an empty plain scalar). */
function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return isScalar(value) && value.value === null && !value.source && !value.tag && !value.anchor;
}

/** The first character of a span that is not blank (the child key's first character). */
function firstContent(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

/** The end of a span without trailing blanks and comment lines. */
function trimEnd(text: string, end: number, floor = 0): number {
  let at = end;
  for (;;) {
    while (at > floor && /\s/.test(text[at - 1])) at--;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const line = text.slice(Math.max(lineStart, floor), at);
    if (at > floor && /^\s*#/.test(line)) at = Math.max(lineStart, floor);
    else return at;
  }
}
