// .dockerignore patterns as the builder reads them (moby/patternmatcher and its ignorefile reader): one pattern
// a line, a line starting with `#` is a comment, `!` re-includes, patterns are cleaned (Go's filepath.Clean) and
// relative to the context root, `*` is any run of characters but `/`, `?` one character but `/`, `[...]` a
// character class (`[^...]` negated), `\` escapes the next character, `**` any number of whole directories (any
// characters at the end of a pattern), and a pattern that matches a directory excludes everything below it.
// The last matching pattern decides.
//
// BuildKit turns each pattern into a Go regexp; built from user input, the same regexp in JavaScript backtracks
// exponentially (`**a**a**a**b` against a long name). So a pattern compiles here to a list of steps that one
// pass over the path simulates as a set of states (an NFA): time is path length × pattern length, whatever
// the pattern. Patterns that Go's filepath.Match refuses (BuildKit then fails the build) match nothing here.
// Not modelled, because BuildKit's character-by-character regexp translation gives them meanings nobody
// writes on purpose: `*` or `?` inside brackets, `[[:alpha:]]`, `\d`-style escapes and a bare `^`; we read
// those as filepath.Match does.

/** Which characters (code points) a step accepts. */
type CharTest = (c: number) => boolean;

/** One piece of a compiled pattern. */
type Step =
  /** Exactly one character. */
  | { kind: 'one'; test: CharTest }
  /** Any number of characters (`*`, or `**` at the end). */
  | { kind: 'run'; test: CharTest }
  /** Nothing, or characters up to and including a `/` (`**` before more pattern: whole directories). */
  | { kind: 'dirs'; test: CharTest };

export interface IgnorePattern {
  /** The pattern as cleaned (without `!`). */
  pattern: string;
  exclusion: boolean;
  /** The compiled pattern; undefined when it is not a valid pattern (it then matches nothing). */
  steps: readonly Step[] | undefined;
}

const SLASH = 0x2f;
const NEWLINE = 0x0a;
const STAR = 0x2a;
const QUESTION = 0x3f;
const BACKSLASH = 0x5c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;

const anyChar: CharTest = () => true;
const notSlash: CharTest = (c) => c !== SLASH;
// BuildKit's `**` is the regexp `.*`, which does not cross a newline (file names may hold one).
const notNewline: CharTest = (c) => c !== NEWLINE;
const literal = (want: number): CharTest => (c) => c === want;

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    // A comment only when `#` is the line's first character: ` # x` is the pattern `# x`.
    if (raw.startsWith('#')) continue;
    let line = raw.trim();
    if (line === '') continue;
    const invert = line.startsWith('!');
    if (invert) line = line.slice(1).trim();
    if (line !== '') {
      line = goClean(line);
      if (line.length > 1 && line.startsWith('/')) line = line.slice(1);
    }
    // The matcher then trims and cleans the line (with its `!`) once more before it takes the `!` off.
    let pattern = (invert ? `!${line}` : line).trim();
    if (pattern === '') continue;
    pattern = goClean(pattern);
    const exclusion = pattern.startsWith('!');
    if (exclusion) pattern = pattern.slice(1);
    if (pattern === '') continue; // a lone `!`: BuildKit refuses the file
    patterns.push({ pattern, exclusion, steps: compile(pattern) });
  }
  return patterns;
}

/** True when the context path (relative, `/`-separated) is left out of the build context. */
export function isIgnored(patterns: readonly IgnorePattern[], file: string): boolean {
  const path = cleanPath(file);
  if (path === '' || path === '.') return false;
  const chars = Array.from(path, (s) => s.codePointAt(0)!);
  // The last pattern that matches the path or one of its parent directories decides.
  for (let i = patterns.length - 1; i >= 0; i--) {
    const { steps, exclusion } = patterns[i];
    if (steps && matchesPathOrParent(steps, chars)) return !exclusion;
  }
  return false;
}

/** A COPY source as a context path: `/`-separated, no `.` parts, `..` stopping at the context root. */
export function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Go's filepath.Clean on a `/` path (a backslash is an ordinary character: patterns use it to escape). */
function goClean(path: string): string {
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (!rooted) parts.push('..'); // `..` above a relative start stays; above the root it goes
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** The steps of a cleaned pattern, or undefined when filepath.Match would call it malformed. */
function compile(pattern: string): Step[] | undefined {
  const chars = Array.from(pattern, (s) => s.codePointAt(0)!);
  const suffix = suffixSteps(chars);
  if (suffix) return suffix;
  const steps: Step[] = [];
  // While only plain characters came before, BuildKit matches a final `**` as a string prefix (any character).
  let plain = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === STAR && chars[i + 1] === STAR) {
      i++;
      if (chars[i + 1] === SLASH) i++; // `**/` is `**`
      if (i + 1 >= chars.length) steps.push({ kind: 'run', test: plain ? anyChar : notNewline });
      else steps.push({ kind: 'dirs', test: notNewline });
    } else if (c === STAR) steps.push({ kind: 'run', test: notSlash });
    else if (c === QUESTION) steps.push({ kind: 'one', test: notSlash });
    else if (c === BACKSLASH) {
      if (i + 1 >= chars.length) return undefined;
      steps.push({ kind: 'one', test: literal(chars[++i]) });
    } else if (c === OPEN) {
      const parsed = characterClass(chars, i);
      if (!parsed) return undefined;
      steps.push({ kind: 'one', test: parsed.test });
      i = parsed.end;
    } else {
      steps.push({ kind: 'one', test: literal(c) });
      if (c !== CLOSE) continue;
    }
    plain = false;
  }
  return steps;
}

/**
 * A pattern that is `**` and then only plain characters: BuildKit matches it as a string suffix, so `**.log`
 * excludes `a/b.log` (not just `.log` in any directory) and `**` + `/x` matches `x` and anything ending in `/x`.
 */
function suffixSteps(chars: number[]): Step[] | undefined {
  if (chars[0] !== STAR || chars[1] !== STAR) return undefined;
  const rest = chars.slice(2);
  if (rest.some((c) => c === STAR || c === QUESTION || c === BACKSLASH || c === OPEN || c === CLOSE)) return undefined;
  const steps: Step[] = [rest[0] === SLASH ? { kind: 'dirs', test: anyChar } : { kind: 'run', test: anyChar }];
  for (const c of rest[0] === SLASH ? rest.slice(1) : rest) steps.push({ kind: 'one', test: literal(c) });
  return steps;
}

/** The class that opens at `start` (`[`) and the index of its `]`, or undefined when malformed. */
function characterClass(chars: number[], start: number): { test: CharTest; end: number } | undefined {
  let i = start + 1;
  const negated = chars[i] === CARET;
  if (negated) i++;
  const ranges: [number, number][] = [];
  while (!(chars[i] === CLOSE && ranges.length > 0)) {
    const low = classChar(chars, i);
    if (!low) return undefined;
    let high = low;
    if (chars[low.next] === DASH) {
      const upper = classChar(chars, low.next + 1);
      // Go's regexp refuses a reversed range such as `[z-a]`.
      if (!upper || upper.c < low.c) return undefined;
      high = upper;
    }
    ranges.push([low.c, high.c]);
    i = high.next;
  }
  // As in BuildKit's regexp, a negated class also matches `/`.
  const test: CharTest = (c) => ranges.some(([a, b]) => c >= a && c <= b) !== negated;
  return { test, end: i };
}

/** One character of a class (`\x` for x); `-` and `]` must be escaped there, and the class must go on. */
function classChar(chars: number[], i: number): { c: number; next: number } | undefined {
  if (i >= chars.length || chars[i] === DASH || chars[i] === CLOSE) return undefined;
  if (chars[i] === BACKSLASH) i++;
  if (i + 1 >= chars.length) return undefined; // end of pattern before `]`
  return { c: chars[i], next: i + 1 };
}

/**
 * Whether the steps match the whole path or a parent directory of it (the path up to a `/`), in one pass.
 * State 2i is "about to match step i", 2i+1 "inside the directories of a `dirs` step i", 2n "matched".
 * The states in play are kept as a list (a state is in it when its mark is the current generation), so a
 * character costs the number of states in play, at most twice the pattern's length.
 */
function matchesPathOrParent(steps: readonly Step[], path: readonly number[]): boolean {
  const done = 2 * steps.length;
  const mark = new Int32Array(done + 1);
  let generation = 1;
  let active = new Int32Array(done + 1);
  let next = new Int32Array(done + 1);
  active[0] = 0;
  mark[0] = generation;
  let count = close(steps, active, 1, mark, generation);
  for (const c of path) {
    if (c === SLASH && mark[done] === generation) return true;
    generation++;
    let size = 0;
    for (let k = 0; k < count; k++) {
      const s = active[k];
      if (s === done) continue;
      const step = steps[s >> 1];
      // A `dirs` step's entry state reads nothing itself: its inside state (in play with it) does.
      if (!(s & 1) && step.kind === 'dirs') continue;
      if (!step.test(c)) continue;
      // Reading c keeps `run` and inside-`dirs` states, moves `one` on, and ends a `dirs` step at a `/`.
      const target = s & 1 || step.kind === 'run' ? s : s + 2;
      size = add(next, size, mark, generation, target);
      if (s & 1 && c === SLASH) size = add(next, size, mark, generation, s + 1);
    }
    if (size === 0) return false;
    count = close(steps, next, size, mark, generation);
    [active, next] = [next, active];
  }
  return mark[done] === generation;
}

/**
 * Adds to the list the states reachable without reading (steps that may match nothing), and returns its new
 * length. States added are themselves expanded as the loop reaches them.
 */
function close(steps: readonly Step[], list: Int32Array, size: number, mark: Int32Array, generation: number): number {
  const done = 2 * steps.length;
  for (let k = 0; k < size; k++) {
    const s = list[k];
    if (s === done || s & 1) continue;
    const kind = steps[s >> 1].kind;
    if (kind === 'one') continue;
    size = add(list, size, mark, generation, s + 2);
    if (kind === 'dirs') size = add(list, size, mark, generation, s + 1);
  }
  return size;
}

/** Puts a state in the list unless it is there already; returns the list's length. */
function add(list: Int32Array, size: number, mark: Int32Array, generation: number, state: number): number {
  if (mark[state] === generation) return size;
  mark[state] = generation;
  list[size] = state;
  return size + 1;
}
