// Compose go to definition, find references and document highlights for services, volumes, networks,
// secrets, configs and YAML anchors, across the files of a project. Pure: every answer is read from the
// occurrence index of each model (occurrences.ts, built once per model) and the project's files
// (occurrencesProject.ts), so a request costs a few map accesses plus the size of its answer.
import * as path from 'path';
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import type { ComposeModel } from './model';
import { occurrenceAt, occurrenceRange, occurrencesOf } from './occurrences';
import { foundRange, projectView, symbolAt, symbolOccurrences, type Found } from './occurrencesProject';
import type { ComposeProject } from './project';

/**
 * Where the name at the position is declared: the first declaration of the symbol in the project, looking in
 * the base file first (a service of an overlay is the base file's service, completed), then the document,
 * then the other files; one place, so that F12 jumps there (the overlays' declarations are references).
 * `extends: { file, service }` goes to the service in that file; an alias to the anchor it names. A name
 * nothing declares (a network `default`, a typo) has no definition.
 */
export function definition(project: ComposeProject, position: Position): Location[] {
  const view = projectView(project);
  const at = symbolAt(view, position);
  if (!at) return [];
  const declaration = symbolOccurrences(view, at.symbol).find((f) => f.occurrence.declaration);
  return declaration ? locations([declaration]) : [];
}

/** Every occurrence of the name at the position in the files of the project; declarations only when asked for. */
export function references(project: ComposeProject, position: Position, includeDeclaration: boolean): Location[] {
  const view = projectView(project);
  const at = symbolAt(view, position);
  if (!at) return [];
  return locations(symbolOccurrences(view, at.symbol).filter((f) => includeDeclaration || !f.occurrence.declaration));
}

/** The occurrences of the name at the position in this file: Write for its declaration, Read for references. */
export function documentHighlights(model: ComposeModel, position: Position): DocumentHighlight[] {
  const occurrence = occurrenceAt(model, position);
  if (!occurrence) return [];
  const index = occurrencesOf(model);
  const file = occurrence.file;
  const same =
    file === undefined
      ? index.byKey.get(occurrence.key) ?? []
      : index.fileRefs.filter((r) => r.name === occurrence.name && path.normalize(r.file!) === path.normalize(file));
  return same.map((o) => ({ range: occurrenceRange(model, o), kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

function locations(found: readonly Found[]): Location[] {
  return found.map((f) => ({ uri: f.file.uri, range: foundRange(f) }));
}
