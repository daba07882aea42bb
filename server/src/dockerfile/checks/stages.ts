// Stage names and references between stages. BuildKit looks a `COPY --from` / `--mount from=` value up among
// the stage names (case-insensitively; `--from` also takes a stage index), and treats anything else as an
// image or a named build context. Copying from a stage defined later, or from the stage itself, fails.
import { closest } from '../../util/closest';
import { STAGE_NAME_PATTERN } from '../docs/signals';
import type { DockerfileModel, Range, Stage } from '../model';
import { splitMountFields } from './flagsMount';
import { finding, flagValueToken, hasVariable, indexInstructions, named, quoted, subRange, type IndexedCheck } from './syntaxCommon';
import type { Check, Finding } from './types';
import { referenceProblem } from './valuesReference';

/** `invalid-stage-name`: `AS name` must start with a letter and hold only letters, digits, `-`, `_` and `.`. */
export const checkStageNames: Check = (model) => {
  const out: Finding[] = [];
  for (const stage of model.stages) {
    const name = stage.name;
    if (!name || STAGE_NAME_PATTERN.test(name.value.toLowerCase())) continue;
    const reason = /^[0-9]/.test(name.value) ? 'it must start with a letter' : 'it may only contain letters, digits, "-", "_" and "."';
    out.push(finding('invalid-stage-name', 'error', name.range, `${quoted(name.value)} is not a valid stage name: ${reason}.`));
  }
  return out;
};

interface StageNames {
  /** Lower-cased name -> index of the last stage with that name (the one BuildKit binds `--from` to). */
  last: Map<string, number>;
  names: string[];
}

function stageNames(model: DockerfileModel): StageNames {
  const last = new Map<string, number>();
  const names: string[] = [];
  for (const stage of model.stages) {
    if (!stage.name) continue;
    const lower = stage.name.value.toLowerCase();
    if (!last.has(lower)) names.push(lower);
    last.set(lower, stage.index);
  }
  return { last, names };
}

/** `undefined-stage` and `self-stage-reference` for COPY --from and RUN --mount from=. */
export const checkStageReferences: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  if (model.stages.length === 0) return out;
  const names = stageNames(model);
  for (const instruction of named(index, 'COPY')) {
    const stage = model.stages[instruction.stage];
    for (const flag of instruction.flags) {
      if (!stage || flag.name !== 'from' || !flag.value) continue;
      const range = () => flag.valueRange ?? flag.range;
      if (hasVariable(flag.value)) {
        out.push(finding('invalid-flag-value', 'error', range(),
          'COPY --from does not expand variables: declare the image in a stage (FROM ${IMAGE} AS name) and copy from that stage.'));
        continue;
      }
      const problem = resolve(model, names, stage, flag.value, true, range, 'COPY --from');
      if (problem) out.push(problem);
    }
  }
  for (const instruction of named(index, 'RUN')) {
    const stage = model.stages[instruction.stage];
    for (const flag of instruction.flags) {
      if (!stage || flag.name !== 'mount' || !flag.value || flag.value.toLowerCase().indexOf('from=') < 0) continue;
      const token = flagValueToken(flag);
      for (const field of splitMountFields(flag.value) ?? []) {
        if (field.key !== 'from' || !field.value || hasVariable(field.value)) continue;
        const problem = resolve(model, names, stage, field.value, false, () => subRange(model, token, field.valueStart, field.end), '--mount from=');
        if (problem) out.push(problem);
      }
    }
  }
  return out;
};

/** The problem of a stage reference, if any; `where` gives its range (made only for a finding). */
function resolve(model: DockerfileModel, names: StageNames, stage: Stage, value: string, allowIndex: boolean, where: () => Range, what: string): Finding | undefined {
  const here = stage.index;
  if (allowIndex && /^[+-]?\d+$/.test(value)) {
    const index = Number(value);
    if (index === here) return selfReference(stage, where(), what);
    if (index < 0 || index >= model.stages.length) {
      return finding('undefined-stage', 'error', where(),
        `There is no stage ${index}: this file has ${model.stages.length} stage${model.stages.length === 1 ? '' : 's'}, numbered from 0.`);
    }
    if (index > here) return finding('undefined-stage', 'error', where(), `Stage ${index} comes after this one; ${what} can only use stages defined before it.`);
    return undefined;
  }
  const lower = value.toLowerCase();
  const bound = names.last.get(lower);
  if (bound !== undefined) {
    if (bound === here) return selfReference(stage, where(), what);
    if (bound > here) {
      const line = model.stages[bound].from.range.start.line + 1;
      return finding('undefined-stage', 'error', where(),
        `Stage ${quoted(value)} is defined after this one (line ${line}); ${what} can only use stages defined before it.`);
    }
    return undefined;
  }
  const range = where();
  const candidates = names.names.filter((n) => n !== stage.name?.value.toLowerCase());
  const problem = referenceProblem(value);
  const suggestion = closest(lower, candidates);
  const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
  // The fix replaces the value where it is written as is (one line, no quotes).
  const exact = range.start.line === range.end.line && range.end.character - range.start.character === value.length;
  const fix = suggestion && exact ? { title: `Change to ${suggestion}`, range, newText: suggestion } : undefined;
  if (problem) {
    return finding('undefined-stage', 'error', range,
      `${quoted(value)} is neither a stage of this file nor a valid image name: ${problem}${hint}.`, fix);
  }
  if (suggestion && looksLikeStageName(value)) {
    return finding('undefined-stage', 'warning', range,
      `${quoted(value)} is not a stage of this file, so it is pulled as an image${hint}.`, fix);
  }
  return undefined;
}

/** A bare word, as stage names are; registry paths, tags and digests clearly name images. */
function looksLikeStageName(value: string): boolean {
  return !/[/:@]/.test(value);
}

function selfReference(stage: Stage, range: Range, what: string): Finding {
  const name = stage.name ? quoted(stage.name.value) : `${stage.index}`;
  return finding('self-stage-reference', 'error', range, `${what} names its own stage ${name}; a stage cannot read from itself.`);
}
