// Which Compose values name something defined elsewhere in the file (a service, volume, network, secret
// or config), by key path. Shared by completion and hover.
import type { NameKind } from './model';

type Path = readonly (string | number)[];

/**
 * The kind of name a value at `path` refers to, for values written as the whole scalar (or as a map key of
 * `depends_on` / service `networks`). `network_mode: service:x` and `volumes_from` are handled by the caller.
 */
export function referenceKind(path: Path, position: 'value' | 'key'): NameKind | undefined {
  if (path[0] !== 'services' || path.length < 3) return undefined;
  const [, , key, a, b] = path;
  const keyPosition = position === 'key';
  switch (key) {
    case 'depends_on':
    case 'links':
      // depends_on: [db] (item value), depends_on: { db: ... } (map key), links: [db:alias]
      return (typeof a === 'number' && b === undefined && !keyPosition) || (typeof a === 'string' && b === undefined && keyPosition) ? 'services' : undefined;
    case 'extends':
      return a === 'service' && !keyPosition ? 'services' : undefined;
    case 'networks':
      return (typeof a === 'number' && !keyPosition) || (typeof a === 'string' && b === undefined && keyPosition) ? 'networks' : undefined;
    case 'secrets':
    case 'configs':
      return (typeof a === 'number' && (b === undefined || b === 'source') && !keyPosition) ? key : undefined;
    case 'volumes':
      return typeof a === 'number' && b === 'source' && !keyPosition ? 'volumes' : undefined;
    default:
      return undefined;
  }
}
