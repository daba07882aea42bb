// The URIs of container files: docker-container://<engine-key>/<container-id>/<path inside the container>. Pure.
//
// The engine is named by a key (a hash of the address the extension connected to), never by an address: a URI
// that a workspace or a link crafts cannot make the extension talk to an engine the user did not choose. A URI
// whose key is not that of the engine the views use now is refused.
import { createHash } from 'crypto';
import { isContainerId } from '../engine/validate';

export const CONTAINER_FILES_SCHEME = 'docker-container';

/** The key of an engine address, as URIs carry it. */
export function engineKey(endpointUrl: string): string {
  return createHash('sha256').update(endpointUrl).digest('hex').slice(0, 16);
}

/** The URI path of a file: "/<container id><absolute path>" ("/<id>/" for the root folder). */
export function uriPath(containerId: string, file: string): string {
  return `/${containerId}${file.startsWith('/') ? file : `/${file}`}`;
}

export type ParsedUri = { containerId: string; path: string } | { problem: string };

/** The container and the path inside it that a URI names, when it names them for the engine of `currentKey`. */
export function parseUri(authority: string, uriPathText: string, currentKey: string | undefined): ParsedUri {
  if (currentKey === undefined) return { problem: 'No Docker engine is connected.' };
  if (authority !== currentKey) return { problem: 'This file belongs to another Docker engine than the one the views use now.' };
  const match = /^\/([^/]+)(\/.*)?$/.exec(uriPathText);
  if (!match || !isContainerId(match[1])) return { problem: 'The address does not name a container.' };
  const file = match[2] ?? '/';
  const normalized = file.length > 1 ? file.replace(/\/+$/, '') : file;
  if (normalized.split('/').some((part) => part === '..' || part === '.')) return { problem: 'A path inside a container may not hold "." or "..".' };
  return { containerId: match[1], path: normalized || '/' };
}
