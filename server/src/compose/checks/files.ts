// missing-file (a warning: files may be created later): env_file, build context and dockerfile, the
// `file:` of secrets and configs, relative bind-mount sources, extends `file:` and `include` paths, each
// resolved against the compose file's folder (for an overlay under overrides/, also its parent folder,
// which is the project folder when the base lives there). Paths with variables, absolute paths, URLs and
// home-relative paths are left alone.
import * as path from 'path';
import type { Node } from 'yaml';
import { isMap, isScalar } from '../yamlKinds';
import type { ComposeModel } from '../model';
import { scalarText } from '../model';
import { entryOf, itemsOf, mapOf, present, type ServiceView, textOf, valueRange } from './services';
import type { ComposeCheck, ComposeCheckContext, Finding } from './types';

/** Relative local path we can look for (not a URL, a variable, an absolute or a home path). */
function checkable(text: string | undefined): text is string {
  if (!text || text.includes('$')) return false;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) || /^git@|^github\.com\//.test(text)) return false;
  if (text.startsWith('/') || text.startsWith('~') || /^[A-Za-z]:[\\/]/.test(text) || text.startsWith('\\\\')) return false;
  return true;
}

/** `.` or `./`: the compose file's own folder, which exists. */
function isOwnFolder(text: string): boolean {
  return text === '.' || text === './';
}

/** A remote build context: a URL, a git repository, or an image reference such as `docker-image://`. */
function isRemoteContext(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && !/^[A-Za-z]:[\\/]/.test(text) ? true : /^git@|\.git(#.*)?$|^github\.com\//.test(text);
}

/** A path written in the file, to be looked for (kept with the service's block between versions). */
interface PathUse {
  node: Node;
  what: string;
  /** Looked for relative to this folder (itself relative to the compose file's folder), e.g. a build context. */
  base?: string;
  /** Only the first `length` characters of the value are the path (`./src:/app`). */
  length?: number;
  note?: string;
}

class FileFinder {
  readonly findings: Finding[] = [];
  private readonly folders: string[];

  constructor(private readonly context: ComposeCheckContext) {
    const folder = context.folder!;
    this.folders = [folder];
    if (context.overlay && /^overrides?$/i.test(path.basename(folder))) this.folders.push(path.dirname(folder));
  }

  exists(relative: string, base?: string): boolean {
    const folders = base ? this.folders.map((f) => path.resolve(f, base)) : this.folders;
    return folders.some((folder) => this.context.fileExists(path.resolve(folder, relative)));
  }

  /** Reports the use when its path exists in none of the folders (and its base folder, if any, does). */
  check(use: PathUse): void {
    const whole = scalarText(use.node) ?? '';
    const text = use.length !== undefined ? whole.slice(0, use.length) : whole;
    if (use.base !== undefined && !isOwnFolder(use.base) && !this.exists(use.base)) return; // reported as the build context
    if (this.exists(text, use.base)) return;
    const model: ComposeModel = this.context.model;
    const shown = use.base && use.base !== '.' ? path.join(use.base, text) : text;
    this.findings.push({
      code: 'missing-file',
      message: `${use.what} "${shown}" does not exist (relative to the compose file's folder)${use.note ?? ''}.`,
      range: use.length !== undefined && isScalar(use.node) ? valueRange(model, use.node, 0, use.length) : model.rangeOf(use.node),
      severity: 'warning',
    });
  }
}

/** Adds the use when the node holds a path we can look for. */
function use(into: PathUse[], node: Node | null | undefined, what: string, options: Omit<PathUse, 'node' | 'what'> = {}): void {
  const whole = scalarText(node);
  const text = options.length !== undefined ? whole?.slice(0, options.length) : whole;
  if (!node || !isScalar(node) || !checkable(text) || isOwnFolder(text)) return;
  into.push({ node, what, ...options });
}

function envFiles(into: PathUse[], model: ComposeModel, node: Node | null | undefined): void {
  const items = itemsOf(model, node);
  for (const item of items.length > 0 ? items : [node]) {
    if (item && isMap(item)) {
      if (textOf(model, item, 'required') === 'false') continue;
      use(into, entryOf(model, item, 'path')?.value, 'The env file');
    } else use(into, item, 'The env file');
  }
}

function servicePaths(model: ComposeModel, service: ServiceView): PathUse[] {
  const uses: PathUse[] = [];
  envFiles(uses, model, service.get('env_file')?.value);
  const build = service.get('build')?.value;
  const buildMap = mapOf(model, build);
  const contextNode = buildMap ? present(model.get(buildMap, 'context'))?.value : build;
  const contextText = scalarText(contextNode) ?? (buildMap ? '.' : undefined);
  if (contextText !== undefined && !isRemoteContext(contextText)) {
    use(uses, contextNode, 'The build context');
    const dockerfile = buildMap ? present(model.get(buildMap, 'dockerfile'))?.value : undefined;
    const inline = buildMap ? present(model.get(buildMap, 'dockerfile_inline')) : undefined;
    if (!inline && checkable(contextText)) use(uses, dockerfile, 'The Dockerfile', { base: contextText });
  }
  for (const item of itemsOf(model, service.get('volumes')?.value)) {
    if (isScalar(item)) {
      const spec = scalarText(item) ?? '';
      const source = spec.split(':')[0];
      if (spec.includes(':') && (source.startsWith('./') || source.startsWith('../') || source === '..')) {
        use(uses, item, 'The bind-mount source', { length: source.length, note: ': Docker will create an empty folder there' });
      }
    } else if (isMap(item) && textOf(model, item, 'type') === 'bind') {
      use(uses, entryOf(model, item, 'source')?.value, 'The bind-mount source');
    }
  }
  const extendsMap = mapOf(model, service.get('extends')?.value);
  if (extendsMap) use(uses, entryOf(model, extendsMap, 'file')?.value, 'The extended file');
  return uses;
}

export const missingFileCheck: ComposeCheck = (context) => {
  const { model, services } = context;
  if (!context.folder) return [];
  const finder = new FileFinder(context);
  for (const service of services) {
    if (!service.map) continue;
    for (const found of model.memo(service.map, 'paths', () => servicePaths(model, service))) finder.check(found);
  }
  const uses: PathUse[] = [];
  for (const kind of ['secrets', 'configs'] as const) {
    for (const definition of model.names[kind].values()) {
      use(uses, entryOf(model, definition.value, 'file')?.value, kind === 'secrets' ? 'The secret file' : 'The config file');
    }
  }
  const root = mapOf(model, model.root);
  for (const item of itemsOf(model, root ? present(model.get(root, 'include'))?.value : undefined)) {
    if (isScalar(item)) use(uses, item, 'The included file');
    else if (isMap(item)) {
      const paths = entryOf(model, item, 'path')?.value;
      const list = itemsOf(model, paths);
      for (const p of list.length > 0 ? list : [paths]) use(uses, p, 'The included file');
      envFiles(uses, model, entryOf(model, item, 'env_file')?.value);
    }
  }
  for (const found of uses) finder.check(found);
  return finder.findings;
};
