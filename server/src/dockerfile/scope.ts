// Which build variables an instruction can see, as BuildKit scopes them (the same rules as the occurrence index,
// occurrencesVariables.ts):
// - FROM lines and the ARGs before the first FROM see the global ARGs and the automatic platform ARGs;
// - a stage sees the ARG and ENV declared earlier in it, everything its parent stage set when it is built
//   `FROM <stage>`, a global ARG only once it declares it again (`ARG NAME`), an automatic platform ARG likewise,
//   and, in RUN commands only, the proxy ARGs that BuildKit passes to them without any declaration.
// An instruction does not see its own declarations (`ENV A=1 B=$A` reads the A set before it).
import { stageParents } from './checks/buildkitScope';
import { PREDEFINED_ARGS, type PredefinedArgDoc, predefinedArg } from './docs/args';
import type { DockerfileModel, Instruction } from './model';

export interface VariableDeclaration {
  name: string;
  /** The default or value as written, if any. */
  value?: string;
  kind: 'ARG' | 'ENV' | 'predefined';
  /** The declaring instruction (undefined for predefined ARGs). */
  instruction?: Instruction;
  /** A predefined ARG that the builder sets (a platform ARG redeclared in a stage, or one used without declaration). */
  predefined?: PredefinedArgDoc;
}

/** Variables visible to `instruction` (latest declaration wins), in declaration order. */
export function variablesInScope(model: DockerfileModel, instruction: Instruction): Map<string, VariableDeclaration> {
  const scope = new Map<string, VariableDeclaration>();
  const globals = new Map<string, VariableDeclaration>();
  for (const arg of model.globalArgs) {
    if (arg === instruction || arg.range.start.line >= instruction.range.start.line) break;
    declare(globals, arg, undefined);
  }
  if (instruction.name === 'FROM' || instruction.stage < 0) {
    for (const arg of PREDEFINED_ARGS) if (arg.scope === 'global') scope.set(arg.name, predefinedDeclaration(arg));
    for (const [name, declaration] of globals) scope.set(name, declaration);
    return scope;
  }
  if (instruction.name === 'RUN') for (const arg of PREDEFINED_ARGS) if (arg.scope === 'run') scope.set(arg.name, predefinedDeclaration(arg));
  const parents = stageParents(model);
  const chain: number[] = [];
  for (let s = instruction.stage; s >= 0 && !chain.includes(s); s = parents[s] ?? -1) chain.unshift(s);
  for (const index of chain) {
    for (const declared of model.stages[index]?.instructions ?? []) {
      if (declared === instruction || (index === instruction.stage && declared.range.start.line >= instruction.range.start.line)) break;
      if (declared.name === 'ARG' || declared.name === 'ENV') declare(scope, declared, globals);
    }
  }
  return scope;
}

/**
 * The pairs of an ARG or ENV into `into`. In a stage (`globals` given), `ARG NAME` without a value brings the
 * global ARG NAME into the stage with its default, or, when there is none, the platform ARG the builder sets.
 */
function declare(into: Map<string, VariableDeclaration>, declared: Instruction, globals: Map<string, VariableDeclaration> | undefined): void {
  const kind = declared.name === 'ENV' ? 'ENV' : 'ARG';
  for (const pair of declared.pairs) {
    const name = pair.key.value;
    const declaration: VariableDeclaration = { name, kind, value: pair.value?.value, instruction: declared };
    if (globals && kind === 'ARG' && !pair.value) {
      const global = globals.get(name);
      const platform = predefinedArg(name);
      if (global) declaration.value = global.value;
      else if (platform?.scope === 'global') declaration.predefined = platform;
    }
    into.set(name, declaration);
  }
}

function predefinedDeclaration(arg: PredefinedArgDoc): VariableDeclaration {
  return { name: arg.name, kind: 'predefined', predefined: arg };
}
