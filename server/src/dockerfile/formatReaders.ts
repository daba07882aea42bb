// The readers formatJunction.ts runs over an instruction's joined text, one per way of reading it: BuildKit's flag
// parser, BuildKit's word splitting, a JSON array, a POSIX shell or PowerShell. Each tells whether the place it
// has reached is outside every quote and escape. Pure; one object per instruction and reader.

/** BuildKit's flag words (extractBuilderFlags): quotes, and a backslash that escapes any next character. */
export class FlagReader {
  private quote = '';
  private escaped = false;

  read(c: string): void {
    if (this.escaped) this.escaped = false;
    else if (c === '\\') this.escaped = true;
    else if (this.quote === '') {
      if (c === '"' || c === "'") this.quote = c;
    } else if (c === this.quote) this.quote = '';
  }

  clear(): boolean {
    return this.quote === '' && !this.escaped;
  }
}

/** BuildKit's parseWords: single quotes, double quotes (the escape character works inside), the escape character. */
export class WordReader {
  private quote = '';
  private escaped = false;

  constructor(private readonly escape: string) {}

  read(c: string): void {
    if (this.escaped) this.escaped = false;
    else if (this.quote === '') {
      if (c === '"' || c === "'") this.quote = c;
      else if (c === this.escape) this.escaped = true;
    } else if (c === this.quote) this.quote = '';
    else if (c === this.escape && this.quote === '"') this.escaped = true;
  }

  clear(): boolean {
    return this.quote === '' && !this.escaped;
  }
}

/** A JSON array of strings: inside or outside a string. */
export class JsonReader {
  private inString = false;
  private escaped = false;

  read(c: string): void {
    if (this.escaped) this.escaped = false;
    else if (!this.inString) this.inString = c === '"';
    else if (c === '\\') this.escaped = true;
    else if (c === '"') this.inString = false;
  }

  clear(): boolean {
    return !this.inString;
  }
}

const SINGLE = "'";
const DOUBLE = '"';
const ANSI = '$';
const PAREN = '(';
const BRACE = '{';
const BLOCK_COMMENT = '#';

/**
 * The quoting of a POSIX shell or of PowerShell, conservatively: a stack of open quotes and substitutions. Blanks
 * separate words only when nothing but command substitutions `$(...)` is open; backticks in a POSIX shell, smart
 * quotes and `--%` in PowerShell, and a `case` pattern inside a quoted substitution (whose `)` would confuse the
 * paren count) stop the analysis: everything after them stays as written.
 */
export class ShellReader {
  private readonly stack: string[] = [];
  private escaped = false;
  private dollar = false;
  private lost = false;
  private word = '';
  private previous = '';
  private beforePrevious = '';

  constructor(private readonly powershell: boolean) {}

  clear(): boolean {
    if (this.lost || this.escaped) return false;
    for (const frame of this.stack) if (frame !== PAREN) return false;
    return true;
  }

  read(c: string): void {
    if (this.lost) return;
    const dollar = this.dollar;
    this.dollar = false;
    const prev = this.previous;
    const prev2 = this.beforePrevious;
    this.beforePrevious = prev;
    this.previous = c;
    if (this.escaped) {
      this.escaped = false;
      this.previous = '';
      return;
    }
    const code = c.charCodeAt(0);
    if (this.powershell && code >= 0x2018 && code <= 0x201e) {
      this.lost = true;
      return;
    }
    this.trackWord(c);
    const escapeChar = this.powershell ? '`' : '\\';
    const top = this.stack.length > 0 ? this.stack[this.stack.length - 1] : '';
    if (top === SINGLE) {
      if (c === SINGLE) this.stack.pop();
      return;
    }
    if (top === BLOCK_COMMENT) {
      if (c === '>' && prev === '#') this.stack.pop();
      return;
    }
    if (top === ANSI) {
      if (c === '\\') this.escaped = true;
      else if (c === SINGLE) this.stack.pop();
      return;
    }
    if (c === escapeChar) {
      this.escaped = true;
      return;
    }
    if (c === '`') {
      // Command substitution in a POSIX shell (PowerShell's escape was handled above).
      this.lost = true;
      return;
    }
    if (dollar && c === '(') {
      this.stack.push(PAREN);
      return;
    }
    if (dollar && c === '{') {
      this.stack.push(BRACE);
      return;
    }
    if (c === '$') {
      // `$$` is a parameter: the next character is not a `$(`, `${` or `$'` opener.
      this.dollar = !dollar;
      return;
    }
    if (top === DOUBLE) {
      if (c === DOUBLE) this.stack.pop();
      return;
    }
    // Code: at the top, in `$( )` or in `${ }`.
    if (c === SINGLE) this.stack.push(dollar && !this.powershell ? ANSI : SINGLE);
    else if (c === DOUBLE) this.stack.push(DOUBLE);
    else if (this.powershell && c === '#' && prev === '<') this.stack.push(BLOCK_COMMENT);
    else if (this.powershell && c === '%' && prev === '-' && prev2 === '-') this.lost = true;
    else if (top === PAREN && c === '(') this.stack.push(PAREN);
    else if (top === PAREN && c === ')') this.stack.pop();
    else if (top === BRACE && c === '{') this.stack.push(BRACE);
    else if (top === BRACE && c === '}') this.stack.pop();
  }

  /** `case` inside a substitution that a quote or `${` encloses: its patterns' `)` would end the substitution early. */
  private trackWord(c: string): void {
    const code = c.charCodeAt(0);
    const wordChar = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
    if (wordChar) {
      if (this.word.length < 5) this.word += c;
      return;
    }
    const top = this.stack.length > 0 ? this.stack[this.stack.length - 1] : '';
    if (top === PAREN && this.word.toLowerCase() === 'case' && !this.stack.every((f) => f === PAREN)) this.lost = true;
    this.word = '';
  }
}
