// Service counts and device requests:
// - invalid-value (warning): a negative `deploy.replicas` or `scale`, as a number or as text. The Compose
//   Specification's schema sets no minimum for either, so `docker compose config` lets it through, but `up` cannot
//   run a negative number of containers (Compose crashes on it).
// - missing-key (error): a device request under `deploy.resources.reservations.devices` with neither
//   `capabilities` nor `driver`. (The current schema requires `capabilities`; a request with a `driver` alone is not
//   reported, to stay on the safe side of "never an Error on what Compose loads".)
import type { Node } from 'yaml';
import { isMap, isScalar } from '../yamlKinds';
import type { ComposeModel } from '../model';
import { scalarText } from '../model';
import { entryOf, itemsOf, mapOf, type ServiceView } from './services';
import { type ComposeCheck, type Finding, type NodeFinding, toFinding } from './types';

function negative(node: Node | null | undefined): boolean {
  const text = scalarText(node);
  return text !== undefined && /^\s*-\s*\d+\s*$/.test(text) && Number(text.replace(/\s+/g, '')) < 0;
}

function serviceFindings(model: ComposeModel, service: ServiceView): NodeFinding[] {
  const found: NodeFinding[] = [];
  const scale = service.get('scale')?.value;
  if (scale && isScalar(scale) && negative(scale)) {
    found.push({
      code: 'invalid-value',
      message: `"scale" cannot be negative (${scalarText(scale)}): Compose accepts the file but cannot start the service. Give the number of containers to run, 0 or more.`,
      node: scale,
      severity: 'warning',
    });
  }
  const deploy = mapOf(model, service.get('deploy')?.value);
  const replicas = deploy ? entryOf(model, deploy, 'replicas')?.value : undefined;
  if (replicas && negative(replicas)) {
    found.push({
      code: 'invalid-value',
      message: `"deploy.replicas" cannot be negative (${scalarText(replicas)}): Compose accepts the file but cannot start the service. Give the number of containers to run, 0 or more.`,
      node: replicas,
      severity: 'warning',
    });
  }
  const resources = deploy ? mapOf(model, entryOf(model, deploy, 'resources')?.value) : undefined;
  const reservations = resources ? mapOf(model, entryOf(model, resources, 'reservations')?.value) : undefined;
  const devices = reservations ? entryOf(model, reservations, 'devices')?.value : undefined;
  for (const device of itemsOf(model, devices)) {
    if (!isMap(device)) continue;
    if (entryOf(model, device, 'capabilities') || entryOf(model, device, 'driver')) continue;
    found.push({
      code: 'missing-key',
      message: 'This device request has no "capabilities" (nor a "driver"): Compose requires them to pick the devices, e.g. capabilities: [gpu].',
      node: device,
      severity: 'error',
    });
  }
  return found;
}

export const deployRulesCheck: ComposeCheck = ({ model, services }) => {
  const findings: Finding[] = [];
  for (const service of services) {
    if (!service.map) continue;
    for (const found of model.memo(service.map, 'deploy-rules', () => serviceFindings(model, service))) findings.push(toFinding(model, found));
  }
  return findings;
};
