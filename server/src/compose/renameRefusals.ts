// Why something cannot be renamed, for Compose rename: the symbol itself (the implicit network `default`, a
// name nothing declares, an external resource, a name written with escapes) or what is under the cursor when
// it is no name at all (a container, a host path, an interpolated value). Each answer is a sentence for the user.
import * as path from 'path';
import type { Node } from 'yaml';
import { isMap, isScalar } from './yamlKinds';
import type { Position } from 'vscode-languageserver-types';
import type { Refusal } from '../service/LanguageService';
import { entryOf, textOf } from './checks/services';
import type { ComposeModel, NameKind } from './model';
import { scalarText } from './model';
import { isHostPath, type Occurrence } from './occurrences';
import type { Found, ProjectFile, ProjectSymbol, ProjectView } from './occurrencesProject';

export const SINGULAR: Record<NameKind, string> = {
  services: 'service',
  volumes: 'volume',
  networks: 'network',
  secrets: 'secret',
  configs: 'config',
};

/** Why the symbol cannot be renamed, or undefined when it can. */
export function symbolRefusal(view: ProjectView, occurrence: Occurrence, symbol: ProjectSymbol, found: readonly Found[]): Refusal | undefined {
  if (symbol.kind === 'anchor') {
    if (!found.some((f) => f.occurrence.declaration)) {
      return { refused: `There is no anchor &${symbol.name} before this alias, so there is nothing to rename.` };
    }
  } else {
    const what = SINGULAR[symbol.kind];
    if (symbol.kind === 'networks' && symbol.name === 'default') {
      return { refused: 'The network "default" is the one Compose creates for every project; it cannot be renamed.' };
    }
    const declarations = found.filter((f) => f.occurrence.declaration);
    if (declarations.length === 0) {
      if (occurrence.file !== undefined) {
        return { refused: `No service named ${quoted(symbol.name)} is found in ${quoted(occurrence.file)} (it is missing, unreadable, or does not declare it), so there is nothing to rename.` };
      }
      return { refused: `No ${what} named ${quoted(symbol.name)} is declared in this file or the files read with it, so there is nothing to rename.` };
    }
    for (const { file, occurrence: declaration } of declarations) {
      if (symbol.kind !== 'services' && isExternalByKey(file.model, symbol.kind, symbol.name)) {
        return {
          refused:
            `The ${what} ${quoted(symbol.name)} is external (${where(view, file, declaration)}): Compose finds it in the engine by this name, ` +
            `so renaming it here would use another ${what}. Add "name: ${symbol.name}" to its declaration first to keep the engine's name.`,
        };
      }
    }
  }
  const inexact = found.find((f) => !f.occurrence.exact);
  if (inexact) {
    return { refused: `${quoted(symbol.name)} is written on ${where(view, inexact.file, inexact.occurrence)} in a way rename cannot edit safely (escaped or split over lines); change it by hand.` };
  }
  return undefined;
}

/** `external: true` without a `name:`: the key is the name of a resource in the engine. */
function isExternalByKey(model: ComposeModel, kind: NameKind, name: string): boolean {
  const value = model.names[kind].get(name)?.value;
  if (!value || !isMap(value)) return false;
  const external = entryOf(model, value, 'external')?.value;
  return isScalar(external) && (external.value === true || external.value === 'true') && textOf(model, value, 'name') === undefined;
}

/** "line 7" in the current document, "line 7 of compose.yaml" in another file. */
export function where(view: ProjectView, file: ProjectFile, occurrence: Occurrence): string {
  const line = `line ${file.model.positionAt(occurrence.start).line + 1}`;
  if (file === view.current) return line;
  const name = file.path ? path.basename(file.path) : file.uri;
  return `${line} of ${name}`;
}

/** Keys of a service whose values name something (where an interpolated value deserves an explanation). */
const REFERENCE_KEYS = new Set(['depends_on', 'links', 'extends', 'network_mode', 'pid', 'ipc', 'volumes_from', 'volumes', 'networks', 'secrets', 'configs']);

/**
 * A refusal where the position is on a value a user may take for a name but that names nothing renameable:
 * `container:x`, a host path used as a volume, an interpolated reference. null elsewhere.
 */
export function explainNothing(model: ComposeModel, position: Position): Refusal | null {
  if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0) return null;
  const at = model.pathAt(position);
  if (at.kind !== 'value' || !at.node || !isScalar(at.node)) return null;
  const p = at.path;
  if (p[0] !== 'services' || p.length < 3) return null;
  const key = String(p[2]);
  const text = scalarText(at.node);
  if (text === undefined) return null;
  const isReference = REFERENCE_KEYS.has(key) || (key === 'build' && (p[3] === 'secrets' || p[3] === 'additional_contexts'));
  if (!isReference) return null;
  if (text.includes('$')) {
    return { refused: `${quoted(text)} is interpolated: Compose builds the name only when it runs, so it is not a reference rename can follow; change it by hand.` };
  }
  if (['volumes_from', 'network_mode', 'pid', 'ipc'].includes(key) && text.startsWith('container:')) {
    return { refused: `${quoted(text)} names a container that Compose does not manage, not a service of this project, so there is nothing to rename.` };
  }
  if (key === 'volumes' && typeof p[3] === 'number') {
    const cursor = model.offsetAt(position) - model.offsetsOf(at.node)[0] - (at.node.type === 'PLAIN' ? 0 : 1);
    const bind = p.length === 4 ? shortBindSource(text, cursor) : p[4] === 'source' ? longBindSource(model, at.collection, text) : undefined;
    if (bind !== undefined) {
      return { refused: `${quoted(bind)} is a path on the host (a bind mount), not a named volume, so there is nothing to rename.` };
    }
  }
  return null;
}

/** The source of a short volume `source:target[:mode]` when it is a host path and `cursor` is on it. */
function shortBindSource(text: string, cursor: number): string | undefined {
  const colon = /^[A-Za-z]:[\\/]/.test(text) ? text.indexOf(':', 2) : text.indexOf(':');
  const source = colon > 0 ? text.slice(0, colon) : undefined;
  return source !== undefined && cursor <= source.length && (isHostPath(source) || /^[A-Za-z]:/.test(source)) ? source : undefined;
}

/** The `source:` of a long volume when it is a host path (`type: bind`, or a path). */
function longBindSource(model: ComposeModel, volume: Node | undefined, source: string): string | undefined {
  return textOf(model, volume, 'type') === 'bind' || isHostPath(source) ? source : undefined;
}

export function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
