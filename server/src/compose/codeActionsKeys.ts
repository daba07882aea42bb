// Compose fixes computed from the model for keys: removing the obsolete version (and the blank gap it leaves),
// `external: { name: x }` -> `name: x` + `external: true`, and removing a pair written twice word for word. Each
// finds its node from the diagnostic's range through an index built once per request. Pure.
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from './yamlKinds';
import type { Diagnostic } from 'vscode-languageserver-types';
import { sameRange } from '../util/editSet';
import { mapOf, present } from './checks/services';
import { DECLARED_KINDS } from './codeActionsDeclare';
import { cached, type Fix, type FixContext, linesRemoval, ownsItsLines, rangeKey } from './codeActionsContext';
import type { ComposeModel, DuplicateKey, MapEntry } from './model';

/**
 * obsolete-version: the version's whole lines. At the top of the file (or after a blank line) the blank lines after
 * it go too, and when nothing follows it, the blank lines before it: the file neither starts nor ends with a blank
 * gap it did not have. Undefined when the diagnostic is not about the model's version (its data is used then).
 */
export function versionFix(ctx: FixContext, diagnostic: Diagnostic): Fix[] | undefined {
  const { model } = ctx;
  const root = model.root;
  const entry = root && isMap(root) && !root.flow ? model.get(root, 'version') : undefined;
  if (!entry || entry.merged || !sameRange(model.rangeOf(entry.keyNode), diagnostic.range)) return undefined;
  const range = model.rangeOf(entry.pair);
  if (!ownsItsLines(model, range)) return [];
  const blank = (line: number) => model.lineText(line).trim() === '';
  const finalBreak = model.lineCount > 1 && model.lineText(model.lineCount - 1) === '';
  const lastLine = finalBreak ? model.lineCount - 2 : model.lineCount - 1;
  let from = range.start.line;
  let to = range.end.line;
  if (from === 0 || blank(from - 1)) while (to < lastLine && blank(to + 1)) to++;
  if (to === lastLine) while (from > 0 && blank(from - 1)) from--;
  return [{ title: 'Remove the obsolete version line', edits: [{ range: linesRemoval(model, from, to), newText: '' }], preferred: true }];
}

interface ExternalName {
  map: YAMLMap;
  external: MapEntry;
  externalMap: YAMLMap;
  nameEntry: MapEntry;
}

/** Every `external: { name: ... }` of a volume, network, secret or config, by the range of its `name` key. */
function externalNames(model: ComposeModel): Map<string, ExternalName> {
  const index = new Map<string, ExternalName>();
  for (const kind of DECLARED_KINDS) {
    for (const definition of model.names[kind].values()) {
      const map = mapOf(model, definition.value);
      const external = map ? present(model.get(map, 'external')) : undefined;
      const externalMap = mapOf(model, external?.value);
      const nameEntry = externalMap ? present(model.get(externalMap, 'name')) : undefined;
      if (map && external && externalMap && nameEntry) index.set(rangeKey(model.rangeOf(nameEntry.keyNode)), { map, external, externalMap, nameEntry });
    }
  }
  return index;
}

/**
 * deprecated-key on `external: { name: x }`: `external: true` and `name: x` on the definition itself (one line
 * each, or side by side in a `{...}` map); when the definition has the same `name` already, `external: true` alone.
 * Both checks that report it (ours and the schema's) get the same fix. Undefined for another deprecated key.
 */
export function externalNameFix(ctx: FixContext, diagnostic: Diagnostic): Fix[] | undefined {
  const { model } = ctx;
  const found = cached(ctx, 'externals', () => externalNames(model)).get(rangeKey(diagnostic.range));
  if (!found) return undefined;
  const { map, external, externalMap, nameEntry } = found;
  if (external.merged || externalMap.items.length !== 1 || !isScalar(nameEntry.value)) return [];
  const written = oneLineText(model, nameEntry.value);
  const own = present(model.get(map, 'name'));
  if (written === undefined || (own && !isScalar(own.value))) return [];
  if (own && (own.value as Scalar).value !== nameEntry.value.value) return []; // two different names: conflicting-keys
  const keyStart = model.rangeOf(external.keyNode).start;
  if (!map.flow && model.lineText(keyStart.line).slice(0, keyStart.character).trim() !== '') return [];
  const separator = map.flow ? ', ' : ctx.eol + ' '.repeat(keyStart.character);
  const newText = own ? 'external: true' : `external: true${separator}name: ${written}`;
  const title = own ? 'Use external: true (the name is already set)' : 'Use name and external: true';
  return [{ title, edits: [{ range: model.rangeOf(external.pair), newText }], preferred: true }];
}

/** The text of a node as written, when it is on one line. */
function oneLineText(model: ComposeModel, node: Node): string | undefined {
  const text = model.text.slice(...model.offsetsOf(node));
  return /[\r\n]/.test(text) ? undefined : text;
}

/** The pair of every key written twice (both places), by key node: one walk of the tree, aliases not followed. */
function pairsOfDuplicates(model: ComposeModel): Map<Node, Pair> {
  const wanted = new Set<Node>(model.duplicateKeys.flatMap((d) => [d.first, d.duplicate]));
  const pairs = new Map<Node, Pair>();
  const stack: unknown[] = [model.root];
  while (stack.length > 0 && pairs.size < wanted.size) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        if (wanted.has(pair.key as Node)) pairs.set(pair.key as Node, pair);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
  }
  return pairs;
}

/**
 * duplicate-key where the later pair repeats the first one word for word (`image: nginx` twice): removing its lines
 * changes nothing. Two different values are the user's to choose between: no fix.
 */
export function repeatedPairFix(ctx: FixContext, diagnostic: Diagnostic): Fix[] {
  const { model } = ctx;
  const duplicates = cached(ctx, 'duplicates', () => new Map<string, DuplicateKey>(model.duplicateKeys.map((d) => [rangeKey(model.rangeOf(d.duplicate)), d])));
  const duplicate = duplicates.get(rangeKey(diagnostic.range));
  if (!duplicate) return [];
  const pairs = cached(ctx, 'duplicatePairs', () => pairsOfDuplicates(model));
  const first = pairs.get(duplicate.first);
  const later = pairs.get(duplicate.duplicate);
  if (!first || !later) return [];
  const textOfPair = (pair: Pair) => model.text.slice(...model.offsetsOf(pair));
  const range = model.rangeOf(later);
  if (textOfPair(first) !== textOfPair(later) || !ownsItsLines(model, range)) return [];
  return [{ title: `Remove the repeated "${duplicate.key}"`, edits: [{ range: linesRemoval(model, range.start.line, range.end.line), newText: '' }], preferred: true }];
}
