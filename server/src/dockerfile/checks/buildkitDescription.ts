// InvalidDefinitionDescription (BuildKit, experimental): the comment attached to a named FROM or to an ARG
// serves as its description (`docker build --call=outline|targets`) when its first word is the stage or
// argument name. BuildKit looks at the last attached comment line only (see instructionComments.ts for which
// lines are attached), splits it at single spaces and compares the first part, case-sensitively, with the
// stage name or with any of the ARG's names. A FROM without `AS name` is not looked at. Reported on the
// instruction, as BuildKit does.
import type { DockerfileModel, Instruction } from '../model';
import { attachedComments, commentBody } from './instructionComments';
import type { Finding } from './types';

export function checkDefinitionDescriptions(model: DockerfileModel, findings: Finding[]): void {
  const stageNames = new Map(model.stages.map((s) => [s.from, s.name?.value]));
  for (const { instruction, comments } of attachedComments(model)) {
    if (comments.length === 0) continue;
    const keys = definitionKeys(instruction, stageNames);
    if (keys.length === 0) continue;
    const last = comments[comments.length - 1];
    const firstWord = commentBody(last).split(' ')[0];
    if (keys.includes(firstWord)) continue;
    const example = keys.length > 1 ? '<name>' : keys[0];
    const what = instruction.name === 'FROM' ? `stage '${keys[0]}'` : keys.length > 1 ? 'these build arguments' : `build argument '${keys[0]}'`;
    findings.push({
      code: 'InvalidDefinitionDescription',
      message: `The comment above is taken as the description of ${what} only when it starts with the name, like '# ${example} <description>'. ` +
        'If it is not a description, put an empty comment line (#) between it and the instruction.',
      range: { start: instruction.range.start, end: instruction.keyword.range.end },
      severity: 'warning',
    });
  }
}

function definitionKeys(instruction: Instruction, stageNames: ReadonlyMap<Instruction, string | undefined>): string[] {
  if (instruction.name === 'FROM') {
    const name = stageNames.get(instruction);
    return name ? [name] : [];
  }
  if (instruction.name === 'ARG') return instruction.pairs.map((p) => p.key.value).filter((k) => k !== '');
  return [];
}
