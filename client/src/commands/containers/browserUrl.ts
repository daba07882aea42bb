// Which address "Open in Browser" opens for a container's published ports: pure, tested in plain Node.
import { isIP } from 'net';
import type { PortBinding } from '../../engine/types';

export interface BrowserTarget {
  /** What the choice shows: "8080 → 80/tcp", or "192.168.1.5:8080 → 80/tcp" on a specific address. */
  label: string;
  /** http://localhost:8080 */
  url: string;
}

/** Addresses that reach the port from this machine as "localhost". */
const LOCAL = new Set(['', '0.0.0.0', '::', '127.0.0.1']);

/** The host part of the URL for a port published on `hostIp`: localhost, the address, or [an IPv6 address]. */
export function browserHost(hostIp: string | undefined): string {
  const ip = hostIp ?? '';
  if (LOCAL.has(ip)) return 'localhost';
  return ip.includes(':') ? `[${ip}]` : ip;
}

/** A port number the engine can publish. */
function isPort(port: number | undefined): boolean {
  return Number.isInteger(port) && port! > 0 && port! <= 65535;
}

/**
 * An address the engine can publish on: none (every address) or an IP address. Anything else (a host name, a URL,
 * text with `/` or `@`) comes from an engine that is not telling the truth, and is no place to open a browser at.
 */
function isAddress(hostIp: string | undefined): boolean {
  return !hostIp || isIP(hostIp) !== 0;
}

/**
 * One target per published TCP port (on an IP address, see isAddress), sorted by host port; the IPv4 and IPv6 twins the engine reports for a port
 * published on every address make one target.
 */
export function browserTargets(ports: readonly PortBinding[]): BrowserTarget[] {
  const published = ports
    .filter((p): p is PortBinding & { publicPort: number } => p.protocol === 'tcp' && isPort(p.publicPort) && isAddress(p.hostIp))
    .map((p) => ({ ...p, host: browserHost(p.hostIp) }))
    .sort((a, b) => a.publicPort - b.publicPort || a.privatePort - b.privatePort || a.host.localeCompare(b.host));
  const targets = new Map<string, BrowserTarget>();
  for (const p of published) {
    const url = `http://${p.host}:${p.publicPort}`;
    const where = p.host === 'localhost' ? '' : `${p.host}:`;
    if (!targets.has(url)) targets.set(url, { label: `${where}${p.publicPort} → ${p.privatePort}/tcp`, url });
  }
  return [...targets.values()];
}
