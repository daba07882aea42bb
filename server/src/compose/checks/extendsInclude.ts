// - missing-key: an `extends` map without `service` (Compose requires the name of the service to extend,
//   also when `file` says where it is). An `extends` naming a service this file does not define is reported
//   by undefined.ts (undefined-service).
// - include-cycle: a top-level `include` that leads back to this file, directly or through the files it
//   includes (followed through `loadFile`, at most MAX_FILES files). Compose refuses such a project.
import * as path from 'path';
import type { Node } from 'yaml';
import { isMap } from '../yamlKinds';
import type { ComposeModel } from '../model';
import { scalarText } from '../model';
import { entryOf, itemsOf, mapOf, present, type ServiceView } from './services';
import { type ComposeCheck, type ComposeCheckContext, type Finding, type NodeFinding, toFinding } from './types';

const MAX_FILES = 32;

function extendsFindings(model: ComposeModel, service: ServiceView): NodeFinding[] {
  const entry = service.get('extends');
  const value = entry?.value;
  if (!entry || !value || !isMap(value)) return [];
  if (entryOf(model, value, 'service')) return [];
  const file = scalarText(entryOf(model, value, 'file')?.value);
  const message =
    file !== undefined
      ? `"extends" names the file "${file}" but not the "service" to extend in it: Compose requires "service".`
      : '"extends" needs "service": the name of the service to extend.';
  return [{ code: 'missing-key', message, node: entry.keyNode, severity: 'error' }];
}

/** The path nodes of a model's top-level `include` (string items, `path:` strings and lists). */
export function includePathNodes(model: ComposeModel): Node[] {
  const root = mapOf(model, model.root);
  const nodes: Node[] = [];
  for (const item of itemsOf(model, root ? present(model.get(root, 'include'))?.value : undefined)) {
    const value = isMap(item) ? entryOf(model, item, 'path')?.value : item;
    const list = itemsOf(model, value);
    for (const node of list.length > 0 ? list : value ? [value] : []) if (scalarText(node) !== undefined) nodes.push(node);
  }
  return nodes;
}

function resolvedPath(folder: string, node: Node): string | undefined {
  const text = scalarText(node);
  if (!text || text.includes('$') || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) || /^(oci|git)[:@]/.test(text)) return undefined;
  return path.resolve(folder, text);
}

/** The chain of files from `start` back to `target` through includes, or undefined (bounded breadth-first walk). */
function chainBack(context: ComposeCheckContext, start: string, target: string): string[] | undefined {
  if (!context.loadFile) return undefined;
  const previous = new Map<string, string | undefined>([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0 && previous.size <= MAX_FILES) {
    const file = queue.shift()!;
    const model = context.loadFile(file);
    if (!model) continue;
    for (const node of includePathNodes(model)) {
      const next = resolvedPath(path.dirname(file), node);
      if (!next) continue;
      if (next === target) {
        const chain = [file];
        for (let at = previous.get(file); at !== undefined; at = previous.get(at)) chain.unshift(at);
        return chain;
      }
      if (previous.has(next)) continue;
      previous.set(next, file);
      queue.push(next);
    }
  }
  return undefined;
}

function includeFindings(context: ComposeCheckContext): Finding[] {
  const { model, file, folder } = context;
  if (!file || !folder) return [];
  const findings: Finding[] = [];
  for (const node of includePathNodes(model)) {
    const included = resolvedPath(folder, node);
    if (!included) continue;
    let message: string | undefined;
    if (included === file) message = 'This file includes itself: Compose refuses an include cycle. Remove this entry.';
    else {
      const chain = chainBack(context, included, file);
      if (chain) {
        const names = [...chain, file].map((p) => path.relative(folder, p) || path.basename(p));
        message = `This include leads back to this file (${names.join(' -> ')}): Compose refuses an include cycle.`;
      }
    }
    if (message) findings.push({ code: 'include-cycle', message, range: model.rangeOf(node), severity: 'error' });
  }
  return findings;
}

export const extendsIncludeCheck: ComposeCheck = (context) => {
  const { model, services } = context;
  const findings: Finding[] = [];
  for (const service of services) {
    if (!service.map) continue;
    for (const found of model.memo(service.map, 'extends-rules', () => extendsFindings(model, service))) findings.push(toFinding(model, found));
  }
  findings.push(...includeFindings(context));
  return findings;
};
