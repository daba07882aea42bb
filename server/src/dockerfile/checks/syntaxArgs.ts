// Argument counts and shapes: missing and extra arguments, ENV/LABEL/ARG pairs, the HEALTHCHECK type word,
// and COPY/ADD sources and destination. Facts from BuildKit's instructions/parse.go and line_parsers.go.
import { closest, didYouMean, editDistance } from '../../util/closest';
import { FLAGS } from '../docs/flags';
import { HEALTHCHECK_TYPES } from '../docs/signals';
import type { DockerfileModel, Instruction, Token } from '../model';
import {
  argumentTokens, errorUnlessTrigger, exactSubRange, finding, forEachNamed, hasVariable, indexInstructions, isKnownInstruction, named, quoted,
  spanRange, stripQuotes, triggerNote, type IndexedCheck,
} from './syntaxCommon';
import { detachedValue } from './flags';
import type { Finding } from './types';

/** Instructions that BuildKit rejects without any argument. RUN, CMD and ENTRYPOINT pass with an empty command. */
const NEED_ARGUMENT = new Set(['ENV', 'LABEL', 'ADD', 'COPY', 'FROM', 'WORKDIR', 'HEALTHCHECK', 'EXPOSE', 'USER', 'VOLUME', 'STOPSIGNAL', 'ARG', 'SHELL', 'MAINTAINER']);
const EMPTY_COMMAND_OK = new Set(['CMD', 'ENTRYPOINT']);

/** `missing-argument`: instructions without the arguments they need. */
export const checkMissingArguments: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  const visit = (instruction: Instruction, inTrigger: boolean): void => {
    const name = instruction.name;
    if (name === 'ONBUILD' || !isKnownInstruction(name)) return;
    const tokens = argumentTokens(instruction);
    const severity = errorUnlessTrigger(inTrigger);
    const note = triggerNote(inTrigger);
    if (tokens.length === 0 && !instruction.argsText) {
      if (NEED_ARGUMENT.has(name)) {
        out.push(finding('missing-argument', severity, instruction.keyword.range, `${instruction.keyword.value} needs ${WHAT[name] ?? 'an argument'}${note}.`));
      } else if (!EMPTY_COMMAND_OK.has(name)) {
        out.push(finding('missing-argument', 'warning', instruction.keyword.range, `${instruction.keyword.value} has no command to run.`));
      }
      return;
    }
    if (instruction.json && instruction.json.length === 0) {
      if (name === 'SHELL' || name === 'VOLUME' || name === 'COPY' || name === 'ADD') {
        out.push(finding('missing-argument', severity, instruction.argsText?.range ?? instruction.keyword.range, `${instruction.keyword.value} needs ${WHAT[name]}, not an empty array${note}.`));
      } else if (name === 'RUN') {
        out.push(finding('missing-argument', 'warning', instruction.argsText?.range ?? instruction.keyword.range, 'RUN has an empty command.'));
      }
      return;
    }
    if ((name === 'COPY' || name === 'ADD') && tokens.length > 0 && (instruction.json ? tokens.length : whitespaceWords(instruction).length) === 1) {
      out.push(finding('missing-argument', severity, tokens[0].range,
        `${instruction.keyword.value} needs a source and a destination; only ${quoted(tokens[0].value)} is given${note}.`));
    }
    if (name === 'VOLUME' && instruction.json) {
      for (const token of instruction.json) {
        if (token.value.trim() === '') out.push(finding('missing-argument', severity, token.range, `A VOLUME path cannot be empty${note}.`));
      }
    }
  };
  // Only instructions without arguments, and COPY, ADD and VOLUME (counted or checked element by element).
  for (const instruction of index.bare) if (!COUNTED.has(instruction.name)) visit(instruction, false);
  for (const name of COUNTED) for (const instruction of named(index, name)) visit(instruction, false);
  for (const trigger of index.triggers) visit(trigger, true);
  return out;
};

const COUNTED = new Set(['COPY', 'ADD', 'VOLUME']);

const WHAT: Record<string, string> = {
  ENV: 'a name=value pair', LABEL: 'a key=value pair', ADD: 'a source and a destination', COPY: 'a source and a destination',
  FROM: 'an image (or scratch)', WORKDIR: 'a path', HEALTHCHECK: 'CMD <command> or NONE', EXPOSE: 'a port', USER: 'a user name or id',
  VOLUME: 'a path', STOPSIGNAL: 'a signal, e.g. SIGTERM', ARG: 'a name', SHELL: 'a JSON array such as ["/bin/sh", "-c"]',
  MAINTAINER: 'a name',
};

/** `missing-argument` / `extra-argument` for FROM: one image, optionally followed by `AS name`. */
export const checkFromShape: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of named(index, 'FROM')) {
    const args = instruction.args;
    if (args.length <= 1) continue;
    const isAs = args[1].value.toLowerCase() === 'as';
    if (args.length === 2 && isAs) {
      out.push(finding('missing-argument', 'error', args[1].range, `${args[1].value} must be followed by a stage name.`));
    } else if (!isAs && args.length <= 3) {
      out.push(finding('extra-argument', 'error', spanRange(args[1].range, args[args.length - 1].range),
        `FROM takes one image, optionally followed by AS <name>; ${quoted(args[1].value)} is not AS.`));
    } else if (args.length > 3) {
      const first = isAs ? 3 : 1;
      out.push(finding('extra-argument', 'error', spanRange(args[first].range, args[args.length - 1].range),
        `FROM takes one image, optionally followed by AS <name>; ${quoted(args[first].value)} is one word too many.`));
    }
  }
  return out;
};

/**
 * `extra-argument` for USER and WORKDIR: BuildKit takes the whole rest of the line as one value, so a second
 * word becomes part of the user or directory name, spaces included. Only reported when the words look like two
 * separate values (`WORKDIR /app /src`, `USER app staff`): Windows paths and account names may hold spaces.
 */
export const checkSingleValue: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of [...named(index, 'WORKDIR'), ...named(index, 'USER')]) {
    const args = instruction.args;
    if (args.length < 2) continue;
    let message: string | undefined;
    const whole = args.map((a) => a.value).join(' ');
    if (instruction.name === 'WORKDIR' && args.slice(1).some((a) => ABSOLUTE_PATH.test(a.value))) {
      message = `WORKDIR takes one path; this creates one directory named ${quoted(whole)}, spaces included.`;
    } else if (instruction.name === 'USER' && args.every((a) => UNIX_ACCOUNT.test(a.value))) {
      message = `USER takes one user[:group], e.g. USER ${args[0].value}:${args[1].value}; ${quoted(whole)} is read as a single name containing a space.`;
    }
    if (message) out.push(finding('extra-argument', 'warning', spanRange(args[1].range, args[args.length - 1].range), message));
  }
  return out;
};

const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\$)/;
const UNIX_ACCOUNT = /^[A-Za-z0-9_.$\{\}-]+(:[A-Za-z0-9_.$\{\}-]+)?$/;

/** HEALTHCHECK: `NONE` without arguments, or `CMD` followed by a command (`unknown-healthcheck-type` otherwise). */
export const checkHealthcheckShape: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of named(index, 'HEALTHCHECK')) {
    if (instruction.args.length === 0) continue;
    const [type, ...rest] = instruction.args;
    const upper = type.value.toUpperCase();
    if (upper === 'NONE') {
      if (rest.length > 0) {
        out.push(finding('extra-argument', 'error', spanRange(rest[0].range, rest[rest.length - 1].range), 'HEALTHCHECK NONE takes no arguments.'));
      }
    } else if (upper === 'CMD') {
      if (rest.length === 0 || (instruction.json && instruction.json.length === 0)) {
        out.push(finding('missing-argument', 'error', rest.length === 0 ? type.range : spanRange(rest[0].range, rest[rest.length - 1].range),
          'HEALTHCHECK CMD needs the command that checks the container.'));
      }
    } else {
      out.push(finding('unknown-healthcheck-type', 'error', type.range,
        `HEALTHCHECK expects CMD <command> or NONE, not ${quoted(type.value)}${didYouMean(type.value, HEALTHCHECK_TYPES)}.`,
        healthcheckTypeFix(instruction, type)));
    }
  }
  return out;
};

/** The type word most probably meant (`CDM` -> CMD), or CMD put before a command that lacks it. */
function healthcheckTypeFix(instruction: Instruction, type: Token): Finding['fix'] {
  const lower = instruction.keyword.value === instruction.keyword.value.toLowerCase();
  // Closer than "did you mean" asks for: a word this near CMD or NONE is a misspelling, not a command.
  const suggestion = closest(type.value, HEALTHCHECK_TYPES) ?? HEALTHCHECK_TYPES.find((t) => editDistance(type.value, t) <= 2);
  if (suggestion) {
    const newText = lower ? suggestion.toLowerCase() : suggestion;
    return { title: `Change to ${newText}`, range: type.range, newText };
  }
  const cmd = lower ? 'cmd' : 'CMD';
  return { title: `Insert ${cmd} before the command`, range: { start: type.range.start, end: type.range.start }, newText: `${cmd} ` };
}

const PAIR_INSTRUCTIONS = ['ENV', 'LABEL', 'ARG'];
const COPY_AND_ADD = ['COPY', 'ADD'];
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * ENV, LABEL and ARG pairs: `missing-argument` (legacy `ENV NAME` without a value), `missing-equals` (a later
 * word without `=` once the first one has it), `empty-name` (`=value`), `invalid-arg-name` (an ARG that no
 * `$NAME` can ever reference).
 */
export const checkPairs: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  forEachNamed(index, PAIR_INSTRUCTIONS, (instruction, inTrigger) => {
    const name = instruction.name;
    const severity = errorUnlessTrigger(inTrigger);
    const keyword = instruction.keyword.value;
    for (const pair of instruction.pairs) {
      const key = pair.key;
      if (pair.legacy) {
        if (!pair.value) {
          out.push(finding('missing-argument', severity, key.range,
            `${keyword} ${key.value} has no value: write ${keyword} ${key.value}=<value>.`));
        }
        continue;
      }
      if (key.value === '' && pair.value) {
        out.push(finding('empty-name', severity, spanRange(key.range, pair.value.range), `${keyword} needs a name before "=".`));
        continue;
      }
      if (name === 'ARG') {
        if (!ARG_NAME.test(key.value) && !/["'$]/.test(key.value) && key.value !== '') {
          out.push(finding('invalid-arg-name', 'information', key.range,
            `${quoted(key.value)} is not a valid variable name (letters, digits and _), so $${key.value} can never refer to it.`));
        }
      } else if (!pair.value) {
        out.push(finding('missing-equals', severity, key.range,
          `${quoted(key.value)} has no "=": once the first pair of ${keyword} uses name=value, every word must.`));
      }
    }
  });
  return out;
};

/** BuildKit splits the shell form of COPY, ADD, FROM and EXPOSE at blanks only, before any quote removal. */
export function whitespaceWords(instruction: Instruction): string[] {
  const text = instruction.argsText?.value.trim() ?? '';
  return text === '' ? [] : text.split(/[\t\v\f\r\n ]+/);
}

/**
 * `copy-quoted-space`: `COPY "my file" /x` is split at the space first, and the halves `"my` and `file"` then
 * fail on their unmatched quotes. Paths with spaces need the JSON form.
 */
export const checkCopyQuotes: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of COPY_AND_ADD.flatMap((name) => named(index, name))) {
    if (instruction.json || instruction.jsonMalformed) continue;
    const spaced = instruction.args.find((a) => /^(["']).*\s.*\1$/s.test(a.value));
    if (!spaced) continue;
    const words = instruction.args.map((a) => JSON.stringify(stripQuotes(a.value)));
    const one = instruction.argsText && instruction.argsText.range.start.line === instruction.argsText.range.end.line;
    out.push(finding('copy-quoted-space', 'error', spaced.range,
      `${instruction.keyword.value} splits its arguments at spaces before removing quotes, so ${spaced.value} breaks apart; use the JSON form for paths with spaces.`,
      one && instruction.args.every((a) => !/["']/.test(stripQuotes(a.value)))
        ? { title: 'Rewrite in JSON form', range: instruction.argsText!.range, newText: `[${words.join(', ')}]` }
        : undefined));
  }
  return out;
};

const URL_SOURCE = /^https?:\/\//i;
const GIT_SOURCE = /^(git@[^:/]+:|git:\/\/|ssh:\/\/)/i;

/** `copy-remote-source`: COPY only reads local files (or a stage); URLs and Git repositories need ADD. */
export const checkCopySources: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of named(index, 'COPY')) {
    if (instruction.flags.some((f) => f.name === 'from')) continue;
    const tokens = argumentTokens(instruction);
    for (let k = 0; k < tokens.length - 1; k++) {
      const source = stripQuotes(tokens[k].value);
      if (URL_SOURCE.test(source) || GIT_SOURCE.test(source)) {
        const kind = URL_SOURCE.test(source) && !/\.git(#|$)/.test(source) ? 'a URL' : 'a Git repository';
        out.push(finding('copy-remote-source', 'error', tokens[k].range,
          `COPY cannot read ${kind} (${quoted(source)}); use ADD, or download it in a RUN step.`, addFix(instruction, tokens.length)));
      }
    }
  }
  return out;
};

const ADD_FLAGS: ReadonlySet<string> = new Set(FLAGS.filter((f) => f.instruction === 'ADD').map((f) => f.name));

/**
 * COPY -> ADD, when that changes nothing else: a single source (ADD would also unpack local archives among
 * several) and only flags that ADD has too.
 */
function addFix(instruction: Instruction, count: number): Finding['fix'] | undefined {
  if (count !== 2 || !instruction.flags.every((f) => ADD_FLAGS.has(f.name))) return undefined;
  const keyword = instruction.keyword;
  const newText = keyword.value === keyword.value.toLowerCase() ? 'add' : 'ADD';
  return { title: `Change ${keyword.value} to ${newText}`, range: keyword.range, newText };
}

/**
 * `copy-destination-not-directory`: with several sources the destination must be a directory. The classic
 * builder refuses a destination without a trailing slash; BuildKit copies anyway, so when the directory does
 * not exist yet each file replaces the previous one at that path.
 */
export const checkCopyDestination: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of COPY_AND_ADD.flatMap((name) => named(index, name))) {
    const tokens = argumentTokens(instruction);
    // `COPY --from build /a /b`: the flag's value written as a word is not a source (flags.ts fixes it).
    const sources = tokens.length - 1 - (detachedValue(model, instruction) ? 1 : 0);
    if (sources < 2) continue;
    const dest = tokens[tokens.length - 1];
    const value = instruction.json ? dest.value : stripQuotes(dest.value);
    if (hasVariable(value) || value === '' || /[/\\]$/.test(value) || /(^|[/\\])\.\.?$/.test(value)) continue;
    out.push(finding('copy-destination-not-directory', 'warning', dest.range,
      `${instruction.keyword.value} has ${sources} sources, so the destination ${quoted(value)} should end with "/" to be a directory.`,
      slashFix(model, instruction, dest)));
  }
  return out;
};

function slashFix(model: DockerfileModel, instruction: Instruction, dest: Token): Finding['fix'] | undefined {
  const r = dest.range;
  if (r.start.line !== r.end.line) return undefined;
  if (instruction.json) {
    const at = { line: r.end.line, character: r.end.character - 1 };
    return { title: 'Add a trailing "/"', range: { start: at, end: at }, newText: '/' };
  }
  const inner = dest.value.length - (stripQuotes(dest.value) === dest.value ? 0 : 1);
  const range = exactSubRange(model, dest, inner, inner);
  if (!range) return undefined;
  return { title: 'Add a trailing "/"', range, newText: '/' };
}
