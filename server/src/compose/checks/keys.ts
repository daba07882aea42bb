// duplicate-key, obsolete-version, deprecated-key.
import { isMap } from '../yamlKinds';
import type { ComposeModel, Range } from '../model';
import { scalarText } from '../model';
import { mapOf, present } from './services';
import type { ComposeCheck, Finding } from './types';

/** A key written twice in one map: YAML (and so Compose) refuses the file. */
export const duplicateKeyCheck: ComposeCheck = ({ model }) =>
  model.duplicateKeys.map(({ key, first, duplicate }) => ({
    code: 'duplicate-key',
    message: `The key "${key}" is already set in this map, on line ${model.rangeOf(first).start.line + 1}: a key may appear only once.`,
    range: model.rangeOf(duplicate),
    severity: 'error',
  }));

/** The lines a pair takes, as a range that deletes them whole. */
function wholeLines(model: ComposeModel, range: Range): Range {
  const last = range.end.line;
  const end = last + 1 < model.lineCount ? { line: last + 1, character: 0 } : { line: last, character: model.lineText(last).length };
  return { start: { line: range.start.line, character: 0 }, end };
}

/** `version:` at the top: Compose ignores it and says so. */
export const obsoleteVersionCheck: ComposeCheck = ({ model }) => {
  const root = model.root && isMap(model.root) ? model.root : undefined;
  const entry = root ? model.get(root, 'version') : undefined;
  if (!root || !entry || entry.merged) return [];
  const range = model.rangeOf(entry.keyNode);
  const finding: Finding = {
    code: 'obsolete-version',
    message: 'The top-level "version" is obsolete: Compose ignores it. Remove it to avoid confusion.',
    range,
    severity: 'warning',
    tags: ['unnecessary'],
  };
  // Whole lines go only when the pair has its lines to itself (not in a `{...}` file written on one line).
  const pairRange = model.rangeOf(entry.pair);
  const after = model.lineText(pairRange.end.line).slice(pairRange.end.character).trim();
  if (!root.flow && model.lineText(range.start.line).slice(0, range.start.character).trim() === '' && (after === '' || after.startsWith('#'))) {
    finding.fix = { title: 'Remove the obsolete version line', range: wholeLines(model, pairRange), newText: '' };
  }
  return [finding];
};

const EXTERNAL_KINDS = ['volumes', 'networks', 'secrets', 'configs'] as const;
const SINGULAR: Record<(typeof EXTERNAL_KINDS)[number], string> = { volumes: 'volume', networks: 'network', secrets: 'secret', configs: 'config' };

/** `external: { name: x }` on a volume, network, secret or config: deprecated in favour of `name: x`. */
export const deprecatedKeyCheck: ComposeCheck = ({ model }) => {
  const findings: Finding[] = [];
  for (const kind of EXTERNAL_KINDS) {
    for (const definition of model.names[kind].values()) {
      const map = mapOf(model, definition.value);
      if (!map) continue;
      const external = present(model.get(map, 'external'));
      const externalMap = mapOf(model, external?.value);
      const nameEntry = externalMap ? present(model.get(externalMap, 'name')) : undefined;
      if (!external || !nameEntry) continue;
      const name = scalarText(nameEntry.value) ?? '';
      const hasName = present(model.get(map, 'name')) !== undefined;
      const keyRange = model.rangeOf(external.keyNode);
      const finding: Finding = {
        code: 'deprecated-key',
        message: `"external.name" is deprecated: give the ${SINGULAR[kind]} "name: ${name}" and "external: true" instead.`,
        range: model.rangeOf(nameEntry.keyNode),
        severity: 'warning',
        tags: ['deprecated'],
      };
      if (!hasName && !external.merged) {
        const indent = ' '.repeat(keyRange.start.character);
        const pairRange = model.rangeOf(external.pair);
        const [from, to] = model.offsetsOf(nameEntry.value as NonNullable<typeof nameEntry.value>);
        const written = model.text.slice(from, to);
        // Inside `{...}` the two keys go on one line, separated by a comma; a line break there would join them.
        const separator = map.flow ? ', ' : `\n${indent}`;
        finding.fix = { title: 'Use name and external: true', range: pairRange, newText: `external: true${separator}name: ${written}` };
      }
      findings.push(finding);
    }
  }
  return findings;
};
