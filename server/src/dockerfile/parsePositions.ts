// Positions of the parsed Dockerfile model made when asked: a map from the offsets of one instruction's joined text
// (see parseText.Logical) to LSP positions in the file, and the tokens that keep offsets and a map instead of ranges.
import type { Position, Range, Token } from './model';

/** Where each offset of one instruction's joined text is in the file (a snapshot of a Logical's pieces). */
export interface PositionMap {
  /** The file position of the character at `offset`. */
  pos(offset: number): Position;
  /** The file position just after the character at `offset - 1` (an exclusive end). */
  endPos(offset: number): Position;
  /** The range of [start, end). An empty range has one Position object as both its start and end. */
  range(start: number, end: number): Range;
}

function rangeIn(map: PositionMap, start: number, end: number): Range {
  if (end > start) return { start: map.pos(start), end: map.endPos(end) };
  const p = start > 0 ? map.endPos(start) : map.pos(start);
  return { start: p, end: p };
}

/** The map of text that is all on one line. */
export class OneLine implements PositionMap {
  constructor(
    private readonly line: number,
    private readonly character: number,
  ) {}

  pos(offset: number): Position {
    return { line: this.line, character: this.character + offset };
  }

  endPos(offset: number): Position {
    return this.pos(offset <= 0 ? 0 : offset);
  }

  range(start: number, end: number): Range {
    return rangeIn(this, start, end);
  }
}

/** The map of text joined from several lines. */
export class Pieces implements PositionMap {
  constructor(
    private readonly starts: readonly number[],
    private readonly lines: readonly number[],
    private readonly chars: readonly number[],
  ) {}

  pos(offset: number): Position {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.lines[lo], character: this.chars[lo] + offset - starts[lo] };
  }

  endPos(offset: number): Position {
    if (offset <= 0) return this.pos(0);
    const p = this.pos(offset - 1);
    p.character++;
    return p;
  }

  range(start: number, end: number): Range {
    return rangeIn(this, start, end);
  }
}

/**
 * A token of the parsed model that keeps offsets and makes its range when asked (most ranges of a large file are
 * never read, and a fresh parse then makes a fifth of the objects it would with ranges made up front).
 */
export class Span implements Token {
  constructor(
    readonly value: string,
    private readonly from: number,
    private readonly to: number,
    private readonly map: PositionMap,
  ) {}

  get range(): Range {
    return this.map.range(this.from, this.to);
  }

  /** range.end, without making the rest of the range. */
  end(): Position {
    return this.to > this.from ? this.map.endPos(this.to) : this.range.end;
  }

  toJSON(): Token {
    return { value: this.value, range: this.range };
  }
}
