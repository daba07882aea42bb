// Schema validation of a Compose file: walks the `yaml` node tree against our key metadata (COMPOSE_ROOT)
// and reports unknown keys, values of the wrong type, invalid values and deprecated keys, all at once.
//
// - Merge keys (`<<: *x`, `<<: [*a, *b]`, `<<: {...}`) are not keys: the merged mapping's keys are checked
//   against the mapping they are merged into.
// - Aliases are followed, but what an alias reaches is reported where it is written (at the anchor), and
//   every anchored node is checked at most once per kind of place it is used in, so an anchor used by a
//   hundred services yields one finding, and alias expansion is bounded (a budget on top of that).
// - `!reset` / `!override` values may be empty; otherwise they are checked like any value.
// - `version` (obsolete, reported elsewhere) and the content of `x-` extension fields are not checked.
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { isAlias, isMap, isScalar, isSeq } from './yamlKinds';
import type { Finding } from '../diagnostics/types';
import { closest } from '../util/closest';
import { childOf, COMPOSE_ROOT, MERGE_KEY } from './schema';
import type { KeyDoc } from './schema';
import { actual, capitalize, emptyVerdict, expected, quote, scalarOf, scalarProblem, takesMap, takesSeq } from './schemaCheckValue';
import { accepts, anchor, expand, firstAnchoredCheck, newWalk, report, skip, where } from './schemaCheckWalk';
import type { RangeOf, Walk } from './schemaCheckWalk';
import { checkEntry } from './schemaCheckEntry';
import { isMergeKey, isNode, isResetToEmpty } from './schemaCheckYaml';
import { innerRange, yamlString } from './checks/fixText';
import type { ComposeModel } from './model';

export type { RangeOf } from './schemaCheckWalk';
export { COMPOSE_CUSTOM_TAGS } from './schemaCheckYaml';

/**
 * Where a value stands, for messages: a key/value Pair (the key names it), an entry of a list under a key
 * (`entry`), the merge key, or the top of the file (`TOP`).
 */
interface Place {
  readonly key?: unknown;
  readonly name?: string;
  readonly entry?: boolean;
}

const TOP: Place = {};

/**
 * Checks a parsed Compose document against the Compose Specification's key metadata. Parse it with
 * `{ merge: true, customTags: COMPOSE_CUSTOM_TAGS }` (merge keys also work without `merge`).
 */
export function validateSchema(document: Document.Parsed, rangeOf: RangeOf): Finding[] {
  return validateSchemaNode((document.contents as Node | null) ?? null, rangeOf);
}

/**
 * The same for the top node of a Compose file when there is no single `Document` (e.g. a tree assembled from
 * separately parsed blocks); `rangeOf` gets the offending nodes themselves.
 */
export function validateSchemaNode(contents: Node | null, rangeOf: RangeOf, model?: ComposeModel): Finding[] {
  if (contents === null || (isScalar(contents) && contents.value === null)) return [];
  // A file of several documents: each is read on its own (anchors do not cross documents), then merged.
  if (model?.documents && contents === model.root) return model.documents.flatMap((document) => validateSchemaNode(document.root, rangeOf, model));
  const walk = newWalk(contents, rangeOf);
  if (model) walk.model = model;
  check(walk, contents, COMPOSE_ROOT, TOP);
  return walk.findings;
}

function check(walk: Walk, node: unknown, doc: KeyDoc, place: Place): void {
  // Scalars first: most nodes are scalars, and each node-type test costs a property read.
  if (isScalar(node)) {
    if (node.anchor && !firstAnchoredCheck(walk, node, doc)) return;
    if (doc.type === 'any' || (node.tag !== undefined && isResetToEmpty(node))) return;
    checkScalar(walk, node, doc, place);
  } else if (isMap(node)) {
    if (node.anchor && !firstAnchoredCheck(walk, node, doc)) return;
    if (doc.type === 'any') return skip(walk, node);
    if (node.tag !== undefined && isResetToEmpty(node)) return;
    if (takesMap(doc)) checkMap(walk, node, doc);
    else wrongType(walk, node, doc, place, 'map');
  } else if (isSeq(node)) {
    if (node.anchor && !firstAnchoredCheck(walk, node, doc)) return;
    if (doc.type === 'any') return skip(walk, node);
    if (node.tag !== undefined && isResetToEmpty(node)) return;
    if (takesSeq(doc)) checkSeq(walk, node, doc, place);
    else wrongType(walk, node, doc, place, 'seq');
  } else if (isAlias(node)) {
    if (doc.type !== 'any') expand(walk, node, (target) => check(walk, target, doc, place));
  } else if (doc.type !== 'any') {
    checkScalar(walk, null, doc, place); // a pair without a value at all
  }
}

function checkMap(walk: Walk, map: YAMLMap, doc: KeyDoc): void {
  const pairs = map.items as Pair[];
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]; // indexed loops: this runs cold on the first validation, where for-of costs
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode)) {
      skip(walk, keyNode); // complex keys: a YAML oddity Compose has no use for
      skip(walk, pair.value);
      continue;
    }
    const raw = keyNode.value;
    if ((raw === MERGE_KEY || typeof raw === 'symbol') && isMergeKey(keyNode)) {
      checkMerge(walk, pair.value, doc);
      continue;
    }
    if (keyNode.anchor) anchor(walk, keyNode);
    const name = typeof raw === 'string' ? raw : String(scalarOf(raw));
    const child = childOf(doc, name);
    if (!child) unknownKey(walk, map, keyNode, name, doc);
    if (!child || child.obsolete || (doc === COMPOSE_ROOT && name === 'version')) {
      skip(walk, pair.value); // `version` is obsolete; the diagnostics report that
      continue;
    }
    if (child.deprecated) deprecatedKey(walk, keyNode, name, child);
    walk.path.push(name);
    checkEntry(walk, pair, keyNode, child, check);
    walk.path.pop();
  }
}

function checkSeq(walk: Walk, seq: YAMLSeq, doc: KeyDoc, place: Place): void {
  const items = doc.items;
  if (!items) return skip(walk, seq);
  const name = place.name ?? keyName(place);
  const entry: Place = name === undefined ? TOP : { name, entry: true };
  for (let index = 0; index < seq.items.length; index++) {
    walk.path.push(index);
    check(walk, seq.items[index], items, entry);
    walk.path.pop();
  }
}

/** `<<: *a`, `<<: [*a, *b]` or `<<: { ... }`: the merged mappings' keys count as keys of the mapping merged into. */
function checkMerge(walk: Walk, value: unknown, doc: KeyDoc): void {
  const sources = isSeq(value) ? value.items : [value];
  if (isSeq(value) && value.anchor) anchor(walk, value);
  const place: Place = { name: MERGE_KEY };
  for (const source of sources) {
    if (isAlias(source)) expand(walk, source, (target) => mergeTarget(walk, target, doc, place, source, isAlias(value)));
    else mergeSource(walk, source, doc, place, source);
  }
}

/**
 * What an alias of a merge stands for: a mapping, or (`<<: *list`, the alias being the merge key's whole value)
 * a list of mappings, each merged in turn, as go-yaml does.
 */
function mergeTarget(walk: Walk, target: Node, doc: KeyDoc, place: Place, written: Node, whole: boolean): void {
  if (!whole || !isSeq(target)) return mergeSource(walk, target, doc, place, written);
  for (const item of target.items) {
    if (isAlias(item)) expand(walk, item, (inner) => mergeSource(walk, inner, doc, place, written));
    else mergeSource(walk, item, doc, place, written);
  }
}

function mergeSource(walk: Walk, source: unknown, doc: KeyDoc, place: Place, written: unknown): void {
  if (isMap(source)) return check(walk, source, doc, place);
  if (isNode(source) && source.anchor) anchor(walk, source);
  skip(walk, source);
  const what = isSeq(source) ? 'a list' : actual(isScalar(source) ? scalarOf(source.value) : null);
  const message = `The merge key \`${MERGE_KEY}\` takes a mapping, an alias of one, or a list of them, not ${what}.`;
  report(walk, 'invalid-type', message, isNode(written) ? written : null, 'error');
}

function checkScalar(walk: Walk, node: Scalar | null, doc: KeyDoc, place: Place): void {
  const raw = node === null ? null : node.value;
  const value = typeof raw === 'string' ? raw : scalarOf(raw);
  if (value !== null) {
    if (plainlyAccepted(doc, value) || accepts(walk, doc, value)) return;
    const problem = scalarProblem(doc, value, subject(place));
    const finding = report(walk, problem.code, problem.message, node ?? keyNodeOf(place), 'error');
    const fix = finding && node ? scalarFix(walk, node, doc, value, problem.code, finding.range) : undefined;
    if (finding && fix) finding.fix = fix;
    return;
  }
  const verdict = emptyVerdict(doc);
  if (verdict === 'ok') return;
  const message =
    verdict === 'warning'
      ? `${capitalize(subject(place))} is empty: Compose rejects an empty value here (it expects ${expected(doc)}); add entries or remove the key.`
      : `${capitalize(subject(place))} expects ${expected(doc)}, not an empty value.`;
  // An empty value has no text of its own: point at its key when there is one.
  const empty = !node?.range || node.range[0] === node.range[1];
  report(walk, 'invalid-type', message, (empty && keyNodeOf(place)) || node, verdict);
}

/**
 * The most common values `valueAccepts` accepts, answered without it (it was most of the time of a walk):
 * any value of a `scalar` key (environment, labels ...), any string of an unconstrained string key.
 */
function plainlyAccepted(doc: KeyDoc, value: string | number | boolean): boolean {
  if (doc.type === 'scalar') return true;
  return typeof value === 'string' && (doc.type === 'string' || doc.type === 'string-or-list') && !doc.values && !doc.pattern;
}

/**
 * The obvious fix of a rejected scalar: the closest allowed value of an enum (in place of the text, quotes kept),
 * or quotes around a number or boolean where a string is expected (the text as written becomes that string).
 */
function scalarFix(walk: Walk, node: Scalar, doc: KeyDoc, value: string | number | boolean, code: string, range: Range): Finding['fix'] {
  const oneLine = range.start.line === range.end.line;
  // A word only: `on-failur:3` is no typo of a value (the `:3` would be lost).
  if (code === 'invalid-value' && typeof value === 'string' && doc.values && /^[\w.-]+$/.test(value) && oneLine) {
    const plain = node.type === 'PLAIN';
    if (!plain && node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') return undefined;
    const suggestion = closest(value, doc.values);
    if (suggestion === undefined) return undefined;
    return { title: `Change to \`${suggestion}\``, range: innerRange(range, node.type), newText: plain ? yamlString(suggestion) : suggestion };
  }
  const source = node.source;
  if (code === 'invalid-type' && node.type === 'PLAIN' && typeof value !== 'string' && oneLine && typeof source === 'string' && takesString(doc)) {
    if (!accepts(walk, doc, source) || !/^[\w.+-]+$/.test(source)) return undefined;
    return { title: `Quote ${quote(source)} as a string`, range: { start: { ...range.start }, end: { ...range.end } }, newText: `"${source}"` };
  }
  return undefined;
}

function takesString(doc: KeyDoc): boolean {
  return [doc.type, ...(doc.alternatives ?? [])].some((form) => form === 'string' || form === 'string-or-list');
}

function wrongType(walk: Walk, node: Node, doc: KeyDoc, place: Place, what: 'map' | 'seq'): void {
  skip(walk, node);
  report(walk, 'invalid-type', `${capitalize(subject(place))} expects ${expected(doc)}, not ${actual(what)}.`, node, 'error');
}

function unknownKey(walk: Walk, map: YAMLMap, keyNode: Node, name: string, doc: KeyDoc): void {
  if (doc.additional && doc.keyPattern !== undefined) {
    const noun = doc.additional.name.replace(/^<|>$/g, '');
    report(walk, 'invalid-value', `${quote(name)} is not a valid ${noun} name in ${where(walk)}: it must match ${quote(doc.keyPattern)}.`, keyNode, 'error');
    return;
  }
  const suggestion = closest(name, Object.keys(doc.children ?? {}));
  const scope = walk.path.length === 0 ? 'Unknown top-level key' : 'Unknown key';
  const inWhere = walk.path.length === 0 ? '' : ` in ${where(walk)}`;
  const extension = name.startsWith('x-') && doc.children ? ' (extension keys are not allowed here)' : '';
  const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
  const finding = report(walk, 'unknown-key', `${scope} ${quote(name)}${inWhere}${extension}${hint}.`, keyNode, 'error');
  // No quick fix when the suggested key is already there: the replacement would duplicate it.
  const taken = suggestion !== undefined && map.items.some((pair) => isScalar(pair.key) && pair.key.value === suggestion);
  if (finding && suggestion !== undefined && !taken) {
    finding.fix = { title: `Change to \`${suggestion}\``, range: innerRange(finding.range, isScalar(keyNode) ? keyNode.type : undefined), newText: suggestion };
  }
}

function deprecatedKey(walk: Walk, keyNode: Node, name: string, child: KeyDoc): void {
  const parent = walk.path[walk.path.length - 1];
  const shown = typeof parent === 'string' ? `${parent}.${name}` : name;
  const finding = report(walk, 'deprecated-key', `\`${shown}\` is deprecated: ${child.deprecated}.`, keyNode, 'warning');
  if (finding) finding.tags = ['deprecated'];
}

/** "`restart`", "an entry of `ports`", "the Compose file". */
function subject(place: Place): string {
  const name = place.name ?? keyName(place);
  if (name === undefined) return 'the Compose file';
  return place.entry ? `an entry of \`${name}\`` : `\`${name}\``;
}

function keyName(place: Place): string | undefined {
  return isScalar(place.key) ? String(scalarOf(place.key.value)) : undefined;
}

/** The key scalar of a pair, where a finding about an empty value points. */
function keyNodeOf(place: Place): Node | null {
  return isNode(place.key) ? place.key : null;
}

