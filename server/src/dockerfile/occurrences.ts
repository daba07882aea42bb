// One index of every occurrence of every renameable symbol of a Dockerfile: stage names, build variables
// (ARG/ENV with BuildKit's scoping) and heredoc delimiters. Go to definition, references, highlights and rename
// all read it. It is built in one linear pass per model (occurrencesStages.ts, occurrencesVariables.ts); a
// lookup by position is a map access by line plus a look at the few occurrences of that line.
//
// What "one symbol" means:
// - a stage: every stage declared with that name (compared case-insensitively, as BuildKit does) and every
//   place BuildKit reads a stage name: `FROM <stage>`, `COPY --from=<stage>`, `RUN --mount=from=<stage>` for
//   the mount types that take `from` (bind, cache), also in ONBUILD triggers. `ADD --from` is not a stage.
// - a heredoc: its opener word (`<<EOF`: the word EOF only) and its closing line.
// - a variable: see occurrencesVariables.ts.
import type { DockerfileModel, Heredoc, Position, Range } from './model';
import { indexHeredocs, indexStages } from './occurrencesStages';
import { indexVariables, type VariableScopes } from './occurrencesVariables';

export type SymbolKind = 'stage' | 'variable' | 'heredoc';

export interface NamedSymbol {
  kind: SymbolKind;
  /** As first written: the variable name, the stage name of the first declaration, the heredoc delimiter. */
  name: string;
  /** In document order, without duplicates. */
  occurrences: Occurrence[];
  /** A build variable whose name BuildKit predefines (TARGETPLATFORM, HTTP_PROXY, BUILDKIT_* ...). */
  predefined: boolean;
  /**
   * An occurrence of the symbol whose text is not exactly its name (split by a line continuation, quoted,
   * escaped), so that no edit of a range renames it safely; undefined when there is none.
   */
  inexact?: Range;
  /** For a heredoc delimiter: the heredoc. */
  heredoc?: Heredoc;
}

export interface Occurrence {
  /** The name only: `VERSION` of `${VERSION:-1}`, `build` of `--from=build`, `EOF` of `<<"EOF"`. */
  range: Range;
  /** Declares the symbol (`AS name`, ARG/ENV keys, the heredoc opener). */
  declaration: boolean;
  /** undefined for a stage index (`COPY --from=0`), which belongs to no symbol. */
  symbol?: NamedSymbol;
  /** Where go to definition leads from here, when that is not simply the symbol's declarations. */
  targets?: Range[];
  /** `COPY --from=<n>`: the index of the stage. */
  stageIndex?: number;
  /** For variables: the scope the occurrence is read or declared in (-1: the global scope, else a stage index). */
  scope: number;
}

export interface OccurrenceIndex {
  /** Occurrences by line (an occurrence spanning lines is listed under each of them). */
  byLine: ReadonlyMap<number, readonly Occurrence[]>;
  /** Stage symbols by lower-case name. */
  stages: ReadonlyMap<string, NamedSymbol>;
  /** Words in stage positions that are not stages (images, build contexts), lower-cased, with their first range. */
  notStages: ReadonlyMap<string, Range>;
  /** The variable a scope (-1: global, else a stage index) sees under `name` at its end, if any. */
  variable(scope: number, name: string): NamedSymbol | undefined;
}

/**
 * The index of a model. Memoized per model object in a WeakMap: this is a cache of a pure function of a
 * read-only model (entries go away with their models), not module state that changes any answer.
 */
const cache = new WeakMap<DockerfileModel, OccurrenceIndex>();

export function occurrencesOf(model: DockerfileModel): OccurrenceIndex {
  let index = cache.get(model);
  if (!index) {
    index = buildIndex(model);
    cache.set(model, index);
  }
  return index;
}

/**
 * The occurrence at a position (its end counts as inside); the one starting there when two touch. Undefined
 * also for a position a client sent that is not one.
 */
export function occurrenceAt(model: DockerfileModel, position: Position): Occurrence | undefined {
  if (!position || typeof position.line !== 'number' || typeof position.character !== 'number') return undefined;
  const list = occurrencesOf(model).byLine.get(position.line);
  if (!list) return undefined;
  let found: Occurrence | undefined;
  for (const occurrence of list) {
    if (contains(occurrence.range, position)) found = occurrence;
  }
  return found;
}

/** Whether `a` comes strictly before `b`. */
export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** A copy of a model range (the model is shared and read-only; answers belong to the caller). */
export function copyRange(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

function contains(range: Range, position: Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && !(position.character >= start.character)) return false;
  if (position.line === end.line && !(position.character <= end.character)) return false;
  return true;
}

/** A symbol while the index is built: a union-find node (symbols that turn out to be one are joined). */
export interface SymbolNode {
  up?: SymbolNode;
  size: number;
  kind: SymbolKind;
  name: string;
  predefined: boolean;
  inexact?: Range;
  heredoc?: Heredoc;
  symbol?: NamedSymbol;
}

interface Pending {
  range: Range;
  declaration: boolean;
  node?: SymbolNode;
  targets?: Range[];
  stageIndex?: number;
  scope: number;
}

/** Collects occurrences and joins symbols during the pass; finish() gives the index. */
export class IndexBuilder {
  private readonly pending: Pending[] = [];

  constructor(readonly model: DockerfileModel) {}

  node(kind: SymbolKind, name: string, predefined = false): SymbolNode {
    return { size: 1, kind, name, predefined };
  }

  find(node: SymbolNode): SymbolNode {
    let root = node;
    while (root.up) root = root.up;
    let at = node;
    while (at.up && at.up !== root) {
      const next: SymbolNode = at.up;
      at.up = root;
      at = next;
    }
    return root;
  }

  /** Makes `a` and `b` one symbol; the name and flags of the larger side win (the first one on a tie). */
  union(a: SymbolNode, b: SymbolNode): SymbolNode {
    let x = this.find(a);
    let y = this.find(b);
    if (x === y) return x;
    if (x.size < y.size) [x, y] = [y, x];
    y.up = x;
    x.size += y.size;
    x.predefined = x.predefined || y.predefined;
    x.inexact ??= y.inexact;
    return x;
  }

  /**
   * Records an occurrence of `node` at `range` when the text there is exactly `name`; otherwise marks the
   * symbol as not renameable by edits (the occurrence is still listed when its range is usable).
   */
  add(range: Range, name: string, declaration: boolean, node: SymbolNode | undefined, scope: number, targets?: Range[]): void {
    if (node && !this.exact(range, name)) {
      const root = this.find(node);
      root.inexact ??= range;
    }
    this.pending.push({ range, declaration, node, targets, scope });
  }

  /** `COPY --from=<n>`: definition leads to the stage's FROM; nothing to rename. */
  addStageIndex(range: Range, stageIndex: number, target: Range): void {
    this.pending.push({ range, declaration: false, stageIndex, targets: [target], scope: -1 });
  }

  /** Whether the file's text at `range` is `name` (a single-line range). */
  exact(range: Range, name: string): boolean {
    const { start, end } = range;
    if (start.line !== end.line || end.character - start.character !== name.length) return false;
    const line = this.model.lines[start.line];
    return line !== undefined && line.startsWith(name, start.character);
  }

  finish(stages: Map<string, SymbolNode>, notStages: Map<string, Range>, variables: VariableScopes): OccurrenceIndex {
    const list = this.pending;
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const byLine = new Map<number, Occurrence[]>();
    let previous: Occurrence | undefined;
    for (const item of list) {
      if (previous && sameRange(previous.range, item.range)) continue; // the same text reached twice
      const occurrence: Occurrence = { range: item.range, declaration: item.declaration, scope: item.scope };
      if (item.node) {
        const symbol = this.symbolOf(item.node);
        occurrence.symbol = symbol;
        symbol.occurrences.push(occurrence);
      }
      if (item.targets && item.targets.length > 0) occurrence.targets = item.targets;
      if (item.stageIndex !== undefined) occurrence.stageIndex = item.stageIndex;
      for (let line = item.range.start.line; line <= item.range.end.line; line++) {
        const onLine = byLine.get(line);
        if (onLine) onLine.push(occurrence);
        else byLine.set(line, [occurrence]);
      }
      previous = occurrence;
    }
    const stageSymbols = new Map<string, NamedSymbol>();
    for (const [lower, node] of stages) stageSymbols.set(lower, this.symbolOf(node));
    const variable = (scope: number, name: string): NamedSymbol | undefined => {
      const node = variables.lookup(scope, name);
      return node ? this.symbolOf(node) : undefined;
    };
    return { byLine, stages: stageSymbols, notStages, variable };
  }

  symbolOf(node: SymbolNode): NamedSymbol {
    const root = this.find(node);
    if (!root.symbol) {
      root.symbol = { kind: root.kind, name: root.name, occurrences: [], predefined: root.predefined };
      if (root.inexact) root.symbol.inexact = root.inexact;
      if (root.heredoc) root.symbol.heredoc = root.heredoc;
    }
    return root.symbol;
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function buildIndex(model: DockerfileModel): OccurrenceIndex {
  const builder = new IndexBuilder(model);
  const { stages, notStages } = indexStages(model, builder);
  indexHeredocs(model, builder);
  const variables = indexVariables(model, builder);
  return builder.finish(stages, notStages, variables);
}
