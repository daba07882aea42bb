// The exec (JSON array) form. BuildKit decodes one JSON value from the arguments: when it is an array of strings
// that is the exec form (and whatever follows it is dropped); anything else that starts with `[` silently
// becomes a shell command (`/bin/sh -c "['a', 'b']"`), or plain words for COPY, ADD and VOLUME. SHELL requires
// the JSON form, and an array holding a non-string stops the build.
import type { DockerfileModel, Instruction, Token } from '../model';
import { exactSubRange, finding, indexInstructions, named, quoted, stripQuotes, subRange, type IndexedCheck } from './syntaxCommon';
import type { Finding, Severity } from './types';

const JSON_CAPABLE = ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME', 'HEALTHCHECK'];

type Problem = 'single-quotes' | 'trailing-comma' | 'bad-escape' | 'control-character' | 'trailing-text';

interface LooseArray {
  elements: string[];
  /** Index after the closing `]`. */
  end: number;
  problems: Set<Problem>;
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Reads `[ 'a', "b", ]` leniently: single or double quotes, trailing comma, unknown escapes kept literally. */
function scanLooseArray(text: string, start: number): LooseArray | undefined {
  const problems = new Set<Problem>();
  const elements: string[] = [];
  let k = skipBlanks(text, start + 1);
  if (text[k] === ']') return { elements, end: k + 1, problems };
  for (;;) {
    k = skipBlanks(text, k);
    const q = text[k];
    if (q !== '"' && q !== "'") return undefined;
    if (q === "'") problems.add('single-quotes');
    k++;
    let value = '';
    while (k < text.length && text[k] !== q) {
      const c = text[k];
      if (c === '\\' && k + 1 < text.length) {
        const e = text[k + 1];
        if (q === '"' && JSON_ESCAPES[e] !== undefined) value += JSON_ESCAPES[e];
        else if (q === '"' && e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) {
          value += String.fromCharCode(parseInt(text.slice(k + 2, k + 6), 16));
          k += 4;
        } else if (q === "'" && (e === "'" || e === '\\')) value += e;
        else {
          problems.add('bad-escape');
          value += c + e;
        }
        k += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) problems.add('control-character');
      value += c;
      k++;
    }
    if (k >= text.length) return undefined;
    elements.push(value);
    k = skipBlanks(text, k + 1);
    if (text[k] === ',') {
      k = skipBlanks(text, k + 1);
      if (text[k] === ']') {
        problems.add('trailing-comma');
        return { elements, end: k + 1, problems };
      }
      continue;
    }
    if (text[k] === ']') return { elements, end: k + 1, problems };
    return undefined;
  }
}

function skipBlanks(text: string, k: number): number {
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r' || text[k] === '\n')) k++;
  return k;
}

const PROBLEM_WORDS: Record<Problem, string> = {
  'single-quotes': 'it uses single quotes (JSON needs double quotes)',
  'trailing-comma': 'it has a comma before the closing ]',
  'bad-escape': 'a backslash is not escaped (write \\\\ in JSON)',
  'control-character': 'a string contains a raw tab or control character',
  'trailing-text': 'text follows the closing ]',
};

/** Where the JSON part of the arguments starts: after the CMD/NONE word for HEALTHCHECK. */
function jsonStart(instruction: Instruction, text: string): number {
  if (instruction.name !== 'HEALTHCHECK') return 0;
  let k = 0;
  while (k < text.length && !/\s/.test(text[k])) k++;
  return skipBlanks(text, k);
}

/**
 * `shell-json-form` (a Warning with a fix: an intended exec form that Docker will not read as one),
 * `invalid-json` (SHELL without a valid JSON array, a non-string element, or an array too broken to repair),
 * `json-trailing-text` (text after a valid array, which Docker drops).
 */
export const checkJsonForm: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of JSON_CAPABLE.flatMap((name) => named(index, name))) {
    if (!instruction.argsText) continue;
    const text = instruction.argsText.value;
    const js = jsonStart(instruction, text);
    if (text[js] !== '[') {
      if (instruction.name === 'SHELL') out.push(shellNotJson(instruction));
      continue;
    }
    // A valid array that ends the line needs nothing; look closer only at the rest.
    if (instruction.json && /\]\s*$/.test(text)) continue;
    const found = instruction.json ? trailingText(model, instruction, instruction.argsText, js) : examine(model, instruction, instruction.argsText, js);
    if (found) out.push(found);
  }
  return out;
};

function examine(model: DockerfileModel, instruction: Instruction, args: Token, js: number): Finding | undefined {
  const text = args.value;
  const isShell = instruction.name === 'SHELL';
  const keyword = instruction.keyword.value;
  const nonString = nonStringElement(text.slice(js));
  if (nonString !== undefined) {
    return finding('invalid-json', 'error', args.range,
      `The JSON array of ${keyword} may only contain strings; ${nonString} is not a string.`);
  }
  const loose = scanLooseArray(text, js);
  if (!loose) {
    if (!isShell && !looksLikeJson(text.slice(js))) return undefined;
    return finding('invalid-json', isShell ? 'error' : 'warning', args.range, isShell
      ? 'SHELL must be a valid JSON array of strings, e.g. SHELL ["/bin/bash", "-c"].'
      : `This is not a valid JSON array, so ${fallback(instruction)}.`);
  }
  const rest = text.slice(loose.end).trim();
  if (rest !== '') loose.problems.add('trailing-text');
  if (loose.problems.size === 0) return undefined;
  const severity: Severity = isShell ? 'error' : 'warning';
  const reasons = [...loose.problems].map((p) => PROBLEM_WORDS[p]).join('; ');
  const consequence = isShell ? 'SHELL requires a valid JSON array' : fallback(instruction);
  const fixable = rest === '' || rest.startsWith('#');
  let fix: Finding['fix'];
  if (fixable) {
    // From `[` to the end; when the arguments are the array alone, all of them (also over several lines).
    const range = exactSubRange(model, args, js, text.length) ?? (js === 0 ? args.range : undefined);
    if (range) {
      fix = { title: 'Rewrite as a JSON array', range, newText: `[${loose.elements.map((e) => JSON.stringify(e)).join(', ')}]` };
    }
  }
  return finding(isShell ? 'invalid-json' : 'shell-json-form', severity, args.range,
    `This looks like a JSON array but ${reasons}, so ${consequence}.`, fix);
}

/** What Docker does with arguments that are not a valid JSON array. */
function fallback(instruction: Instruction): string {
  const keyword = instruction.keyword.value;
  return SPLIT_INTO_WORDS.has(instruction.name)
    ? `Docker reads ${keyword} as space-separated words, brackets and quotes included`
    : `Docker will run the whole text of ${keyword} through a shell instead of as an exec-form command`;
}

const SPLIT_INTO_WORDS = new Set(['COPY', 'ADD', 'VOLUME']);

/**
 * `json-trailing-text`: BuildKit decodes one JSON value and drops what follows it, so `CMD ["a"] # note` or
 * `CMD ["a"] && b` runs just `a`. A trailing comment is harmless (Information); anything else is a Warning.
 */
function trailingText(model: DockerfileModel, instruction: Instruction, args: Token, js: number): Finding | undefined {
  const loose = scanLooseArray(args.value, js);
  if (!loose) return undefined;
  const rest = args.value.slice(loose.end).trim();
  if (rest === '') return undefined;
  const comment = rest.startsWith('#');
  const restAt = args.value.indexOf(rest, loose.end);
  const range = subRange(model, args, restAt, restAt + rest.length);
  const message = comment
    ? `Docker ignores the text after the JSON array, so ${quoted(rest)} is not a comment but is dropped; put comments on their own line.`
    : `Docker ignores the text after the JSON array: ${quoted(rest)} is not part of the ${instruction.keyword.value} command.`;
  const fixRange = exactSubRange(model, args, loose.end, args.value.length);
  return finding('json-trailing-text', comment ? 'information' : 'warning', range, message,
    fixRange ? { title: 'Remove the text after the array', range: fixRange, newText: '' } : undefined);
}

/** The first JSON value of the text when it is an array (brackets matched outside strings). */
function firstArray(text: string): string | undefined {
  let depth = 0;
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (inString) {
      if (c === '\\') k++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return text.slice(0, k + 1);
  }
  return undefined;
}

/** The first non-string element of the (syntactically valid) JSON array the text starts with; else undefined. */
function nonStringElement(text: string): string | undefined {
  const array = firstArray(text);
  if (array === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(array);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const bad = value.find((v) => typeof v !== 'string');
  return bad === undefined && value.every((v) => typeof v === 'string') ? undefined : JSON.stringify(bad) ?? String(bad);
}

/** `["a" "b"]`-like text: a quote right after `[` (or a comma inside) and a quote or comma before `]`. */
function looksLikeJson(text: string): boolean {
  const trimmed = text.trimEnd();
  if (!/^\[\s*["']/.test(trimmed) || !/["',]\s*\]$/.test(trimmed)) return false;
  return trimmed.indexOf(',') >= 0 || trimmed[1] === '"' || trimmed[1] === "'";
}

function shellNotJson(instruction: Instruction): Finding {
  const args = instruction.argsText!;
  const json = `[${instruction.args.map((a) => JSON.stringify(stripQuotes(a.value))).join(', ')}]`;
  return finding('invalid-json', 'error', args.range, `SHELL must be written as a JSON array: SHELL ${json}.`,
    { title: 'Rewrite as a JSON array', range: args.range, newText: json });
}
