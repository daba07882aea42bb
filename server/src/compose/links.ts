// Compose document links: `image:` to the repository's registry page, and the files and folders a compose
// file names to themselves when they exist: build contexts and Dockerfiles, env files, `extends.file`,
// `include` paths, the `file:` of secrets and configs, and bind-mount sources. Relative paths resolve
// against the compose file's folder (a Dockerfile against its build context), `~/` against the home folder.
// Values with `$` (interpolation) get no link, nor do named volumes. A remote build context that is an
// http(s) URL links to that URL without its `#ref:folder` fragment (the repository or archive); git@, ssh
// and other remote contexts get none. Pure: the file system is reached only through `fileExists`. What may be a
// link is found once per document version (linkCandidates); each request only asks which of the paths exist.
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { DocumentLink, Range } from 'vscode-languageserver-types';
import type { Node, Scalar } from 'yaml';
import { isMap, isScalar } from './yamlKinds';
import { filePathOf } from '../util/filePath';
import { imagePage } from '../util/registryPage';
import { entryOf, itemsOf, mapOf, present, serviceViews, textOf, valueRange } from './checks/services';
import { scalarText, type ComposeModel } from './model';

export interface LinkContext {
  /** The compose file's URI; relative paths resolve against its folder (the project directory). */
  uri: string;
  fileExists(path: string): boolean;
  /** The user's home folder, for `~/` paths (Compose expands `~` to it); without it those paths get no link. */
  home?: string;
}

/**
 * What the document names that may become a link: a registry page or a URL (always a link), or a local file or
 * folder (a link when it exists). Made from the model alone, so once per document version (see
 * linkCandidates); whether the files exist is asked at each request.
 */
export interface LinkCandidate {
  /** The scalar linked, over its first `length` characters. */
  node: Scalar;
  length: number;
  /** The page or URL; for a local path, its absolute path (linked as a file: URI when it exists). */
  target: string;
  local: boolean;
  tooltip: string;
}

/** At most this many `fileExists` calls per request, so that a huge file cannot stall the server. */
const MAX_FILE_CHECKS = 1000;
/** Longest path looked at. */
const MAX_PATH = 4096;

/** Collects the candidates of a document, in the order the links are looked for. */
class Candidates {
  readonly found: LinkCandidate[] = [];
  readonly folder: string | undefined;

  constructor(readonly home: string | undefined, uri: string) {
    const file = filePathOf(uri);
    this.folder = file ? path.dirname(file) : undefined;
  }

  /** The file or folder the scalar's value (or its first `length` characters) names. */
  path(node: Node | null | undefined, base = this.folder, length?: number): void {
    const whole = scalarText(node);
    if (!node || !isScalar(node) || whole === undefined) return;
    const text = length === undefined ? whole : whole.slice(0, length);
    if (text === '.' || text === './') return; // the compose file's own folder is not worth a link
    const target = localPath(text, base, this.home);
    if (target) this.found.push({ node, length: text.length, target, local: true, tooltip: `Open ${text}` });
  }

  /** The repository part of an image reference, to its registry page. */
  image(node: Node | null | undefined): void {
    const text = scalarText(node);
    const found = text === undefined ? undefined : imagePage(text);
    if (!node || !isScalar(node) || !found) return;
    this.found.push({ node, length: found.repository.length, target: found.page.url, local: false, tooltip: `Open ${found.repository} on ${found.page.site}` });
  }

  /** An http(s) build context: its URL without the `#ref:folder` fragment. */
  url(node: Node, text: string): void {
    const url = text.split('#')[0];
    if (!/^https?:\/\/[^\s/]+/i.test(url) || url.includes('$') || url.length > MAX_PATH || !isScalar(node)) return;
    this.found.push({ node, length: url.length, target: url, local: false, tooltip: `Open ${url}` });
  }
}

/** The link candidates of a compose file (pure: the same for every request on this version of the document). */
export function linkCandidates(model: ComposeModel, where: { uri: string; home?: string }): LinkCandidate[] {
  const links = new Candidates(where.home, where.uri);
  try {
    serviceLinks(model, links);
    for (const kind of ['secrets', 'configs'] as const) {
      for (const definition of model.names[kind].values()) links.path(entryOf(model, definition.value, 'file')?.value);
    }
    const root = mapOf(model, model.root);
    for (const item of itemsOf(model, root ? present(model.get(root, 'include'))?.value : undefined)) {
      const value = isMap(item) ? entryOf(model, item, 'path')?.value : item;
      const list = itemsOf(model, value);
      for (const node of list.length > 0 ? list : [value]) links.path(node);
    }
  } catch {
    // A provider never fails the request: whatever was found so far is kept.
  }
  return links.found;
}

/**
 * The links: each candidate whose text can be placed, local paths only when they exist (each path asked once, at
 * most MAX_FILE_CHECKS of them), a scalar met twice (merged or aliased values) linked once.
 */
export function documentLinks(model: ComposeModel, context: LinkContext, candidates = linkCandidates(model, context)): DocumentLink[] {
  const found: DocumentLink[] = [];
  const linked = new Set<Node>();
  const existing = new Map<string, boolean>();
  const exists = (target: string): boolean => {
    let answer = existing.get(target);
    if (answer === undefined) {
      if (existing.size >= MAX_FILE_CHECKS) return false;
      answer = context.fileExists(target);
      existing.set(target, answer);
    }
    return answer;
  };
  for (const candidate of candidates) {
    const { node, local, target } = candidate;
    if (linked.has(node) || (local && !exists(target))) continue;
    const range = partRange(model, node, candidate.length);
    if (!range) continue;
    linked.add(node);
    found.push({ range, target: local ? pathToFileURL(target).href : target, tooltip: candidate.tooltip });
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function serviceLinks(model: ComposeModel, links: Candidates): void {
  for (const service of serviceViews(model)) {
    if (!service.map) continue;
    links.image(service.get('image')?.value);
    buildLinks(model, service.get('build')?.value, links);
    const envFile = service.get('env_file')?.value;
    const items = itemsOf(model, envFile);
    for (const item of items.length > 0 ? items : [envFile]) links.path(isMap(item) ? entryOf(model, item, 'path')?.value : item);
    const extendsValue = service.get('extends')?.value;
    if (isMap(extendsValue)) links.path(entryOf(model, extendsValue, 'file')?.value);
    for (const item of itemsOf(model, service.get('volumes')?.value)) {
      if (isMap(item)) {
        if (textOf(model, item, 'type') === 'bind') links.path(entryOf(model, item, 'source')?.value);
        continue;
      }
      const source = bindSource(scalarText(item) ?? '');
      if (source !== undefined) links.path(item, links.folder, source.length);
    }
  }
}

/** The build context (`build: ./dir` or `build.context`) and the Dockerfile, read from the context. */
function buildLinks(model: ComposeModel, build: Node | null | undefined, links: Candidates): void {
  const map = mapOf(model, build);
  const contextNode = map ? present(model.get(map, 'context'))?.value : build;
  const contextText = scalarText(contextNode) ?? (map ? '.' : undefined);
  if (contextText === undefined) return;
  if (isRemote(contextText)) {
    if (contextNode) links.url(contextNode, contextText);
    return;
  }
  links.path(contextNode);
  if (!map || present(model.get(map, 'dockerfile_inline'))) return;
  const contextDir = localPath(contextText, links.folder, links.home);
  if (contextDir !== undefined) links.path(present(model.get(map, 'dockerfile'))?.value, contextDir);
}

/** A remote build context: a URL (`https://`, `git://`, `ssh://`, `docker-image://` ...) or a git address. */
function isRemote(text: string): boolean {
  if (/^[A-Za-z]:[\\/]/.test(text)) return false; // a Windows path
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) || /^git@|^github\.com\//.test(text);
}

/** The source of a short volume `source:target[:mode]` when it is a host path; undefined for named and anonymous volumes. */
function bindSource(spec: string): string | undefined {
  const drive = /^[A-Za-z]:[\\/]/.test(spec) ? 2 : 0;
  const colon = spec.indexOf(':', drive);
  if (colon <= 0) return undefined; // an anonymous volume (target only)
  const source = spec.slice(0, colon);
  return /^[./~]/.test(source) || drive > 0 ? source : undefined;
}

/**
 * The absolute path a value names: relative to `base`, `~/` to `home`, absolute as is; undefined for URLs,
 * values with `$`, `~user` paths, Windows paths on another system, and relative paths without a base.
 */
function localPath(text: string, base: string | undefined, home: string | undefined): string | undefined {
  if (text === '' || text.length > MAX_PATH || /[$\0]/.test(text)) return undefined;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)) return undefined;
  if (text === '~' || text.startsWith('~/')) return home ? path.join(home, text.slice(1)) : undefined;
  if (text.startsWith('~')) return undefined;
  if (path.isAbsolute(text)) return path.normalize(text);
  if (/^[A-Za-z]:[\\/]|^\\\\/.test(text)) return undefined; // absolute on Windows, read on another system
  return base === undefined ? undefined : path.resolve(base, text);
}

/**
 * The range of the first `length` characters of a scalar's value, where they are written as they read (no
 * escapes); the whole value between its quotes when the part is the whole value; otherwise undefined.
 */
function partRange(model: ComposeModel, scalar: Node, length: number): Range | undefined {
  if (!isScalar(scalar)) return undefined;
  const value = scalarText(scalar) ?? '';
  const range = valueRange(model, scalar, 0, length);
  const [start, end] = [model.offsetAt(range.start), model.offsetAt(range.end)];
  if (model.text.slice(start, end) === value.slice(0, length)) return range;
  if (length !== value.length) return undefined;
  const [from, to] = model.offsetsOf(scalar);
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  return quoted && to - from >= 2 ? { start: model.positionAt(from + 1), end: model.positionAt(to - 1) } : undefined;
}
