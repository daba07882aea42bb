// pathAt: where a position is in the tree, found by walking it from the root. Inside a node's range the
// node decides; between and after nodes, on blank or unfinished lines, the cursor's column decides which
// map or sequence a new key or item would belong to, as YAML's indentation does.
import type { Node, Pair } from 'yaml';
import { type YAMLMap, type YAMLSeq } from 'yaml';
import { isMap, isScalar, isSeq } from './yamlKinds';
import type { Position } from 'vscode-languageserver-types';
import type { PathAt } from './model';

/** What the walk needs of the model. */
export interface PathHost {
  readonly text: string;
  readonly root: Node | null;
  offsetsOf(node: Node | Pair): [number, number];
  positionAt(offset: number): Position;
}

interface Cursor {
  host: PathHost;
  offset: number;
  line: number;
  column: number;
}

export function findPath(host: PathHost, offset: number): PathAt {
  const position = host.positionAt(offset);
  const cursor: Cursor = { host, offset, line: position.line, column: position.character };
  if (inComment(host.text, offset - position.character, offset)) return { path: [], kind: 'none' };
  const root = host.root;
  if (!root || isEmpty(root)) return { path: [], kind: 'newKey' };
  if (isMap(root)) return inMap(cursor, root, []);
  if (isSeq(root)) return inSeq(cursor, root, []);
  return { path: [], kind: 'value', node: root };
}

function keyName(key: unknown): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.source ?? key.value);
  return '';
}

function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined) && !node.source);
}

function inValue(cursor: Cursor, value: Node, path: (string | number)[], pair: Pair | undefined, collection: Node): PathAt {
  if (isMap(value)) return inMap(cursor, value, path);
  if (isSeq(value)) return inSeq(cursor, value, path);
  if (isEmpty(value)) return { path, kind: 'value', ...(pair ? { pair } : {}), collection };
  return { path, kind: 'value', node: value, ...(pair ? { pair } : {}), collection };
}

function inMap(cursor: Cursor, map: YAMLMap, path: (string | number)[]): PathAt {
  const { host, offset } = cursor;
  const found = lastKeyAtOrBefore(host, map.items as Pair[], offset);
  if (!found) return { path, kind: 'newKey', collection: map };
  const [previous, keyStart, keyEnd] = found;
  const key = keyName(previous.key);
  const keyPath = [...path, key];
  if (offset <= keyEnd) return { path: keyPath, kind: 'key', node: previous.key as Node, pair: previous, collection: map };
  const value = previous.value as Node | null;
  const keyAt = host.positionAt(keyStart);
  if (value && !isEmpty(value)) {
    const [start, end] = host.offsetsOf(value);
    if (offset >= start && offset <= end) {
      // `key:` then a lone word on the next line: a key being typed (YAML reads it as the value for now).
      if (isScalar(value) && value.type === 'PLAIN' && typeof value.value === 'string' && !/[\s:]/.test(value.value)) {
        if (host.positionAt(start).line > keyAt.line) return { path: keyPath, kind: 'newKey', node: value, pair: previous };
      }
      return inValue(cursor, value, keyPath, previous, map);
    }
  }
  if (cursor.line === keyAt.line) return { path: keyPath, kind: 'value', pair: previous, collection: map };
  if (cursor.column > keyAt.character) {
    if (!value || isEmpty(value)) return { path: keyPath, kind: 'newKey', pair: previous };
    if (isMap(value)) return inMap(cursor, value, keyPath);
    if (isSeq(value)) return inSeq(cursor, value, keyPath);
    return { path: keyPath, kind: 'value', node: value, pair: previous, collection: map };
  }
  return { path, kind: 'newKey', collection: map };
}

/** Maps longer than this are searched by bisection (the services map of a big file has thousands of keys). */
const BISECT_FROM = 16;

/**
 * The last pair whose key starts at or before `offset` (keys are scanned in order until one starts after it),
 * with the key's offsets. A map's keys are in text order, so a long map is bisected instead.
 */
function lastKeyAtOrBefore(host: PathHost, items: readonly Pair[], offset: number): [Pair, number, number] | undefined {
  if (items.length > BISECT_FROM) {
    // Keyed pairs before `low` start at or before `offset`; keyed pairs from `high` on start after it.
    let low = 0;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      let probe = middle;
      while (probe >= low && !items[probe].key) probe--;
      if (probe >= low && host.offsetsOf(items[probe].key as Node)[0] > offset) high = probe;
      else low = middle + 1;
    }
    let at = low - 1;
    while (at >= 0 && !items[at].key) at--;
    if (at < 0) return undefined;
    const [start, end] = host.offsetsOf(items[at].key as Node);
    return [items[at], start, end];
  }
  let found: [Pair, number, number] | undefined;
  for (const pair of items) {
    if (!pair.key) continue;
    const [start, end] = host.offsetsOf(pair.key as Node);
    if (start > offset) break;
    found = [pair, start, end];
  }
  return found;
}

function inSeq(cursor: Cursor, seq: YAMLSeq, path: (string | number)[]): PathAt {
  const { host, offset } = cursor;
  let index = -1;
  let itemStart = 0;
  let itemEnd = 0;
  seq.items.forEach((item, i) => {
    if (!item) return;
    const [start, end] = host.offsetsOf(item as Node);
    if (start > offset) return;
    index = i;
    itemStart = start;
    itemEnd = end;
  });
  if (index < 0) return { path, kind: 'newItem', collection: seq };
  const item = seq.items[index] as Node;
  const itemPath = [...path, index];
  if (isEmpty(item)) {
    const at = host.positionAt(itemStart);
    return at.line === cursor.line ? { path, kind: 'newItem', collection: seq } : afterItems(seq, path);
  }
  if (offset >= itemStart && offset <= itemEnd) return inValue(cursor, item, itemPath, undefined, seq);
  const at = host.positionAt(itemStart);
  if (at.line === cursor.line) return inValue(cursor, item, itemPath, undefined, seq);
  if (isMap(item) && cursor.column >= at.character) return inMap(cursor, item, itemPath);
  return afterItems(seq, path);
}

function afterItems(seq: YAMLSeq, path: (string | number)[]): PathAt {
  return { path, kind: 'newItem', collection: seq };
}

/** True when the offset is inside a `#` comment of its line (a `#` after a blank, outside quotes). */
function inComment(text: string, lineStart: number, offset: number): boolean {
  let quote = '';
  for (let i = lineStart; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === lineStart || /[\s:[{,-]/.test(text[i - 1]))) quote = c;
    else if (c === '#' && (i === lineStart || /\s/.test(text[i - 1]))) return true;
  }
  return false;
}
