// Line index of a text: offsets <-> LSP positions (0-based line, UTF-16 character). A line ends at "\r\n",
// "\n" or a "\r" alone, as LSP clients count lines (old Mac files end lines with "\r"); the break is not
// part of the line's characters.
import type { Position } from 'vscode-languageserver-types';

/** Offsets where the lines start (after each "\r\n", "\n" or lone "\r"). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++; // "\r\n" is one break
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The text with each lone "\r" made a "\n": the same length, so offsets stay valid, with the same lines. */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The line that holds `offset`: the last line starting at or before it, by binary search over the line starts. */
export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export class LineIndex {
  /** Offset where each line starts. */
  readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The line that holds `offset` (offsets past the end are on the last line). */
  lineOf(offset: number): number {
    return lineOf(this.starts, offset);
  }

  /** End of a line's characters (before its "\r\n", "\n" or "\r"). */
  lineEnd(line: number): number {
    // The break's last character is just before the next line; a "\r" before a final "\n" belongs to it.
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > this.starts[line] && this.text.charCodeAt(next) === 10 && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const character = Math.min(clamped, this.lineEnd(line)) - this.starts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}
