// Helpers the checks share: services with their effective keys, resolved items and maps, profiles, and
// the range of a part of a scalar's value.
import type { Node, Scalar, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from '../yamlKinds';
import type { ComposeModel, MapEntry, NameDefinition, Range } from '../model';
import { scalarText } from '../model';

export interface ServiceView {
  name: string;
  definition: NameDefinition;
  /** The service's map; undefined when the service's value is empty or not a map. */
  map?: YAMLMap;
  /** An effective key of the service (merges applied); undefined when absent or set to `!reset`. */
  get(key: string): MapEntry | undefined;
}

export function serviceViews(model: ComposeModel): ServiceView[] {
  const views: ServiceView[] = [];
  for (const definition of model.names.services.values()) {
    const map = definition.value && isMap(definition.value) ? definition.value : undefined;
    views.push({
      name: definition.name,
      definition,
      ...(map ? { map } : {}),
      get: (key) => (map ? present(model.get(map, key)) : undefined),
    });
  }
  return views;
}

/** The entry unless it is missing or `!reset`. */
export function present(entry: MapEntry | undefined): MapEntry | undefined {
  return entry && entry.tag !== '!reset' && entry.value !== null ? entry : undefined;
}

/** The node as a map (aliases resolved), or undefined. */
export function mapOf(model: ComposeModel, node: Node | null | undefined): YAMLMap | undefined {
  const resolved = model.resolve(node);
  return resolved && isMap(resolved) ? resolved : undefined;
}

/** The items of a sequence (aliases resolved, empty items left out); [] for anything else. */
export function itemsOf(model: ComposeModel, node: Node | null | undefined): Node[] {
  const resolved = model.resolve(node);
  if (!resolved || !isSeq(resolved)) return [];
  const items: Node[] = [];
  for (const item of resolved.items) {
    const value = model.resolve(item as Node);
    if (value && !(isScalar(value) && value.value === null)) items.push(value);
  }
  return items;
}

/** An effective key of a map value (aliases resolved, `!reset` dropped). */
export function entryOf(model: ComposeModel, node: Node | null | undefined, key: string): MapEntry | undefined {
  const map = mapOf(model, node);
  return map ? present(model.get(map, key)) : undefined;
}

/** The scalar text of an effective key of a map value. */
export function textOf(model: ComposeModel, node: Node | null | undefined, key: string): string | undefined {
  return scalarText(entryOf(model, node, key)?.value);
}

export function profilesOf(model: ComposeModel, service: ServiceView): string[] {
  return itemsOf(model, service.get('profiles')?.value)
    .map((item) => scalarText(item))
    .filter((p): p is string => p !== undefined);
}

/** Two services may run together: one of them has no profiles (it always runs), or they share one. */
export function canRunTogether(a: string[], b: string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((p) => b.includes(p));
}

/** Two services always run together: neither has profiles, or they share one. */
export function alwaysTogether(a: string[], b: string[]): boolean {
  if (a.length === 0 && b.length === 0) return true;
  return a.some((p) => b.includes(p));
}

/**
 * The range of `length` characters at `index` of a scalar's value. Exact for plain and quoted scalars on
 * one line without escapes; otherwise the text is looked up in the source, and failing that the whole
 * scalar's range is used.
 */
export function valueRange(model: ComposeModel, scalar: Scalar, index: number, length: number): Range {
  const [start, end] = model.offsetsOf(scalar);
  const source = model.text.slice(start, end);
  const value = typeof scalar.value === 'string' ? scalar.value : String(scalar.source ?? scalar.value);
  const part = value.slice(index, index + length);
  let at = -1;
  if (!source.includes('\n')) {
    if (scalar.type === 'PLAIN' && source.startsWith(value)) at = start + index;
    else if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') {
      if (source.slice(1, 1 + value.length) === value) at = start + 1 + index;
    }
  }
  if (at < 0 && part.length > 0) {
    // The n-th occurrence of the part in the value is taken to be its n-th occurrence in the source.
    let n = 0;
    for (let i = value.indexOf(part); i >= 0 && i < index; i = value.indexOf(part, i + 1)) n++;
    let found = source.indexOf(part);
    while (found >= 0 && n > 0) {
      found = source.indexOf(part, found + 1);
      n--;
    }
    if (found >= 0) at = start + found;
  }
  if (at < 0) return model.rangeOf(scalar);
  return { start: model.positionAt(at), end: model.positionAt(at + part.length) };
}

/**
 * The file is (also) written for `docker stack deploy`: a service uses swarm-only deploy settings or a
 * network uses the overlay driver. Swarm ignores container_name and network_mode, so what Compose refuses
 * about them is only a warning there.
 */
export function hasSwarmIntent(model: ComposeModel, services: readonly ServiceView[]): boolean {
  for (const service of services) {
    const deploy = mapOf(model, service.get('deploy')?.value);
    if (deploy && ['mode', 'placement', 'update_config', 'rollback_config', 'endpoint_mode'].some((k) => present(model.get(deploy, k)))) return true;
  }
  for (const network of model.names.networks.values()) if (textOf(model, network.value, 'driver') === 'overlay') return true;
  return false;
}
