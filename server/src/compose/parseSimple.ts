// A fast reader for the plain YAML that most Compose blocks are written in, building the same `yaml` nodes that
// `yaml`'s parseDocument would build for them (classes, values, ranges, scalar styles and formats), in a fraction
// of its time: a 500-service file is mostly blocks like `  web:` / `    image: x` / `    ports:` / `      - "80:80"`.
// Anything outside that subset makes it give up (undefined) and the block goes to `yaml` as before, so it never
// decides a question of YAML syntax: no comments, lines of spaces, tabs, carriage returns, flow maps, block scalars,
// multi-line scalars, escapes, tags, anchors on scalars, sequences of maps, empty values, document markers or
// directives. What it reads is checked against `yaml` block by block over the corpus (test/unit/composeParseSimple).
//
// Why our own code (DESIGN.md prefers a library): `yaml`'s lexer, CST parser and composer are most of the time a
// large compose file takes to open (issue 11), and no other library builds `yaml`'s node classes, which every
// compose provider reads.
import { Alias, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** Thrown (one shared object, no stack) when the text is outside the subset. */
const OUTSIDE = Object.freeze({ outside: true });

/**
 * The lines of a block that have content, as parallel arrays (one object per block, not one per line): offsets of
 * each line's first character, of its first non-space character and of its line feed, and whether an empty line
 * comes before it (`yaml` marks the node there `spaceBefore`).
 */
class Lines {
  readonly start: Int32Array;
  readonly content: Int32Array;
  readonly end: Int32Array;
  readonly blankBefore: Uint8Array;
  count = 0;

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.content = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.blankBefore = new Uint8Array(capacity);
  }

  indent(k: number): number {
    return this.content[k] - this.start[k];
  }
}

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

/**
 * The lines of `text` that have content. The text must end with a line feed, have no tab, "\r" or "#" anywhere, and
 * no line of spaces; empty lines are allowed (noted on the next line; at the end they belong to no node).
 */
function linesOf(text: string): Lines | undefined {
  if (text.length === 0 || text.charCodeAt(text.length - 1) !== 0x0a) return undefined;
  if (text.indexOf('#') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) return undefined;
  let capacity = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) capacity++;
  const lines = new Lines(capacity);
  let start = 0;
  let blankBefore = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end === start) {
      blankBefore = 1;
      start++;
      continue;
    }
    let content = start;
    while (content < end && text.charCodeAt(content) === 0x20) content++;
    if (content === end || text.charCodeAt(end - 1) === 0x20) return undefined;
    const c = text.charCodeAt(content);
    // A document marker, a directive: not for this reader.
    if (content === start && (c === 0x25 || text.startsWith('---', start) || text.startsWith('...', start))) return undefined;
    const k = lines.count++;
    lines.start[k] = start;
    lines.content[k] = content;
    lines.end[k] = end;
    lines.blankBefore[k] = blankBefore;
    blankBefore = 0;
    start = end + 1;
  }
  return lines.count > 0 ? lines : undefined;
}

class Reader {
  /** The line to read next. */
  at = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Lines,
  ) {}

  /** A block map whose keys are at `indent`, from the current line. */
  map(indent: number): YAMLMap {
    const { text, lines } = this;
    const map = new YAMLMap();
    const first = lines.content[this.at];
    while (this.at < lines.count && lines.indent(this.at) === indent) {
      const content = lines.content[this.at];
      const lineEnd = lines.end[this.at];
      const colon = keyEnd(text, content, lineEnd);
      const key = plainScalar(text.slice(content, colon), content, colon, colon);
      if (lines.blankBefore[this.at]) key.spaceBefore = true;
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
      map.items.push(new Pair(key, value));
    }
    // The end of its last line: empty lines after it are not the map's.
    const end = lines.end[this.at - 1] + 1;
    map.range = [first, end, end];
    return map;
  }

  /** The block value of a key at `indent`: a map or a sequence on the next lines, indented deeper. */
  private nested(indent: number): YAMLMap | YAMLSeq {
    const { lines, at } = this;
    if (at >= lines.count || lines.indent(at) <= indent || lines.blankBefore[at]) throw OUTSIDE;
    return isItemStart(this.text, lines.content[at], lines.end[at]) ? this.seq(lines.indent(at)) : this.map(lines.indent(at));
  }

  /** A block sequence of scalars, flow sequences and aliases whose dashes are at `indent`. */
  private seq(indent: number): YAMLSeq {
    const { text, lines } = this;
    const seq = new YAMLSeq();
    const first = lines.content[this.at];
    while (this.at < lines.count && lines.indent(this.at) === indent) {
      const content = lines.content[this.at];
      const lineEnd = lines.end[this.at];
      if (!isItemStart(text, content, lineEnd)) throw OUTSIDE;
      const p = content + 2;
      if (p >= lineEnd || text.charCodeAt(p) === 0x20) throw OUTSIDE;
      const item = inlineValue(text, p, lineEnd);
      if (lines.blankBefore[this.at]) item.spaceBefore = true;
      seq.items.push(item);
      this.at++;
      if (this.at < lines.count && lines.indent(this.at) > indent) throw OUTSIDE;
    }
    const end = lines.end[this.at - 1] + 1;
    seq.range = [first, end, end];
    return seq;
  }
}

/** `- ` at `at`: a block sequence item. */
function isItemStart(text: string, at: number, end: number): boolean {
  return text.charCodeAt(at) === 0x2d && at + 1 < end && text.charCodeAt(at + 1) === 0x20;
}

/** The offset of the colon that ends the plain key starting at `from`; OUTSIDE unless it is `key:` or `key: x`. */
function keyEnd(text: string, from: number, end: number): number {
  if (!isPlainStart(text.charCodeAt(from)) && !text.startsWith('<<:', from)) throw OUTSIDE;
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) break;
    if (c === 0x20 || c === 0x22 || c === 0x27 || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) throw OUTSIDE;
    i++;
  }
  if (i === end || i === from) throw OUTSIDE;
  // After the colon: the end of the line, or one space and a value.
  if (i + 1 < end && (text.charCodeAt(i + 1) !== 0x20 || i + 2 >= end || text.charCodeAt(i + 2) === 0x20)) throw OUTSIDE;
  return i;
}

/** The value written on the rest of a line, [from, end): a quoted or plain scalar, a flow sequence, `{}`, an alias. */
function inlineValue(text: string, from: number, end: number): Node {
  const c = text.charCodeAt(from);
  let node: Node;
  if (c === 0x22 || c === 0x27) {
    if (quotedEnd(text, from, end) !== end) throw OUTSIDE;
    node = quotedScalar(text, from, end);
  } else if (c === 0x5b) {
    node = flowSeq(text, from, end);
  } else if (c === 0x7b) {
    // `{}` alone (a volume or network with default settings); other flow maps are `yaml`'s.
    if (end !== from + 2 || text.charCodeAt(from + 1) !== 0x7d) throw OUTSIDE;
    const map = new YAMLMap();
    map.flow = true;
    node = map;
  } else if (c === 0x2a) {
    const name = text.slice(from + 1, end);
    if (!isAnchorName(name)) throw OUTSIDE;
    node = new Alias(name);
  } else {
    // A dash starts a plain scalar (`-f`) unless a space follows it (a sequence item here is invalid YAML).
    if (!isPlainStart(c) && !(c === 0x2d && from + 1 < end && text.charCodeAt(from + 1) !== 0x20)) throw OUTSIDE;
    const value = text.slice(from, end);
    if (value.includes(': ') || value.endsWith(':')) throw OUTSIDE;
    return plainScalar(value, from, end, end + 1);
  }
  node.range = [from, end, end + 1];
  return node;
}

/** `[a, "b", 'c']` on one line, items separated by a comma and one space; [] too. */
function flowSeq(text: string, from: number, end: number): YAMLSeq {
  if (text.charCodeAt(end - 1) !== 0x5d) throw OUTSIDE;
  const seq = new YAMLSeq();
  seq.flow = true;
  let i = from + 1;
  const close = end - 1;
  while (i < close) {
    const c = text.charCodeAt(i);
    let itemEnd: number;
    if (c === 0x22 || c === 0x27) {
      itemEnd = quotedEnd(text, i, close);
      const item = quotedScalar(text, i, itemEnd);
      item.range = [i, itemEnd, itemEnd];
      seq.items.push(item);
    } else {
      if (!isPlainStart(c)) throw OUTSIDE;
      itemEnd = i;
      while (itemEnd < close && text.charCodeAt(itemEnd) !== 0x2c) itemEnd++;
      const value = text.slice(i, itemEnd);
      for (let k = 0; k < value.length; k++) {
        const v = value.charCodeAt(k);
        if (v === 0x20 || v === 0x3a || v === 0x5b || v === 0x5d || v === 0x7b || v === 0x7d || v === 0x22 || v === 0x27) throw OUTSIDE;
      }
      seq.items.push(plainScalar(value, i, itemEnd, itemEnd));
    }
    if (itemEnd === close) break;
    if (text.charCodeAt(itemEnd) !== 0x2c || text.charCodeAt(itemEnd + 1) !== 0x20 || itemEnd + 2 >= close) throw OUTSIDE;
    i = itemEnd + 2;
  }
  return seq;
}

/** Where the quoted scalar at `from` ends (after its closing quote), which must be at or before `limit`. */
function quotedEnd(text: string, from: number, limit: number): number {
  const quote = text.charCodeAt(from);
  for (let i = from + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    // Escapes, doubled single quotes and control characters are `yaml`'s to read.
    if (c === 0x5c || c < 0x20 || c === 0x7f) throw OUTSIDE;
    if (c === quote) return i + 1;
  }
  throw OUTSIDE;
}

function quotedScalar(text: string, from: number, end: number): Scalar {
  const value = text.slice(from + 1, end - 1);
  const scalar = new Scalar(value);
  scalar.source = value;
  scalar.type = text.charCodeAt(from) === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
  return scalar;
}

/** A plain scalar resolved by the YAML 1.2 core schema, as `yaml` resolves it (same tests, same values). */
function plainScalar(source: string, from: number, valueEnd: number, nodeEnd: number): Scalar {
  let scalar: Scalar;
  if (isSurelyString(source.charCodeAt(0))) scalar = new Scalar(source);
  else if (/^(?:~|[Nn]ull|NULL)$/.test(source)) scalar = new Scalar(null);
  else if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) scalar = new Scalar(source[0] === 't' || source[0] === 'T');
  else if (/^0o[0-7]+$/.test(source)) scalar = withFormat(parseInt(source.substring(2), 8), 'OCT');
  else if (/^[-+]?[0-9]+$/.test(source)) scalar = new Scalar(parseInt(source, 10));
  else if (/^0x[0-9a-fA-F]+$/.test(source)) scalar = withFormat(parseInt(source.substring(2), 16), 'HEX');
  else if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    scalar = new Scalar(source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
  } else if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) scalar = withFormat(parseFloat(source), 'EXP');
  else if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) {
    scalar = new Scalar(parseFloat(source));
    const dot = source.indexOf('.');
    if (source[source.length - 1] === '0') scalar.minFractionDigits = source.length - dot - 1;
  } else scalar = new Scalar(source);
  scalar.range = [from, valueEnd, nodeEnd];
  scalar.source = source;
  scalar.type = Scalar.PLAIN;
  return scalar;
}

/** A first character no null, boolean or number of the core schema starts with: a letter other than n, t, f. */
function isSurelyString(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a && lower !== 0x6e && lower !== 0x74 && lower !== 0x66;
}

function withFormat(value: number, format: string): Scalar {
  const scalar = new Scalar(value);
  scalar.format = format;
  return scalar;
}

/** A character a plain scalar or key may start with here: not a YAML indicator, not a space. */
function isPlainStart(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ||
    c === 0x5f || c === 0x2e || c === 0x2f || c === 0x24 || c === 0x7e || c === 0x2b || c === 0x28 || c === 0x3d
  );
}

function isAnchorName(name: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(name);
}
