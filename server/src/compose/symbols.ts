// Compose outline (documentSymbol) and workspace symbols. Pure; linear in the number of top-level keys, section
// entries and service keys (nothing deeper is visited, apart from the last-item chain that finds where a value
// ends). What a service shows is remembered per block text (symbolShapes.ts), so after an edit only the edited
// blocks are read again; positions come from one cursor moving down the text.
//
// The outline shows the file as written, top to bottom:
// - the sections `services`, `volumes`, `networks`, `secrets`, `configs`, `models` and `include` (Module), each
//   entry of a section below it: a service (Class) with its image, or else its build context, in the detail and
//   its keys as children (Property, the value in one line or its size as detail: `ports` "2 entries"); a volume,
//   network, secret, config or model (Object) with how it is provided in the detail (driver, `external`, file
//   ...); an include entry (File) named after its path;
// - each `x-` extension (Namespace), with its keys as children when it is a map;
// - any other top-level key (`name`, `version`, a misspelt one) as a plain Property with its value as detail.
// Merge keys show as written (`<<`, detail `*anchor`); aliases are not expanded (an aliased value shows as
// `*anchor`, without children). Keys Compose has dropped or deprecated (`version`) carry the Deprecated tag.
// A symbol's range runs from its key to the end of its value's content (trailing comments and blank lines are
// left out, so children stay inside their parent); its selectionRange is the key. No empty children arrays,
// details of at most DETAIL_MAX characters: the answer for a 15k-line file stays small.
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { isMap, isScalar, isSeq } from './yamlKinds';
import { SymbolKind, SymbolTag, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { matchesQuery, oneLine, queryKey, uriBaseName } from '../util/symbolText';
import type { ComposeModel } from './model';
import { isMergeKey, scalarText } from './model';
import { childOf, COMPOSE_ROOT } from './schema';
import { SERVICE_DEFINITION } from './schema/service';
import { resourceDetail, serviceDetail, valueDetail } from './symbolDetails';
import { displayName, isRetired, keyName, NAME_MAX, pairShape, spanOf, type PairShape, type Span } from './symbolShapes';
import { contentEnd, isEmptyScalar, PositionCursor } from './symbolSpans';

export { DETAIL_MAX } from './symbolDetails';

/** The top-level maps whose entries are named definitions. */
const NAMED_SECTIONS = new Set(['services', 'volumes', 'networks', 'secrets', 'configs', 'models']);

/** Hierarchical: the top-level sections (of each document), each entry a child, a service's keys below it. */
export function documentSymbols(model: ComposeModel): DocumentSymbol[] {
  const root = model.root;
  if (!root || !isMap(root)) return [];
  const outline = new Outline(model);
  const symbols: DocumentSymbol[] = [];
  // A file of several documents: each document's own sections, in file order (the merged root would make one
  // `services` symbol span the documents between).
  for (const map of model.documents?.map((d) => d.root) ?? [root]) {
    for (const pair of map.items as Pair[]) {
      const symbol = outline.topLevel(pair);
      if (symbol) symbols.push(symbol);
    }
  }
  return symbols;
}

/** The services of the given compose files whose names match `query` (case-insensitive subsequence; "" matches all). */
export function workspaceSymbols(files: readonly { uri: string; model: ComposeModel }[], query: string): WorkspaceSymbol[] {
  const wanted = queryKey(query);
  const symbols: WorkspaceSymbol[] = [];
  for (const { uri, model } of files) {
    let outline: Outline | undefined;
    let containerName: string | undefined;
    for (const service of model.names.services.values()) {
      if (!matchesQuery(wanted, service.name) || !service.pair.key) continue;
      outline ??= new Outline(model);
      const symbol = outline.service(service.pair, displayName(service.name), false);
      containerName ??= uriBaseName(uri);
      symbols.push({ name: symbol.name, kind: SymbolKind.Class, location: { uri, range: symbol.range }, containerName });
    }
  }
  return symbols;
}

/** Builds the symbols of one model (one answer). */
class Outline {
  private readonly positions: PositionCursor;

  constructor(private readonly model: ComposeModel) {
    this.positions = new PositionCursor(model.text);
  }

  topLevel(pair: Pair): DocumentSymbol | undefined {
    const model = this.model;
    const key = pair.key;
    const name = keyName(model, key);
    if (name === undefined) return undefined;
    const value = pair.value as Node | null;
    const plainKey = isScalar(key) && !isMergeKey(key);
    if (plainKey && NAMED_SECTIONS.has(name)) {
      if (!isMap(value)) return this.pair(pair, name, SymbolKind.Module, valueDetail(model, value));
      return this.pair(pair, name, SymbolKind.Module, undefined, () => this.sectionEntries(name, value));
    }
    if (plainKey && name === 'include') {
      if (!isSeq(value)) return this.pair(pair, name, SymbolKind.Module, valueDetail(model, value));
      return this.pair(pair, name, SymbolKind.Module, undefined, () => this.includes(value));
    }
    if (plainKey && name.startsWith('x-')) {
      const shape = pairShape(model, pair, 'outline.extension', () => valueDetail(model, value));
      return this.fromShape(model.offsetsOf(key)[0], shape, name, SymbolKind.Namespace, true);
    }
    const symbol = this.pair(pair, name, SymbolKind.Property, valueDetail(model, value));
    if (symbol && plainKey && isRetired(childOf(COMPOSE_ROOT, name))) symbol.tags = [SymbolTag.Deprecated];
    return symbol;
  }

  /** A service (Class) with its image or build context as detail, and its keys when `keys`. */
  service(pair: Pair, name: string, keys: boolean): DocumentSymbol {
    const model = this.model;
    const shape = pairShape(model, pair, 'outline.service', () => serviceDetail(model, pair.value as Node | null), SERVICE_DEFINITION);
    return this.fromShape(model.offsetsOf(pair.key as Node)[0], shape, name, SymbolKind.Class, keys);
  }

  /** The entries of a section map: services (with their keys), or volumes, networks, secrets, configs, models. */
  private sectionEntries(section: string, map: YAMLMap): DocumentSymbol[] | undefined {
    const model = this.model;
    const children: DocumentSymbol[] = [];
    for (const pair of map.items as Pair[]) {
      const key = pair.key;
      const name = keyName(model, key);
      if (name === undefined) continue;
      const value = pair.value as Node | null;
      let symbol: DocumentSymbol | undefined;
      // Under `services` an `x-` name is a service (compose-go runs it); in the other sections it is an extension field.
      if (!isScalar(key) || isMergeKey(key) || (name.startsWith('x-') && section !== 'services')) {
        symbol = this.pair(pair, name, SymbolKind.Property, valueDetail(model, value));
      } else if (section === 'services') {
        symbol = this.service(pair, name, true);
      } else {
        symbol = this.pair(pair, name, SymbolKind.Object, resourceDetail(model, section, value));
      }
      if (symbol) children.push(symbol);
    }
    return children.length > 0 ? children : undefined;
  }

  /** One File per `include` entry, named after its path (`- ../common/compose.yaml` or `- path: ...`). */
  private includes(seq: YAMLSeq): DocumentSymbol[] | undefined {
    const model = this.model;
    const children: DocumentSymbol[] = [];
    for (const item of seq.items as (Node | null)[]) {
      if (!item || isEmptyScalar(model, item)) continue;
      const range = this.range(item);
      let name: string | undefined;
      let selectionRange = range;
      if (isMap(item)) {
        const path = item.items.find((pair) => isScalar(pair.key) && scalarText(pair.key as Node) === 'path');
        const value = path?.value as Node | null | undefined;
        if (value && !isEmptyScalar(model, value)) {
          name = isSeq(value) ? pathList(value) : valueDetail(model, value);
          selectionRange = this.range(value);
        }
        name ??= '(no path)';
      } else {
        name = valueDetail(model, item);
      }
      if (name) children.push({ name: oneLine(name, NAME_MAX) || name, kind: SymbolKind.File, range, selectionRange });
    }
    return children.length > 0 ? children : undefined;
  }

  /** A symbol for a pair that has a key; `children` builds the symbols inside it. */
  private pair(pair: Pair, name: string, kind: SymbolKind, detail?: string, children?: () => DocumentSymbol[] | undefined): DocumentSymbol | undefined {
    if (!pair.key) return undefined;
    return this.symbol(spanOf(this.model, pair, 0), 0, name, kind, detail, children);
  }

  /** A service or extension from its remembered shape, its keys as children when `keys`. */
  private fromShape(base: number, shape: PairShape, name: string, kind: SymbolKind, keys: boolean): DocumentSymbol {
    const children = keys && shape.keys ? () => shape.keys!.map((key) => {
      const symbol = this.symbol(key, base, key.name, SymbolKind.Property, key.detail);
      if (key.retired) symbol.tags = [SymbolTag.Deprecated];
      return symbol;
    }) : undefined;
    return this.symbol(shape, base, name, kind, shape.detail, children);
  }

  /**
   * A symbol from its key's start to its content's end (offsets `base` + span), the key selected. Positions
   * are asked in text order: the key, then the children, then the end.
   */
  private symbol(span: Span, base: number, name: string, kind: SymbolKind, detail?: string, children?: () => DocumentSymbol[] | undefined): DocumentSymbol {
    const positions = this.positions;
    const from = positions.at(base + span.start);
    const keyTo = positions.at(base + span.keyEnd);
    const inside = children?.();
    const to = span.end === span.keyEnd ? { line: keyTo.line, character: keyTo.character } : positions.at(base + span.end);
    const symbol: DocumentSymbol = { name, kind, range: { start: from, end: to }, selectionRange: { start: { line: from.line, character: from.character }, end: keyTo } };
    if (detail) symbol.detail = detail;
    if (inside && inside.length > 0) symbol.children = inside;
    return symbol;
  }

  private range(node: Node): Range {
    const start = this.model.offsetsOf(node)[0];
    return { start: this.positions.at(start), end: this.positions.at(Math.max(start, contentEnd(this.model, node))) };
  }
}

/** The scalar items of a sequence of paths, joined by ", ", read only as far as a name shows. */
function pathList(seq: YAMLSeq): string | undefined {
  const parts: string[] = [];
  let length = 0;
  for (const item of seq.items as Node[]) {
    const text = scalarText(item);
    if (text === undefined) continue;
    parts.push(text);
    length += text.length + 2;
    if (length > NAME_MAX) break;
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}
