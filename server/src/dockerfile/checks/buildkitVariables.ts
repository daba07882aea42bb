// The BuildKit rules that need to know, instruction by instruction, what a stage has set so far:
// UndefinedVar, WorkdirRelativePath, JSONArgsRecommended and MultipleInstructionsDisallowed (and EXPOSE,
// whose words are expanded first). One walk over each stage, in file order; a stage built FROM an earlier
// stage starts from that stage's final state, as BuildKit's dispatch does.
import type { Instruction, VariableReference } from '../model';
import { type Lookup, expandWord } from './buildkitExpand';
import { AMBIENT_NAMES, type BuildkitContext, NON_ENV_ARGS, PLATFORM_ARG_DEFAULTS, SUGGESTED_NAMES, isLikelyTypo, suggestName, within } from './buildkitScope';
import { checkExpose, checkLegacyPairs, checkMaintainer, checkSecretNames } from './buildkitStyle';
import type { Finding } from './types';

interface StageState {
  /** The build environment: ENV and ARG values (null: set, value unknown). */
  vars: Map<string, string | null>;
  /** Every ARG declared in the stage or its parents, with or without a value. */
  args: Set<string>;
  workdirSet: boolean;
  shellSet: boolean;
  /** The stage's root is an image from a registry, whose own ENV we cannot see. */
  external: boolean;
}

function clone(state: StageState): StageState {
  return { ...state, vars: new Map(state.vars), args: new Set(state.args) };
}

/** Flags of COPY and ADD whose values BuildKit expands. */
const EXPANDED_COPY_FLAGS = new Set(['chown', 'chmod', 'checksum']);
const ONCE_PER_STAGE = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export function checkStageInstructions(ctx: BuildkitContext, findings: Finding[]): void {
  const finals: StageState[] = [];
  const escape = ctx.model.escape;
  for (const { stage, parent, scratch } of ctx.bases) {
    const state: StageState = parent >= 0 && finals[parent]
      ? clone(finals[parent])
      : { vars: new Map(), args: new Set(), workdirSet: false, shellSet: false, external: !scratch };
    const lookup: Lookup = (name) => {
      if (state.vars.has(name)) return state.vars.get(name);
      if (state.args.has(name) || AMBIENT_NAMES.has(name) || mayComeFromImage(ctx, state, name)) return null;
      return undefined;
    };
    const last = new Map<string, Instruction>();
    const instructions = stage.instructions;
    for (let i = 0; i < instructions.length; i++) {
      const instruction = instructions[i];
      const name = instruction.name;
      undefinedVariables(ctx, state, instruction, findings);
      switch (name) {
        case 'ENV': {
          const values = instruction.pairs.map((p) => (p.value ? expandWord(p.value.value, lookup, escape) : undefined));
          instruction.pairs.forEach((p, i) => {
            const value = values[i];
            state.vars.set(p.key.value, value?.unknown || value?.error ? null : value?.value ?? '');
          });
          checkLegacyPairs(instruction, escape, findings);
          checkSecretNames(instruction, findings);
          break;
        }
        case 'ARG':
          for (const pair of instruction.pairs) {
            const key = pair.key.value;
            state.args.add(key);
            if (pair.value) {
              const value = expandWord(pair.value.value, lookup, escape);
              state.vars.set(key, value.unknown || value.error ? null : value.value);
            } else if (PLATFORM_ARG_DEFAULTS.has(key)) {
              state.vars.set(key, null);
            } else if (ctx.globalValues.has(key)) {
              state.vars.set(key, ctx.globalValues.get(key)!);
            }
          }
          checkSecretNames(instruction, findings);
          break;
        case 'LABEL':
          checkLegacyPairs(instruction, escape, findings);
          break;
        case 'MAINTAINER':
          checkMaintainer(instruction, findings);
          break;
        case 'SHELL':
          state.shellSet = true;
          break;
        case 'WORKDIR':
          relativeWorkdir(state, instruction, lookup, escape, findings);
          break;
        case 'EXPOSE':
          checkExpose(ctx.model, instruction, lookup, findings);
          break;
        case 'CMD':
        case 'ENTRYPOINT':
          if (!instruction.json && !state.shellSet && instruction.argsText) {
            findings.push({
              code: 'JSONArgsRecommended', severity: 'warning', range: instruction.argsText.range,
              message: `${name} in shell form runs under /bin/sh -c, which does not pass stop signals to your program; write it as a JSON array, e.g. ${name} ["executable", "arg"].`,
            });
          }
          break;
      }
      if (ONCE_PER_STAGE.has(name)) {
        const previous = last.get(name);
        if (previous) {
          findings.push({
            code: 'MultipleInstructionsDisallowed', severity: 'warning', range: previous.keyword.range, tags: ['unnecessary'],
            message: `This ${name} has no effect: a later ${name} in the same stage (line ${instruction.range.start.line + 1}) replaces it.`,
          });
        }
        last.set(name, instruction);
      }
    }
    finals[stage.index] = state;
  }
}

/**
 * A name the base image may set: the stage starts from a registry image, nothing in this file declares the
 * name, and it is not a near-miss of a name that is declared (then it is more likely a typo).
 */
function mayComeFromImage(ctx: BuildkitContext, state: StageState, name: string): boolean {
  if (!state.external || ctx.declaredAnywhere.has(name) || ctx.globalNames.has(name) || PLATFORM_ARG_DEFAULTS.has(name)) return false;
  return !isLikelyTypo(name, candidates(state));
}

function candidates(state: StageState): string[] {
  return [...state.vars.keys(), ...state.args, ...SUGGESTED_NAMES];
}

function isDefined(ctx: BuildkitContext, state: StageState, name: string): boolean {
  return state.vars.has(name) || state.args.has(name) || AMBIENT_NAMES.has(name) || NON_ENV_ARGS.has(name) || mayComeFromImage(ctx, state, name);
}

/** The references of an instruction that BuildKit's builder expands (not the shell's, not heredoc bodies). */
function expandedReferences(instruction: Instruction): VariableReference[] {
  switch (instruction.name) {
    case 'ENV': case 'LABEL': case 'USER': case 'VOLUME': case 'WORKDIR': case 'STOPSIGNAL':
      return instruction.variables;
    case 'ADD': case 'COPY':
      return instruction.variables.filter((ref) => {
        const flag = instruction.flags.find((f) => within(ref.range, f.range));
        return !flag || EXPANDED_COPY_FLAGS.has(flag.name);
      });
    case 'RUN':
      return instruction.variables.filter((ref) => instruction.flags.some((f) => f.name === 'mount' && within(ref.range, f.range)));
    default:
      return [];
  }
}

function undefinedVariables(ctx: BuildkitContext, state: StageState, instruction: Instruction, findings: Finding[]): void {
  if (instruction.variables.length === 0) return;
  const reported = new Set<string>();
  const report = (ref: VariableReference, sameInstruction = false) => {
    const name = ref.name;
    if (reported.has(name) || isDefined(ctx, state, name)) return;
    reported.add(name);
    findings.push(undefinedVar(ctx, state, instruction, ref, sameInstruction ? instruction.name : undefined));
  };
  if (instruction.name !== 'ARG' && instruction.name !== 'ENV') {
    for (const ref of expandedReferences(instruction)) report(ref);
    return;
  }
  // ARG pairs are declared one after the other: a default may use the names declared before it. An ENV
  // expands all its values first, with what was set before the instruction.
  const isArg = instruction.name === 'ARG';
  const earlier = new Set<string>();
  for (const pair of instruction.pairs) {
    const key = pair.key.value;
    for (const ref of instruction.variables) {
      if (!pair.value || !within(ref.range, pair.value.range)) continue;
      if (isArg && earlier.has(ref.name)) continue;
      // `ENV PATH=$PATH:/x`, `ENV LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+...}`: extends what the base image may set.
      if (!isArg && ref.name === key && state.external) continue;
      report(ref, !isArg && earlier.has(ref.name));
    }
    earlier.add(key);
  }
  if (!isArg) for (const ref of instruction.variables) if (!instruction.pairs.some((p) => p.value && within(ref.range, p.value.range))) report(ref);
}

function undefinedVar(ctx: BuildkitContext, state: StageState, instruction: Instruction, ref: VariableReference, sameInstruction?: string): Finding {
  const name = ref.name;
  let hint = '';
  let suggestion: string | undefined;
  if (sameInstruction) {
    hint = `: this ${sameInstruction} sets ${name} too, but its values are expanded with what was set before the instruction; set ${name} in an earlier ${sameInstruction}`;
  } else if (PLATFORM_ARG_DEFAULTS.has(name)) {
    hint = `; ${name} is set automatically only for FROM lines: add \`ARG ${name}\` to this stage first`;
  } else if (ctx.globalNames.has(name)) {
    hint = `; ${name} is a global ARG (declared before the first FROM): add \`ARG ${name}\` to this stage to use it`;
  } else {
    suggestion = suggestName(name, candidates(state));
    const elsewhere = ctx.declaredAnywhere.get(name);
    if (suggestion) hint = ` (did you mean $${suggestion}?)`;
    else if (elsewhere && elsewhere.stage !== instruction.stage) {
      hint = `: it is set on line ${elsewhere.range.start.line + 1}, in a stage this one is not built FROM`;
    }
  }
  const finding: Finding = {
    code: 'UndefinedVar', severity: 'warning', range: ref.nameRange,
    message: `$${name} is not defined here${hint || ': no ARG or ENV before this line sets it, so it expands to an empty string'}.`,
  };
  if (suggestion) finding.fix = { title: `Change to $${suggestion}`, range: ref.nameRange, newText: suggestion };
  else if (!sameInstruction && (PLATFORM_ARG_DEFAULTS.has(name) || ctx.globalNames.has(name))) finding.fix = declareInStage(ctx, instruction, name);
  return finding;
}

/** `ARG NAME` on a line of its own right after the stage's FROM (the code actions write the file's line break). */
function declareInStage(ctx: BuildkitContext, instruction: Instruction, name: string): Finding['fix'] {
  const from = ctx.model.stages[instruction.stage]?.from;
  if (!from) return undefined;
  const line = from.range.end.line + 1;
  return { title: `Add ARG ${name} to this stage`, range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `ARG ${name}\n` };
}

function relativeWorkdir(state: StageState, instruction: Instruction, lookup: Lookup, escape: string, findings: Finding[]): void {
  const path = instruction.argsText;
  const wasSet = state.workdirSet;
  state.workdirSet = true;
  if (wasSet || !path) return;
  const expanded = expandWord(path.value, lookup, escape);
  if (expanded.error || expanded.unknown) return;
  const value = expanded.value;
  // Absolute on Linux, and on Windows (C:\dir, \dir), since the stage's platform is not known here.
  if (value.startsWith('/') || value.startsWith('\\') || /^[A-Za-z]:/.test(value)) return;
  findings.push({
    code: 'WorkdirRelativePath', severity: 'warning', range: path.range,
    message: `WORKDIR "${value}" is relative to the base image's working directory, which may change with the image; set an absolute WORKDIR first.`,
  });
}
