// The line pass of compose formatting (see format.ts). Lines are read in order with a stack of the open block
// collections, each known by the column it has (`old`) and the column it gets (`new`). A line that starts an item
// (`key:`, `- `, `? `, `: `) takes the column of its collection; a collection that starts on a line of its own
// goes one unit deeper than its parent; one that starts after `- ` on the same line (`- name: x`) goes where that
// line puts it. A sequence written at the column of its key (`ports:` then `- 80:80`) is indented one unit under
// it. Lines inside a region move as formatContinuation.ts says. A comment line goes to the column of the line it
// precedes when it was at that line's column, else keeps its place relative to the collections open around it.
import type { TextEdit } from 'vscode-languageserver-types';
import { RegionLines } from './formatContinuation';
import type { Regions } from './formatRegions';
import { HASH, MAP, NODE, SEQ, SPACE, TextScan, isBlank, spaces } from './formatScan';

interface Entry {
  old: number;
  new: number;
  seq: boolean;
  /** For a map: its last key so far has no value on its line (a sequence at the key's column may follow). */
  pending: boolean;
  id: number;
}

/** A comment line (or an edit of a blank line after one) held until the next line with content is placed. */
interface Held {
  line: number;
  edit?: TextEdit;
  /** Comment: offsets of the line's start, its `#` and its end, and where it goes if what follows is not at its column. */
  s?: number;
  f?: number;
  e?: number;
  fallback?: number;
}

export interface PassInput {
  text: string;
  /** Offset where each line starts. */
  starts: readonly number[];
  regions: Regions;
  /** Spaces per indentation level. */
  unit: number;
  /** Range formatting: the lines to change, and the last line of every collection (by push order, from a full pass). */
  range?: { first: number; last: number; extent: readonly number[] };
}

export interface PassResult {
  edits: TextEdit[];
  /** The last line with content of every collection, by the order in which the pass met them. */
  extent: number[];
}

export function formatPass(input: PassInput): PassResult {
  return new Pass(input).run();
}

class Pass {
  private readonly scan: TextScan;
  private readonly lines: RegionLines;
  private readonly unit: number;
  private readonly range: PassInput['range'];
  private readonly stack: Entry[] = [];
  private readonly held: Held[] = [];
  private readonly edits: TextEdit[] = [];
  private readonly extent: number[] = [];
  private lastContent = 0;
  private readonly emitter = (line: number, from: number, to: number, newText: string): void => this.emit(line, from, to, newText);

  constructor(input: PassInput) {
    this.scan = new TextScan(input.text, input.starts, input.regions);
    this.lines = new RegionLines(this.scan);
    this.unit = input.unit;
    this.range = input.range;
  }

  run(): PassResult {
    const { scan } = this;
    const { text, starts } = scan;
    for (let line = 0; line < starts.length; line++) {
      const s = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : starts[line];
      const e = scan.lineEnd(line);
      const region = scan.regions.continues[line];
      if (region >= 0) {
        if (this.inRange(line)) this.lines.changes(line, s, e, region, this.emitter);
        this.lastContent = line;
        continue;
      }
      const f = scan.skipBlanks(s, e);
      if (f === e) {
        if (e > s) this.hold({ line, edit: this.edit(line, s, e, '') });
      } else if (text.charCodeAt(f) === HASH) {
        this.hold({ line, s, f, e, fallback: this.commentColumn(f - s) });
      } else if (f === s && scan.isMarker(s, e)) {
        this.flush(-1, 0);
        this.trimEnd(line, s, e);
        this.lastContent = line;
      } else {
        this.structural(line, s, f, e);
        this.lastContent = line;
      }
    }
    this.flush(-1, 0);
    while (this.stack.length > 0) this.pop();
    return { edits: this.edits, extent: this.extent };
  }

  private inRange(line: number): boolean {
    return !this.range || (line >= this.range.first && line <= this.range.last);
  }

  private edit(line: number, from: number, to: number, newText: string): TextEdit {
    const base = this.scan.starts[line];
    return { range: { start: { line, character: from - base }, end: { line, character: to - base } }, newText };
  }

  private emit(line: number, from: number, to: number, newText: string): void {
    if (this.inRange(line)) this.edits.push(this.edit(line, from, to, newText));
  }

  private hold(held: Held): void {
    if (held.edit && this.held.length === 0) {
      if (this.inRange(held.line)) this.edits.push(held.edit);
    } else {
      this.held.push(held);
    }
  }

  /** Places the held comment lines: at `column` when they are at `old` (the column of the line after them). */
  private flush(old: number, column: number): void {
    for (const h of this.held) {
      if (h.edit) {
        if (this.inRange(h.line)) this.edits.push(h.edit);
        continue;
      }
      const s = h.s!;
      const f = h.f!;
      this.indent(h.line, s, f, f - s === old ? column : h.fallback!);
      this.trimEnd(h.line, s, h.e!);
    }
    this.held.length = 0;
  }

  /** Where a comment at `column` goes when it does not precede a line at its column. */
  private commentColumn(column: number): number {
    const { stack } = this;
    let low = 0;
    let high = stack.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (stack[mid].old <= column) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found < 0) return column;
    const entry = stack[found];
    return entry.old === column ? entry.new : column + entry.new - entry.old;
  }

  /** Opens a collection. Range formatting moves one only when all its lines are in the range (else it stays). */
  private push(old: number, proposed: number, seq: boolean, line: number): Entry {
    const id = this.extent.length;
    this.extent.push(line);
    const whole = this.holds(line, this.range?.extent[id] ?? Infinity);
    const entry: Entry = { old, new: whole ? proposed : old, seq, pending: false, id };
    this.stack.push(entry);
    return entry;
  }

  /** True unless range formatting leaves out some of the lines from `first` to `last`. */
  private holds(first: number, last: number): boolean {
    return !this.range || (first >= this.range.first && last <= this.range.last);
  }

  private pop(): void {
    const entry = this.stack.pop()!;
    this.extent[entry.id] = this.lastContent;
  }

  private top(): Entry | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Replaces the indentation [s, f) of a line by `column` spaces when it differs. */
  private indent(line: number, s: number, f: number, column: number): void {
    if (f - s !== column || this.scan.skipSpaces(s, f) !== f) this.emit(line, s, f, spaces(column));
  }

  private trimEnd(line: number, s: number, e: number): void {
    const t = this.scan.removableEnd(line, s, e);
    if (t < e) this.emit(line, t, e, '');
  }

  /** A line that starts with an item or a node (not inside a region, not a comment). */
  private structural(line: number, s: number, f: number, e: number): void {
    const { stack, unit } = this;
    const column = f - s;
    const head = this.scan.classify(f, e);
    while (stack.length > 0 && this.top()!.old > column) this.pop();
    let top = this.top();
    let indent: number;
    if (top && top.old === column) {
      if (head === SEQ && !top.seq && top.pending) {
        top.pending = false;
        top = this.push(column, top.new + unit, true, line);
      } else if (head === MAP && top.seq && stack.length > 1 && stack[stack.length - 2].old === column) {
        this.pop();
        top = this.top()!;
      }
      indent = top.new;
    } else {
      indent = top ? top.new + unit : 0;
      if (head !== NODE) {
        top = this.push(column, indent, head === SEQ, line);
        indent = top.new;
      }
    }
    this.flush(column, indent);
    this.indent(line, s, f, indent);
    this.items(line, s, f, e, indent, top, head === NODE);
    this.trimEnd(line, s, e);
  }

  /**
   * The rest of a structural line, from its first token: one space after `-`, `?`, `:` and a key's `:` (not before
   * a comment), the collections that start after `- ` (opened), and the shift of a region that starts here and goes
   * on to the next lines.
   */
  private items(line: number, s: number, f: number, e: number, indent: number, owner: Entry | undefined, ownLine: boolean): void {
    const { scan } = this;
    const { text, regions } = scan;
    let removed = 0;
    let afterKey = false;
    let p = f;
    while (p < e) {
      const r = regions.at(p);
      if (r >= 0) {
        const colon = afterKey ? -1 : scan.colonAfterKey(p, e);
        if (colon >= 0) {
          removed += this.oneSpace(line, colon + 1, e);
          if (owner && !owner.seq) owner.pending = true;
          afterKey = true;
          p = scan.skipBlanks(colon + 1, e);
          continue;
        }
        if (regions.lastLine[r] > line) this.lines.setShift(r, owner, ownLine ? indent - (f - s) : undefined, this.holds(line, regions.lastLine[r]));
        if (afterKey && owner) owner.pending = false;
        if (regions.end[r] > e) return;
        p = scan.skipBlanks(regions.end[r], e);
        continue;
      }
      const c = text.charCodeAt(p);
      if (c === HASH && (p === f || isBlank(text.charCodeAt(p - 1)))) return;
      if (!afterKey && scan.isIndicator(p, e)) {
        const w = p + 1;
        const next = scan.skipBlanks(w, e);
        if (next < e && text.charCodeAt(next) !== HASH) {
          const kind = scan.classify(next, e);
          let collapse = !(next === w + 1 && text.charCodeAt(w) === SPACE);
          if (kind !== NODE) {
            const proposed = indent + (next - f) - removed - (collapse ? next - w - 1 : 0);
            const entry = this.push(next - s, proposed, kind === SEQ, line);
            if (entry.new !== proposed) collapse = false; // range formatting keeps this collection where it is
            owner = entry;
          }
          if (collapse) removed += this.oneSpace(line, w, e);
        }
        p = next;
        continue;
      }
      const q = scan.skipProperties(p, e);
      if (q === p) {
        this.unexpected(line, p, e, owner);
        return;
      }
      p = q;
    }
  }

  /** Makes the blanks from `w` one space when a value follows on the line; returns how many characters went. */
  private oneSpace(line: number, w: number, e: number): number {
    const { text } = this.scan;
    const next = this.scan.skipBlanks(w, e);
    if (next >= e || next === w || text.charCodeAt(next) === HASH) return 0;
    if (next === w + 1 && text.charCodeAt(w) === SPACE) return 0;
    this.emit(line, w, next, ' ');
    return next - w - 1;
  }

  /** Something the pass does not know: regions that start later on the line move with their collection. */
  private unexpected(line: number, p: number, e: number, owner: Entry | undefined): void {
    const { regions } = this.scan;
    for (; p < e; p++) {
      const r = regions.at(p);
      if (r >= 0 && regions.lastLine[r] > line) this.lines.setShift(r, owner, undefined, this.holds(line, regions.lastLine[r]));
    }
  }
}
