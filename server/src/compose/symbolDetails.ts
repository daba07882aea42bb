// The one-line `detail` of the Compose outline's symbols: what a service runs, how a volume, network, secret
// or config is provided, what a key is set to. Pure; each detail reads a bounded part of the model (the
// effective keys of one map, the first characters of one value).
import type { Node, YAMLMap } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from './yamlKinds';
import { oneLine } from '../util/symbolText';
import { mapOf, present } from './checks/services';
import type { ComposeModel } from './model';
import { scalarText } from './model';

/** The longest detail shown, in characters (longer ones end with '…'). */
export const DETAIL_MAX = 60;

/**
 * A value in one line: a scalar as Compose reads it (a block scalar's lines joined), an alias as `*name`, a
 * flow collection written on one line as written, any other collection as its size ("2 entries", "3 keys").
 * `!reset` / `!override` and an anchor come first (`&common 2 keys`). Undefined for an empty value.
 */
export function valueDetail(model: ComposeModel, node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (isAlias(node)) return oneLine(`*${node.source}`, DETAIL_MAX);
  let prefix = node.tag === '!reset' || node.tag === '!override' ? `${node.tag} ` : '';
  if (node.anchor) prefix += `&${node.anchor} `;
  let text: string | undefined;
  if (isScalar(node)) text = scalarText(node);
  else if (isMap(node) || isSeq(node)) text = (node.flow ? oneLineSource(model, node) : undefined) ?? size(node.items.length, isMap(node));
  if (text === undefined) return prefix ? oneLine(prefix, DETAIL_MAX) : undefined;
  return oneLine(prefix ? prefix + text : text, DETAIL_MAX) || undefined;
}

/** "1 entry", "2 entries" for a sequence; "1 key", "2 keys" for a map. */
function size(count: number, map: boolean): string {
  if (map) return count === 1 ? '1 key' : `${count} keys`;
  return count === 1 ? '1 entry' : `${count} entries`;
}

/** The node's text as written when it is on one line. */
function oneLineSource(model: ComposeModel, node: Node): string | undefined {
  const [start, end] = model.offsetsOf(node);
  const text = model.text;
  const newline = text.indexOf('\n', start);
  return newline >= 0 && newline < end ? undefined : text.slice(start, end);
}

/**
 * A service: its image, else its build context (`build` when the build sets none), merges applied; a service
 * written as an alias with neither shows the alias.
 */
export function serviceDetail(model: ComposeModel, value: Node | null): string | undefined {
  const map = mapOf(model, value);
  if (!map) return valueDetail(model, value);
  const image = scalarText(present(model.get(map, 'image'))?.value);
  if (image !== undefined) return oneLine(image, DETAIL_MAX) || undefined;
  const build = present(model.get(map, 'build'));
  if (!build) return isAlias(value) ? valueDetail(model, value) : undefined;
  const context = model.resolve(build.value);
  const text = isMap(context) ? scalarText(present(model.get(context, 'context'))?.value) : scalarText(context);
  return text !== undefined ? oneLine(text, DETAIL_MAX) || 'build' : 'build';
}

/**
 * A volume or network: `external` when it is, else its driver. A secret or config: its file, the
 * environment variable or inline content it comes from, or `external`. A model: the model it runs.
 */
export function resourceDetail(model: ComposeModel, section: string, value: Node | null): string | undefined {
  const map = mapOf(model, value);
  if (!map) return valueDetail(model, value);
  const text = (key: string) => scalarText(present(model.get(map, key))?.value);
  let detail: string | undefined;
  if (section === 'models') detail = text('model');
  else if (section === 'volumes' || section === 'networks') detail = isExternal(model, map) ? 'external' : text('driver');
  else {
    const environment = text('environment');
    detail =
      text('file') ??
      (environment !== undefined ? `environment: ${environment}` : undefined) ??
      (present(model.get(map, 'content')) ? 'content' : undefined) ??
      (isExternal(model, map) ? 'external' : undefined);
  }
  return detail === undefined ? undefined : oneLine(detail, DETAIL_MAX) || undefined;
}

/** `external: true` (or the legacy `external: { name: ... }`); `external: false` is not. */
function isExternal(model: ComposeModel, map: YAMLMap): boolean {
  const external = model.resolve(present(model.get(map, 'external'))?.value);
  if (!external) return false;
  if (isMap(external)) return true;
  const text = scalarText(external);
  return text !== undefined && text.toLowerCase() !== 'false';
}
