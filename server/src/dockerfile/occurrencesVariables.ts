// The build-variable part of the occurrence index (see occurrences.ts), with BuildKit's scoping:
// - the global scope is the ARGs before the first FROM and every FROM line; those ARGs are seen nowhere else;
// - each stage is a scope of its own; a stage built FROM an earlier stage starts with what that stage set
//   (ENV and ARG), and an `ARG NAME` without a value brings the global ARG NAME into the stage.
//
// "The same symbol", as this index decides it:
// - within one scope, every declaration of NAME (ARG and ENV keys) and every use of NAME (`$NAME`,
//   `${NAME...}` in arguments and flags, in RUN/CMD/ENTRYPOINT shell text, in ONBUILD triggers and in
//   unquoted heredoc bodies) is one symbol: a later `ENV NAME=...` shadows the earlier value but renaming
//   must rename both;
// - a stage-level `ARG NAME` without a value that redeclares a global ARG joins the global's symbol, so that
//   renaming the global renames the redeclaration and its uses, and nothing else;
// - a stage built FROM a parent stage joins the parent's symbol for every name it inherits;
// - a use of NAME in a stage that neither declares nor inherits it has a symbol of its own (one per stage),
//   with no declaration: it does not belong to a global ARG of that name, which the stage cannot see, nor to
//   a declaration later in the stage (`ENV PATH=/opt/bin:$PATH` reads the base image's PATH: an instruction
//   reads the values set before it).
// Go to definition from a use leads to the declaration in force there (the last one before it in its scope
// or inherited); from a stage's `ARG NAME` that redeclares a global, to the global ARG.
import { stageParents } from './checks/buildkitScope';
import { isPredefinedArg } from './docs/args';
import type { DockerfileModel, Instruction, KeyValue, Range } from './model';
import type { IndexBuilder, SymbolNode } from './occurrences';
import { heredocVariables } from './occurrencesStages';

export interface VariableScopes {
  /** The symbol a scope (-1: global, else a stage index) sees under `name` at its end. */
  lookup(scope: number, name: string): SymbolNode | undefined;
}

interface Binding {
  node: SymbolNode;
  /** The declarations a use here reads (none: declared later or not at all). Never changed once made. */
  reach: Range[];
}

interface Scope {
  own: Map<string, Binding>;
  /** The stage this one is built FROM, or -1. */
  parent: number;
}

const NO_RANGES: Range[] = [];

export function indexVariables(model: DockerfileModel, builder: IndexBuilder): VariableScopes {
  const parents = stageParents(model);
  const globals: Scope = { own: new Map(), parent: -1 };
  const stages: Scope[] = [];
  /** The last global ARG declaration of each name. */
  const lastGlobal = new Map<string, Range>();

  const scopeOf = (id: number): Scope | undefined => (id < 0 ? globals : stages[id]);

  /** The binding a scope sees, from its own declarations or from its parent stages (without caching). */
  const find = (scope: Scope, name: string): Binding | undefined => {
    for (let s: Scope | undefined = scope; s; s = s.parent >= 0 ? stages[s.parent] : undefined) {
      const binding = s.own.get(name);
      if (binding) return binding;
    }
    return undefined;
  };

  const use = (scope: Scope, id: number, name: string, range: Range): void => {
    let binding = find(scope, name);
    if (!binding) binding = { node: builder.node('variable', name, isPredefinedArg(name)), reach: NO_RANGES };
    scope.own.set(name, binding); // later uses of the stage find it at once
    builder.add(range, name, false, binding.node, id, binding.reach.length > 0 ? binding.reach : undefined);
  };

  const declare = (scope: Scope, id: number, instruction: Instruction, pair: KeyValue): void => {
    const name = pair.key.value;
    if (name.length === 0) return;
    const range = pair.key.range;
    // A use before any declaration in scope reads something else (the base image's environment, or nothing):
    // `ENV PATH=/opt/bin:$PATH`. It is not this declaration's symbol, so renaming this leaves it alone.
    const found = find(scope, name);
    const binding = found && found.reach.length > 0 ? found : undefined;
    let node: SymbolNode | undefined;
    let targets: Range[] | undefined;
    if (id >= 0 && instruction.name === 'ARG' && !pair.value) {
      const global = lastGlobal.get(name);
      const inherited = scope.parent >= 0 && stages[scope.parent] !== undefined && find(stages[scope.parent], name) !== undefined;
      if (global && !inherited) {
        const globalNode = globals.own.get(name)!.node;
        node = binding ? builder.union(binding.node, globalNode) : globalNode;
        targets = [global];
      }
    }
    node ??= binding?.node ?? builder.node('variable', name, isPredefinedArg(name));
    builder.add(range, name, true, node, id, targets);
    scope.own.set(name, { node, reach: [range] });
    if (id < 0) lastGlobal.set(name, range);
  };

  const uses = (scope: Scope, id: number, top: Instruction): void => {
    for (const reference of top.variables) use(scope, id, reference.name, reference.nameRange);
    if (top.heredocs.length === 0) return;
    let owner = top;
    while (owner.trigger) owner = owner.trigger;
    for (const heredoc of top.heredocs) {
      heredocVariables(model, owner, heredoc, (name, range) => use(scope, id, name, range));
    }
  };

  for (const top of model.instructions) {
    if (top.stage < 0 || top.name === 'FROM') {
      uses(globals, -1, top);
      if (top.name === 'ARG' && top.stage < 0) for (const pair of top.pairs) declare(globals, -1, top, pair);
      if (top.name === 'FROM' && top.stage >= 0) {
        const parent = parents[top.stage] ?? -1;
        stages[top.stage] = { own: new Map(), parent: parent < top.stage ? parent : -1 };
      }
      continue;
    }
    const scope = scopeOf(top.stage) ?? (stages[top.stage] = { own: new Map(), parent: -1 });
    uses(scope, top.stage, top);
    if (top.name === 'ARG' || top.name === 'ENV') for (const pair of top.pairs) declare(scope, top.stage, top, pair);
  }

  return {
    lookup(id: number, name: string): SymbolNode | undefined {
      const scope = scopeOf(id);
      return scope ? find(scope, name)?.node : undefined;
    },
  };
}
