// What the BuildKit rules share, computed once per model: the global ARGs (with their defaults expanded as
// BuildKit does without --build-arg), each stage's base after expansion and its parent stage (`FROM <stage>`),
// and small position helpers. Built in one pass over the file so that no rule rescans it per instruction.
import { BASE_ENVIRONMENT_VARIABLES, PREDEFINED_ARGS } from '../docs/args';
import type { DockerfileModel, Instruction, Position, Range, Stage } from '../model';
import { closest, editDistance, isTransposition } from '../../util/closest';
import { perModel } from '../../util/perModel';
import { type Expansion, type Lookup, expandWord } from './buildkitExpand';

/** The automatic platform ARGs of the global scope (BuildKit's defaultArgs), with the values of a linux/amd64 build. */
export const PLATFORM_ARG_DEFAULTS: ReadonlyMap<string, string> = new Map([
  ['BUILDPLATFORM', 'linux/amd64'], ['BUILDOS', 'linux'], ['BUILDOSVERSION', ''], ['BUILDARCH', 'amd64'], ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'], ['TARGETOS', 'linux'], ['TARGETOSVERSION', ''], ['TARGETARCH', 'amd64'], ['TARGETVARIANT', ''],
  ['TARGETSTAGE', ''],
]);

/** Predefined ARGs a stage may use without declaring them (proxy and BuildKit settings), and variables the base
 * image or build container normally provides (PATH, HOME ...). Platform ARGs are not among them: in a stage they
 * are empty unless the stage declares `ARG NAME`. */
export const AMBIENT_NAMES: ReadonlySet<string> = new Set([
  ...PREDEFINED_ARGS.filter((a) => a.scope !== 'global').map((a) => a.name),
  ...BASE_ENVIRONMENT_VARIABLES.map((v) => v.name),
]);

/** Names worth suggesting for a misspelt variable besides those a stage declares: what images and the builder
 * usually set (PATH, HOME, HOSTNAME) and the predefined proxy and BuildKit ARGs (not the shell's own variables). */
export const SUGGESTED_NAMES: readonly string[] = [
  ...BASE_ENVIRONMENT_VARIABLES.filter((v) => v.source !== 'shell').map((v) => v.name),
  ...PREDEFINED_ARGS.filter((a) => a.scope !== 'global').map((a) => a.name),
];

/** SBOM switches BuildKit never turns into environment variables. */
export const NON_ENV_ARGS: ReadonlySet<string> = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

export interface StageBase {
  stage: Stage;
  /** The base image word after expanding global ARG defaults; undefined when that fails. */
  base?: string;
  /** That expansion (undefined without an image word). */
  expansion?: Expansion;
  /** Index of the earlier stage this one is built FROM, or -1. */
  parent: number;
  scratch: boolean;
}

export interface BuildkitContext {
  model: DockerfileModel;
  /** Global ARGs that have a value after expansion (BuildKit's meta-arg environment). */
  globalValues: Map<string, string>;
  /** Every global ARG name, with or without a default. */
  globalNames: Set<string>;
  /** Platform defaults plus global ARG values: what FROM expands with. */
  fromLookup: Lookup;
  /** The meta-arg expansion failed (BuildKit then skips InvalidDefaultArgInFrom). */
  globalsFailed: boolean;
  bases: StageBase[];
  /** Every ARG and ENV name declared in a stage, with its first declaration. */
  declaredAnywhere: Map<string, Instruction>;
}

export function buildContext(model: DockerfileModel): BuildkitContext {
  const globalValues = new Map<string, string>();
  const globalNames = new Set<string>();
  let globalsFailed = false;
  const fromLookup: Lookup = (name) => globalValues.get(name) ?? PLATFORM_ARG_DEFAULTS.get(name);
  for (const arg of model.globalArgs) {
    for (const pair of arg.pairs) {
      const name = pair.key.value;
      globalNames.add(name);
      if (!pair.value) continue;
      const expanded = expandWord(pair.value.value, fromLookup, model.escape);
      if (expanded.error) globalsFailed = true;
      globalValues.set(name, expanded.value);
    }
  }
  const declaredAnywhere = new Map<string, Instruction>();
  const bases: StageBase[] = [];
  const stageNames = new Map<string, number>();
  for (const stage of model.stages) {
    const instructions = stage.instructions;
    for (let i = 0; i < instructions.length; i++) {
      const instruction = instructions[i];
      if (instruction.name !== 'ARG' && instruction.name !== 'ENV') continue;
      for (const pair of instruction.pairs) if (!declaredAnywhere.has(pair.key.value)) declaredAnywhere.set(pair.key.value, instruction);
    }
    let base: string | undefined;
    let expansion: Expansion | undefined;
    if (stage.image) {
      expansion = expandWord(stage.image.value, fromLookup, model.escape);
      if (!expansion.error) base = expansion.value;
    }
    const parent = base !== undefined ? stageNames.get(base) ?? -1 : -1;
    bases.push({ stage, base, expansion, parent, scratch: parent < 0 && base === 'scratch' });
    // Later stages find this one by its name, lower-cased as BuildKit stores it.
    if (stage.name && isFromWithName(stage)) stageNames.set(stage.name.value.toLowerCase(), stage.index);
  }
  return { model, globalValues, globalNames, fromLookup, globalsFailed, bases, declaredAnywhere };
}

/**
 * For each stage, the index of the earlier stage it is built FROM, or -1 (as buildContext finds them); once per model,
 * for the providers that scope variables (hover and completion ask on every request).
 */
export const stageParents = perModel((model: DockerfileModel): readonly number[] => buildContext(model).bases.map((base) => base.parent));

/** `FROM image AS name` exactly (BuildKit only names a stage when FROM has three arguments). */
export function isFromWithName(stage: Stage): boolean {
  return stage.from.args.length === 3 && stage.asKeyword !== undefined && stage.name !== undefined;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function within(inner: Range, outer: Range): boolean {
  return comparePositions(inner.start, outer.start) >= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** The declared name `name` was probably meant as ("did you mean ..."): the closest one, or a transposition. */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  // In a name of one or two characters any other letter is another name, not a typo: only the case may be off.
  if (name.length <= 2) return list.find((c) => c !== name && c.toUpperCase() === name.toUpperCase());
  return closest(name, list);
}

/** Stricter than suggestName: so close to a declared name that it is more likely a typo than another variable. */
export function isLikelyTypo(name: string, candidates: Iterable<string>): boolean {
  for (const c of candidates) {
    if (c === name) return false;
    // Every case below needs lengths at most 1 apart (a transposition keeps the length): skip the rest cheaply.
    if (Math.abs(name.length - c.length) > 1) continue;
    const d = editDistance(name, c);
    if (d === 1 || (name.length === c.length && isTransposition(name, c))) return true;
    if (d === 2 && name.length >= 8 && Math.abs(name.length - c.length) <= 1) return true;
  }
  return false;
}
