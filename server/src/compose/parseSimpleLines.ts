// The lines of a block as compose/parseSimple.ts reads them: where each line with content starts, where its content
// starts and ends, whether an empty line comes before it, and the comment lines before it.

/**
 * The lines of a block that have content, as parallel arrays (one object per block, not one per line): offsets of
 * each line's first character, of its first non-space character and of its line feed, and whether an empty line
 * comes before it (`yaml` marks the node there `spaceBefore`).
 */
export class Lines {
  readonly start: Int32Array;
  readonly content: Int32Array;
  readonly end: Int32Array;
  readonly blankBefore: Uint8Array;
  /** The text of the comment lines right before a line, one per line (`yaml`'s `commentBefore`), when there are. */
  readonly commentBefore: (string | undefined)[] = [];
  count = 0;

  constructor(readonly capacity: number) {
    this.start = new Int32Array(capacity);
    this.content = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.blankBefore = new Uint8Array(capacity);
  }

  /**
   * Lines for a block of `capacity` lines at most: one set of arrays reused from block to block (a read is over
   * before the next starts, and nodes keep none of it), as typed arrays are slow to make a thousand times over.
   */
  static reused(capacity: number): Lines {
    if (!scratch || scratch.capacity < capacity) scratch = new Lines(Math.max(capacity, 2 * (scratch?.capacity ?? 128)));
    scratch.count = 0;
    scratch.commentBefore.length = 0;
    return scratch;
  }

  indent(k: number): number {
    return this.content[k] - this.start[k];
  }
}

let scratch: Lines | undefined;

/**
 * The lines of `text` that have content. The text must end with a line feed, have no tab or "\r" anywhere, and no
 * line of spaces; empty lines are allowed (noted on the next line; at the end they belong to no node), and comment
 * lines right before a line at their indentation (not next to an empty line, not empty themselves).
 */
export function linesOf(text: string): Lines | undefined {
  if (text.length === 0 || text.charCodeAt(text.length - 1) !== 0x0a) return undefined;
  if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) return undefined;
  let capacity = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) capacity++;
  const lines = Lines.reused(capacity);
  let start = 0;
  let blankBefore = 0;
  let comments: string | undefined;
  let commentIndent = -1;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end === start) {
      if (comments !== undefined) return undefined;
      blankBefore = 1;
      start++;
      continue;
    }
    let content = start;
    while (content < end && text.charCodeAt(content) === 0x20) content++;
    if (content === end || text.charCodeAt(end - 1) === 0x20) return undefined;
    const c = text.charCodeAt(content);
    if (c === 0x23) {
      // A comment line: kept for the next line, which must be at its indentation.
      if (blankBefore || content + 1 >= end || (comments !== undefined && content - start !== commentIndent)) return undefined;
      const body = text.slice(content + 1, end);
      comments = comments === undefined ? body : `${comments}\n${body}`;
      commentIndent = content - start;
      start = end + 1;
      continue;
    }
    if (comments !== undefined && content - start !== commentIndent) return undefined;
    // A document marker, a directive: not for this reader.
    if (content === start && (c === 0x25 || text.startsWith('---', start) || text.startsWith('...', start))) return undefined;
    const k = lines.count++;
    lines.start[k] = start;
    lines.content[k] = content;
    lines.end[k] = end;
    lines.blankBefore[k] = blankBefore;
    if (comments !== undefined) lines.commentBefore[k] = comments;
    blankBefore = 0;
    comments = undefined;
    start = end + 1;
  }
  // Comment lines at the end belong to no entry (`yaml` gives them to the node before in ways of its own).
  return lines.count > 0 && comments === undefined ? lines : undefined;
}
