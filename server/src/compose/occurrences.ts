// One index of every occurrence of every name a Compose file declares or refers to: services, volumes,
// networks, secrets, configs (declared under the top-level maps, referred to by services: see checks/refs.ts)
// and YAML anchors with their aliases. Go to definition, references, highlights and rename all read it. It is
// built in one linear pass per model and cached per model object, and what each service refers to is kept with
// the service's block from one version of the document to the next (model.memo), so that after an edit only
// the offsets are read again (occurrencesBlocks.ts). A lookup by position is a binary search over the
// occurrences in text order.
//
// What is an occurrence:
// - a declaration: the key of a name under `services:`, `volumes:`, `networks:`, `secrets:`, `configs:`;
// - a reference a service makes (refs.ts: depends_on, links, extends, network_mode/pid/ipc `service:x`,
//   volumes_from, build.secrets, build.additional_contexts `service:x`, named volumes, networks, secrets,
//   configs), plus `extends: { file, service }`, whose service is declared in that other file;
// - `&anchor` and `*alias` (including `<<: *alias`), bound as YAML binds them (to the last anchor of the
//   name before the alias).
// Never: a value containing `$` (interpolation builds the name only when Compose runs), a volume source that
// is a host path, `container:x`, or any other plain value that happens to equal a name.
import type { Node } from 'yaml';
import type { ComposeModel, NameKind, Position, Range } from './model';
import { NAME_KINDS } from './model';
import { indexBlocks, nameKey, nameOccurrence } from './occurrencesBlocks';

export { isHostPath, nameKey, unboundAliasKey } from './occurrencesBlocks';

export type OccurrenceKind = NameKind | 'anchor';

export interface Occurrence {
  kind: OccurrenceKind;
  /** The name as Compose (or YAML, for anchors) reads it. */
  name: string;
  /**
   * Offsets of the name's characters only in the text: `db` of `db:alias`, of `service:db`, of `"db"`; `x` of
   * `&x` / `*x`. See `occurrenceRange`.
   */
  start: number;
  end: number;
  /** The key under `services:` ..., or the `&anchor`. */
  declaration: boolean;
  /** The text from `start` to `end` is exactly the name, so that replacing it renames it (not so with escapes). */
  exact: boolean;
  /** The key the reference is written under (depends_on, links, volumes ...); 'declaration' / 'anchor' / 'alias'. */
  via: string;
  /** Identifies the symbol inside this file: `kind\nname`; for anchors also which anchor of that name. */
  key: string;
  /** `extends: { file, service }`: the file as written (the service is declared there). */
  file?: string;
  /** The scalar (or alias) the name is written in. */
  node: Node;
  /** The name is one part of a longer value (`db:ro`, `service:db`, `data:/var/lib/data`). */
  partial: boolean;
  /** Written as a plain (unquoted) scalar. */
  plain: boolean;
}

export interface OccurrenceIndex {
  /** Every occurrence, in text order (by `start`). */
  all: readonly Occurrence[];
  /** Occurrences by `key`, in text order; `extends` with a `file` is not among them (see `fileRefs`). */
  byKey: ReadonlyMap<string, readonly Occurrence[]>;
  /** `extends: { file, service }` references, in text order. */
  fileRefs: readonly Occurrence[];
}

/** The LSP range of an occurrence of the model. */
export function occurrenceRange(model: ComposeModel, o: Occurrence): Range {
  return { start: model.positionAt(o.start), end: model.positionAt(o.end) };
}

/**
 * The index of a model. Memoized per model object in a WeakMap: a cache of a pure function of a read-only
 * model (entries go away with their models), not module state that changes any answer.
 */
const cache = new WeakMap<ComposeModel, OccurrenceIndex>();

export function occurrencesOf(model: ComposeModel): OccurrenceIndex {
  let index = cache.get(model);
  if (!index) {
    index = buildIndex(model);
    cache.set(model, index);
  }
  return index;
}

/**
 * The occurrence at a position (its end counts as inside; the one starting there when two touch). Undefined
 * for a position that is not one.
 */
export function occurrenceAt(model: ComposeModel, position: Position): Occurrence | undefined {
  if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) return undefined;
  if (position.line < 0 || position.line >= model.lineCount || position.character < 0) return undefined;
  const offset = model.offsetAt(position);
  const all = occurrencesOf(model).all;
  let low = 0;
  let high = all.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (all[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  const o = found >= 0 ? all[found] : undefined;
  return o && offset <= o.end ? o : undefined;
}

function buildIndex(model: ComposeModel): OccurrenceIndex {
  const found: Occurrence[] = [];
  for (const kind of NAME_KINDS) {
    for (const definition of model.names[kind].values()) {
      const o = nameOccurrence(model, { kind, name: definition.name, key: nameKey(kind, definition.name), node: definition.key, index: 0, via: 'declaration', partial: false }, true);
      if (o) found.push(o);
    }
  }
  indexBlocks(model, found);
  found.sort((a, b) => a.start - b.start);
  const all: Occurrence[] = [];
  const byKey = new Map<string, Occurrence[]>();
  const fileRefs: Occurrence[] = [];
  for (const o of found) {
    if (all.length > 0 && all[all.length - 1].start === o.start) continue; // a merged anchor, read by each service merging it
    all.push(o);
    if (o.file !== undefined) {
      fileRefs.push(o);
      continue;
    }
    const list = byKey.get(o.key);
    if (list) list.push(o);
    else byKey.set(o.key, [o]);
  }
  return { all, byKey, fileRefs };
}
