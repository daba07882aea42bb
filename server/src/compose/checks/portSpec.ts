// The port syntaxes of Compose: short `[[IP:][HOST]:]CONTAINER[/PROTOCOL]` (ranges `A-B` on either side,
// IPv6 addresses in brackets), the expose form `PORT[-END][/PROTOCOL]`, and single values of the long
// syntax. `${VAR}` / `$VAR` stand for anything: a part that holds one is not judged.

export interface PortRange {
  start: number;
  end: number;
}

export interface PortSpec {
  /** Host IP as written ('' when none); undefined when interpolated. */
  ip?: string;
  /** Published host ports; undefined when none (Compose picks one) or interpolated. */
  host?: PortRange;
  /** The host part is written but interpolated. */
  hostUnknown: boolean;
  container?: PortRange;
  protocol: string;
}

export type PortResult = { ok: true; spec: PortSpec } | { ok: false; reason: string };

const PLACEHOLDER = '\u0001';
export const PROTOCOLS = ['tcp', 'udp', 'sctp'];

/** The text with every `${...}` (nested braces counted) and `$NAME` replaced by one placeholder character. */
export function maskVariables(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    if (text[i + 1] === '$') {
      out += '$';
      i++;
    } else if (text[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      out += PLACEHOLDER;
      i = j;
    } else {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
      out += name ? PLACEHOLDER : '$';
      if (name) i += name[0].length;
    }
  }
  return out;
}

function unknown(part: string): boolean {
  return part.includes(PLACEHOLDER);
}

function show(part: string): string {
  return part.split(PLACEHOLDER).join('${…}');
}

/** `80` or `80-90`; `allowZero` for host ports (0 lets the engine choose). */
export function parseRange(part: string, allowZero: boolean): PortRange | string {
  const match = /^(\d+)(?:-(\d+))?$/.exec(part);
  if (!match) return `"${show(part)}" is not a port number or a range such as 8000-8010`;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  for (const n of [start, end]) {
    if (n > 65535 || (n === 0 && !allowZero)) return `${n} is not a port number (1 to 65535)`;
  }
  if (end < start) return `the range ${part} goes from high to low`;
  return { start, end };
}

export function isIp(text: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) return v4.slice(1).every((n) => Number(n) <= 255);
  if (!text.includes(':') || !/^[0-9A-Fa-f:.]+(%\w+)?$/.test(text)) return false;
  const doubles = text.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = text.replace(/%\w+$/, '').split(':').filter((g) => g !== '');
  return groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g) || isIp(g)) && (doubles === 1 ? groups.length < 8 : groups.length === 8 || groups.some((g) => g.includes('.')));
}

function protocolOf(masked: string): { rest: string; protocol: string } | string {
  const slash = masked.lastIndexOf('/');
  if (slash < 0) return { rest: masked, protocol: 'tcp' };
  const protocol = masked.slice(slash + 1);
  if (!unknown(protocol) && !PROTOCOLS.includes(protocol.toLowerCase())) return `the protocol "${show(protocol)}" is not tcp, udp or sctp`;
  return { rest: masked.slice(0, slash), protocol: protocol.toLowerCase() };
}

/** The short syntax of `ports:`. */
export function parsePortSpec(text: string): PortResult {
  const masked = maskVariables(text.trim());
  if (masked === '') return { ok: false, reason: 'it is empty' };
  const split = protocolOf(masked);
  if (typeof split === 'string') return { ok: false, reason: split };
  let rest = split.rest;
  let ip: string | undefined;
  let parts: string[];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') return { ok: false, reason: 'an IPv6 address in brackets must be followed by ":HOST:CONTAINER"' };
    ip = rest.slice(1, close);
    rest = rest.slice(close + 2);
    parts = rest.split(':');
    if (parts.length !== 2) return { ok: false, reason: 'after the IP address come the host and the container port, "[IP]:HOST:CONTAINER"' };
  } else {
    const all = rest.split(':');
    if (all.length <= 2) parts = all;
    else {
      ip = all.slice(0, -2).join(':');
      parts = all.slice(-2);
    }
  }
  const spec: PortSpec = { hostUnknown: false, protocol: split.protocol };
  if (ip !== undefined) {
    if (unknown(ip)) spec.ip = undefined;
    else if (ip !== '' && !isIp(ip)) return { ok: false, reason: `"${show(ip)}" is not an IP address` };
    else spec.ip = ip;
  } else spec.ip = '';
  const containerPart = parts[parts.length - 1];
  const hostPart = parts.length === 2 ? parts[0] : undefined;
  if (containerPart === '') return { ok: false, reason: 'the container port is missing' };
  if (!unknown(containerPart)) {
    const container = parseRange(containerPart, false);
    if (typeof container === 'string') return { ok: false, reason: container };
    spec.container = container;
  }
  if (hostPart !== undefined && hostPart !== '') {
    if (unknown(hostPart)) spec.hostUnknown = true;
    else {
      const host = parseRange(hostPart, true);
      if (typeof host === 'string') return { ok: false, reason: host };
      spec.host = host;
    }
  }
  const { host, container } = spec;
  if (host && container && container.end !== container.start && host.end - host.start !== container.end - container.start) {
    return { ok: false, reason: `the host range has ${host.end - host.start + 1} ports but the container range has ${container.end - container.start + 1}` };
  }
  return { ok: true, spec };
}

/** An `expose:` entry: a container port or range, with an optional protocol. */
export function parseExpose(text: string): string | undefined {
  const split = protocolOf(maskVariables(text.trim()));
  if (typeof split === 'string') return split;
  if (unknown(split.rest)) return undefined;
  const range = parseRange(split.rest, false);
  return typeof range === 'string' ? range : undefined;
}
