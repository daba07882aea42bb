// Small helpers shared by our own (non-BuildKit) checks: building findings, narrowing ranges to a part of a
// token, and an index of the instructions by name so that each check visits only the instructions it is about.
import { INSTRUCTION_NAMES } from '../docs/common';
import type { DockerfileModel, Flag, Instruction, Range, Token } from '../model';
import type { Finding, Severity } from './types';

/** A Check that can reuse an index of the instructions built by the caller (see index.ts). */
export type IndexedCheck = (model: DockerfileModel, index?: InstructionIndex) => Finding[];

const KNOWN = new Set<string>(INSTRUCTION_NAMES);

/** Whether the (upper-cased) instruction name is a Dockerfile instruction. */
export function isKnownInstruction(name: string): boolean {
  return KNOWN.has(name);
}

export function finding(code: string, severity: Severity, range: Range, message: string, fix?: Finding['fix']): Finding {
  const result: Finding = { code, message, range, severity };
  if (fix) result.fix = fix;
  return result;
}

/**
 * The instructions grouped once per run, so that each check visits only the instructions it is about instead
 * of walking the whole file again (most checks concern one or two instruction names).
 */
export interface InstructionIndex {
  /** Top-level instructions by upper-case name, in file order. */
  byName: ReadonlyMap<string, readonly Instruction[]>;
  /** The trigger of each ONBUILD, in file order. */
  triggers: readonly Instruction[];
  /** Top-level instructions that have flags. */
  flagged: readonly Instruction[];
  /** Top-level instructions without arguments, or with an empty JSON array. */
  bare: readonly Instruction[];
}

export function indexInstructions(model: DockerfileModel): InstructionIndex {
  const byName = new Map<string, Instruction[]>();
  const triggers: Instruction[] = [];
  const flagged: Instruction[] = [];
  const bare: Instruction[] = [];
  const instructions = model.instructions;
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i];
    const list = byName.get(instruction.name);
    if (list) list.push(instruction);
    else byName.set(instruction.name, [instruction]);
    if (instruction.flags.length > 0) flagged.push(instruction);
    if (instruction.trigger) triggers.push(instruction.trigger);
    if (!instruction.argsText || instruction.json?.length === 0) bare.push(instruction);
  }
  return { byName, triggers, flagged, bare };
}

const NO_INSTRUCTIONS: readonly Instruction[] = [];

/** Top-level instructions with this upper-case name. */
export function named(index: InstructionIndex, name: string): readonly Instruction[] {
  return index.byName.get(name) ?? NO_INSTRUCTIONS;
}

/** Top-level instructions with one of these names, then the ONBUILD triggers with one of them (`inTrigger`). */
export function forEachNamed(index: InstructionIndex, names: readonly string[], fn: (instruction: Instruction, inTrigger: boolean) => void): void {
  for (const name of names) {
    const instructions = named(index, name);
    for (let i = 0; i < instructions.length; i++) fn(instructions[i], false);
  }
  for (const trigger of index.triggers) if (names.includes(trigger.name)) fn(trigger, true);
}

/** Error at the top level; Warning inside an ONBUILD trigger (it fails in the child build, not in this one). */
export function errorUnlessTrigger(inTrigger: boolean): Severity {
  return inTrigger ? 'warning' : 'error';
}

/** The end of a message about an ONBUILD trigger (empty at the top level). */
export function triggerNote(inTrigger: boolean): string {
  return inTrigger ? ' (in an ONBUILD trigger: builds that use this image as their base will fail)' : '';
}

export function hasVariable(text: string): boolean {
  return text.indexOf('$') >= 0;
}

function rangeOf(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/**
 * The range of `token.value.slice(from, to)` when the token is written on one line exactly as its value
 * (no quotes removed, no continuation); otherwise the whole token's range.
 */
export function subRange(model: DockerfileModel, token: Token, from: number, to: number): Range {
  return exactSubRange(model, token, from, to) ?? token.range;
}

/**
 * The range of [from, to) of the token's value when the token is written as is on one line; else undefined (a fix
 * is then not offered). Token ranges are made when read: this answer, not a comparison of range objects, tells
 * whether the part was placed.
 */
export function exactSubRange(model: DockerfileModel, token: Token, from: number, to: number): Range | undefined {
  const r = token.range;
  if (r.start.line !== r.end.line) return undefined;
  const line = model.lines[r.start.line];
  if (line === undefined || line.slice(r.start.character, r.end.character) !== token.value) return undefined;
  return rangeOf(r.start.line, r.start.character + from, r.start.line, r.start.character + to);
}

/** From the start of `a` to the end of `b`. */
export function spanRange(a: Range, b: Range): Range {
  return rangeOf(a.start.line, a.start.character, b.end.line, b.end.character);
}

/** `--name` of a flag (without its value). */
export function flagNameRange(flag: Flag): Range {
  return spanRange(flag.range, flag.nameRange);
}

/** The flag's value as a token, for sub-ranges; the whole flag when it has no value. */
export function flagValueToken(flag: Flag): Token {
  // The range is made when read: most values are fine, and a check reads it only to report one.
  return {
    value: flag.value ?? '',
    get range() {
      return flag.valueRange ?? flag.range;
    },
  };
}

/** The arguments after the flags: the JSON strings in exec form, else the words. */
export function argumentTokens(instruction: Instruction): Token[] {
  return instruction.json ?? instruction.args;
}

/** A value written as `'x'` or `"x"` entirely: its inner text; otherwise the value itself. */
export function stripQuotes(value: string): string {
  if (value.length >= 2) {
    const q = value[0];
    if ((q === '"' || q === "'") && value[value.length - 1] === q) return value.slice(1, -1);
  }
  return value;
}

/** `"x"` for messages. */
export function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
