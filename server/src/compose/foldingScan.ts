// The line scan behind Compose folding (folding.ts): reads YAML's block structure from indentation, and just
// enough of each line (indicators, quotes, brackets, block scalar headers) to know which lines are text of a
// scalar or inside a flow collection. Pure; one pass, linear in the text (a value after `key: ` is not read
// past its first character unless it is quoted or a flow collection).
//
// A line that starts a node belongs to the closest line above it that is less indented, or equally indented
// when it is a `- ` entry below `key:` (the compact `key:\n- a` style); the other lines (text of a block
// scalar or a quoted string, lines inside a flow collection) belong to the line that opened them. Like `yaml`,
// a quoted string or a flow collection that a key's line opened ends at a line indented no deeper than that
// key (it was left unterminated).
import {
  AMP, BANG, closeQuote, COLON, COMMA, CR, DASH, DQ, GT, HASH, isBlank, isFlowIndicator, isScalarHeader, LBRACE, LBRACKET, PIPE,
  plainEnd, QUESTION, RBRACE, RBRACKET, separated, SPACE, SQ, STAR, TAB,
} from './foldingLex';

/** What the scan reports: nodes spanning lines and runs of comment lines, in no particular order. */
export interface LineScan {
  fold(startLine: number, endLine: number): void;
  comments(startLine: number, endLine: number): void;
}

export function scanLines(text: string, out: LineScan): void {
  new Scanner(text, out).run();
}

/** No block scalar is open. */
const NO_SCALAR = -2;

/** What a line that starts a node holds (see Scanner.holds). */
const NODE = 0;
const OPEN = 1;
const LEAF = 2;

class Scanner {
  // The open nodes, outermost first: the line each starts on, its column, what it holds (OPEN for `key:` with
  // the value still to come, LEAF for a line that ends with a scalar: deeper lines go on with that scalar), and
  // the last line with content so far.
  private readonly lines: number[] = [];
  private readonly cols: number[] = [];
  private readonly holds: number[] = [];
  /** For a LEAF: the column its scalar's lines must be deeper than (its key's or entry's). */
  private readonly leafCols: number[] = [];
  private readonly lasts: number[] = [];
  /** Lines of the open flow collections, and how deep their lines must be indented (-1: any). */
  private readonly flows: number[] = [];
  private flowMin = -1;
  /** The quote of a quoted string that goes on to the next line (0: none), and how deep its lines must be. */
  private quote = 0;
  private quoteMin = -1;
  /** An open block scalar: its text is indented deeper than `scalarOwner` (NO_SCALAR: none), at `scalarIndent`. */
  private scalarOwner = NO_SCALAR;
  private scalarIndent = -1;
  private commentRun = -1;

  constructor(
    private readonly text: string,
    private readonly out: LineScan,
  ) {}

  run(): void {
    const text = this.text;
    let line = 0;
    let at = 0;
    for (;;) {
      const newline = text.indexOf('\n', at);
      let end = newline < 0 ? text.length : newline;
      if (end > at && text.charCodeAt(end - 1) === CR) end--;
      this.line(line, at, end);
      if (newline < 0) break;
      at = newline + 1;
      line++;
    }
    this.endComments(line + 1);
    while (this.lines.length > 0) this.pop();
  }

  private line(line: number, start: number, end: number): void {
    const text = this.text;
    let i = start;
    while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    const blank = i >= end;
    const indent = i - start;
    if (this.scalarOwner !== NO_SCALAR) {
      if (blank) return this.endComments(line);
      if (indent > this.scalarOwner && (this.scalarIndent < 0 || indent >= this.scalarIndent)) {
        if (this.scalarIndent < 0) this.scalarIndent = indent;
        this.endComments(line);
        return this.attach(line);
      }
      this.scalarOwner = NO_SCALAR;
    }
    if (this.quote !== 0 && (blank || indent >= this.quoteMin)) {
      this.endComments(line);
      if (blank) return;
      this.attach(line);
      const close = closeQuote(text, start, end, this.quote);
      if (close < 0) return;
      this.quote = 0;
      return this.tokens(line, start, close, end, false);
    }
    this.quote = 0;
    if (blank) return this.endComments(line);
    const c = text.charCodeAt(i);
    if (c === HASH) {
      if (this.commentRun < 0) this.commentRun = line;
      return;
    }
    this.endComments(line);
    if (this.flows.length > 0) {
      if (indent >= this.flowMin || c === RBRACKET || c === RBRACE) {
        this.attach(line);
        return this.tokens(line, start, i, end, false);
      }
      this.flows.length = 0;
    }
    // A line that starts a node: close the nodes it is not part of, then open its own.
    const entry = c === DASH && separated(text, i + 1, end, false);
    for (let top = this.lines.length - 1; top >= 0; top--) {
      const col = this.cols[top];
      if (indent > col || (indent === col && entry && this.holds[top] === OPEN)) break;
      this.pop();
    }
    // A deeper line below `key: a plain value` goes on with that value (a multi-line plain scalar).
    const top = this.holds.length - 1;
    if (top >= 0 && this.holds[top] === LEAF && indent > this.leafCols[top]) return this.attach(line);
    this.lines.push(line);
    this.cols.push(indent);
    this.holds.push(NODE);
    this.leafCols.push(-1);
    this.lasts.push(line);
    this.tokens(line, start, i, end, true);
  }

  /** Reads the tokens of a line from `p`; for a line that starts a node, notes whether it is `key:` alone. */
  private tokens(line: number, start: number, p: number, end: number, starts: boolean): void {
    const text = this.text;
    let afterColon = false;
    let afterDash = false;
    let leaf = false;
    let leafCol = -1;
    let keyCol = -1;
    let dashCol = -1;
    let scalarCol = -1;
    // Nothing but anchors and tags read yet on a line that starts a node; `bare`: its value came first (the
    // line is the value of the key above it, e.g. a multi-line plain scalar).
    let lead = starts;
    let bare = false;
    while (p < end) {
      const c = text.charCodeAt(p);
      if (c === SPACE || c === TAB || c === CR) {
        p++;
        continue;
      }
      if (c === HASH) break;
      const col = p - start;
      const flow = this.flows.length > 0;
      if (c === DQ || c === SQ) {
        const close = closeQuote(text, p + 1, end, c);
        if (close < 0) {
          this.quote = c;
          this.quoteMin = flow ? this.flowMin : lead ? this.collapse() + 1 : this.minIndent(afterColon, keyCol, afterDash, dashCol);
          return;
        }
        scalarCol = col;
        leafCol = afterColon ? keyCol : afterDash ? dashCol : col - 1;
        bare = lead;
        afterColon = afterDash = lead = false;
        leaf = true;
        p = close;
      } else if (c === LBRACKET || c === LBRACE) {
        if (!flow) this.flowMin = this.minIndent(afterColon, keyCol, afterDash, dashCol);
        this.flows.push(line);
        afterColon = afterDash = leaf = bare = lead = false;
        p++;
      } else if (c === RBRACKET || c === RBRACE) {
        const open = this.flows.pop();
        if (open !== undefined && line > open) this.out.fold(open, line);
        p++;
      } else if (c === COMMA) {
        p++;
      } else if (c === DASH && !flow && separated(text, p + 1, end, false)) {
        dashCol = col;
        afterDash = true;
        afterColon = leaf = bare = lead = false;
        p++;
      } else if (c === QUESTION && separated(text, p + 1, end, flow)) {
        afterColon = afterDash = leaf = bare = lead = false;
        p++;
      } else if (c === COLON && (flow || separated(text, p + 1, end, false))) {
        keyCol = scalarCol;
        afterColon = true;
        afterDash = leaf = bare = lead = false;
        p++;
      } else if ((c === PIPE || c === GT) && !flow && isScalarHeader(text, p + 1, end)) {
        // A block scalar: the rest of the line is its header; its text is indented deeper than its key or entry.
        this.scalarOwner = afterDash ? dashCol : afterColon ? keyCol : lead ? this.collapse() : -1;
        this.scalarIndent = -1;
        return;
      } else if (c === AMP || c === BANG || c === STAR) {
        // Anchor, tag or alias: up to the next blank (or flow indicator). An alias is a value.
        if (c === STAR) {
          leafCol = afterColon ? keyCol : afterDash ? dashCol : col - 1;
          bare = lead;
          afterColon = afterDash = lead = false;
          leaf = true;
        }
        p++;
        while (p < end && !isBlank(text.charCodeAt(p)) && !(flow && isFlowIndicator(text.charCodeAt(p)))) p++;
      } else if (afterColon && !flow) {
        // A plain value after `key: ` runs to the end of the line (or a comment): nothing more to see.
        if (starts) this.leaf(keyCol);
        return;
      } else {
        scalarCol = col;
        leafCol = afterDash ? dashCol : col - 1;
        bare = lead;
        afterColon = afterDash = lead = false;
        leaf = true;
        p = plainEnd(text, p + 1, end, flow);
      }
    }
    if (!starts || this.flows.length > 0) return;
    const top = this.holds.length - 1;
    if (afterColon && keyCol === this.cols[top]) this.holds[top] = OPEN;
    else if (leaf && bare) {
      const parent = this.collapse();
      if (this.holds.length > 0) this.leaf(parent);
    } else if (leaf) this.leaf(leafCol);
  }

  /**
   * The line that starts the innermost node is a value of the node above it (`key:` then a scalar on the next
   * line): it folds with that node instead. Answers the column of that node (-1: none).
   */
  private collapse(): number {
    this.lines.pop();
    this.cols.pop();
    this.holds.pop();
    this.leafCols.pop();
    this.attach(this.lasts.pop()!);
    return this.cols.length > 0 ? this.cols[this.cols.length - 1] : -1;
  }

  /** The line that starts the innermost node ends with a scalar whose lines are deeper than `col`. */
  private leaf(col: number): void {
    const top = this.holds.length - 1;
    this.holds[top] = LEAF;
    this.leafCols[top] = col;
  }

  /** How deep the lines of a value opened here must be: deeper than its key (or entry) when it has one. */
  private minIndent(afterColon: boolean, keyCol: number, afterDash: boolean, dashCol: number): number {
    if (afterDash) return dashCol + 1;
    if (afterColon && keyCol >= 0) return keyCol + 1;
    return -1;
  }

  /** A line that belongs to the innermost open node. */
  private attach(line: number): void {
    const top = this.lasts.length - 1;
    if (top >= 0 && line > this.lasts[top]) this.lasts[top] = line;
  }

  /** Closes the innermost open node: it folds when it spans lines, and its parent reaches at least as far. */
  private pop(): void {
    const line = this.lines.pop()!;
    const last = this.lasts.pop()!;
    this.cols.pop();
    this.holds.pop();
    this.leafCols.pop();
    if (last > line) this.out.fold(line, last);
    const top = this.lasts.length - 1;
    if (top >= 0 && last > this.lasts[top]) this.lasts[top] = last;
  }

  private endComments(line: number): void {
    if (this.commentRun >= 0 && line - 1 > this.commentRun) this.out.comments(this.commentRun, line - 1);
    this.commentRun = -1;
  }
}
