// The web page of an image's repository on the public registries that have one at a predictable address.
// Shared by the Dockerfile and Compose document links. Pure.
import { referenceProblem, splitDockerDomain, splitReference } from '../../../common/src/imageReference';

/** The hosts that serve Docker Hub's repositories. */
const HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export interface RegistryPage {
  url: string;
  /** The site's name for the tooltip, e.g. "Docker Hub". */
  site: string;
}

/**
 * The web page of a repository (`[host/]path`, no tag or digest), for the registries that have public pages
 * at a predictable address; undefined for other hosts (private registries, localhost, registries whose pages
 * need a sign-in such as gcr.io and *.pkg.dev).
 */
export function registryPage(repository: string): RegistryPage | undefined {
  const split = splitDockerDomain(repository);
  const domain = split.domain.toLowerCase();
  const remainder = split.remainder;
  const parts = remainder.split('/');
  if (parts.some((part) => part === '')) return undefined;
  if (HUB_HOSTS.has(domain)) {
    if (parts.length === 1) return { url: `https://hub.docker.com/_/${parts[0]}`, site: 'Docker Hub' };
    if (parts.length !== 2) return undefined; // Hub has only `namespace/name`.
    const url = parts[0] === 'library' ? `https://hub.docker.com/_/${parts[1]}` : `https://hub.docker.com/r/${parts[0]}/${parts[1]}`;
    return { url, site: 'Docker Hub' };
  }
  switch (domain) {
    case 'ghcr.io':
      // A browser that opens an image's address on ghcr.io is sent on to the package's page on GitHub, which
      // lives under /users/ or /orgs/ depending on the owner (a difference the reference cannot tell).
      return parts.length >= 2 ? { url: `https://ghcr.io/${remainder}`, site: 'GitHub Packages' } : undefined;
    case 'quay.io':
      return parts.length >= 2 ? { url: `https://quay.io/repository/${remainder}`, site: 'Quay' } : undefined;
    case 'mcr.microsoft.com':
      return { url: `https://mcr.microsoft.com/artifact/mar/${remainder}`, site: 'Microsoft Artifact Registry' };
    case 'public.ecr.aws':
      return parts.length >= 2 ? { url: `https://gallery.ecr.aws/${remainder}`, site: 'Amazon ECR Public Gallery' } : undefined;
    default:
      return undefined;
  }
}

/**
 * The page of the repository an image reference names, with that repository (the reference's leading part,
 * without tag or digest); undefined for references with variables, `scratch`, invalid references, bare ids
 * and digests, and repositories without a page.
 */
export function imagePage(reference: string): { repository: string; page: RegistryPage } | undefined {
  if (reference.length > 512 || reference.includes('$') || reference.toLowerCase() === 'scratch') return undefined;
  if (referenceProblem(reference) !== undefined) return undefined; // also excludes bare image ids and `@digest` alone
  if (/^[a-z0-9]+:[a-f0-9]{32,}$/.test(reference)) return undefined; // `sha256:<hex>`: a digest, not `repository:tag`
  const { repository } = splitReference(reference);
  const page = registryPage(repository);
  return page ? { repository, page } : undefined;
}
