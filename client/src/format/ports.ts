// Ports as `docker ps` shows them, for the Containers view and the commands' messages. Pure, no vscode import.
import type { PortBinding } from '../engine/types';
import { naturalCollator as collator } from './text';

/**
 * Published ports as "127.0.0.1:8080→80/tcp", or "8080→80/tcp" when published on every address; one entry for
 * the IPv4 and IPv6 twins the engine reports for a port published on every address. Sorted by host port.
 */
export function publishedPorts(ports: readonly PortBinding[]): string[] {
  const published = ports
    .filter((p): p is PortBinding & { publicPort: number } => p.publicPort !== undefined)
    .map((p) => ({ ...p, host: isWildcard(p.hostIp) ? '' : p.hostIp ?? '' }))
    .sort((a, b) => a.publicPort - b.publicPort || a.privatePort - b.privatePort || collator.compare(a.protocol, b.protocol) || collator.compare(a.host, b.host));
  const texts = published.map((p) => {
    const host = p.host.includes(':') ? `[${p.host}]` : p.host;
    return `${host ? `${host}:` : ''}${p.publicPort}→${p.privatePort}/${p.protocol}`;
  });
  return [...new Set(texts)];
}

function isWildcard(hostIp: string | undefined): boolean {
  return !hostIp || hostIp === '0.0.0.0' || hostIp === '::';
}
