// conflicting-keys: keys Compose refuses to see together (or with different values), and keys it ignores
// next to `external: true`.
import type { Node, YAMLMap } from 'yaml';
import type { ComposeModel, MapEntry } from '../model';
import { scalarText } from '../model';
import { entryOf, itemsOf, mapOf, present, type ServiceView, textOf } from './services';
import type { ComposeCheck, Finding } from './types';

const CODE = 'conflicting-keys';

function conflict(model: ComposeModel, entry: MapEntry, message: string, severity: Finding['severity'] = 'error'): Finding {
  return { code: CODE, message, range: model.rangeOf(entry.keyNode), severity };
}

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

function serviceConflicts(model: ComposeModel, service: ServiceView, swarm: boolean, findings: Finding[]): void {
  const map = service.map;
  const networkMode = service.get('network_mode');
  const networks = service.get('networks');
  const swarmNote = swarm ? ' (docker stack deploy ignores it, docker compose refuses it)' : '';
  const swarmSeverity: Finding['severity'] = swarm ? 'warning' : 'error';
  if (networkMode && networks) {
    findings.push(conflict(model, networkMode, `"network_mode" and "networks" cannot be used together${swarmNote}: a service with network_mode joins none of the project's networks. Remove one of them.`, swarmSeverity));
  }
  const build = mapOf(model, service.get('build')?.value);
  const inline = build ? present(model.get(build, 'dockerfile_inline')) : undefined;
  if (build && inline && present(model.get(build, 'dockerfile'))) {
    findings.push(conflict(model, inline, '"dockerfile" and "dockerfile_inline" cannot be used together: keep the one that holds the Dockerfile.'));
  }
  const platform = service.get('platform');
  const platforms = build ? present(model.get(build, 'platforms')) : undefined;
  const platformText = scalarText(platform?.value);
  if (platform && platforms && platformText && !platformText.includes('$')) {
    const listed = itemsOf(model, platforms.value).map((item) => scalarText(item));
    if (listed.length > 0 && !listed.some((p) => p === platformText || p?.includes('$'))) {
      findings.push(conflict(model, platform, `The platform "${platformText}" must be one of "build.platforms" (${listed.join(', ')}).`));
    }
  }
  const scale = service.get('scale');
  const replicas = at(model, map, ['deploy', 'replicas']);
  const scaleValue = numberOf(scalarText(scale?.value));
  const replicasValue = numberOf(scalarText(replicas?.value));
  if (scale && replicas && scaleValue !== undefined && replicasValue !== undefined && scaleValue !== replicasValue) {
    findings.push(conflict(model, scale, `"scale" (${scaleValue}) and "deploy.replicas" (${replicasValue}) must not differ.`));
  }
  const containerName = service.get('container_name');
  const count = scaleValue ?? replicasValue;
  if (containerName && count !== undefined && count > 1) {
    const by = scaleValue !== undefined ? '"scale"' : '"deploy.replicas"';
    findings.push(conflict(model, containerName, `"container_name" cannot be used with ${by} above 1${swarmNote}: every container needs a name of its own.`, swarmSeverity));
  }
  const pairs: [string, string[], (t: string | undefined) => number | undefined][] = [
    ['cpus', ['deploy', 'resources', 'limits', 'cpus'], numberOf],
    ['mem_limit', ['deploy', 'resources', 'limits', 'memory'], parseBytes],
    ['mem_reservation', ['deploy', 'resources', 'reservations', 'memory'], parseBytes],
    ['pids_limit', ['deploy', 'resources', 'limits', 'pids'], numberOf],
  ];
  for (const [key, path, parse] of pairs) {
    const own = service.get(key);
    const deploy = at(model, map, path);
    const a = parse(scalarText(own?.value));
    const b = parse(scalarText(deploy?.value));
    if (own && a !== undefined && b !== undefined && a !== b) {
      findings.push(conflict(model, own, `"${key}" and "${path.join('.')}" are set to different values: set only one of them.`));
    }
  }
  const devices = [
    ...itemsOf(model, at(model, map, ['deploy', 'resources', 'reservations', 'devices'])?.value),
    ...itemsOf(model, service.get('gpus')?.value),
  ];
  for (const device of devices) {
    const ids = entryOf(model, device, 'device_ids');
    if (ids && entryOf(model, device, 'count')) findings.push(conflict(model, ids, '"count" and "device_ids" cannot be used together: ask for a number of devices or for specific ones.'));
  }
}

const EXCLUSIVE: Record<'secrets' | 'configs', string[]> = { secrets: ['file', 'environment'], configs: ['file', 'environment', 'content'] };

function definitionConflicts(model: ComposeModel, findings: Finding[]): void {
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
        findings.push(conflict(model, name, `"name" and "external.name" give this ${singular} different names: only use "name".`));
      }
      if (external && scalarText(externalValue) === 'true') {
        for (const entry of model.entries(map)) {
          if (entry.key === 'external' || entry.key === 'name' || entry.key.startsWith('x-') || entry.tag === '!reset') continue;
          const message = `"${entry.key}" cannot be set on an external ${singular}: Compose does not create it, it only uses the existing one.`;
          findings.push(conflict(model, entry, message, kind === 'volumes' ? 'error' : 'warning'));
        }
      }
      if (kind === 'secrets' || kind === 'configs') {
        const set = EXCLUSIVE[kind].filter((key) => present(model.get(map, key)));
        if (set.length > 1) {
          const second = present(model.get(map, set[1]))!;
          findings.push(conflict(model, second, `A ${singular} takes only one of ${EXCLUSIVE[kind].map((k) => `"${k}"`).join(', ')}: here both "${set[0]}" and "${set[1]}" are set.`));
        }
      }
    }
  }
}

export const conflictingKeysCheck: ComposeCheck = ({ model, services }) => {
  const findings: Finding[] = [];
  const swarm = hasSwarmIntent(model, services);
  for (const service of services) serviceConflicts(model, service, swarm, findings);
  definitionConflicts(model, findings);
  return findings;
};
