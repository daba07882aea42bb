// Mount rules Compose enforces when it loads a file:
// - duplicate-mount-target: two mounts of one service (volumes, short or long syntax, and tmpfs) on the same
//   path in the container; Compose refuses the service ("already mounted"). In a file also written for
//   `docker stack deploy`, whose loader lets it through, a warning.
// - a long-syntax bind mount without a source (missing-key) or with an empty one (invalid-value).
// - a negative tmpfs size written as a number (invalid-value; sizes written as text are the schema check's).
import type { Node } from 'yaml';
import { isMap, isScalar } from '../yamlKinds';
import type { ComposeModel } from '../model';
import { scalarText } from '../model';
import { entryOf, hasSwarmIntent, itemsOf, mapOf, type ServiceView } from './services';
import { type ComposeCheck, type Finding, type NodeFinding, toFinding } from './types';

/** The container path of a short volume spec `[source:]target[:mode]`, with Windows drive letters kept whole. */
export function shortVolumeTarget(spec: string): { target: string; index: number } | undefined {
  const parts: string[] = [];
  let rest = spec;
  while (rest.length > 0) {
    // A drive letter (`C:\` or `C:/`) belongs to the part it starts.
    const drive = /^[A-Za-z]:[\\/]/.test(rest) ? 2 : 0;
    const colon = rest.indexOf(':', drive);
    if (colon < 0) {
      parts.push(rest);
      break;
    }
    parts.push(rest.slice(0, colon));
    rest = rest.slice(colon + 1);
  }
  const target = parts.length === 1 ? parts[0] : parts[1];
  return target ? { target, index: parts.length === 1 ? 0 : parts[0].length + 1 } : undefined;
}

/** Two ways of writing one path compare equal: trailing slashes dropped. */
function normalTarget(target: string): string {
  const trimmed = target.trim();
  return trimmed.length > 1 ? trimmed.replace(/[\\/]+$/, '') || trimmed : trimmed;
}

interface Mount {
  target: string;
  node: Node;
  part?: [number, number];
  what: string;
}

function tmpfsMounts(model: ComposeModel, service: ServiceView): Mount[] {
  const value = service.get('tmpfs')?.value;
  const items = itemsOf(model, value);
  const nodes = items.length > 0 ? items : value && isScalar(value) ? [value] : [];
  const mounts: Mount[] = [];
  for (const node of nodes) {
    const text = scalarText(node);
    if (!text) continue;
    const target = text.split(':')[0];
    if (target) mounts.push({ target, node, part: [0, target.length], what: 'a tmpfs' });
  }
  return mounts;
}

function volumeMounts(model: ComposeModel, service: ServiceView, found: NodeFinding[]): Mount[] {
  const mounts: Mount[] = [];
  for (const item of itemsOf(model, service.get('volumes')?.value)) {
    if (isScalar(item)) {
      const text = scalarText(item);
      const spec = text ? shortVolumeTarget(text) : undefined;
      if (!text || !spec) continue;
      const source = spec.index > 0 ? text.slice(0, spec.index - 1) : '';
      const what = !source ? 'an anonymous volume' : /^[./~\\]|^[A-Za-z]:[\\/]|^\$/.test(source) ? 'a bind mount' : 'a volume';
      mounts.push({ target: spec.target, node: item, part: [spec.index, spec.target.length], what });
      continue;
    }
    if (!isMap(item)) continue;
    const type = scalarText(entryOf(model, item, 'type')?.value);
    const targetEntry = entryOf(model, item, 'target');
    const target = scalarText(targetEntry?.value);
    if (target && targetEntry?.value) mounts.push({ target, node: targetEntry.value, what: type === 'tmpfs' ? 'a tmpfs' : type === 'bind' ? 'a bind mount' : 'a volume' });
    if (type === 'bind') {
      const source = entryOf(model, item, 'source');
      if (!source) {
        const typeNode = entryOf(model, item, 'type')!.value!;
        found.push({ code: 'missing-key', message: 'A bind mount needs a "source": the path on the host to mount. Compose refuses a bind mount without one.', node: typeNode, severity: 'error' });
      } else if (source.value && scalarText(source.value)?.trim() === '') {
        found.push({ code: 'invalid-value', message: 'The "source" of this bind mount is empty: Compose refuses a bind mount without a host path.', node: source.value, severity: 'error' });
      }
    }
    if (type === 'tmpfs') {
      const size = entryOf(model, mapOf(model, entryOf(model, item, 'tmpfs')?.value), 'size');
      if (size?.value && isScalar(size.value) && typeof size.value.value === 'number' && size.value.value < 0) {
        found.push({ code: 'invalid-value', message: `A tmpfs size cannot be negative (${scalarText(size.value)}): give a size in bytes, or a number with a unit such as 64m.`, node: size.value, severity: 'error' });
      }
    }
  }
  return mounts;
}

/** Where the swarm note goes in the message (see mountsCheck). */
const SWARM = '\u0000';

function serviceFindings(model: ComposeModel, service: ServiceView): NodeFinding[] {
  const found: NodeFinding[] = [];
  // In text order, so that the later of two mounts is the one reported.
  const mounts = [...tmpfsMounts(model, service), ...volumeMounts(model, service, found)].sort((a, b) => model.offsetsOf(a.node)[0] - model.offsetsOf(b.node)[0]);
  const seen = new Map<string, Mount>();
  for (const mount of mounts) {
    const key = normalTarget(mount.target);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, mount);
      continue;
    }
    found.push({
      code: 'duplicate-mount-target',
      message: `"${mount.target}" is already mounted in this service (${first.what}, line ${model.rangeOf(first.node).start.line + 1}): Compose refuses two mounts on the same container path${SWARM}. Remove one or mount it elsewhere.`,
      node: mount.node,
      ...(mount.part ? { part: mount.part } : {}),
      severity: 'error',
    });
  }
  return found;
}

export const mountsCheck: ComposeCheck = ({ model, services }) => {
  const findings: Finding[] = [];
  let swarm: boolean | undefined;
  for (const service of services) {
    if (!service.map) continue;
    for (const found of serviceFindings(model, service)) {
      if (found.code === 'duplicate-mount-target' && (swarm ??= hasSwarmIntent(model, services))) {
        findings.push(toFinding(model, found, 'warning', found.message.replace(SWARM, ' (docker stack deploy lets it through)')));
      } else findings.push(toFinding(model, found, found.severity, found.message.replace(SWARM, '')));
    }
  }
  return findings;
};
