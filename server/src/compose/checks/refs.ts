// Every place a service refers to a name defined elsewhere in the file: services (depends_on, links,
// extends, network_mode/pid/ipc `service:x`, volumes_from, build.additional_contexts), named volumes,
// networks, secrets and configs. Shared by the undefined-* checks, dependency-cycle and missing-healthcheck.
import type { Node, Scalar } from 'yaml';
import { isMap, isScalar } from '../yamlKinds';
import type { ComposeModel, NameKind, Range } from '../model';
import { scalarText } from '../model';
import { entryOf, itemsOf, mapOf, present, type ServiceView, textOf, valueRange } from './services';

export interface Reference {
  kind: NameKind;
  name: string;
  /** The scalar the name is written in. */
  node: Scalar;
  /** Where the name starts in the scalar's value (`db:alias` -> 0, `service:db` -> 8). */
  index: number;
  /** The key it is written under: depends_on, links, extends, network_mode, pid, ipc, volumes_from, ... */
  via: string;
  /** A start-order dependency (depends_on, links, volumes_from, network_mode, pid, ipc). */
  dependency: boolean;
  /** depends_on long form: `required: false`. */
  optional?: boolean;
  /** depends_on long form: the `condition`. */
  condition?: string;
}

/** The name's own range in this version of the document (a part of the scalar for `db:alias` ...). */
export function referenceRange(model: ComposeModel, reference: Reference): Range {
  return valueRange(model, reference.node, reference.index, reference.name.length);
}

function ref(node: Node, kind: NameKind, via: string, dependency: boolean, name: string, index = 0): Reference | undefined {
  if (!isScalar(node) || name === '' || name.includes('$')) return undefined;
  return { kind, name, node, index, via, dependency };
}

/** `prefix:name` (service:x) → the reference to name. */
function prefixed(node: Node | null | undefined, via: string): Reference | undefined {
  const text = scalarText(node);
  if (!node || !text || !text.startsWith('service:')) return undefined;
  return ref(node, 'services', via, true, text.slice('service:'.length), 'service:'.length);
}

/** A short volume `source:target[:mode]` names a volume when the source is not a path. */
export function namedVolumeSource(spec: string): string | undefined {
  if (/^[A-Za-z]:[\\/]/.test(spec)) return undefined; // a Windows path
  const colon = spec.indexOf(':');
  if (colon <= 0) return undefined; // an anonymous volume (target only)
  const source = spec.slice(0, colon);
  if (/^[./~$\\]/.test(source) || source.includes('/') || source.includes('\\')) return undefined;
  return source;
}

/** The service's references (kept with the service's block from one version to the next). */
export function serviceReferences(model: ComposeModel, service: ServiceView): Reference[] {
  const cache = service as ServiceView & { references?: Reference[] };
  if (!cache.references) cache.references = service.map ? model.memo(service.map, 'references', () => collectReferences(model, service)) : [];
  return cache.references;
}

function collectReferences(model: ComposeModel, service: ServiceView): Reference[] {
  const refs: (Reference | undefined)[] = [];
  const dependsOn = service.get('depends_on')?.value;
  if (dependsOn && isMap(dependsOn)) {
    for (const entry of model.entries(dependsOn)) {
      const r = ref(entry.keyNode, 'services', 'depends_on', true, entry.key);
      if (!r) continue;
      if (textOf(model, entry.value, 'required') === 'false') r.optional = true;
      const condition = textOf(model, entry.value, 'condition');
      if (condition) r.condition = condition;
      refs.push(r);
    }
  } else {
    for (const item of itemsOf(model, dependsOn)) refs.push(ref(item, 'services', 'depends_on', true, scalarText(item) ?? ''));
  }
  for (const item of itemsOf(model, service.get('links')?.value)) {
    const text = scalarText(item) ?? '';
    refs.push(ref(item, 'services', 'links', true, text.split(':')[0]));
  }
  const extendsValue = service.get('extends')?.value;
  if (extendsValue && isScalar(extendsValue)) refs.push(ref(extendsValue, 'services', 'extends', false, scalarText(extendsValue) ?? ''));
  else if (extendsValue && isMap(extendsValue) && !entryOf(model, extendsValue, 'file')) {
    const target = entryOf(model, extendsValue, 'service')?.value;
    if (target) refs.push(ref(target, 'services', 'extends', false, scalarText(target) ?? ''));
  }
  for (const key of ['network_mode', 'pid', 'ipc']) refs.push(prefixed(service.get(key)?.value, key));
  for (const item of itemsOf(model, service.get('volumes_from')?.value)) {
    const text = scalarText(item) ?? '';
    if (text.startsWith('container:')) continue;
    const name = text.startsWith('service:') ? text.slice(8).split(':')[0] : text.split(':')[0];
    refs.push(ref(item, 'services', 'volumes_from', true, name, text.startsWith('service:') ? 8 : 0));
  }
  const build = mapOf(model, service.get('build')?.value);
  if (build) {
    for (const item of itemsOf(model, present(model.get(build, 'secrets'))?.value)) {
      const source = isMap(item) ? entryOf(model, item, 'source')?.value : item;
      if (source) refs.push(ref(source, 'secrets', 'build.secrets', false, scalarText(source) ?? ''));
    }
    const contexts = present(model.get(build, 'additional_contexts'))?.value;
    const contextValues = isMap(contexts) ? model.entries(contexts).map((e) => e.value) : itemsOf(model, contexts);
    for (const value of contextValues) {
      const text = scalarText(value);
      if (!value || !text) continue;
      const inList = !isMap(contexts) && text.includes('=');
      const spec = inList ? text.slice(text.indexOf('=') + 1) : text;
      if (spec.startsWith('service:')) refs.push(ref(value, 'services', 'build.additional_contexts', false, spec.slice(8), text.length - spec.length + 8));
    }
  }
  for (const item of itemsOf(model, service.get('volumes')?.value)) {
    if (isScalar(item)) {
      const source = namedVolumeSource(scalarText(item) ?? '');
      if (source) refs.push(ref(item, 'volumes', 'volumes', false, source));
    } else if (isMap(item)) {
      const type = textOf(model, item, 'type') ?? 'volume';
      const source = entryOf(model, item, 'source')?.value;
      if (type === 'volume' && source) refs.push(ref(source, 'volumes', 'volumes', false, scalarText(source) ?? ''));
    }
  }
  const networks = service.get('networks')?.value;
  if (networks && isMap(networks)) {
    for (const entry of model.entries(networks)) refs.push(ref(entry.keyNode, 'networks', 'networks', false, entry.key));
  } else {
    for (const item of itemsOf(model, networks)) refs.push(ref(item, 'networks', 'networks', false, scalarText(item) ?? ''));
  }
  for (const kind of ['secrets', 'configs'] as const) {
    for (const item of itemsOf(model, service.get(kind)?.value)) {
      const source = isMap(item) ? entryOf(model, item, 'source')?.value : item;
      if (source) refs.push(ref(source, kind, kind, false, scalarText(source) ?? ''));
    }
  }
  return refs.filter((r): r is Reference => r !== undefined);
}
