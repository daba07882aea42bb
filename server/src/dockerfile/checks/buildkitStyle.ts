// BuildKit's rules about how instructions are written: NoEmptyContinuation, ConsistentInstructionCasing,
// MaintainerDeprecated, LegacyKeyValueFormat, SecretsUsedInArgOrEnv, ExposeProtoCasing and
// ExposeInvalidFormat. Behaviour follows moby/buildkit (parser.go, validations.go, convert_expose.go);
// the messages are our own.
import { INSTRUCTION_NAMES } from '../docs/common';
import type { DockerfileModel, Instruction, KeyValue, Token } from '../model';
import { isSpace } from '../parseText';
import { type Lookup, expandWord } from './buildkitExpand';
import { exactSubRange, subRange } from './syntaxCommon';
import type { Finding } from './types';

function warning(code: string, message: string, range: Finding['range'], fix?: Finding['fix']): Finding {
  const finding: Finding = { code, message, range, severity: 'warning' };
  if (fix) finding.fix = fix;
  return finding;
}

function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false;
  return true;
}

/**
 * One warning per instruction that has an empty line inside its continuation. BuildKit's parser reports it
 * on the line where the continuation ends (the last line it joined, before any heredoc body), after the
 * empty lines: our range is that line. The fix removes the first empty line (the code action removes all).
 */
export function checkEmptyContinuations(model: DockerfileModel, findings: Finding[]): void {
  const instructions = model.instructions;
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i];
    if (instruction.innerCommentLines.length === 0) continue;
    const empty = instruction.innerCommentLines.find((k) => isBlankLine(model.lines[k] ?? ''));
    if (empty === undefined) continue;
    const last = continuationEnd(instruction);
    const text = model.lines[last] ?? '';
    findings.push(warning('NoEmptyContinuation',
      `Empty line inside this continued instruction (line ${empty + 1}): this is planned to become an error; remove it (a comment line is fine).`,
      { start: { line: last, character: 0 }, end: { line: last, character: text.length } },
      { title: 'Remove the empty line', range: { start: { line: empty, character: 0 }, end: { line: empty + 1, character: 0 } }, newText: '' }));
  }
}

/** The last line of an instruction's own text: the line before its first heredoc body, or its last line. */
function continuationEnd(instruction: Instruction): number {
  const first = instruction.heredocs[0];
  if (!first) return instruction.range.end.line;
  return Math.max(instruction.range.start.line, Math.min(instruction.range.end.line, first.bodyRange.start.line - 1));
}

const INSTRUCTIONS: ReadonlySet<string> = new Set(INSTRUCTION_NAMES);
const LOWER = 1;
const UPPER = 2;
const MIXED = 3;

/** Whether an ASCII keyword is all lower case, all upper case, or mixed. */
function letterCase(word: string): number {
  let result = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) result |= LOWER;
    else if (c >= 0x41 && c <= 0x5a) result |= UPPER;
  }
  return result === MIXED ? MIXED : result === UPPER ? UPPER : LOWER;
}

/** Keywords of the stages (FROM and what follows; not the global ARGs) against the case most of them use. */
export function checkInstructionCasing(model: DockerfileModel, findings: Finding[]): void {
  // Two walks over the keywords (count, then report): no list of thousands of them. Keywords are mostly the same
  // few strings (the parser shares them), so each one's case is worked out once.
  const cases = new Map<string, number>();
  const caseOf = (keyword: Token): number => {
    let c = cases.get(keyword.value);
    if (c === undefined) cases.set(keyword.value, (c = letterCase(keyword.value)));
    return c;
  };
  const forEachKeyword = (visit: (keyword: Token) => void): void => {
    for (const stage of model.stages) {
      visit(stage.from.keyword);
      const instructions = stage.instructions;
      for (let i = 0; i < instructions.length; i++) if (INSTRUCTIONS.has(instructions[i].name)) visit(instructions[i].keyword);
    }
  };
  let lower = 0;
  let upper = 0;
  forEachKeyword((keyword) => {
    const c = caseOf(keyword);
    if (c === LOWER) lower++;
    else if (c === UPPER) upper++;
  });
  const majorityLower = lower > upper;
  const majority = majorityLower ? LOWER : UPPER;
  forEachKeyword((k) => {
    if (caseOf(k) === majority) return;
    const wanted = majorityLower ? k.value.toLowerCase() : k.value.toUpperCase();
    findings.push(warning('ConsistentInstructionCasing',
      `'${k.value}' should be written '${wanted}', in the ${majorityLower ? 'lower' : 'upper'} case most instructions of this file use.`,
      k.range, { title: `Change to '${wanted}'`, range: k.range, newText: wanted }));
  });
}

export function checkMaintainer(instruction: Instruction, findings: Finding[]): void {
  const finding = warning('MaintainerDeprecated',
    'MAINTAINER is deprecated; set the author with LABEL org.opencontainers.image.authors="..." instead.',
    instruction.keyword.range);
  finding.tags = ['deprecated'];
  findings.push(finding);
}

/** `ENV KEY value` and `LABEL key value`: the old form without `=`. */
export function checkLegacyPairs(instruction: Instruction, escape: string, findings: Finding[]): void {
  for (const pair of instruction.pairs) {
    if (!pair.legacy) continue;
    const range = pair.value ? { start: pair.key.range.start, end: pair.value.range.end } : pair.key.range;
    const name = instruction.keyword.value.toUpperCase();
    findings.push(warning('LegacyKeyValueFormat',
      `Write ${name} ${pair.key.value}=<value>: the form without '=' is deprecated and takes the whole rest of the line as the value.`,
      range, legacyFix(pair, escape)));
  }
}

function legacyFix(pair: KeyValue, escape: string): Finding['fix'] {
  const value = pair.value;
  if (!value || value.range.start.line !== value.range.end.line) return undefined;
  const range = { start: pair.key.range.start, end: value.range.end };
  const text = value.value;
  let newText: string;
  if (!/[\s]/.test(text)) newText = `${pair.key.value}=${text}`;
  else if (!/["'`]/.test(text) && !text.includes(escape)) newText = `${pair.key.value}="${text}"`;
  else return undefined;
  return { title: `Change to ${newText}`, range, newText };
}

const SECRET_WORDS = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED_WORDS = /(?:_|^)(?:public|file|version)(?:_|$)/i;

/** ARG and ENV names that look like they hold a secret (BuildKit's word list). */
export function checkSecretNames(instruction: Instruction, findings: Finding[]): void {
  for (const pair of instruction.pairs) {
    const key = pair.key.value;
    if (!SECRET_WORDS.test(key) || ALLOWED_WORDS.test(key)) continue;
    findings.push(warning('SecretsUsedInArgOrEnv',
      `${instruction.name} ${key} looks like it holds a secret, which would stay readable in the image; pass it with RUN --mount=type=secret instead.`,
      pair.key.range));
  }
}

/** EXPOSE words after expansion: the protocol in lower case, and no IP address or host port. */
export function checkExpose(model: DockerfileModel, instruction: Instruction, lookup: Lookup, findings: Finding[]): void {
  const escape = model.escape;
  for (const token of instruction.args) {
    let words: string[];
    let literal = !/["'$]/.test(token.value) && !token.value.includes(escape);
    if (literal) {
      words = [token.value];
    } else {
      const expanded = expandWord(token.value, lookup, escape);
      if (expanded.error || expanded.unknown || expanded.unmatched.size > 0) continue;
      words = expanded.value.split(/\s+/).filter((w) => w !== '');
      literal = words.length === 1 && words[0] === token.value;
    }
    for (const word of words) {
      const parts = word.split(':');
      const container = parts[parts.length - 1];
      const slash = container.indexOf('/');
      const proto = slash >= 0 ? container.slice(slash + 1) : '';
      if (proto !== proto.toLowerCase() && ['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) {
        const start = word.length - proto.length;
        const range = literal ? subRange(model, token, start, word.length) : token.range;
        // `$PORT/TCP`: the protocol is written literally at the end of the token, after the variable.
        const written = token.value.length - proto.length;
        const fixRange = literal
          ? exactSubRange(model, token, start, word.length)
          : word === words[words.length - 1] && token.value.endsWith(`/${proto}`) ? exactSubRange(model, token, written, token.value.length) : undefined;
        findings.push(warning('ExposeProtoCasing', `Write the protocol of '${word}' in lower case: '${proto.toLowerCase()}'.`, range,
          fixRange ? { title: `Change to '${proto.toLowerCase()}'`, range: fixRange, newText: proto.toLowerCase() } : undefined));
      }
      if (parts.length > 1) {
        findings.push(warning('ExposeInvalidFormat',
          `EXPOSE '${word}' names a host address or port; EXPOSE takes only the container port (publish host ports with docker run -p). This is planned to become an error.`,
          token.range, literal ? { title: `Change to '${container}'`, range: token.range, newText: container } : undefined));
      }
    }
  }
}
