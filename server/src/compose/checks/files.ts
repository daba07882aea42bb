// missing-file (a warning: files may be created later): env_file, build context and dockerfile, the
// `file:` of secrets and configs, relative bind-mount sources, extends `file:` and `include` paths, each
// resolved against the compose file's folder (for an overlay under overrides/, also its parent folder,
// which is the project folder when the base lives there). Paths with variables, absolute paths, URLs and
// home-relative paths are left alone.
import * as path from 'path';
import type { Node } from 'yaml';
import { isMap, isScalar } from 'yaml';
import type { ComposeModel } from '../model';
import { scalarText } from '../model';
import { entryOf, itemsOf, mapOf, present, textOf, valueRange } from './services';
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

  /**
   * Reports `node` when its text (or the first `length` characters of it) is a checkable path that exists
   * in none of the folders.
   */
  check(node: Node | null | undefined, what: string, options: { base?: string; length?: number; note?: string } = {}): void {
    const whole = scalarText(node);
    const text = options.length !== undefined ? whole?.slice(0, options.length) : whole;
    if (!node || !isScalar(node) || !checkable(text) || isOwnFolder(text) || this.exists(text, options.base)) return;
    const model: ComposeModel = this.context.model;
    const shown = options.base && options.base !== '.' ? path.join(options.base, text) : text;
    this.findings.push({
      code: 'missing-file',
      message: `${what} "${shown}" does not exist (relative to the compose file's folder)${options.note ?? ''}.`,
      range: options.length !== undefined ? valueRange(model, node, 0, options.length) : model.rangeOf(node),
      severity: 'warning',
    });
  }
}

function envFiles(finder: FileFinder, model: ComposeModel, node: Node | null | undefined): void {
  const items = itemsOf(model, node);
  for (const item of items.length > 0 ? items : [node]) {
    if (item && isMap(item)) {
      if (textOf(model, item, 'required') === 'false') continue;
      finder.check(entryOf(model, item, 'path')?.value, 'The env file');
    } else finder.check(item, 'The env file');
  }
}

export const missingFileCheck: ComposeCheck = (context) => {
  const { model, services } = context;
  if (!context.folder) return [];
  const finder = new FileFinder(context);
  for (const service of services) {
    envFiles(finder, model, service.get('env_file')?.value);
    const build = service.get('build')?.value;
    const buildMap = mapOf(model, build);
    const contextNode = buildMap ? present(model.get(buildMap, 'context'))?.value : build;
    const contextText = scalarText(contextNode) ?? (buildMap ? '.' : undefined);
    if (contextText !== undefined && !isRemoteContext(contextText)) {
      finder.check(contextNode, 'The build context');
      const dockerfile = buildMap ? present(model.get(buildMap, 'dockerfile'))?.value : undefined;
      const inline = buildMap ? present(model.get(buildMap, 'dockerfile_inline')) : undefined;
      if (!inline && checkable(contextText) && (isOwnFolder(contextText) || finder.exists(contextText))) finder.check(dockerfile, 'The Dockerfile', { base: contextText });
    }
    for (const item of itemsOf(model, service.get('volumes')?.value)) {
      if (isScalar(item)) {
        const spec = scalarText(item) ?? '';
        const source = spec.split(':')[0];
        if (spec.includes(':') && (source.startsWith('./') || source.startsWith('../') || source === '..')) {
          finder.check(item, 'The bind-mount source', { length: source.length, note: ': Docker will create an empty folder there' });
        }
      } else if (isMap(item) && textOf(model, item, 'type') === 'bind') {
        finder.check(entryOf(model, item, 'source')?.value, 'The bind-mount source');
      }
    }
    const extendsMap = mapOf(model, service.get('extends')?.value);
    if (extendsMap) finder.check(entryOf(model, extendsMap, 'file')?.value, 'The extended file');
  }
  for (const kind of ['secrets', 'configs'] as const) {
    for (const definition of model.names[kind].values()) {
      finder.check(entryOf(model, definition.value, 'file')?.value, kind === 'secrets' ? 'The secret file' : 'The config file');
    }
  }
  const root = mapOf(model, model.root);
  for (const item of itemsOf(model, root ? present(model.get(root, 'include'))?.value : undefined)) {
    if (isScalar(item)) finder.check(item, 'The included file');
    else if (isMap(item)) {
      const paths = entryOf(model, item, 'path')?.value;
      const list = itemsOf(model, paths);
      for (const p of list.length > 0 ? list : [paths]) finder.check(p, 'The included file');
      envFiles(finder, model, entryOf(model, item, 'env_file')?.value);
    }
  }
  return finder.findings;
};
