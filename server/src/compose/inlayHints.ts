// Compose inlay hints: the value an interpolation resolves to (from the project's `.env`, else the default
// written after `:-`), shown after the reference, and what a service inherits through `extends` (see
// extendsHints.ts). Pure: the `.env` variables and the other compose files come in through the context.
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { Scalar } from 'yaml';
import { valueRange } from './checks/services';
import { extendsHints, inRange } from './extendsHints';
import { resolveUse, variableUses, type Resolution, type VariableUse } from './interpolate';
import type { ComposeModel } from './model';
import type { ComposeProject } from './project';

export interface InlayContext {
  /** The variables of the project's `.env` (empty when there is none). */
  env: ReadonlyMap<string, string>;
  /** Reads another compose file (for `extends.file`), as a model; undefined when it cannot be read. */
  loadFile(path: string): import('./model').ComposeModel | undefined;
}

/** Longest value shown in a hint; longer ones are cut with an ellipsis. */
const MAX_LABEL = 40;
/** Longest value looked at: a reference past it gets no hint (a huge inline blob is not worth one). */
const MAX_VALUE = 100_000;

export function inlayHints(project: ComposeProject, range: Range, context: InlayContext): InlayHint[] {
  const hints: InlayHint[] = [];
  try {
    const model = project.current.model;
    const [from, to] = [model.offsetAt(range.start), model.offsetAt(range.end)];
    for (const scalar of model.interpolated) {
      const [start, end] = model.offsetsOf(scalar);
      if (end < from || start > to) continue;
      interpolationHints(model, scalar, range, context.env, hints);
    }
    hints.push(...extendsHints(project, range, context.loadFile));
  } catch {
    // A provider never fails the request: whatever was found so far is returned.
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

/** One hint after each reference of the scalar whose value is known and whose end is in the range. */
function interpolationHints(model: ComposeModel, scalar: Scalar, range: Range, env: ReadonlyMap<string, string>, into: InlayHint[]): void {
  const value = scalar.value;
  if (typeof value !== 'string' || value.length > MAX_VALUE) return;
  for (const use of variableUses(value)) {
    const resolved = resolveUse(use, env);
    if (!resolved) continue;
    const written = valueRange(model, scalar, use.start, use.end - use.start);
    // Where the reference is not found as written (escapes in a quoted scalar ...), it gets no hint.
    if (model.text.slice(model.offsetAt(written.start), model.offsetAt(written.end)) !== value.slice(use.start, use.end)) continue;
    if (!inRange(range, written.end)) continue;
    into.push({ position: written.end, label: `= ${label(resolved.value)}`, paddingLeft: true, tooltip: origin(use, resolved, env) });
  }
}

/** Where the value comes from, in words. */
function origin(use: VariableUse, resolved: Resolution, env: ReadonlyMap<string, string>): string {
  const name = use.name;
  const value = env.get(name);
  const state = value === undefined ? `${name} is not set in .env` : value === '' ? `${name} is empty in .env` : `${name} is set in .env`;
  const shell = ` (unless the shell that runs Compose sets ${name})`;
  switch (resolved.origin) {
    case 'value':
      return `From .env: ${name}=${value ?? ''}${shell}`;
    case 'default':
      return `${state}: the default after \`${use.operator}\` applies${shell}`;
    case 'alternative':
      return `${state}: the value after \`${use.operator}\` applies${shell}`;
    case 'empty':
      return `${state}: \`${use.operator}\` gives an empty value${shell}`;
  }
}

function label(value: string): string {
  if (value === '') return '""';
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > MAX_LABEL ? `${oneLine.slice(0, MAX_LABEL - 1)}…` : oneLine;
}
