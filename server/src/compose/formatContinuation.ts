// The lines of a region (a scalar or flow collection, formatRegions.ts) after its first line. They move only all
// together, by one shift set when the pass reads the region's first line, so that what they mean stays: a block
// scalar's content keeps its indentation relative to the collection that holds it (its indentation indicator counts
// from there), and a quoted or plain scalar or a flow collection stays right of that collection's column. Trailing
// blanks go, except in block scalars (content there) and after a `\` in a quoted string (an escaped blank).
import { BLOCK } from './formatRegions';
import { type TextScan, spaces } from './formatScan';
import { lineOf } from './parseLines';

/** A block collection's column as written and as formatted. */
export interface Columns {
  old: number;
  new: number;
}

export type Emit = (line: number, from: number, to: number, newText: string) => void;

export class RegionLines {
  /** Shift of each region's continuation lines (by region index). */
  private readonly shift: number[] = [];
  /** Indentation of each block scalar's content, found when first needed. */
  private readonly content: number[] = [];

  constructor(private readonly scan: TextScan) {}

  /**
   * Sets the shift of region `r`: that of the collection `around` it, whose item starts on the region's first line
   * (`key: |`, `- "a`); for a region on a line of its own below its key (`ownLine`: the shift of that line), the
   * line's shift, unless that brings a line of the region to the collection's column or left of it. A block scalar
   * with an indentation indicator always takes the collection's shift. 0 when not `whole` (range formatting that
   * does not hold all the region's lines).
   */
  setShift(r: number, around: Columns | undefined, ownLine: number | undefined, whole: boolean): void {
    const { regions } = this.scan;
    const outer = around ? around.new - around.old : 0;
    let shift = outer;
    if (ownLine !== undefined && !(regions.kind[r] === BLOCK && regions.indicator[r] > 0)) {
      shift = ownLine;
      if (shift < outer && this.leastIndent(r) + shift <= (around ? around.new : -1)) shift = outer;
    }
    this.shift[r] = whole ? shift : 0;
  }

  /** The changes of line `line` ([s, e)), a continuation line of region `r`. */
  changes(line: number, s: number, e: number, r: number, emit: Emit): void {
    const { scan } = this;
    const shift = this.shift[r] ?? 0;
    const lead = scan.skipSpaces(s, e);
    const indent = lead - s;
    const moved = Math.max(0, indent + shift);
    if (scan.regions.kind[r] === BLOCK) {
      // Content, trailing blanks included; only an empty line (no more spaces than the content's indentation) goes.
      if (lead === e && scan.regions.indicator[r] === 0 && indent <= this.contentIndent(r)) {
        if (e > s) emit(line, s, e, '');
      } else if (moved !== indent) {
        emit(line, s, lead, spaces(moved));
      }
      return;
    }
    if (scan.trailingBlanks(s, e) === s) {
      if (e > s) emit(line, s, e, '');
      return;
    }
    if (moved !== indent) emit(line, s, lead, spaces(moved));
    const t = scan.removableEnd(line, s, e);
    if (t < e) emit(line, t, e, '');
  }

  /** The least indentation of the region's continuation lines that hold more than spaces. */
  private leastIndent(r: number): number {
    let least = Infinity;
    this.eachLine(r, (spaces) => {
      least = Math.min(least, spaces);
      return false;
    });
    return least;
  }

  /** The indentation of a block scalar's content: that of its first line with more than spaces. */
  private contentIndent(r: number): number {
    let found = this.content[r];
    if (found === undefined) {
      found = Infinity;
      this.eachLine(r, (spaces) => {
        found = spaces;
        return true;
      });
      this.content[r] = found;
    }
    return found;
  }

  /** Calls `visit` with the indentation of each continuation line of region `r` that holds more than spaces, until it answers true. */
  private eachLine(r: number, visit: (spaces: number) => boolean): void {
    const { scan } = this;
    const { starts, regions } = scan;
    for (let line = lineOf(starts, regions.start[r]) + 1; line <= regions.lastLine[r]; line++) {
      const s = starts[line];
      const e = scan.lineEnd(line);
      const lead = scan.skipSpaces(s, e);
      if (lead < e && visit(lead - s)) return;
    }
  }
}
