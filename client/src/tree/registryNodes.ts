// Pure mapping from what the registries answered to the Registries view's rows: registry -> repositories (a page at
// a time, "Load more" while there are more) -> tags with digest, platforms, size and creation time. No vscode import.
import type { TagDetails } from '../engine/registryManifest';
import type { LoginSource, RegistryEntry } from '../registries/RegistryStore';
import { code, escapeMarkdown, formatAge, formatBytes, isoDate, lines, naturalCollator, plural, section } from '../format/text';
import type { NodeBase } from './nodeModel';

/** What a paged listing holds so far. */
export interface ListState {
  names: string[];
  /** Where the next page starts; undefined when everything is listed. */
  next?: string;
  /** Names the registry sent that are not valid (never shown as rows). */
  rejected: number;
  /** Why the (next) page could not be read. */
  error?: string;
}

export interface RegistryNode extends NodeBase {
  kind: 'registry';
  entry: RegistryEntry;
  loginSource: LoginSource;
  username?: string;
  /** Docker Hub: the namespace whose repositories are listed. */
  namespace?: string;
}

export interface RegistryRepositoryNode extends NodeBase {
  kind: 'registryRepository';
  entry: RegistryEntry;
  repository: string;
}

export interface RegistryTagNode extends NodeBase {
  kind: 'registryTag';
  entry: RegistryEntry;
  repository: string;
  tag: string;
  /** "127.0.0.1:5000/team/app:1.0", "docker.io/user/app:1.0". */
  reference: string;
  details?: TagDetails;
}

/** "Load more": the next page of the parent's listing. */
export interface RegistryMoreNode extends NodeBase {
  kind: 'registryMore';
  parentId: string;
}

/** A line of text under a registry or repository: nothing listed, a failure, names not shown. */
export interface RegistryMessageNode extends NodeBase {
  kind: 'registryMessage';
}

export type RegistryViewNode = RegistryNode | RegistryRepositoryNode | RegistryTagNode | RegistryMoreNode | RegistryMessageNode;

export const registryId = (host: string) => `registry:${host}`;
export const repositoryId = (host: string, repository: string) => `registryRepository:${host}/${repository}`;

export function registryNode(entry: RegistryEntry, login: { source: LoginSource; username?: string }, namespace?: string): RegistryNode {
  const hub = entry.kind === 'hub';
  const user = login.username;
  const who = login.source === 'saved' ? `logged in as ${user}` : login.source === 'docker' ? `${user} (docker login)` : hub ? 'not logged in' : 'no login';
  return {
    kind: 'registry',
    id: registryId(entry.host),
    label: hub ? 'Docker Hub' : entry.host,
    description: [hub && namespace && namespace !== user?.toLowerCase() ? namespace : undefined, who, entry.url.startsWith('http:') && 'http'].filter(Boolean).join(' · '),
    tooltip: section([
      `**${hub ? 'Docker Hub' : escapeMarkdown(entry.host)}**`,
      lines([
        `Address: ${code(entry.url)}`,
        login.source === 'saved' && `Logged in as ${code(user ?? '')} (the login is kept in VS Code's secret storage)`,
        login.source === 'docker' && `Uses the login ${code(user ?? '')} that \`docker login\` saved for this registry`,
        login.source === 'none' && 'No login: only what the registry shows anyone',
        hub && (namespace ? `Lists the repositories of ${code(namespace)}` : 'Log in to list your repositories'),
        entry.url.startsWith('http:') && 'Plain http: a login is sent to it only because it is on this machine',
      ]),
    ]),
    icon: { id: hub ? 'globe' : 'database' },
    contextValue: `registry.${entry.kind}${login.source === 'saved' ? '.loggedIn' : ''}`,
    entry,
    loginSource: login.source,
    ...(user ? { username: user } : {}),
    ...(namespace ? { namespace } : {}),
  };
}

/** Rows after a listing: a failure, names not shown, "Load more", or "No <what>" for an empty, complete list. */
function listTail(parentId: string, list: ListState, what: 'repository' | 'tag'): (RegistryMoreNode | RegistryMessageNode)[] {
  const rows: (RegistryMoreNode | RegistryMessageNode)[] = [];
  if (list.error) rows.push(message(parentId, 'error', list.error, 'warning'));
  if (list.rejected > 0) rows.push(message(parentId, 'rejected', `${plural(list.rejected, 'name')} not shown: not valid ${what} names`, 'warning'));
  if (list.next !== undefined) {
    rows.push({ kind: 'registryMore', id: `registryMore:${parentId}`, label: 'Load more', description: '', tooltip: `List the next ${what === 'repository' ? 'repositories' : 'tags'}`, icon: { id: 'ellipsis' }, contextValue: 'registryMore', parentId });
  } else if (list.names.length === 0 && !list.error) {
    rows.push(message(parentId, 'empty', what === 'repository' ? 'No repositories' : 'No tags', 'info'));
  }
  return rows;
}

function message(parentId: string, key: string, text: string, icon: string): RegistryMessageNode {
  return { kind: 'registryMessage', id: `registryMessage:${parentId}:${key}`, label: text, description: '', tooltip: escapeMarkdown(text), icon: { id: icon }, contextValue: 'registryMessage' };
}

/** A registry's repositories as listed so far. */
export function repositoryNodes(entry: RegistryEntry, list: ListState): (RegistryRepositoryNode | RegistryMoreNode | RegistryMessageNode)[] {
  const repositories = list.names.map(
    (repository): RegistryRepositoryNode => ({
      kind: 'registryRepository',
      id: repositoryId(entry.host, repository),
      label: repository,
      description: '',
      tooltip: code(`${entry.host}/${repository}`),
      icon: { id: 'repo' },
      contextValue: 'registryRepository',
      entry,
      repository,
    }),
  );
  return [...repositories, ...listTail(registryId(entry.host), list, 'repository')];
}

/** The first 12 hex digits of a digest, as the CLI shortens ids. */
const shortDigest = (digest: string) => digest.replace(/^sha(256|512):/, '').slice(0, 12);

/** A repository's tags as listed so far (in natural order: registries list them in any order), each with what its manifest says (or why that could not be read). */
export function tagNodes(
  entry: RegistryEntry,
  repository: string,
  list: ListState,
  details: ReadonlyMap<string, TagDetails | { error: string }>,
  now: number,
): (RegistryTagNode | RegistryMoreNode | RegistryMessageNode)[] {
  const tags = [...list.names].sort((a, b) => naturalCollator.compare(a, b)).map((tag): RegistryTagNode => {
    const reference = `${entry.host}/${repository}:${tag}`;
    const found = details.get(tag);
    const base = { kind: 'registryTag' as const, id: `registryTag:${reference}`, label: tag, contextValue: 'registryTag', entry, repository, tag, reference };
    if (!found) return { ...base, description: '', tooltip: code(reference), icon: { id: 'tag' } };
    if ('error' in found) return { ...base, description: found.error, tooltip: lines([code(reference), escapeMarkdown(found.error)]), icon: { id: 'warning' } };
    return { ...base, description: tagDescription(found, now), tooltip: tagTooltip(reference, found), icon: { id: found.kind === 'index' ? 'layers' : 'tag' }, details: found };
  });
  return [...tags, ...listTail(repositoryId(entry.host, repository), list, 'tag')];
}

/** "0123456789ab · linux/amd64 · 2.15 MB · 3 hours ago"; an index: "index · linux/amd64, linux/arm64 · ...". */
export function tagDescription(details: TagDetails, now: number): string {
  const when = details.created ?? details.pushed;
  return [
    details.digest ? shortDigest(details.digest) : undefined,
    details.kind === 'index' ? 'index' : undefined,
    details.platforms.length > 0 ? details.platforms.join(', ') : 'platform unknown',
    details.size !== undefined ? formatBytes(details.size) : undefined,
    when ? formatAge(Date.parse(when), now) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

function tagTooltip(reference: string, details: TagDetails): string {
  return section([
    `**${escapeMarkdown(reference)}**`,
    lines([
      details.digest && `Digest: ${code(details.digest)}`,
      `Manifest: ${details.kind === 'index' ? 'image index' : 'image'}${details.mediaType ? ` (${code(details.mediaType)})` : ''}`,
      `Platforms: ${details.platforms.length > 0 ? details.platforms.join(', ') : 'unknown'}`,
      details.size !== undefined && `Compressed size: ${formatBytes(details.size)}`,
      details.created && `Created: ${isoDate(Date.parse(details.created))}`,
      details.pushed && `Pushed: ${isoDate(Date.parse(details.pushed))}`,
    ]),
    details.images && details.images.length > 0 && ['Images:', ...details.images.map((i) => `- ${i.platform}: ${code(i.digest)}${i.size !== undefined ? `, ${formatBytes(i.size)}` : ''}`)].join('\n'),
  ]);
}
