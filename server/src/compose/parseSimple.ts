// A fast reader for the plain YAML that most Compose blocks are written in, building the same `yaml` nodes that
// `yaml`'s parseDocument would build for them (classes, values, ranges, scalar styles and formats, comments), in a
// fraction of its time: a 500-service file is mostly blocks like `  web:` / `    image: x` / `    ports:` /
// `      - "80:80"`. Block maps, block sequences (of scalars, flow sequences, aliases and `- key: value` maps), plain
// and quoted scalars without escapes, one-line flow sequences, `{}`, aliases, anchored blocks, empty lines, and
// comments at the end of a value's line or on lines of their own before an entry (at its indentation). Anything else
// makes it give up (undefined) and the block goes to `yaml` as before, so it never decides a question of YAML syntax.
// What it reads is checked against `yaml` block by block over the corpus and its variants
// (test/unit/composeParseSimple.test.ts).
//
// Why our own code (DESIGN.md prefers a library): `yaml`'s lexer, CST parser and composer are most of the time a
// large compose file takes to open (issue 11), and no other library builds `yaml`'s node classes, which every
// compose provider reads.
import { Alias, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { fitted, newMap, newPair, newSeq } from './parseNodes';
import { type Lines, linesOf } from './parseSimpleLines';
import { OUTSIDE, commentAfter, isAnchorChar, isAnchorName, isItemStart, isPlainStart, keyEnd, plainScalar, quotedEnd, quotedScalar, startsKey } from './parseSimpleScalars';

/** The contents node of the block `text`, as `yaml` would build it, or undefined when it is not plain enough. */
export function readSimpleBlock(text: string): Node | undefined {
  const lines = linesOf(text);
  if (!lines || lines.blankBefore[0]) return undefined;
  const reader = new Reader(text, lines);
  try {
    const contents = reader.map(lines.indent(0));
    return reader.at === lines.count ? contents : undefined;
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

class Reader {
  /** The line to read next. */
  at = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Lines,
  ) {}

  /**
   * A block map whose keys are at `indent`, from the current line. The comment lines before the first key are the
   * map's when it is a key's value (`nested`), else the key's, as `yaml` places them. An item of a sequence
   * (`- key: value`) passes where its first key starts (`itemKey`), on the dash's line: the sequence gives the
   * empty line or comments before the dash to the map itself.
   */
  map(indent: number, nested = false, itemKey = -1): YAMLMap {
    const { text, lines } = this;
    const map = newMap();
    const first = itemKey >= 0 ? itemKey : lines.content[this.at];
    if (nested && lines.commentBefore[this.at] !== undefined) map.commentBefore = lines.commentBefore[this.at];
    // The first key of an item is on the dash's line; the others at its column.
    for (let onDash = itemKey >= 0; this.at < lines.count && (onDash || lines.indent(this.at) === indent); onDash = false) {
      const content = onDash ? first : lines.content[this.at];
      const lineEnd = lines.end[this.at];
      const colon = keyEnd(text, content, lineEnd);
      const key = plainScalar(text.slice(content, colon), content, colon, colon);
      if (lines.blankBefore[this.at] && !onDash) key.spaceBefore = true;
      if (lines.commentBefore[this.at] !== undefined && !onDash && !(nested && content === first)) key.commentBefore = lines.commentBefore[this.at];
      let value: Node;
      let p = colon + 1;
      if (p < lineEnd) {
        p++; // the one space after the colon (keyEnd checked it)
        if (text.charCodeAt(p) === 0x26) {
          // `key: &name` with the anchored block below it.
          const name = text.slice(p + 1, lineEnd);
          if (!isAnchorName(name)) throw OUTSIDE;
          this.at++;
          value = this.nested(indent);
          value.anchor = name;
        } else {
          value = inlineValue(text, p, lineEnd);
          this.at++;
          if (this.at < lines.count && lines.indent(this.at) > indent) throw OUTSIDE;
        }
      } else {
        this.at++;
        value = this.nested(indent);
      }
      map.items.push(newPair(key, value));
    }
    map.items = fitted(map.items);
    // The end of its last line: empty lines after it are not the map's.
    const end = lines.end[this.at - 1] + 1;
    map.range = [first, end, end];
    return map;
  }

  /** The block value of a key at `indent`: a map or a sequence on the next lines, indented deeper. */
  private nested(indent: number): YAMLMap | YAMLSeq {
    const { lines, at } = this;
    if (at >= lines.count || lines.indent(at) <= indent || lines.blankBefore[at]) throw OUTSIDE;
    return isItemStart(this.text, lines.content[at], lines.end[at]) ? this.seq(lines.indent(at)) : this.map(lines.indent(at), true);
  }

  /** A block sequence of scalars, flow sequences, aliases and maps whose dashes are at `indent` (a key's value). */
  private seq(indent: number): YAMLSeq {
    const { text, lines } = this;
    const seq = newSeq();
    const first = lines.content[this.at];
    if (lines.commentBefore[this.at] !== undefined) seq.commentBefore = lines.commentBefore[this.at];
    while (this.at < lines.count && lines.indent(this.at) === indent) {
      const content = lines.content[this.at];
      const lineEnd = lines.end[this.at];
      if (!isItemStart(text, content, lineEnd)) throw OUTSIDE;
      const p = content + 2;
      if (p >= lineEnd || text.charCodeAt(p) === 0x20) throw OUTSIDE;
      const blank = lines.blankBefore[this.at];
      const comments = content !== first ? lines.commentBefore[this.at] : undefined;
      let item: Node;
      if (startsKey(text, p, lineEnd)) {
        // `- key: value` and the keys under it, at the column of the first one.
        item = this.map(p - lines.start[this.at], false, p);
      } else {
        item = inlineValue(text, p, lineEnd);
        this.at++;
      }
      if (blank) item.spaceBefore = true;
      if (comments !== undefined) item.commentBefore = comments;
      seq.items.push(item);
      if (this.at < lines.count && lines.indent(this.at) > indent) throw OUTSIDE;
    }
    seq.items = fitted(seq.items);
    const end = lines.end[this.at - 1] + 1;
    seq.range = [first, end, end];
    return seq;
  }
}

/**
 * The value written on the rest of a line, [from, end): a quoted or plain scalar, a flow sequence, `{}`, an alias;
 * maybe followed by blanks and a comment (`# text`, the node's `comment`).
 */
function inlineValue(text: string, from: number, end: number): Node {
  const c = text.charCodeAt(from);
  let node: Node;
  let valueEnd: number;
  if (c === 0x22 || c === 0x27) {
    valueEnd = quotedEnd(text, from, end);
    node = quotedScalar(text, from, valueEnd);
  } else if (c === 0x5b) {
    const seq = newFlowSeq();
    valueEnd = flowItems(text, from, end, seq);
    seq.items = fitted(seq.items);
    node = seq;
  } else if (c === 0x7b) {
    // `{}` alone (a volume or network with default settings); other flow maps are `yaml`'s.
    if (text.charCodeAt(from + 1) !== 0x7d) throw OUTSIDE;
    const map = newMap();
    map.flow = true;
    node = map;
    valueEnd = from + 2;
  } else if (c === 0x2a) {
    valueEnd = from + 1;
    while (valueEnd < end && isAnchorChar(text.charCodeAt(valueEnd))) valueEnd++;
    if (valueEnd === from + 1) throw OUTSIDE;
    node = new Alias(text.slice(from + 1, valueEnd));
  } else {
    // A dash starts a plain scalar (`-f`) unless a space follows it (a sequence item here is invalid YAML).
    if (!isPlainStart(c) && !(c === 0x2d && from + 1 < end && text.charCodeAt(from + 1) !== 0x20)) throw OUTSIDE;
    // A plain scalar ends where ` #` starts a comment (a `#` inside it, as in `a#b`, is its own).
    const hash = text.indexOf(' #', from);
    valueEnd = hash >= 0 && hash < end ? hash : end;
    while (valueEnd > from && text.charCodeAt(valueEnd - 1) === 0x20) valueEnd--;
    const value = text.slice(from, valueEnd);
    if (value.length === 0 || value.includes(': ') || value.endsWith(':')) throw OUTSIDE;
    const scalar = plainScalar(value, from, valueEnd, end + 1);
    const comment = commentAfter(text, valueEnd, end);
    if (comment !== undefined) scalar.comment = comment;
    return scalar;
  }
  const comment = commentAfter(text, valueEnd, end);
  if (comment !== undefined) node.comment = comment;
  node.range = [from, valueEnd, end + 1];
  return node;
}

function newFlowSeq(): YAMLSeq {
  const seq = newSeq();
  seq.flow = true;
  return seq;
}

/**
 * Reads `[a, "b", 'c']` at `from` into `seq`, items separated by a comma and one space; [] too. Returns the offset
 * after its `]`, which must come before `end`.
 */
function flowItems(text: string, from: number, end: number, seq: YAMLSeq): number {
  let i = from + 1;
  if (text.charCodeAt(i) === 0x5d) return i + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    let itemEnd: number;
    if (c === 0x22 || c === 0x27) {
      itemEnd = quotedEnd(text, i, end);
      const item = quotedScalar(text, i, itemEnd);
      item.range = [i, itemEnd, itemEnd];
      seq.items.push(item);
    } else {
      if (!isPlainStart(c)) throw OUTSIDE;
      itemEnd = i;
      for (; itemEnd < end; itemEnd++) {
        const v = text.charCodeAt(itemEnd);
        if (v === 0x2c || v === 0x5d) break;
        if (v === 0x20 || v === 0x23 || v === 0x3a || v === 0x5b || v === 0x7b || v === 0x7d || v === 0x22 || v === 0x27) throw OUTSIDE;
      }
      seq.items.push(plainScalar(text.slice(i, itemEnd), i, itemEnd, itemEnd));
    }
    if (itemEnd >= end) throw OUTSIDE;
    if (text.charCodeAt(itemEnd) === 0x5d) return itemEnd + 1;
    if (text.charCodeAt(itemEnd) !== 0x2c || text.charCodeAt(itemEnd + 1) !== 0x20 || itemEnd + 2 >= end) throw OUTSIDE;
    i = itemEnd + 2;
  }
}
