// Which build variables an instruction can see: ARG and ENV declared earlier in its stage, ENV inherited
// from a parent stage (`FROM <stage>`), global ARGs in FROM lines (and in a stage that declares them again),
// and BuildKit's predefined ARGs.
import { PREDEFINED_ARGS } from './docs/args';
import type { DockerfileModel, Instruction, Stage } from './model';

export interface VariableDeclaration {
  name: string;
  /** The default or value as written, if any. */
  value?: string;
  kind: 'ARG' | 'ENV' | 'predefined';
  /** The declaring instruction (undefined for predefined ARGs). */
  instruction?: Instruction;
}

/** Variables visible to `instruction` (latest declaration wins), in declaration order. */
export function variablesInScope(model: DockerfileModel, instruction: Instruction): Map<string, VariableDeclaration> {
  const scope = new Map<string, VariableDeclaration>();
  for (const arg of PREDEFINED_ARGS) {
    if (arg.scope === 'global') scope.set(arg.name, { name: arg.name, kind: 'predefined', value: arg.example });
  }
  const globals = new Map<string, VariableDeclaration>();
  for (const arg of model.globalArgs) declare(globals, arg, instruction);
  if (instruction.name === 'FROM' || instruction.stage < 0) {
    for (const [name, declaration] of globals) scope.set(name, declaration);
    return scope;
  }
  const stage = model.stages[instruction.stage];
  if (!stage) return scope;
  for (const inherited of inheritedEnv(model, stage, new Set())) scope.set(inherited.name, inherited);
  for (const declared of stage.instructions) {
    if (declared === instruction || declared.range.start.line >= instruction.range.start.line) break;
    if (declared.name === 'ARG') {
      for (const pair of declared.pairs) {
        // `ARG NAME` inside a stage brings the global ARG of that name (and its default) into the stage.
        const global = globals.get(pair.key.value);
        scope.set(pair.key.value, {
          name: pair.key.value,
          kind: 'ARG',
          value: pair.value?.value ?? global?.value,
          instruction: declared,
        });
      }
    } else if (declared.name === 'ENV') declare(scope, declared, instruction);
  }
  return scope;
}

function declare(into: Map<string, VariableDeclaration>, declared: Instruction, before: Instruction): void {
  if (declared.range.start.line >= before.range.start.line && declared !== before) return;
  for (const pair of declared.pairs) {
    into.set(pair.key.value, {
      name: pair.key.value,
      kind: declared.name === 'ENV' ? 'ENV' : 'ARG',
      value: pair.value?.value,
      instruction: declared,
    });
  }
}

/** ENV of the stages this stage is built FROM (a stage's name as its base image), nearest last. */
function inheritedEnv(model: DockerfileModel, stage: Stage, seen: Set<Stage>): VariableDeclaration[] {
  const base = stage.image?.value.toLowerCase();
  if (!base || seen.has(stage)) return [];
  seen.add(stage);
  const parent = model.stages.find((s) => s.index < stage.index && s.name?.value.toLowerCase() === base);
  if (!parent) return [];
  const env: VariableDeclaration[] = inheritedEnv(model, parent, seen);
  for (const instruction of parent.instructions) {
    if (instruction.name !== 'ENV') continue;
    for (const pair of instruction.pairs) env.push({ name: pair.key.value, kind: 'ENV', value: pair.value?.value, instruction });
  }
  return env;
}
