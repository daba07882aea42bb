import * as vscode from 'vscode';
import type { CreateTreeView } from '../activation/registrar';
import type { RegistryApi } from '../engine/registryClient';
import { RegistryError } from '../engine/registryHttp';
import type { TagDetails } from '../engine/registryManifest';
import type { RegistryEntry, RegistryStore } from '../registries/RegistryStore';
import type { NodeBase } from './nodeModel';
import {
  registryId,
  registryNode,
  repositoryId,
  repositoryNodes,
  tagNodes,
  type ListState,
  type RegistryMoreNode,
  type RegistryNode,
  type RegistryViewNode,
} from './registryNodes';

export const REGISTRIES_VIEW_ID = 'dockerWorkflows.registries';
/** Tags whose manifests are read at the same time. */
const DETAILS_AT_ONCE = 4;

/** A failure in the words the view shows (without the registry's name, which the row above shows). */
function reasonOf(error: unknown): string {
  if (error instanceof RegistryError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The Registries view: Docker Hub and the registries the user added, each with its repositories (a page at a time,
 * "Load more" for the next), each repository with its tags and what their manifests say. What was read is kept
 * until Refresh (or a change made here: log in or out, delete, push), so expanding again asks the registry nothing.
 */
export class RegistriesView implements vscode.TreeDataProvider<RegistryViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RegistryViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<RegistryViewNode>;
  private readonly clients = new Map<string, Promise<RegistryApi | undefined>>();
  private readonly repositories = new Map<string, ListState>();
  private readonly tags = new Map<string, ListState>();
  private readonly details = new Map<string, Map<string, TagDetails | { error: string }>>();

  constructor(readonly store: RegistryStore, treeView: CreateTreeView) {
    this.treeView = treeView(REGISTRIES_VIEW_ID, { treeDataProvider: this, canSelectMany: false });
  }

  /** Forgets everything read (of one registry, or of all) and shows the view again. */
  refresh(host?: string): void {
    if (host === undefined) {
      this.clients.clear();
      this.repositories.clear();
      this.tags.clear();
      this.details.clear();
    } else {
      this.clients.delete(host);
      this.repositories.delete(registryId(host));
      for (const map of [this.tags, this.details]) for (const key of [...map.keys()]) if (key.startsWith(repositoryId(host, ''))) map.delete(key);
    }
    this.changed.fire(undefined);
  }

  /** Forgets one repository's tags (after a delete or a push) and shows them again. */
  refreshRepository(host: string, repository: string): void {
    this.tags.delete(repositoryId(host, repository));
    this.details.delete(repositoryId(host, repository));
    if (!this.repositories.get(registryId(host))?.names.includes(repository)) this.repositories.delete(registryId(host));
    this.changed.fire(undefined);
  }

  /** The other tags of a repository, among those read so far, whose manifest has `digest`. */
  tagsWithDigest(host: string, repository: string, digest: string, except: string): string[] {
    const details = this.details.get(repositoryId(host, repository));
    return [...(details?.entries() ?? [])].filter(([tag, d]) => tag !== except && 'digest' in d && d.digest === digest).map(([tag]) => tag).sort();
  }

  /** The client of a registry with its login, made once until a refresh. */
  client(entry: RegistryEntry): Promise<RegistryApi | undefined> {
    let client = this.clients.get(entry.host);
    if (!client) this.clients.set(entry.host, (client = this.store.client(entry)));
    return client;
  }

  /** The rows under `parent` (the registries without one), as the view shows them. */
  rows(parent?: RegistryViewNode): Promise<RegistryViewNode[]> {
    return this.getChildren(parent);
  }

  async getChildren(element?: RegistryViewNode): Promise<RegistryViewNode[]> {
    if (!element) return Promise.all(this.store.list().map((entry) => this.registryRow(entry)));
    if (element.kind === 'registry') return this.repositoryRows(element);
    if (element.kind === 'registryRepository') {
      const key = repositoryId(element.entry.host, element.repository);
      let list = this.tags.get(key);
      if (!list) this.tags.set(key, (list = await this.page(element.entry, undefined, (client, cursor) => client.tags(element.repository, cursor))));
      await this.readDetails(element.entry, element.repository, list.names);
      return tagNodes(element.entry, element.repository, list, this.details.get(key) ?? new Map(), Date.now());
    }
    return [];
  }

  /** Lists the next page of a "Load more" row's parent. */
  async loadMore(node: RegistryMoreNode): Promise<void> {
    const entry = this.store.list().find((e) => node.parentId === registryId(e.host) || node.parentId.startsWith(repositoryId(e.host, '')));
    if (!entry) return;
    const isRegistry = node.parentId === registryId(entry.host);
    const map = isRegistry ? this.repositories : this.tags;
    const list = map.get(node.parentId);
    if (!list || list.next === undefined) return;
    const repository = node.parentId.slice(repositoryId(entry.host, '').length);
    const next = await this.page(entry, list.next, (client, cursor) => (isRegistry ? client.repositories(cursor) : client.tags(repository, cursor)));
    const names = [...list.names, ...next.names.filter((name) => !list.names.includes(name))];
    map.set(node.parentId, { ...next, names, rejected: list.rejected + next.rejected });
    this.changed.fire(undefined);
  }

  getTreeItem(node: RegistryViewNode): vscode.TreeItem {
    const collapsible = node.kind === 'registry' || node.kind === 'registryRepository';
    const item = new vscode.TreeItem(node.label, collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.contextValue = node.contextValue;
    if (node.kind === 'registryMore') item.command = { command: 'dockerWorkflows.registries.loadMore', title: 'Load more', arguments: [node] };
    return item;
  }

  private async registryRow(entry: RegistryEntry): Promise<RegistryNode> {
    const login = await this.store.login(entry.host);
    const namespace = entry.kind === 'hub' ? await this.store.hubNamespace() : undefined;
    return registryNode(entry, { source: login.source, ...(login.login ? { username: login.login.username } : {}) }, namespace);
  }

  private async repositoryRows(node: RegistryNode): Promise<RegistryViewNode[]> {
    const key = registryId(node.entry.host);
    let list = this.repositories.get(key);
    if (!list) {
      if (node.entry.kind === 'hub' && !(await this.store.hubNamespace())) {
        return [{ kind: 'registryMessage', id: `registryMessage:${key}:login`, label: 'Log in to list your repositories', description: '', tooltip: '', icon: { id: 'info' }, contextValue: 'registryMessage' } satisfies NodeBase & { kind: 'registryMessage' }];
      }
      this.repositories.set(key, (list = await this.page(node.entry, undefined, (client, cursor) => client.repositories(cursor))));
    }
    return repositoryNodes(node.entry, list);
  }

  /** One page of a listing; a failure becomes the list's error (shown as a row), never a thrown error. */
  private async page(entry: RegistryEntry, cursor: string | undefined, read: (client: RegistryApi, cursor?: string) => Promise<{ names: string[]; next?: string; rejected: number }>): Promise<ListState> {
    try {
      const client = await this.client(entry);
      if (!client) return { names: [], rejected: 0, error: 'Log in to list your repositories' };
      return await read(client, cursor);
    } catch (error) {
      return { names: [], rejected: 0, error: reasonOf(error), ...(cursor !== undefined ? { next: cursor } : {}) };
    }
  }

  /** Reads the manifests of the tags not read yet, a few at a time. */
  private async readDetails(entry: RegistryEntry, repository: string, tags: readonly string[]): Promise<void> {
    const key = repositoryId(entry.host, repository);
    let map = this.details.get(key);
    if (!map) this.details.set(key, (map = new Map()));
    const missing = tags.filter((tag) => !map!.has(tag));
    const client = await this.client(entry).catch(() => undefined);
    if (!client) return;
    let index = 0;
    const worker = async () => {
      while (index < missing.length) {
        const tag = missing[index++];
        try {
          map!.set(tag, await client.tagDetails(repository, tag));
        } catch (error) {
          map!.set(tag, { error: reasonOf(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(DETAILS_AT_ONCE, missing.length) }, worker));
  }

  dispose(): void {
    this.treeView.dispose();
    this.changed.dispose();
  }
}
