// The index of names a compose file defines: the entries of its services, networks, volumes, secrets and configs
// sections (merge keys followed; `x-` entries of the other sections are extension fields, not names). Each range is
// made when first asked for, since most names are never shown.
import type { YAMLMap } from 'yaml';
import { isMap } from './yamlKinds';
import type { Range } from 'vscode-languageserver-types';
import { NAME_KINDS, type ComposeModel, type NameDefinition, type NameKind } from './model';

/**
 * `overridden(section)`: for a section that several documents of the file write, each name's definition merged
 * across them (undefined for a section of one document).
 */
export function indexNames(model: ComposeModel, overridden: (section: YAMLMap) => Map<string, YAMLMap> | undefined): Record<NameKind, Map<string, NameDefinition>> {
  const names = {} as Record<NameKind, Map<string, NameDefinition>>;
  const root = model.root && isMap(model.root) ? model.root : undefined;
  for (const kind of NAME_KINDS) {
    const defined = new Map<string, NameDefinition>();
    names[kind] = defined;
    const section = root ? model.get(root, kind) : undefined;
    if (!section || !section.value || !isMap(section.value)) continue;
    const across = overridden(section.value);
    for (const entry of model.entries(section.value)) {
      if (kind !== 'services' && entry.key.startsWith('x-')) continue; // an extension field (often an anchor holder), not a name
      const value = across?.get(entry.key) ?? entry.value;
      let range: Range | undefined;
      defined.set(entry.key, {
        name: entry.key,
        kind,
        key: entry.keyNode,
        get range() {
          return (range ??= model.rangeOf(entry.keyNode));
        },
        value,
        pair: entry.pair,
      });
    }
  }
  return names;
}
