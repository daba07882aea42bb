// Splits a Compose file into blocks that parse independently: each top-level key ("group"), and inside a
// group written `key:` alone on its line (services:, volumes:, x-...:), each key directly under it. Only
// lines that plainly start a key at the right indentation split, so a block never cuts through a block
// scalar, a multi-line flow collection or a quoted string of valid YAML. Files this does not fit (several
// documents, directives, a top node that is not a block map) are one block.
import type { LineIndex } from './parseLines';

/** A run of whole lines: [start, end) offsets in the text. */
export interface Span {
  start: number;
  end: number;
}

export interface Group extends Span {
  /** Set when the group's value is split: the `key:` line (with what precedes it) and one span per child key. */
  header?: Span;
  children?: Span[];
}

function isBlankOrComment(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    return c === 35; // '#'
  }
  return true;
}

function isSpaceOrEnd(line: string, i: number): boolean {
  return i >= line.length || line[i] === ' ' || line[i] === '\t' || line[i] === '\r';
}

const NOT_KEY_START = new Set(['#', '[', ']', '{', '}', '|', '>', '%', '@', '`', '!', '&', '*', ',', ':', '?', ' ', '\t', '\r']);

/**
 * Where the key that starts at `indent` ends: the offset just after its `:`, or -1 when the line does not
 * plainly start a `key:` there (a list item, a flow collection, a comment, a property, no `: `...).
 */
export function keyLineEnd(line: string, indent: number): number {
  if (indent >= line.length) return -1;
  const first = line[indent];
  if (NOT_KEY_START.has(first)) return -1;
  if (first === '-' && isSpaceOrEnd(line, indent + 1)) return -1;
  let i = indent;
  if (first === '"' || first === "'") {
    i++;
    for (;;) {
      if (i >= line.length) return -1;
      const c = line[i];
      if (first === '"' && c === '\\') {
        i += 2;
        continue;
      }
      if (c === first) {
        if (first === "'" && line[i + 1] === "'") {
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    i++;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    return line[i] === ':' && isSpaceOrEnd(line, i + 1) ? i + 1 : -1;
  }
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === ':' && isSpaceOrEnd(line, i + 1)) return i + 1;
    if (c === '#' && (line[i - 1] === ' ' || line[i - 1] === '\t')) return -1;
  }
  return -1;
}

/** `key:` with nothing after the colon but blanks or a comment. */
function isBareKeyLine(line: string, keyEnd: number): boolean {
  return isBlankOrComment(line.slice(keyEnd));
}

/**
 * The groups of the text (or of its lines [fromLine, toLine), one YAML document of it), or undefined when they
 * must be parsed as one block.
 */
export function splitGroups(lines: LineIndex, fromLine = 0, toLine = lines.lineCount): Group[] | undefined {
  const count = toLine;
  const text = lines.text;
  const spanStart = lines.starts[fromLine] ?? 0;
  const spanEnd = toLine < lines.lineCount ? lines.starts[toLine] : text.length;
  const topStarts: number[] = [];
  let seenContent = false;
  let ended = false;
  for (let line = fromLine; line < count; line++) {
    // Most lines are indented: told by their first character, without making a string of them.
    const first = lines.starts[line] < text.length ? text.charCodeAt(lines.starts[line]) : 10;
    if (first === 10) continue; // an empty line ("\r\n" too: its "\r" is checked below as a blank)
    if (first === 0x20 || first === 0x09 || first === 0x0d || first === 0x23) {
      if (!seenContent && !isBlankOrComment(lines.lineText(line))) return undefined; // an indented top node
      continue;
    }
    const s = lines.lineText(line);
    const c = s[0];
    if (c === '%' || ended) return undefined;
    if ((s.startsWith('---') || s.startsWith('...')) && isSpaceOrEnd(s, 3)) {
      if (!isBlankOrComment(s.slice(3))) return undefined;
      // A document end marker after the content of a part of the text stays with the last block (a lone
      // document keeps the old way: one block); a leading document start marker stays with the first block.
      if (s.startsWith('...') && seenContent && (fromLine > 0 || toLine < lines.lineCount)) {
        ended = true;
        continue;
      }
      if (seenContent || s.startsWith('...')) return undefined;
      continue;
    }
    const keyEnd = keyLineEnd(s, 0);
    if (keyEnd < 0) {
      if (!seenContent) return undefined; // the top node is not a block map
      continue; // a broken line: it stays with the block before it
    }
    seenContent = true;
    topStarts.push(line);
  }
  if (topStarts.length === 0) return undefined;
  const groups: Group[] = [];
  for (let g = 0; g < topStarts.length; g++) {
    const firstLine = topStarts[g];
    const lastLine = g + 1 < topStarts.length ? topStarts[g + 1] : count; // exclusive
    const start = g === 0 ? spanStart : lines.starts[firstLine];
    const end = lastLine < count ? lines.starts[lastLine] : spanEnd;
    const group: Group = { start, end };
    const head = lines.lineText(firstLine);
    if (isBareKeyLine(head, keyLineEnd(head, 0))) splitChildren(lines, group, firstLine, lastLine);
    groups.push(group);
  }
  return groups;
}

function splitChildren(lines: LineIndex, group: Group, firstLine: number, lastLine: number): void {
  const text = lines.text;
  let indent = -1;
  const childLines: number[] = [];
  for (let line = firstLine + 1; line < lastLine; line++) {
    // The indentation and whether the line is blank or a comment, read in the text; a string only for a line
    // indented as the children are (most lines of a large group are deeper).
    const start = lines.starts[line];
    let i = start;
    while (text.charCodeAt(i) === 0x20) i++;
    const n = i - start;
    while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09 || text.charCodeAt(i) === 0x0d)) i++;
    if (i >= text.length || text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x23) continue;
    if (indent >= 0 && n !== indent) continue;
    const s = lines.lineText(line);
    if (indent < 0) {
      if (n === 0 || s[n] === '\t' || keyLineEnd(s, n) < 0) return;
      indent = n;
    }
    if (keyLineEnd(s, n) >= 0) childLines.push(line);
  }
  if (childLines.length === 0) return;
  const starts = lines.starts;
  group.header = { start: group.start, end: starts[childLines[0]] };
  group.children = childLines.map((line, i) => ({
    start: starts[line],
    end: i + 1 < childLines.length ? starts[childLines[i + 1]] : group.end,
  }));
}
