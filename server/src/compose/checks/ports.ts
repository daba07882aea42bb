// invalid-port (ports: short and long syntax, expose:) and duplicate-host-port (one host port + IP +
// protocol published twice: the second container cannot start).
import type { Node } from 'yaml';
import { isMap, isScalar } from '../yamlKinds';
import type { ComposeModel } from '../model';
import { scalarText } from '../model';
import { isIp, maskVariables, parseExpose, parsePortSpec, parseRange, PROTOCOLS, type PortRange } from './portSpec';
import { alwaysTogether, canRunTogether, entryOf, itemsOf, profilesOf, type ServiceView } from './services';
import { type ComposeCheck, type Finding, type NodeFinding, toFinding } from './types';

/** A published host port of a service, as written (kept with the service's block). */
interface PublishedPort {
  ip: string;
  host: PortRange;
  protocol: string;
  container?: PortRange;
  /** The entry (short syntax) or its `published` value (long syntax). */
  node: Node;
}

interface Published extends PublishedPort {
  service: ServiceView;
  profiles: string[];
}

/** What one service's ports and expose say, independent of other services. */
interface ServicePorts {
  problems: NodeFinding[];
  published: PublishedPort[];
}

function invalid(node: Node, text: string, reason: string): NodeFinding {
  return { code: 'invalid-port', message: `Invalid port "${text}": ${reason}.`, node, severity: 'error' };
}

/** One long-syntax entry: checks its values, and returns what it publishes. */
function longPort(model: ComposeModel, item: Node, problems: NodeFinding[]): PublishedPort | undefined {
  const target = entryOf(model, item, 'target');
  if (!target) {
    problems.push({ code: 'invalid-port', message: 'A port in the long syntax needs a "target": the container port.', node: item, severity: 'error' });
    return undefined;
  }
  let bad = false;
  const check = (node: Node | null, text: string | undefined, reason: string | undefined) => {
    if (node && text !== undefined && reason) {
      problems.push(invalid(node, text, reason));
      bad = true;
    }
  };
  const targetText = scalarText(target.value);
  const unknown = (t: string | undefined) => t !== undefined && t !== maskVariables(t);
  let container: PortRange | undefined;
  if (targetText !== undefined && !unknown(targetText)) {
    const parsed = parseRange(targetText, false);
    if (typeof parsed === 'string') check(target.value, targetText, parsed);
    else container = parsed;
  }
  const published = entryOf(model, item, 'published');
  const publishedText = scalarText(published?.value);
  let host: PortRange | undefined;
  if (published && publishedText !== undefined && publishedText !== '' && !unknown(publishedText)) {
    const parsed = parseRange(publishedText, true);
    if (typeof parsed === 'string') check(published.value, publishedText, parsed);
    else host = parsed;
  }
  const hostIp = entryOf(model, item, 'host_ip');
  const ipText = scalarText(hostIp?.value);
  if (hostIp && ipText !== undefined && !unknown(ipText) && !isIp(ipText)) check(hostIp.value, ipText, `"${ipText}" is not an IP address`);
  const protocolEntry = entryOf(model, item, 'protocol');
  const protocol = (scalarText(protocolEntry?.value) ?? 'tcp').toLowerCase();
  if (protocolEntry && !unknown(protocol) && !PROTOCOLS.includes(protocol)) check(protocolEntry.value, protocol, 'the protocol must be tcp, udp or sctp');
  if (bad || !host || unknown(ipText)) return undefined;
  return { ip: ipText ?? '', host, protocol, ...(container ? { container } : {}), node: published!.value! };
}

function servicePorts(model: ComposeModel, service: ServiceView): ServicePorts {
  const problems: NodeFinding[] = [];
  const published: PublishedPort[] = [];
  for (const item of itemsOf(model, service.get('ports')?.value)) {
    if (isMap(item)) {
      const port = longPort(model, item, problems);
      if (port) published.push(port);
      continue;
    }
    const text = scalarText(item);
    if (!isScalar(item) || text === undefined) continue;
    const result = parsePortSpec(text);
    if (!result.ok) {
      problems.push(invalid(item, text, result.reason));
      continue;
    }
    const { ip, host, protocol, container } = result.spec;
    if (ip !== undefined && host) published.push({ ip, host, protocol, ...(container ? { container } : {}), node: item });
  }
  for (const item of itemsOf(model, service.get('expose')?.value)) {
    const text = scalarText(item);
    if (!isScalar(item) || text === undefined) continue;
    const reason = parseExpose(text);
    if (reason) problems.push(invalid(item, text, reason));
  }
  return { problems, published };
}

function isUnspecified(ip: string): boolean {
  return ip === '' || ip === '0.0.0.0' || ip === '::' || ip === '[::]';
}

function overlaps(a: Published, b: Published): boolean {
  if (a.protocol !== b.protocol || !canRunTogether(a.profiles, b.profiles)) return false;
  if (!isUnspecified(a.ip) && !isUnspecified(b.ip) && a.ip !== b.ip) return false;
  return a.host.start <= b.host.end && b.host.start <= a.host.end;
}

function sameMapping(a: Published, b: Published): boolean {
  return a.service === b.service && a.ip === b.ip && a.host.start === b.host.start && a.host.end === b.host.end && a.container?.start === b.container?.start;
}

export const portsCheck: ComposeCheck = ({ model, services }) => {
  const findings: Finding[] = [];
  const published: Published[] = [];
  for (const service of services) {
    if (!service.map) continue;
    const ports = model.memo(service.map, 'ports', () => servicePorts(model, service));
    for (const problem of ports.problems) findings.push(toFinding(model, problem));
    if (ports.published.length === 0) continue;
    const profiles = profilesOf(model, service);
    for (const port of ports.published) published.push({ ...port, service, profiles });
  }
  findings.push(...duplicates(model, published));
  return findings;
};

function duplicates(model: ComposeModel, published: Published[]): Finding[] {
  const findings: Finding[] = [];
  const byPort = new Map<string, Published[]>();
  for (const port of published) {
    if (port.host.start === 0) continue; // the engine picks a free port
    let conflict: Published | undefined;
    const width = port.host.end - port.host.start;
    if (width <= 1024) {
      for (let p = port.host.start; p <= port.host.end && !conflict; p++) {
        conflict = byPort.get(`${port.protocol}/${p}`)?.find((other) => overlaps(other, port) && !sameMapping(other, port));
      }
      for (let p = port.host.start; p <= port.host.end; p++) {
        const key = `${port.protocol}/${p}`;
        const list = byPort.get(key);
        if (list) list.push(port);
        else byPort.set(key, [port]);
      }
    }
    if (!conflict) continue;
    const single = port.host.start === port.host.end && conflict.host.start === conflict.host.end;
    const together = alwaysTogether(port.profiles, conflict.profiles);
    const label = port.host.start === port.host.end ? `${port.host.start}` : `${port.host.start}-${port.host.end}`;
    const ip = isUnspecified(port.ip) ? '' : ` on ${port.ip}`;
    const by = conflict.service === port.service ? 'this service' : `service "${conflict.service.name}"`;
    const line = model.rangeOf(conflict.node).start.line + 1;
    findings.push({
      code: 'duplicate-host-port',
      message: `Host port ${label}/${port.protocol}${ip} is already published by ${by} (line ${line}): ${single && together ? 'the second container will fail to start' : 'the two cannot run at the same time (here when their profiles are enabled)'}.`,
      range: model.rangeOf(port.node),
      severity: single && together ? 'error' : 'warning',
    });
  }
  return findings;
}
