// "Did you mean ...?" for undefined names: the candidate with the smallest edit distance, if close enough.
// Bounded, because words and candidate lists come from the user's file: distances are only worked out up to
// a cut-off (a band of the table, left as soon as every cell is past it), long words get no suggestion, and
// a huge list is compared only in part. What a typo of a real name gets is the same as without the bounds.

/** Past this distance two words are unrelated; no caller needs to know how far apart they are. */
export const MAX_DISTANCE = 16;

/** Words longer than this get no suggestion: mistyped names are short, and a long word makes every comparison long. */
export const MAX_WORD_LENGTH = 64;

/** At most this many candidates are compared with a word; the rest of a longer list is not looked at. */
export const MAX_CANDIDATES = 50_000;

/**
 * Levenshtein distance, case-insensitive, when it is at most `max`; otherwise `max + 1`. Costs about
 * (2 × max + 1) × the shorter length, and nothing when the lengths alone are too far apart.
 */
export function editDistance(a: string, b: string, max = MAX_DISTANCE): number {
  const far = max + 1;
  const [shortRaw, longRaw] = a.length <= b.length ? [a, b] : [b, a];
  // Lower-casing never shortens a string and at most doubles it (İ becomes two units), so this decides on the
  // raw lengths, before a huge word is lower-cased.
  if (longRaw.length - 2 * shortRaw.length > max) return far;
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  const [s, t] = lowerA.length <= lowerB.length ? [lowerA, lowerB] : [lowerB, lowerA];
  if (t.length - s.length > max) return far;
  if (s === t) return 0;
  // Row i holds the distances of s[0..i) to t[0..j) for j within `max` of i; cells outside are > max anyway.
  let previous = new Array<number>(t.length + 1);
  let current = new Array<number>(t.length + 1);
  for (let j = 0; j <= t.length; j++) previous[j] = j <= max ? j : far;
  for (let i = 1; i <= s.length; i++) {
    const low = Math.max(1, i - max);
    const high = Math.min(t.length, i + max);
    current[low - 1] = low === 1 && i <= max ? i : far;
    let rowMin = current[low - 1];
    const c = s.charCodeAt(i - 1);
    for (let j = low; j <= high; j++) {
      const replace = previous[j - 1] + (c === t.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(replace, previous[j] + 1, current[j - 1] + 1, far);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (high < t.length) current[high + 1] = far; // the next row reads one cell further right
    // Every way to the last cell goes through this row, and distances never decrease along a way.
    if (rowMin > max) return far;
    [previous, current] = [current, previous];
  }
  return previous[t.length];
}

/**
 * The candidate closest to `name`, when the distance is at most a third of the name's length (at least 1,
 * at most 3), as a typo would be, else one with two neighbouring letters swapped; undefined when nothing is that
 * close or the name is itself a candidate. The first of equally close candidates wins.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_WORD_LENGTH) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let compared = 0;
  /** The first candidate with two neighbouring letters swapped, when nothing is close enough by distance. */
  let swapped: string | undefined;
  for (const candidate of candidates) {
    if (candidate === name) return undefined;
    if (swapped === undefined && bestDistance > 0 && isTransposition(name, candidate)) swapped = candidate;
    // Nothing beats a case-insensitive match; the rest of the list is only read for the name itself.
    if (bestDistance === 0) continue;
    if (++compared > MAX_CANDIDATES) break;
    // Only a candidate closer than the best so far matters, so the cut-off shrinks as better ones turn up.
    const distance = editDistance(name, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? swapped;
}

/**
 * `imgae` for `image`, `PAHT` for `PATH`: the same letters (in any case) with two neighbours swapped, a single typo
 * that counts as two edits (too many for a short name's cut-off). Names of three letters or more.
 */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 3) return false;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  if (x === y || x.length !== a.length || y.length !== b.length) return false;
  let i = 0;
  while (x[i] === y[i]) i++;
  return x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
}

/** " (did you mean X?)" or "". */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const suggestion = closest(name, candidates);
  return suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
}
