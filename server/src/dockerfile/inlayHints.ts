// Dockerfile inlay hints: the value a variable in a FROM line resolves to, when the Dockerfile alone decides it
// (global ARG defaults, `${NAME:-word}` words). Pure.
import type { InlayHint, Range } from 'vscode-languageserver-types';
import { expandWord, type Lookup } from './checks/buildkitExpand';
import { PLATFORM_ARG_DEFAULTS, comparePositions } from './checks/buildkitScope';
import { contains } from './locate';
import type { DockerfileModel, Instruction, Token, VariableReference } from './model';
import { variablesIn } from './variables';

/** Longest value shown in a hint; longer ones are cut with an ellipsis. */
const MAX_LABEL = 40;
/** Nesting depth followed through `${A:-${B:-...}}` words. */
const MAX_DEPTH = 16;

/** What the Dockerfile alone says about a global ARG. */
type ArgState =
  | { kind: 'known'; value: string; declaration: Instruction; text: string }
  | { kind: 'unset'; declaration?: Instruction }
  /** Depends on the build (platform ARGs) or on something unknown. */
  | { kind: 'unknown' };

export function inlayHints(model: DockerfileModel, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  try {
    const states = globalStates(model);
    for (const stage of model.stages) {
      const from = stage.from;
      if (from.range.end.line < range.start.line) continue;
      if (from.range.start.line > range.end.line) break;
      // BuildKit takes the name after AS as written (it expands only the flags and the image).
      const name = stage.name?.range.start;
      for (const reference of topLevel(from.variables)) {
        if (!contains(range, reference.range.end)) continue;
        if (name && comparePositions(reference.range.start, name) >= 0) continue;
        const hint = hintFor(reference, states, model.escape);
        if (hint) hints.push(hint);
      }
    }
  } catch {
    // A provider never fails the request.
  }
  return hints;
}

/** The global ARGs in file order, each default expanded with the ARGs before it. */
function globalStates(model: DockerfileModel): Map<string, ArgState> {
  const states = new Map<string, ArgState>();
  for (const name of PLATFORM_ARG_DEFAULTS.keys()) states.set(name, { kind: 'unknown' });
  for (const declaration of model.globalArgs) {
    for (const pair of declaration.pairs) {
      const name = pair.key.value;
      if (PLATFORM_ARG_DEFAULTS.has(name)) continue; // set by the builder, whatever the default says
      if (!pair.value) {
        // `ARG NAME` again keeps an earlier default, as BuildKit does.
        if (!states.has(name)) states.set(name, { kind: 'unset', declaration });
        continue;
      }
      const value = pair.value.value;
      const text = `ARG ${name}=${value}`;
      states.set(name, known(value, states, model.escape, 0) ? { kind: 'known', value: expand(value, states, model.escape), declaration, text } : { kind: 'unknown' });
    }
  }
  return states;
}

/** References that are not inside the modifier word of another one. */
function topLevel(references: readonly VariableReference[]): VariableReference[] {
  const out: VariableReference[] = [];
  for (const reference of references) {
    const last = out[out.length - 1];
    if (last && contains(last.range, reference.range.start) && contains(last.range, reference.range.end)) continue;
    out.push(reference);
  }
  return out;
}

function hintFor(reference: VariableReference, states: Map<string, ArgState>, escape: string): InlayHint | undefined {
  if (!knownReference(reference, states, escape, 0)) return undefined;
  const state = states.get(reference.name) ?? { kind: 'unset' };
  const text = rebuild(reference);
  const value = expand(text, states, escape);
  return { position: reference.range.end, label: `= ${label(value)}`, paddingLeft: true, tooltip: origin(reference, state) };
}

/** Where the value comes from, in words: "ARG NODE_VERSION=20 on line 1", and what a modifier did with it. */
function origin(reference: VariableReference, state: ArgState): string {
  const line = state.kind !== 'unknown' && state.declaration ? ` on line ${state.declaration.range.start.line + 1}` : '';
  const source =
    state.kind === 'known' ? `${state.text}${line}` : state.kind === 'unset' && state.declaration ? `ARG ${reference.name}${line} has no default` : `${reference.name} is not declared`;
  const modifier = reference.modifier;
  if (!modifier || modifier === '?' || modifier === ':?') return source;
  const empty = state.kind !== 'known' || (modifier.startsWith(':') && state.value === '');
  if (modifier === '-' || modifier === ':-') return empty ? `${source}: the default after \`${modifier}\` applies` : source;
  if (modifier === '+' || modifier === ':+') return empty ? `${source}: \`${modifier}\` gives an empty value` : `${source}: the word after \`${modifier}\` applies`;
  return `${source}, then changed by \`${modifier}\``;
}

function label(value: string): string {
  if (value === '') return '""';
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > MAX_LABEL ? `${oneLine.slice(0, MAX_LABEL - 1)}…` : oneLine;
}

/** The reference's text back from its parts (its range may span continuation lines). */
function rebuild(reference: VariableReference): string {
  if (!reference.braced) return `$${reference.name}`;
  return reference.modifier === undefined ? `\${${reference.name}}` : `\${${reference.name}${reference.modifier}${reference.word ?? ''}}`;
}

/** Expands a text with the known values; unset names are unset (callers checked that nothing unknown matters). */
function expand(text: string, states: Map<string, ArgState>, escape: string): string {
  const lookup: Lookup = (name) => {
    const state = states.get(name);
    return state?.kind === 'known' ? state.value : state?.kind === 'unknown' ? null : undefined;
  };
  return expandWord(text, lookup, escape).value;
}

/** Whether the Dockerfile alone decides what a text expands to. */
function known(text: string, states: Map<string, ArgState>, escape: string, depth: number): boolean {
  if (!text.includes('$')) return true;
  if (depth >= MAX_DEPTH) return false;
  const token: Token = { value: text, range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } } };
  // Syntax errors only: with every name set and non-empty, `${X:?}` cannot fail.
  if (expandWord(text, () => 'x', escape).error) return false;
  return topLevel(variablesIn(token, escape)).every((reference) => knownReference(reference, states, escape, depth + 1));
}

function knownReference(reference: VariableReference, states: Map<string, ArgState>, escape: string, depth: number): boolean {
  const state = states.get(reference.name) ?? { kind: 'unset' };
  if (state.kind === 'unknown') return false;
  const modifier = reference.modifier;
  const word = reference.word ?? '';
  if (!modifier) return state.kind === 'known';
  const empty = state.kind === 'unset' || (modifier.startsWith(':') && state.value === '');
  switch (modifier) {
    case '-':
    case ':-':
      return empty ? known(word, states, escape, depth) : true;
    case '+':
    case ':+':
      return empty ? true : known(word, states, escape, depth);
    case '?':
    case ':?':
      return !empty;
    default: // # ## % %% / //: the value is trimmed or replaced by a pattern
      return state.kind === 'known' && known(word, states, escape, depth);
  }
}
