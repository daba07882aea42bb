// Which compose files are read together with a compose file (for the features that cross files): its base
// file or its overlays (named as `baseFileCandidates` expects), the compose files whose `include:` names it
// (with their overlays), the files the project includes (two levels deep), the files its services extend and
// the compose files whose services extend its own. Every file once, never the file itself, at most MAX_FILES;
// the reading itself (open documents first, size cap) is the host's.
import * as path from 'path';
import { isMap } from '../compose/yamlKinds';
import { entryOf, serviceViews } from '../compose/checks/services';
import { baseFileCandidates, includePaths } from '../compose/diagnostics';
import { DEFAULT_COMPOSE_FILES } from '../compose/checks/overlay';
import { scalarText, type ComposeModel } from '../compose/model';
import type { ComposeRelation } from '../compose/project';
import { perModel } from '../util/perModel';

export interface RelatedHost {
  /** The model of a compose file (the open document's, else the file on disk); undefined when it cannot be read. */
  model(file: string): ComposeModel | undefined;
  /** The names in a folder; [] when it cannot be read. */
  list(folder: string): readonly string[];
  /** True for an existing regular file. */
  isFile(file: string): boolean;
}

export interface RelatedFile {
  path: string;
  model: ComposeModel;
  relation: ComposeRelation;
}

const MAX_FILES = 32;
/** Folder entries looked at for overlays (a folder of thousands of files is not a compose project folder). */
const MAX_LISTED = 500;
const INCLUDE_DEPTH = 2;

/** The files related to the compose file at the absolute path `file`, whose own model is `model` (if known). */
export function relatedFiles(file: string, model: ComposeModel | undefined, host: RelatedHost): RelatedFile[] {
  const own = path.resolve(file);
  const out: RelatedFile[] = [];
  const seen = new Set<string>([own]);
  const listings = new Map<string, Set<string>>();
  const listing = (folder: string): Set<string> => {
    let names = listings.get(folder);
    if (!names) listings.set(folder, (names = new Set(host.list(folder).slice(0, MAX_LISTED))));
    return names;
  };
  const folder = path.dirname(own);
  // The file's folder (and its overrides/ folders) are listed anyway to find overlays; elsewhere a stat is cheaper.
  const listed = (dir: string): boolean => dir === folder || path.dirname(dir) === folder;
  const exists = (candidate: string): boolean =>
    (!listed(path.dirname(candidate)) || listing(path.dirname(candidate)).has(path.basename(candidate))) && host.isFile(candidate);
  const add = (candidate: string, relation: ComposeRelation): RelatedFile | undefined => {
    if (seen.has(candidate) || out.length >= MAX_FILES) return undefined;
    seen.add(candidate);
    const loaded = host.model(candidate);
    if (!loaded) return undefined;
    const related = { path: candidate, model: loaded, relation };
    out.push(related);
    return related;
  };

  // The base file and its overlays (or the file's own overlays): one set of names.
  const group: { path: string; model: ComposeModel }[] = model ? [{ path: own, model }] : [];
  const base = baseOf(own, exists);
  if (base) push(group, add(base, 'base'));
  for (const overlay of overlaysOf(base ?? own, listing, exists)) push(group, add(overlay, 'overlay'));

  // Default compose files of this folder and the two above: those whose `include:` names this file are the
  // project's main files (with their overlays: `docker compose` reads them with the includer); those whose
  // services extend a service of this file read it through `extends.file`.
  const folders = [...new Set([folder, path.dirname(folder), path.dirname(path.dirname(folder))])];
  const extenders: { path: string; model: ComposeModel }[] = [];
  for (const dir of folders) {
    for (const name of DEFAULT_COMPOSE_FILES) {
      const candidate = path.join(dir, name);
      if (seen.has(candidate) || !exists(candidate)) continue;
      const other = host.model(candidate);
      if (!other) continue;
      if (includePaths(other, dir).includes(own)) {
        push(group, add(candidate, 'includer'));
        for (const overlay of overlaysOf(candidate, listing, exists)) push(group, add(overlay, 'overlay'));
      } else if (extendsFiles(other).some((f) => path.resolve(dir, f) === own)) {
        extenders.push({ path: candidate, model: other });
      }
    }
  }

  // What the group includes, and what those files include.
  let level = group;
  for (let depth = 0; depth < INCLUDE_DEPTH && level.length > 0; depth++) {
    const next: RelatedFile[] = [];
    for (const f of level) {
      for (const included of includePaths(f.model, path.dirname(f.path))) if (!included.includes('$')) push(next, add(included, 'include'));
    }
    level = next;
  }

  // The files the group's services extend (one level), and the files that extend this one's.
  for (const f of group) {
    for (const extended of extendsFiles(f.model)) add(path.resolve(path.dirname(f.path), extended), 'extends');
  }
  for (const f of extenders) add(f.path, 'extender');
  return out;
}

function push<T>(list: T[], item: T | undefined): void {
  if (item) list.push(item);
}

/**
 * The base file of `file`: its first base candidate that exists, when the file's name says it is a variant
 * of that base (`<base stem>.x.yaml`, `<base stem>-x.yml`, "override" in the name, `compose.x.yaml`,
 * `docker-compose-x.yml`) or it lies under `overrides/`. Other YAML files next to a compose file (an app's
 * own config, `mkdocs.yml` ...) are nobody's overlay.
 */
export function baseOf(file: string, exists: (candidate: string) => boolean): string | undefined {
  const first = baseFileCandidates(file).find(exists);
  if (!first) return undefined;
  if (path.dirname(first) !== path.dirname(file)) return first; // overrides/x.yaml onto ../compose.yaml
  const name = path.basename(file).toLowerCase();
  const stem = path.basename(first).toLowerCase().replace(/\.ya?ml$/, '');
  const variant = name.startsWith(`${stem}.`) || name.startsWith(`${stem}-`) || name.includes('override') || /^(docker-)?compose[.-]/.test(name);
  return variant ? first : undefined;
}

/** The files whose base file is `base`: YAML files of its folder and of its `overrides/` folder. */
function overlaysOf(base: string, listing: (folder: string) => Set<string>, exists: (candidate: string) => boolean): string[] {
  const folder = path.dirname(base);
  const folders = [folder, ...['overrides', 'override'].filter((sub) => listing(folder).has(sub)).map((sub) => path.join(folder, sub))];
  const overlays: string[] = [];
  for (const dir of folders) {
    for (const name of [...listing(dir)].sort()) {
      if (!/\.ya?ml$/i.test(name)) continue;
      const candidate = path.join(dir, name);
      if (candidate !== base && baseOf(candidate, exists) === base) overlays.push(candidate);
    }
  }
  return overlays;
}

/**
 * The `file` of every `extends: { file, service }` of the model's services (not interpolated); once per model (a
 * request that crosses files asks for it, and every service of a large file is looked at).
 */
const extendsFiles = perModel((model: ComposeModel): readonly string[] => {
  const files: string[] = [];
  for (const service of serviceViews(model)) {
    const value = service.get('extends')?.value;
    const file = value && isMap(value) ? scalarText(entryOf(model, value, 'file')?.value) : undefined;
    if (file && !file.includes('$')) files.push(file);
  }
  return files;
});
