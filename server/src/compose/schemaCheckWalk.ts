// The state of one schema-check walk: findings (deduplicated), the path for messages, anchors in document
// order, alias expansion with its budget, and remembered `valueAccepts` answers. Used by schemaCheck.ts.
import type { Range } from 'vscode-languageserver-types';
import type { Alias, Node } from 'yaml';
import type { Finding } from '../diagnostics/types';
import type { ComposeModel } from './model';
import { valueAccepts } from './schema';
import type { KeyDoc } from './schema';
import { aliasTargets, forEachAnchor } from './schemaCheckYaml';

/** Turns a node's offsets into an LSP range; the caller knows where the text sits. */
export type RangeOf = (node: { range?: [number, number, number] | null }) => Range;

/** How many aliases one validation follows at most (each anchor is expanded once per place anyway). */
const ALIAS_BUDGET = 10_000;

export interface Walk {
  readonly contents: Node | null;
  readonly rangeOf: RangeOf;
  readonly findings: Finding[];
  /** Findings made so far at each node, as `code|message`. */
  readonly reported: Map<Node, Set<string>>;
  /** Keys and indexes from the top to the current value, for messages. */
  readonly path: (string | number)[];
  /** Each anchored node with the docs it was checked against. */
  readonly checked: Map<Node, Set<KeyDoc>>;
  /** Answers of `valueAccepts` so far. */
  readonly accepted: Map<KeyDoc, Map<string | number | boolean, boolean>>;
  /** Anchors met so far in document order, by name. */
  readonly anchors: Map<string, Node>;
  /** Exact alias targets, computed once an anchor name turns out to be defined twice. */
  exact?: Map<Alias, Node | undefined>;
  /** How deep we are inside alias expansions (anchors there were met before). */
  expanding: number;
  budget: number;
  /** What the walk of one entry touched outside its own nodes, while it is recorded (see schemaCheck.ts). */
  recording?: Recording;
  /** The model the walked tree belongs to, when there is one: entries' walks are remembered with its blocks. */
  model?: ComposeModel;
}

/**
 * The walk of one entry (a service ...), as far as it reached outside the entry's own nodes: the aliases it
 * followed, the anchored nodes it found already checked, and whether it did anything else (met an anchor,
 * checked an anchored node for the first time).
 */
export interface Recording {
  aliases: [Alias, Node | undefined][];
  alreadyChecked: [Node, KeyDoc][];
  /** False once the walk did something its findings alone cannot repeat. */
  replayable: boolean;
}

/** A fresh walk over a document whose top node is `contents`. */
export function newWalk(contents: Node | null, rangeOf: RangeOf): Walk {
  return {
    contents, rangeOf, findings: [], reported: new Map(), path: [], checked: new Map(), accepted: new Map(), anchors: new Map(),
    expanding: 0, budget: ALIAS_BUDGET,
  };
}

/** `valueAccepts`, remembered per key doc and value for this walk (values repeat a lot: conditions, intervals ...). */
export function accepts(walk: Walk, doc: KeyDoc, value: string | number | boolean): boolean {
  let known = walk.accepted.get(doc);
  if (!known) walk.accepted.set(doc, (known = new Map()));
  let answer = known.get(value);
  if (answer === undefined) known.set(value, (answer = valueAccepts(doc, value)));
  return answer;
}

/** `services.web.ports[0]`, the place of the current value. */
export function where(walk: Walk): string {
  let text = '';
  for (const segment of walk.path) text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
  return `\`${text}\``;
}

/**
 * Adds a finding at `node` (the caller's `rangeOf` gets the node itself: its offsets may be relative to a
 * block of the file), unless the same finding was made there already (an anchor checked in two places).
 */
export function report(walk: Walk, code: string, message: string, node: Node | null, severity: 'error' | 'warning'): Finding | undefined {
  const at = node?.range ? node : walk.contents;
  if (!at?.range) return undefined;
  const id = `${code}|${message}`;
  let done = walk.reported.get(at);
  if (!done) walk.reported.set(at, (done = new Set()));
  if (done.has(id)) return undefined;
  done.add(id);
  const finding: Finding = { code, message, range: walk.rangeOf(at), severity };
  walk.findings.push(finding);
  return finding;
}

/** Notes the anchor; false when the node was already checked against `doc` (it is used more than once). */
export function firstAnchoredCheck(walk: Walk, node: Node, doc: KeyDoc): boolean {
  anchor(walk, node);
  let docs = walk.checked.get(node);
  if (!docs) walk.checked.set(node, (docs = new Set()));
  if (docs.has(doc)) {
    walk.recording?.alreadyChecked.push([node, doc]);
    return false;
  }
  docs.add(doc);
  if (walk.recording) walk.recording.replayable = false;
  return true;
}

/** Notes an anchor met in document order (inside an alias expansion, the anchors were met before). */
export function anchor(walk: Walk, node: Node): void {
  if (walk.expanding > 0 || !node.anchor) return;
  if (walk.recording) walk.recording.replayable = false;
  const previous = walk.anchors.get(node.anchor);
  if (previous !== undefined && previous !== node && !walk.exact) walk.exact = aliasTargets(walk.contents);
  walk.anchors.set(node.anchor, node);
}

/** Notes the anchors of a subtree that is not checked, so that aliases to them still resolve. */
export function skip(walk: Walk, node: unknown): void {
  if (walk.expanding === 0) forEachAnchor(node, (found) => anchor(walk, found));
}

/** Runs `then` on the node an alias stands for, within the alias budget; reports at the anchor, not here. */
export function expand(walk: Walk, alias: Alias, then: (target: Node) => void): void {
  if (walk.budget <= 0) return;
  walk.budget--;
  const target = walk.exact ? walk.exact.get(alias) : walk.anchors.get(alias.source);
  walk.recording?.aliases.push([alias, target]);
  if (!target) return; // an alias without its anchor is a YAML error, which the parser reports
  walk.expanding++;
  try {
    then(target);
  } finally {
    walk.expanding--;
  }
}
