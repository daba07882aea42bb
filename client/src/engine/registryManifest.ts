// What a registry's answers mean, checked: repository and tag names, manifests (Docker v2 and OCI, images and
// indexes) and image configurations, read into what the Registries view shows. Pure, no vscode, no network.
import { createHash } from 'crypto';

/** One page of a listing: the valid names, a cursor for the next page, and how many names were not valid. */
export interface Page {
  names: string[];
  /** Where the next page starts; undefined on the last page. */
  next?: string;
  /** Names the registry listed that are not valid repository or tag names (not shown, never used). */
  rejected: number;
}

/** One image of an index (or the image itself): its platform, digest, compressed size and creation time. */
export interface PlatformImage {
  platform: string;
  digest: string;
  size?: number;
  created?: string;
}

/** What a tag holds, from its manifest and image configuration(s). */
export interface TagDetails {
  repository: string;
  tag: string;
  /** The manifest's digest: the one `docker pull name@digest` takes. */
  digest: string;
  mediaType: string;
  kind: 'image' | 'index';
  /** Compressed size: the layers of the image, or of every image of an index. */
  size?: number;
  /** "linux/amd64", "linux/arm64/v8" ... */
  platforms: string[];
  /** The newest creation time among its images (ISO 8601), when the configuration says. */
  created?: string;
  /** For an index: its images. */
  images?: PlatformImage[];
  /** Docker Hub only: when the tag was last pushed. */
  pushed?: string;
}

export const MANIFEST_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
};
/** The Accept header of a manifest request: every kind this client reads. */
export const MANIFEST_ACCEPT = Object.values(MANIFEST_TYPES).join(', ');

/** distribution's repository name grammar (reference/regexp.go), at most 255 characters. */
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$|^sha512:[0-9a-f]{128}$/;

export const isRepositoryName = (value: unknown): value is string => typeof value === 'string' && value.length <= 255 && REPOSITORY.test(value);
export const isTagName = (value: unknown): value is string => typeof value === 'string' && TAG.test(value);
export const isDigest = (value: unknown): value is string => typeof value === 'string' && DIGEST.test(value);

/** The valid names of a list the registry sent (`repositories` of _catalog, `tags` of tags/list). */
export function checkedNames(list: unknown, valid: (value: unknown) => value is string): { names: string[]; rejected: number } {
  const items = Array.isArray(list) ? list : [];
  const names = items.filter(valid);
  return { names, rejected: items.length - names.length };
}

/** The `last` parameter of a `Link: <...?last=x&n=1>; rel="next"` header, if there is a next page. */
export function nextFromLink(link: string | null): string | undefined {
  if (!link || link.length > 4096) return undefined;
  const match = /<([^>]*)>\s*;\s*rel="?next"?/.exec(link);
  if (!match) return undefined;
  try {
    return new URL(match[1], 'http://registry.invalid').searchParams.get('last') ?? undefined;
  } catch {
    return undefined;
  }
}

export function sha256Of(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

interface Descriptor {
  mediaType?: unknown;
  digest?: unknown;
  size?: unknown;
  platform?: { os?: unknown; architecture?: unknown; variant?: unknown };
}

/** A manifest as JSON: its kind, config, layers or (an index) its images' descriptors. */
export interface ParsedManifest {
  kind: 'image' | 'index';
  mediaType: string;
  configDigest?: string;
  layersSize?: number;
  manifests?: { digest: string; platform: string }[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** "os/architecture[/variant]", or "unknown" when a field is missing or odd. */
export function platformOf(value: { os?: unknown; architecture?: unknown; variant?: unknown } | undefined): string {
  const part = (v: unknown) => (typeof v === 'string' && /^[a-z0-9._-]{1,32}$/i.test(v) ? v : '');
  const os = part(value?.os);
  const arch = part(value?.architecture);
  // BuildKit's attestations sit in indexes as "unknown/unknown": not an image to run.
  if (!os || !arch || os === 'unknown' || arch === 'unknown') return 'unknown';
  const variant = part(value?.variant);
  return variant ? `${os}/${arch}/${variant}` : `${os}/${arch}`;
}

/** Reads a manifest body (Content-Type as the registry said); throws an Error in plain words when it is not one. */
export function parseManifest(body: Buffer, contentType: string | null): ParsedManifest {
  let json: { mediaType?: unknown; schemaVersion?: unknown; config?: Descriptor; layers?: unknown; manifests?: unknown };
  try {
    json = JSON.parse(body.toString('utf8')) as typeof json;
  } catch {
    throw new Error('the manifest is not JSON');
  }
  if (!json || typeof json !== 'object') throw new Error('the manifest is not a JSON object');
  const mediaType = text(json.mediaType) || (contentType ?? '').split(';')[0].trim();
  if (Array.isArray(json.manifests)) {
    const manifests = (json.manifests as Descriptor[])
      .filter((d) => d && isDigest(d.digest))
      // Attestations (BuildKit's "unknown/unknown" entries) are not images to run.
      .map((d) => ({ digest: d.digest as string, platform: platformOf(d.platform) }));
    return { kind: 'index', mediaType: mediaType || MANIFEST_TYPES.ociIndex, manifests };
  }
  if (json.schemaVersion === 1) throw new Error('the manifest is in the old schema 1 format, which this view does not read');
  if (!json.config || !isDigest(json.config.digest) || !Array.isArray(json.layers)) throw new Error('the manifest has no image configuration or layers');
  const layersSize = (json.layers as Descriptor[]).reduce((sum, layer) => sum + (typeof layer?.size === 'number' && layer.size >= 0 ? layer.size : 0), 0);
  return { kind: 'image', mediaType: mediaType || MANIFEST_TYPES.ociManifest, configDigest: json.config.digest as string, layersSize };
}

/** An image configuration's platform and creation time. */
export function parseConfig(body: Buffer): { platform: string; created?: string } {
  let json: { os?: unknown; architecture?: unknown; variant?: unknown; created?: unknown };
  try {
    json = JSON.parse(body.toString('utf8')) as typeof json;
  } catch {
    throw new Error('the image configuration is not JSON');
  }
  const created = typeof json?.created === 'string' && !Number.isNaN(Date.parse(json.created)) ? new Date(json.created).toISOString() : undefined;
  return { platform: platformOf(json ?? undefined), ...(created ? { created } : {}) };
}

/** The newest of some ISO times; undefined when there is none. */
export function newest(times: readonly (string | undefined)[]): string | undefined {
  return times.filter((t): t is string => !!t).sort().at(-1);
}

/** A name the registry or the user gave, quoted and cut for a message. */
export function quotedName(value: unknown): string {
  return JSON.stringify(String(value).slice(0, 80));
}
