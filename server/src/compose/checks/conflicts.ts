// conflicting-keys: keys Compose refuses to see together (or with different values), and keys it ignores
// next to `external: true`.
import type { Node, YAMLMap } from 'yaml';
import type { ComposeModel, MapEntry } from '../model';
import { scalarText } from '../model';
import { entryOf, hasSwarmIntent, itemsOf, mapOf, present, type ServiceView } from './services';
import { type ComposeCheck, type Finding, type NodeFinding, toFinding } from './types';

const CODE = 'conflicting-keys';

/** A conflict on an entry's key; `swarmMessage` when `docker stack deploy` ignores the key (then a warning there). */
interface Conflict extends NodeFinding {
  swarmMessage?: string;
}

function conflict(entry: MapEntry, message: string, severity: Finding['severity'] = 'error'): Conflict {
  return { code: CODE, message, node: entry.keyNode, severity };
}

const SWARM_NOTE = ' (docker stack deploy ignores it, docker compose refuses it)';

/** Bytes of `512m`, `1gb`, `2048` ...; undefined when not a plain size. */
export function parseBytes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([bkmgtp]?)(b|ib)?$/i.exec(text.trim());
  if (!match) return undefined;
  const power = 'bkmgtp'.indexOf((match[2] || 'b').toLowerCase());
  return Math.round(Number(match[1]) * 1024 ** power);
}

function numberOf(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : undefined;
}

/** The entry at a dotted path under a map (aliases resolved, `!reset` dropped). */
function at(model: ComposeModel, map: YAMLMap | undefined, path: string[]): MapEntry | undefined {
  let node: Node | null | undefined = map;
  let entry: MapEntry | undefined;
  for (const key of path) {
    entry = entryOf(model, node, key);
    if (!entry) return undefined;
    node = entry.value;
  }
  return entry;
}

/** A service's own limit key, and where the same limit sits under deploy. */
const LIMIT_PAIRS: [string, string[], (t: string | undefined) => number | undefined][] = [
  ['cpus', ['deploy', 'resources', 'limits', 'cpus'], numberOf],
  ['mem_limit', ['deploy', 'resources', 'limits', 'memory'], parseBytes],
  ['mem_reservation', ['deploy', 'resources', 'reservations', 'memory'], parseBytes],
  ['pids_limit', ['deploy', 'resources', 'limits', 'pids'], numberOf],
];

function serviceConflicts(model: ComposeModel, service: ServiceView): Conflict[] {
  const findings: Conflict[] = [];
  const map = service.map;
  const networkMode = service.get('network_mode');
  const networks = service.get('networks');
  if (networkMode && networks) {
    const [lead, rest] = ['"network_mode" and "networks" cannot be used together', ": a service with network_mode joins none of the project's networks. Remove one of them."];
    findings.push({ ...conflict(networkMode, lead + rest), swarmMessage: lead + SWARM_NOTE + rest });
  }
  const build = mapOf(model, service.get('build')?.value);
  const inline = build ? present(model.get(build, 'dockerfile_inline')) : undefined;
  if (build && inline && present(model.get(build, 'dockerfile'))) {
    findings.push(conflict(inline, '"dockerfile" and "dockerfile_inline" cannot be used together: keep the one that holds the Dockerfile.'));
  }
  const platform = service.get('platform');
  const platforms = build ? present(model.get(build, 'platforms')) : undefined;
  const platformText = scalarText(platform?.value);
  if (platform && platforms && platformText && !platformText.includes('$')) {
    const listed = itemsOf(model, platforms.value).map((item) => scalarText(item));
    if (listed.length > 0 && !listed.some((p) => p === platformText || p?.includes('$'))) {
      findings.push(conflict(platform, `The platform "${platformText}" must be one of "build.platforms" (${listed.join(', ')}).`));
    }
  }
  const scale = service.get('scale');
  const containerName = service.get('container_name');
  // deploy.replicas matters only next to one of these (most services have neither).
  const replicas = scale || containerName ? at(model, map, ['deploy', 'replicas']) : undefined;
  const scaleValue = numberOf(scalarText(scale?.value));
  const replicasValue = numberOf(scalarText(replicas?.value));
  if (scale && replicas && scaleValue !== undefined && replicasValue !== undefined && scaleValue !== replicasValue) {
    findings.push(conflict(scale, `"scale" (${scaleValue}) and "deploy.replicas" (${replicasValue}) must not differ.`));
  }
  const count = scaleValue ?? replicasValue;
  if (containerName && count !== undefined && count > 1) {
    const by = scaleValue !== undefined ? '"scale"' : '"deploy.replicas"';
    const [lead, rest] = [`"container_name" cannot be used with ${by} above 1`, ': every container needs a name of its own.'];
    findings.push({ ...conflict(containerName, lead + rest), swarmMessage: lead + SWARM_NOTE + rest });
  }
  for (const [key, path, parse] of LIMIT_PAIRS) {
    const own = service.get(key);
    if (!own) continue;
    const deploy = at(model, map, path);
    const a = parse(scalarText(own.value));
    const b = parse(scalarText(deploy?.value));
    if (a !== undefined && b !== undefined && a !== b) {
      findings.push(conflict(own, `"${key}" and "${path.join('.')}" are set to different values: set only one of them.`));
    }
  }
  const devices = [
    ...itemsOf(model, at(model, map, ['deploy', 'resources', 'reservations', 'devices'])?.value),
    ...itemsOf(model, service.get('gpus')?.value),
  ];
  for (const device of devices) {
    const ids = entryOf(model, device, 'device_ids');
    if (ids && entryOf(model, device, 'count')) findings.push(conflict(ids, '"count" and "device_ids" cannot be used together: ask for a number of devices or for specific ones.'));
  }
  return findings;
}

const EXCLUSIVE: Record<'secrets' | 'configs', string[]> = { secrets: ['file', 'environment'], configs: ['file', 'environment', 'content'] };

function definitionConflicts(model: ComposeModel, findings: NodeFinding[]): void {
  for (const kind of ['volumes', 'networks', 'secrets', 'configs'] as const) {
    const singular = kind.slice(0, -1);
    for (const definition of model.names[kind].values()) {
      const map = mapOf(model, definition.value);
      if (!map) continue;
      const external = present(model.get(map, 'external'));
      const externalValue = external?.value;
      const externalName = scalarText(entryOf(model, externalValue, 'name')?.value);
      const name = present(model.get(map, 'name'));
      if (external && externalName !== undefined && name && scalarText(name.value) !== externalName) {
        findings.push(conflict(name, `"name" and "external.name" give this ${singular} different names: only use "name".`));
      }
      if (external && scalarText(externalValue) === 'true') {
        for (const entry of model.entries(map)) {
          if (entry.key === 'external' || entry.key === 'name' || entry.key.startsWith('x-') || entry.tag === '!reset') continue;
          const message = `"${entry.key}" cannot be set on an external ${singular}: Compose does not create it, it only uses the existing one.`;
          findings.push(conflict(entry, message, kind === 'volumes' ? 'error' : 'warning'));
        }
      }
      if (kind === 'secrets' || kind === 'configs') {
        const set = EXCLUSIVE[kind].filter((key) => present(model.get(map, key)));
        if (set.length > 1) {
          const second = present(model.get(map, set[1]))!;
          findings.push(conflict(second, `A ${singular} takes only one of ${EXCLUSIVE[kind].map((k) => `"${k}"`).join(', ')}: here both "${set[0]}" and "${set[1]}" are set.`));
        }
      }
    }
  }
}

export const conflictingKeysCheck: ComposeCheck = ({ model, services }) => {
  const findings: Finding[] = [];
  let swarm: boolean | undefined;
  for (const service of services) {
    if (!service.map) continue;
    for (const found of model.memo(service.map, 'conflicts', () => serviceConflicts(model, service))) {
      if (found.swarmMessage && (swarm ??= hasSwarmIntent(model, services))) findings.push(toFinding(model, found, 'warning', found.swarmMessage));
      else findings.push(toFinding(model, found));
    }
  }
  const definitions: NodeFinding[] = [];
  definitionConflicts(model, definitions);
  for (const found of definitions) findings.push(toFinding(model, found));
  return findings;
};
