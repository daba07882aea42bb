// The quick fixes that rewrite text under the Dockerfile's quoting rules: the exec form of CMD and ENTRYPOINT
// (JSONArgsRecommended), `KEY=value` for legacy ENV and LABEL pairs (LegacyKeyValueFormat) and the LABEL that
// replaces MAINTAINER (MaintainerDeprecated). Each keeps what the instruction means or is not offered. Pure.
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { comparePositions, sameRange } from '../util/editSet';
import { type Fix, type FixContext, commentsWithin, lowerCaseFile, topAt } from './codeActionsFixes';
import type { DockerfileModel, Stage } from './model';
import { splitWords } from './parseArgs';

/** A long text shortened for a title. */
function shown(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}...` : text;
}

/** `"text"` that the builder reads back as `text` exactly: `"`, `$` and the escape character escaped. */
function literalInDoubleQuotes(text: string, escape: string): string {
  let out = '"';
  for (const c of text) out += c === '"' || c === '$' || c === escape ? escape + c : c;
  return `${out}"`;
}

/** Shell keywords and builtins that have no program of their own, so the exec form cannot run them. */
const SHELL_ONLY: ReadonlySet<string> = new Set([
  '.', ':', 'alias', 'bg', 'break', 'case', 'cd', 'command', 'continue', 'declare', 'do', 'done', 'elif', 'else', 'esac',
  'eval', 'exec', 'exit', 'export', 'fg', 'fi', 'for', 'function', 'getopts', 'hash', 'if', 'in', 'jobs', 'let', 'local',
  'read', 'readonly', 'return', 'select', 'set', 'shift', 'source', 'then', 'time', 'times', 'trap', 'type', 'typeset',
  'ulimit', 'umask', 'unalias', 'unset', 'until', 'wait', 'while',
]);

/** Characters that mean nothing to the shell outside quotes. */
const PLAIN = /^[A-Za-z0-9_./:,+@%=-]$/;

/**
 * The words `/bin/sh -c` would run the text as, when the text uses no shell feature at all: no variables,
 * substitutions, operators, redirections, globs, comments, escapes or assignments, only plain words and simple
 * quotes. A leading `exec` is dropped (it only replaces the shell). Undefined otherwise.
 */
export function shellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n) break;
    let word = '';
    while (i < n && text[i] !== ' ' && text[i] !== '\t') {
      const c = text[i];
      if (c === "'" || c === '"') {
        const close = text.indexOf(c, i + 1);
        if (close < 0) return undefined;
        const inner = text.slice(i + 1, close);
        if (/[\x00-\x1f\x7f]/.test(inner) || (c === '"' && /[$`\\!]/.test(inner))) return undefined;
        word += inner;
        i = close + 1;
      } else if (PLAIN.test(c) || c.charCodeAt(0) > 0x7f) {
        if (c === '=' && words.length === 0) return undefined;
        word += c;
        i++;
      } else {
        return undefined;
      }
    }
    words.push(word);
  }
  if (words[0] === 'exec' && words.length > 1 && !words[1].startsWith('-')) words.shift();
  if (words.length === 0 || words[0] === '' || SHELL_ONLY.has(words[0])) return undefined;
  return words;
}

function jsonArray(words: readonly string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

/** Whether the stage, or a stage it is built FROM, has an instruction of this name. */
function stageChainHas(model: DockerfileModel, stage: Stage, name: string): boolean {
  const seen = new Set<number>();
  let current: Stage | undefined = stage;
  while (current && !seen.has(current.index)) {
    seen.add(current.index);
    if (current.instructions.some((i) => i.name === name)) return true;
    const base: string | undefined = current.image?.value.toLowerCase();
    const before: number = current.index;
    current = base === undefined ? undefined : model.stages.slice(0, before).reverse().find((s) => s.name?.value.toLowerCase() === base);
  }
  return false;
}

const WINDOWS_IMAGE = /windows|nanoserver|servercore/i;

/**
 * JSONArgsRecommended: the exec form with the words the shell would have run (preferred for CMD without an
 * ENTRYPOINT around, which would receive the words). An ENTRYPOINT becomes exec form only when no CMD would be
 * appended to it, and is never preferred: `docker run` arguments then reach it. When the text needs the shell, the
 * only faithful exec form runs the shell itself: ["/bin/sh", "-c", "..."] (offered on Linux stages, not preferred).
 */
export function execFormFixes(ctx: FixContext, diagnostic: Diagnostic): Fix[] {
  const { model } = ctx;
  const instruction = topAt(ctx, diagnostic.range.start);
  const args = instruction?.argsText;
  // A malformed JSON array was meant as the exec form: shell-json-form repairs it.
  if (!instruction || !args || instruction.json || instruction.jsonMalformed) return [];
  if (instruction.name !== 'CMD' && instruction.name !== 'ENTRYPOINT') return [];
  if (!sameRange(args.range, diagnostic.range) || commentsWithin(instruction, args.range)) return [];
  const stage = model.stages[instruction.stage];
  if (!stage) return [];
  const isCmd = instruction.name === 'CMD';
  const words = shellWords(args.value);
  if (words && (isCmd || !stageChainHas(model, stage, 'CMD'))) {
    const json = jsonArray(words);
    const preferred = isCmd && !stageChainHas(model, stage, 'ENTRYPOINT');
    return [{ title: `Change to the exec form ${shown(json)}`, edits: [{ range: args.range, newText: json }], preferred }];
  }
  if (model.escape !== '\\' || WINDOWS_IMAGE.test(stage.image?.value ?? '')) return [];
  const json = jsonArray(['/bin/sh', '-c', args.value]);
  return [{ title: 'Change to the exec form ["/bin/sh", "-c", ...] (keeps the shell)', edits: [{ range: args.range, newText: json }], preferred: false }];
}

/** MaintainerDeprecated: `LABEL org.opencontainers.image.authors="..."`, with the MAINTAINER text exactly. */
export function maintainerFixes(ctx: FixContext, diagnostic: Diagnostic): Fix[] {
  const instruction = topAt(ctx, diagnostic.range.start);
  const args = instruction?.argsText;
  if (!instruction || !args || instruction.name !== 'MAINTAINER' || !sameRange(instruction.keyword.range, diagnostic.range)) return [];
  const range = { start: instruction.keyword.range.start, end: args.range.end };
  if (commentsWithin(instruction, range)) return [];
  const keyword = lowerCaseFile(ctx) ? 'label' : 'LABEL';
  const newText = `${keyword} org.opencontainers.image.authors=${literalInDoubleQuotes(args.value, ctx.model.escape)}`;
  return [{ title: `Change to ${keyword} org.opencontainers.image.authors`, edits: [{ range, newText }], preferred: true }];
}

/** Whether BuildKit's word splitting reads the text as one word. */
function isOneWord(text: string, escape: string): boolean {
  const bounds: number[] = [];
  return splitWords(text, 0, text.length, escape, bounds) === 2 && bounds[0] === 0 && bounds[1] === text.length;
}

/**
 * The shell-quoted word `text` means, as one double-quoted word: single-quoted parts and escaped characters
 * become escaped characters inside the double quotes; double-quoted parts stay as they are. Undefined for an
 * unterminated quote or a trailing escape.
 */
function asOneDoubleQuotedWord(text: string, escape: string): string | undefined {
  const special = (c: string) => c === '"' || c === '$' || c === escape;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return undefined;
      for (const ch of text.slice(i + 1, close)) out += special(ch) ? escape + ch : ch;
      i = close + 1;
    } else if (c === '"') {
      let k = i + 1;
      while (k < text.length && text[k] !== '"') k += text[k] === escape ? 2 : 1;
      if (k >= text.length) return undefined;
      out += text.slice(i + 1, k);
      i = k + 1;
    } else if (c === escape) {
      if (i + 1 >= text.length) return undefined;
      out += special(text[i + 1]) ? escape + text[i + 1] : text[i + 1];
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return `"${out}"`;
}

/**
 * LegacyKeyValueFormat: `ENV KEY value` -> `ENV KEY=value`, the value reading exactly as before (the legacy form
 * takes the whole rest as one value: `ENV A b c` means A="b c"). Continuation lines stay where they are.
 */
export function legacyPairFixes(ctx: FixContext, diagnostic: Diagnostic): Fix[] | undefined {
  const instruction = topAt(ctx, diagnostic.range.start);
  if (!instruction || (instruction.name !== 'ENV' && instruction.name !== 'LABEL')) return undefined;
  const pair = instruction.pairs.find((p) => p.legacy && comparePositions(p.key.range.start, diagnostic.range.start) === 0);
  if (!pair) return undefined;
  const { key, value } = pair;
  const escape = ctx.model.escape;
  if (!value || /["'$]/.test(key.value) || key.value.includes(escape)) return [];
  if (commentsWithin(instruction, { start: key.range.start, end: value.range.end })) return [];
  const text = value.value;
  const gap = { start: key.range.end, end: value.range.start };
  const fix = (newValue: string, edits: TextEdit[]): Fix[] => [{ title: `Change to ${key.value}=${shown(newValue)}`, edits, preferred: true }];
  if (isOneWord(text, escape)) return fix(text, [{ range: gap, newText: '=' }]);
  if (!/["']/.test(text) && !text.includes(escape)) {
    const end = { start: value.range.end, end: value.range.end };
    return fix(`"${text}"`, [{ range: gap, newText: '="' }, { range: end, newText: '"' }]);
  }
  if (text.includes('$') || value.range.start.line !== value.range.end.line) return [];
  const quoted = asOneDoubleQuotedWord(text, escape);
  return quoted ? fix(quoted, [{ range: { start: key.range.end, end: value.range.end }, newText: `=${quoted}` }]) : [];
}
