// Dockerfile go to definition, find references and document highlights for stage names, build variables
// (ARG/ENV with BuildKit's scoping) and heredoc delimiters. Pure: every answer is read from the occurrence
// index of the model (occurrences.ts, built once per model), so a request costs a map access plus the size
// of its answer.
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position, type Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';
import { before, copyRange, occurrenceAt, type Occurrence } from './occurrences';

/**
 * Where the symbol at the position is declared: for a use, the declaration in force there (a stage name goes
 * to the stage it binds to; a variable to its last declaration before the use, in its scope or inherited);
 * for a declaration, itself (a stage's `ARG NAME` that redeclares a global ARG goes to the global); for a
 * heredoc's closing line, its opener; for `COPY --from=<n>`, the FROM of stage n. Predefined ARGs that the
 * file never declares have no definition.
 */
export function definition(model: DockerfileModel, uri: string, position: Position): Location[] {
  const occurrence = occurrenceAt(model, position);
  if (!occurrence) return [];
  return definitionRanges(occurrence).map((range) => ({ uri, range: copyRange(range) }));
}

function definitionRanges(occurrence: Occurrence): Range[] {
  if (occurrence.targets) return occurrence.targets;
  const symbol = occurrence.symbol;
  if (!symbol) return [];
  if (occurrence.declaration) return [occurrence.range];
  const declarations = symbol.occurrences.filter((o) => o.declaration);
  if (symbol.kind === 'stage') {
    // BuildKit binds a stage name to the stage of that name defined before the reference.
    let bound: Occurrence | undefined;
    for (const d of declarations) if (before(d.range.start, occurrence.range.start)) bound = d;
    if (bound) return [bound.range];
  }
  return declarations.map((d) => d.range);
}

/** Every occurrence of the symbol at the position, in document order; declarations only when asked for. */
export function references(model: DockerfileModel, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const symbol = occurrenceAt(model, position)?.symbol;
  if (!symbol) return [];
  const out: Location[] = [];
  for (const o of symbol.occurrences) if (includeDeclaration || !o.declaration) out.push({ uri, range: copyRange(o.range) });
  return out;
}

/** The occurrences of the symbol at the position: Write for declarations, Read for uses. */
export function documentHighlights(model: DockerfileModel, position: Position): DocumentHighlight[] {
  const symbol = occurrenceAt(model, position)?.symbol;
  if (!symbol) return [];
  return symbol.occurrences.map((o) => ({
    range: copyRange(o.range),
    kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
