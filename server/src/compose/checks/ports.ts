// invalid-port (ports: short and long syntax, expose:) and duplicate-host-port (one host port + IP +
// protocol published twice: the second container cannot start).
import type { Node } from 'yaml';
import { isMap, isScalar } from 'yaml';
import type { Range } from '../model';
import { scalarText } from '../model';
import { isIp, maskVariables, parseExpose, parsePortSpec, parseRange, PROTOCOLS, type PortRange } from './portSpec';
import { alwaysTogether, canRunTogether, entryOf, itemsOf, profilesOf, type ServiceView } from './services';
import type { ComposeCheck, ComposeCheckContext, Finding } from './types';

interface Published {
  service: ServiceView;
  profiles: string[];
  ip: string;
  host: PortRange;
  protocol: string;
  container?: PortRange;
  range: Range;
}

function invalid(range: Range, text: string, reason: string): Finding {
  return { code: 'invalid-port', message: `Invalid port "${text}": ${reason}.`, range, severity: 'error' };
}

/** One long-syntax entry: checks its values, and returns what it publishes. */
function longPort(context: ComposeCheckContext, item: Node, findings: Finding[]): Omit<Published, 'service' | 'profiles'> | undefined {
  const { model } = context;
  const target = entryOf(model, item, 'target');
  if (!target) {
    findings.push({ code: 'invalid-port', message: 'A port in the long syntax needs a "target": the container port.', range: model.rangeOf(item), severity: 'error' });
    return undefined;
  }
  let bad = false;
  const check = (node: Node | null, text: string | undefined, reason: string | undefined) => {
    if (node && text !== undefined && reason) {
      findings.push(invalid(model.rangeOf(node), text, reason));
      bad = true;
    }
  };
  const targetText = scalarText(target.value);
  const masked = (t: string | undefined) => (t === undefined ? undefined : maskVariables(t));
  const unknown = (t: string | undefined) => t !== undefined && t !== maskVariables(t);
  let container: PortRange | undefined;
  if (targetText !== undefined && !unknown(targetText)) {
    const parsed = parseRange(masked(targetText)!, false);
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
  return { ip: ipText ?? '', host, protocol, ...(container ? { container } : {}), range: model.rangeOf(published!.value!) };
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

export const portsCheck: ComposeCheck = (context) => {
  const { model, services } = context;
  const findings: Finding[] = [];
  const published: Published[] = [];
  for (const service of services) {
    const profiles = profilesOf(model, service);
    for (const item of itemsOf(model, service.get('ports')?.value)) {
      if (isMap(item)) {
        const port = longPort(context, item, findings);
        if (port) published.push({ ...port, service, profiles });
        continue;
      }
      const text = scalarText(item);
      if (!isScalar(item) || text === undefined) continue;
      const result = parsePortSpec(text);
      if (!result.ok) {
        findings.push(invalid(model.rangeOf(item), text, result.reason));
        continue;
      }
      const { ip, host, protocol, container } = result.spec;
      if (ip !== undefined && host) published.push({ service, profiles, ip, host, protocol, ...(container ? { container } : {}), range: model.rangeOf(item) });
    }
    for (const item of itemsOf(model, service.get('expose')?.value)) {
      const text = scalarText(item);
      if (!isScalar(item) || text === undefined) continue;
      const reason = parseExpose(text);
      if (reason) findings.push(invalid(model.rangeOf(item), text, reason));
    }
  }
  findings.push(...duplicates(published));
  return findings;
};

function duplicates(published: Published[]): Finding[] {
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
    const line = conflict.range.start.line + 1;
    findings.push({
      code: 'duplicate-host-port',
      message: `Host port ${label}/${port.protocol}${ip} is already published by ${by} (line ${line}): ${single && together ? 'the second container will fail to start' : 'the two cannot run at the same time (here when their profiles are enabled)'}.`,
      range: port.range,
      severity: single && together ? 'error' : 'warning',
    });
  }
  return findings;
}
