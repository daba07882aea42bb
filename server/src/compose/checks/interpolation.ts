// invalid-interpolation: `$` in values follows Compose's syntax: `$$` (a literal dollar), `$VAR`,
// `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alternative}`,
// `${VAR+alternative}`, with nested `${...}` inside the default, error or alternative text. A malformed
// `${` stops Compose ("invalid interpolation format"): an error. A `$` followed by anything else (`$(`,
// `$1`, a final `$`) is kept as it is by current Compose, so it is not reported.
import type { Scalar } from 'yaml';
import { valueRange } from './services';
import type { ComposeCheck, Finding } from './types';

export interface InterpolationProblem {
  /** Index in the value where the bad reference starts, and its length. */
  index: number;
  length: number;
  message: string;
  severity: 'error';
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** The problems of one value (empty when it is fine). */
export function interpolationProblems(value: string, offset = 0, into: InterpolationProblem[] = []): InterpolationProblem[] {
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '$') continue;
    const next = value[i + 1];
    if (next === '$') {
      i++;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      i++;
      while (i + 1 < value.length && NAME_CHAR.test(value[i + 1])) i++;
      continue;
    }
    if (next === '{') i = braced(value, i, offset, into);
  }
  return into;
}

/** Checks the `${...}` that starts at `start`; returns the index of its last character. */
function braced(value: string, start: number, offset: number, into: InterpolationProblem[]): number {
  let depth = 0;
  let close = -1;
  // Like Compose, every "{" after the opening one nests (not only those of "${").
  for (let j = start + 2; j < value.length; j++) {
    if (value[j] === '{') depth++;
    else if (value[j] === '}') {
      if (depth === 0) {
        close = j;
        break;
      }
      depth--;
    }
  }
  const error = (message: string, end: number) => {
    into.push({ index: offset + start, length: end - start, message, severity: 'error' });
  };
  if (close < 0) {
    error('"${" is not closed: add the "}" that ends the variable reference.', value.length);
    return value.length;
  }
  const inner = value.slice(start + 2, close);
  let n = 0;
  if (!NAME_START.test(inner[0] ?? '')) {
    error(`"\${${inner}}" needs a variable name right after "\${" (letters, digits and _, not starting with a digit).`, close + 1);
    return close;
  }
  while (n < inner.length && NAME_CHAR.test(inner[n])) n++;
  if (n === inner.length) return close;
  const rest = inner.slice(n);
  const operator = /^(:?[-?+])/.exec(rest);
  if (!operator) {
    error(
      `"\${${inner}}" is not a valid reference: after the name "${inner.slice(0, n)}" only "}" or one of :- - :? ? :+ + may follow.`,
      close + 1,
    );
    return close;
  }
  // The default, error or alternative text is interpolated too.
  interpolationProblems(rest.slice(operator[1].length), offset + start + 2 + n + operator[1].length, into);
  return close;
}

export const interpolationCheck: ComposeCheck = ({ model }) => {
  const findings: Finding[] = [];
  for (const scalar of model.interpolated as Scalar[]) {
    const value = scalar.value;
    if (typeof value !== 'string') continue;
    for (const problem of interpolationProblems(value)) {
      findings.push({
        code: 'invalid-interpolation',
        message: problem.message,
        range: valueRange(model, scalar, problem.index, problem.length),
        severity: problem.severity,
      });
    }
  }
  return findings;
};
