// The occurrences of one symbol across the files of a project (see project.ts): which files share the
// project's names, where `extends: { file }` leads, and every occurrence of a symbol in file order (base files
// first, then the document, then the others). Each file's own occurrences come from its index
// (occurrences.ts); this adds a handful of map lookups per file.
import * as path from 'path';
import type { Position, Range } from 'vscode-languageserver-types';
import { filePathOf } from '../util/filePath';
import type { NameKind } from './model';
import { nameKey, occurrenceAt, occurrenceRange, occurrencesOf, type Occurrence, type OccurrenceIndex, type OccurrenceKind } from './occurrences';
import type { ComposeFile, ComposeProject } from './project';

export interface ProjectFile extends ComposeFile {
  index: OccurrenceIndex;
  /** The file's absolute path (undefined for an untitled document). */
  path?: string;
  /** Files with the same namespace share names: 'project' for all but the files `extends` reads or that extend the document. */
  namespace: string;
}

/** A symbol of the project: a name of a kind in a namespace, or an anchor of one file. */
export interface ProjectSymbol {
  kind: OccurrenceKind;
  name: string;
  namespace: string;
  /** The in-file key of its occurrences (occurrences.ts). */
  key: string;
}

export interface Found {
  file: ProjectFile;
  occurrence: Occurrence;
}

/** The project as the providers read it; the related files are read only when a request needs them. */
export interface ProjectView {
  current: ProjectFile;
  /** Every file, base files first, then the current one, then the others. */
  files(): readonly ProjectFile[];
}

const PROJECT = 'project';

export function projectView(project: ComposeProject): ProjectView {
  const current = projectFile(project.current);
  let files: ProjectFile[] | undefined;
  return {
    current,
    files: () => {
      if (!files) {
        let related: readonly ComposeFile[] = [];
        try {
          related = project.related();
        } catch {
          // Files that cannot be read leave the document on its own.
        }
        const others = related.filter((f) => f.uri !== current.uri).map(projectFile);
        files = [...others.filter((f) => f.relation === 'base'), current, ...others.filter((f) => f.relation !== 'base')];
      }
      return files;
    },
  };
}

function projectFile(file: ComposeFile): ProjectFile {
  const filePath = filePathOf(file.uri);
  const resolved = filePath ? path.resolve(filePath) : undefined;
  return {
    ...file,
    index: occurrencesOf(file.model),
    ...(resolved ? { path: resolved } : {}),
    namespace: file.relation === 'extends' || file.relation === 'extender' ? `file:${resolved ?? file.uri}` : PROJECT,
  };
}

/** The occurrence at the position of the current document and its symbol. */
export function symbolAt(view: ProjectView, position: Position): { occurrence: Occurrence; symbol: ProjectSymbol } | undefined {
  const occurrence = occurrenceAt(view.current.model, position);
  if (!occurrence) return undefined;
  return { occurrence, symbol: symbolOf(view, view.current, occurrence) };
}

export function symbolOf(view: ProjectView, file: ProjectFile, occurrence: Occurrence): ProjectSymbol {
  const { kind, name, key } = occurrence;
  if (kind === 'anchor') return { kind, name, key, namespace: `anchors:${file.uri}` };
  const namespace = occurrence.file !== undefined ? targetNamespace(view, file, occurrence.file) : file.namespace;
  return { kind, name, key, namespace };
}

/** The namespace of the file `extends: { file }` names, written in `from`. */
function targetNamespace(view: ProjectView, from: ProjectFile, file: string): string {
  if (!from.path) return `unresolved:${file}`;
  const target = path.resolve(path.dirname(from.path), file);
  const loaded = view.files().find((f) => f.path === target);
  return loaded ? loaded.namespace : `file:${target}`;
}

/** Every occurrence of the symbol, file by file (in `files()` order), in text order within a file. */
export function symbolOccurrences(view: ProjectView, symbol: ProjectSymbol): Found[] {
  if (symbol.kind === 'anchor') {
    const file = view.current;
    return (file.index.byKey.get(symbol.key) ?? []).map((occurrence) => ({ file, occurrence }));
  }
  const found: Found[] = [];
  for (const file of view.files()) {
    const own = file.namespace === symbol.namespace ? file.index.byKey.get(symbol.key) ?? [] : [];
    const viaFile =
      symbol.kind === 'services' ? file.index.fileRefs.filter((r) => r.name === symbol.name && targetNamespace(view, file, r.file!) === symbol.namespace) : [];
    const list = viaFile.length === 0 ? own : [...own, ...viaFile].sort((a, b) => a.start - b.start);
    for (const occurrence of list) found.push({ file, occurrence });
  }
  return found;
}

/** Every occurrence of a name of a kind in the project's namespace (for "is this name taken?"). */
export function nameOccurrences(view: ProjectView, kind: NameKind, name: string, namespace: string): Found[] {
  return symbolOccurrences(view, { kind, name, namespace, key: nameKey(kind, name) });
}

/** Where an occurrence found in a file is. */
export function foundRange(found: Found): Range {
  return occurrenceRange(found.file.model, found.occurrence);
}
