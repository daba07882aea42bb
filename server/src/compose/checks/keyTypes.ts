// invalid-type (error): a mapping key that YAML reads as a number, a boolean or null (`1:`, `true:`, `~:`)
// where Compose expects text: service, network, volume, secret and config names, label and variable names,
// option names ... Compose refuses the file ("non-string key"). Quote the key to make it text. Extension
// sections (`x-...`) are left alone.
import type { Node, Pair, Scalar } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from '../yamlKinds';
import type { ComposeModel } from '../model';
import { type ComposeCheck, type Finding, type NodeFinding, toFinding } from './types';

const MAX_DEPTH = 40;

function describe(model: ComposeModel, key: Scalar): string | undefined {
  const value = key.value;
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  if (value === null) {
    const [start, end] = model.offsetsOf(key);
    return end > start ? 'null' : undefined; // an empty key (`: x`) is a syntax problem, reported as such
  }
  return undefined;
}

function keyFinding(model: ComposeModel, pair: Pair, where: string): NodeFinding | undefined {
  const key = pair.key;
  if (!isScalar(key)) return undefined;
  const kind = describe(model, key);
  if (!kind) return undefined;
  const [start, end] = model.offsetsOf(key);
  const text = model.text.slice(start, end);
  return {
    code: 'invalid-type',
    message: `The key ${text} ${where} is read as ${kind}, but Compose only accepts text keys here. Quote it: "${text}".`,
    node: key,
    severity: 'error',
  };
}

/** Non-text keys in a node's subtree (aliases are not followed: the anchored node is checked where it is written). */
function walk(model: ComposeModel, node: unknown, where: string, found: NodeFinding[], depth: number): void {
  if (depth > MAX_DEPTH || !node || isAlias(node)) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const finding = keyFinding(model, pair, where);
      if (finding) found.push(finding);
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key === 'string' && key.startsWith('x-')) continue;
      walk(model, pair.value, where, found, depth + 1);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) walk(model, item, where, found, depth + 1);
  }
}

export const keyTypeCheck: ComposeCheck = ({ model }) => {
  const root = model.root;
  // The parse noted every key that is not text: most files have none, and nothing to walk for.
  if (!root || !isMap(root) || model.nonTextKeys.length === 0) return [];
  const findings: Finding[] = [];
  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const top = keyFinding(model, pair, 'at the top level');
    if (top) findings.push(toFinding(model, top));
    const section = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof section !== 'string' || section.startsWith('x-') || !pair.value || !isMap(pair.value)) continue;
    for (const inner of pair.value.items) {
      if (!isPair(inner)) continue;
      const name = isScalar(inner.key) ? inner.key.value : undefined;
      const named = keyFinding(model, inner, `under "${section}"`);
      if (named) findings.push(toFinding(model, named));
      if (typeof name === 'string' && name.startsWith('x-')) continue;
      const value = inner.value as Node | null;
      if (!value || !(isMap(value) || isSeq(value))) continue;
      const where = `in "${section}.${typeof name === 'string' ? name : String(name)}"`;
      for (const found of model.memo(value, 'key-types', () => {
        const list: NodeFinding[] = [];
        walk(model, value, where, list, 0);
        return list;
      })) findings.push(toFinding(model, found));
    }
  }
  return findings;
};
