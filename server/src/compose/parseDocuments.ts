// Files of several YAML documents (`---` between them). Compose (compose-go) loads each document and merges
// them in order, later documents overriding earlier ones. Here each document is split into blocks like a whole
// file (see parseBlocks.ts) and gets a root map of its own (where `pathAt` walks, so positions stay those of the
// document); the model's `root` is the documents' roots merged: top-level keys that several documents set with
// a map (`services:`, `volumes:` ...) become one map holding the keys of all of them, in text order. A name
// set in several documents (the same service twice) is merged by the model's name index (parseModel.ts).
import type { Node, Pair } from 'yaml';
import { Pair as YamlPair, YAMLMap } from 'yaml';
import { isMap, isScalar } from './yamlKinds';
import { isMergeKey } from './model';
import type { LineIndex } from './parseLines';

/** One YAML document of the text: lines [firstLine, endLine) and their offsets [start, end). */
export interface DocumentSpan {
  firstLine: number;
  endLine: number;
  start: number;
  end: number;
  /** False for a document of blank lines, comments and markers only. */
  hasContent: boolean;
}

function isMarker(line: string, marker: '---' | '...'): boolean {
  return line.startsWith(marker) && (line.length === 3 || line[3] === ' ' || line[3] === '\t' || line[3] === '\r');
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed === '' || trimmed.startsWith('#');
}

/**
 * The documents of the text when it holds more than one with content, else undefined (the text is then read
 * as one document, as before). A `---` line starts a document (unless only comments precede it in the current
 * one); a `...` line ends one. Undefined too for what this does not read: directives (`%YAML`), and content on
 * a marker's line (`--- {a: 1}`, `--- !tag`), which YAML allows but Compose files do not use.
 */
export function splitDocuments(lines: LineIndex): DocumentSpan[] | undefined {
  const text = lines.text;
  if (!text.includes('\n---') && !text.includes('\n...')) return undefined; // the common case: one document
  const count = lines.lineCount;
  const spans: DocumentSpan[] = [];
  let first = 0;
  let hasContent = false;
  let hasMarker = false;
  const close = (endLine: number) => {
    if (endLine > first) {
      const end = endLine < count ? lines.starts[endLine] : text.length;
      spans.push({ firstLine: first, endLine, start: lines.starts[first], end, hasContent });
    }
    first = endLine;
    hasContent = false;
    hasMarker = false;
  };
  for (let line = 0; line < count; line++) {
    const s = lines.lineText(line);
    if (s.startsWith('%')) return undefined;
    if (isMarker(s, '---')) {
      if (!isBlankOrComment(s.slice(3))) return undefined;
      if (hasContent || hasMarker) close(line);
      hasMarker = true;
    } else if (isMarker(s, '...')) {
      if (!isBlankOrComment(s.slice(3))) return undefined;
      close(line + 1);
    } else if (!isBlankOrComment(s)) {
      hasContent = true;
    }
  }
  close(count);
  return spans.filter((span) => span.hasContent).length > 1 ? spans : undefined;
}

/** One YAML document of a file of several. */
export interface DocumentRoot {
  /** Offsets of the document's lines in the text, [start, end). */
  start: number;
  end: number;
  /** The document's own top map (the model's `root` merges them all). */
  root: YAMLMap;
}

/** The document that holds `offset`: the last one starting at or before it (the first one before them all). */
export function documentAt(documents: readonly DocumentRoot[], offset: number): DocumentRoot | undefined {
  let found = documents[0];
  for (const document of documents) {
    if (document.start > offset) break;
    found = document;
  }
  return found;
}

/** What merging definitions needs of the model. */
export interface MergeHost {
  resolve(node: Node | null | undefined): Node | null;
  offsetsOf(node: Node | Pair): [number, number];
}

/** Where a node of the text is: [start, end) offsets (see ComposeDocument.offsetsOf). */
export type OffsetsOf = (node: Node) => [number, number];

function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (!isScalar(key) || key.value === null || key.value === undefined) return undefined;
  return typeof key.source === 'string' ? key.source : String(key.value);
}

/** A map written as such (not an alias, not `!reset` / `!override`, no anchor): its keys may be merged. */
function isPlainMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.tag && !node.anchor;
}

/**
 * The merged root of the documents' roots: each top-level key once, in the order of first appearance; a key
 * several documents set with a plain map gets one map of all their keys (registered in `synthetic` and
 * `merged`); other repeated keys keep every pair (the model's entries take the first).
 */
export function mergeRoots(roots: YAMLMap[], offsetsOf: OffsetsOf, synthetic: Map<object, [number, number]>, merged: Set<object>): YAMLMap {
  const byKey = new Map<string, Pair[]>();
  const order: (string | Pair)[] = [];
  for (const root of roots) {
    for (const pair of root.items as Pair[]) {
      const name = keyName(pair);
      if (name === undefined || name === '<<') {
        order.push(pair);
        continue;
      }
      const list = byKey.get(name);
      if (list) list.push(pair);
      else {
        byKey.set(name, [pair]);
        order.push(name);
      }
    }
  }
  const items: Pair[] = [];
  for (const entry of order) {
    if (typeof entry !== 'string') {
      items.push(entry);
      continue;
    }
    const pairs = byKey.get(entry)!;
    if (pairs.length === 1 || !pairs.every((pair) => isPlainMap(pair.value))) {
      items.push(...pairs);
      continue;
    }
    const maps = pairs.map((pair) => pair.value as YAMLMap);
    const map = new YAMLMap();
    map.items = maps.flatMap((m) => m.items as Pair[]);
    synthetic.set(map, [offsetsOf(maps[0])[0], offsetsOf(maps[maps.length - 1])[1]]);
    merged.add(map);
    items.push(new YamlPair(pairs[0].key, map));
  }
  const root = new YAMLMap();
  root.items = items;
  merged.add(root);
  return root;
}

/**
 * The names of a map merged from several documents that more than one document defines with a map: one map of
 * their keys, later documents first (so that their keys win, as Compose overrides earlier documents with later
 * ones). The merge is of the names' own keys; what is under them is taken whole from the latest document.
 */
export function mergeDefinitions(model: MergeHost, section: YAMLMap, documentStarts: readonly number[], synthetic: Map<object, [number, number]>): Map<string, YAMLMap> {
  const documentOf = (pair: Pair): number => {
    const at = model.offsetsOf(pair)[0];
    let index = 0;
    while (index + 1 < documentStarts.length && documentStarts[index + 1] <= at) index++;
    return index;
  };
  const byName = new Map<string, { document: number; map: YAMLMap }[]>();
  for (const pair of section.items as Pair[]) {
    const key = pair.key;
    if (!isScalar(key) || isMergeKey(key) || key.value === null || key.value === undefined) continue;
    const name = typeof key.source === 'string' ? key.source : String(key.value);
    const value = model.resolve(pair.value as Node | null);
    if (!value || !isMap(value)) continue;
    const document = documentOf(pair);
    const list = byName.get(name) ?? [];
    if (list.some((written) => written.document === document)) continue; // a duplicate key of one document: the first counts
    list.push({ document, map: value });
    byName.set(name, list);
  }
  const result = new Map<string, YAMLMap>();
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    const map = new YAMLMap();
    map.items = [...list].reverse().flatMap((written) => written.map.items as Pair[]);
    synthetic.set(map, model.offsetsOf(list[list.length - 1].map));
    result.set(name, map);
  }
  return result;
}
