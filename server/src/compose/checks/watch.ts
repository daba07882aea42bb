// missing-key / invalid-value in `develop.watch` rules, as Compose refuses them: every rule needs `path`
// (not blank) and `action`, and the actions that copy files into the container (`sync`, `sync+restart`,
// `sync+exec`) need a `target` to copy them to. `rebuild` and `restart` take no target.
import type { Node } from 'yaml';
import { isMap, isPair } from '../yamlKinds';
import type { ComposeModel } from '../model';
import { scalarText } from '../model';
import { entryOf, itemsOf, mapOf, type ServiceView } from './services';
import { type ComposeCheck, type Finding, type NodeFinding, toFinding } from './types';

const SYNC_ACTIONS = new Set(['sync', 'sync+restart', 'sync+exec']);

function ruleFindings(model: ComposeModel, rule: Node): NodeFinding[] {
  if (!isMap(rule)) return [];
  const found: NodeFinding[] = [];
  // A missing key is reported on the rule's first key (one line), not on the whole rule.
  const first = rule.items.find(isPair)?.key;
  const at: Node = first && typeof first === 'object' ? (first as Node) : rule;
  const action = entryOf(model, rule, 'action');
  const pathEntry = entryOf(model, rule, 'path');
  const actionText = scalarText(action?.value);
  if (!action) {
    found.push({ code: 'missing-key', message: 'This watch rule has no "action": Compose requires one (rebuild, restart, sync, sync+restart or sync+exec).', node: at, severity: 'error' });
  }
  if (!pathEntry) {
    found.push({ code: 'missing-key', message: 'This watch rule has no "path": Compose requires the file or folder to watch.', node: at, severity: 'error' });
  } else if (scalarText(pathEntry.value)?.trim() === '') {
    found.push({ code: 'invalid-value', message: 'The watch "path" is blank: Compose requires the file or folder to watch.', node: pathEntry.value!, severity: 'error' });
  }
  if (actionText && SYNC_ACTIONS.has(actionText)) {
    const target = entryOf(model, rule, 'target');
    const targetText = scalarText(target?.value);
    if (!target || targetText === undefined || targetText.trim() === '') {
      found.push({
        code: 'missing-key',
        message: `The "${actionText}" action copies changed files into the container, so Compose requires a "target": the path inside the container to copy them to.`,
        node: target?.value ?? action!.value!,
        severity: 'error',
      });
    }
  }
  return found;
}

function serviceFindings(model: ComposeModel, service: ServiceView): NodeFinding[] {
  const develop = mapOf(model, service.get('develop')?.value);
  const watch = develop ? entryOf(model, develop, 'watch') : undefined;
  return itemsOf(model, watch?.value).flatMap((rule) => ruleFindings(model, rule));
}

export const watchRulesCheck: ComposeCheck = ({ model, services }) => {
  const findings: Finding[] = [];
  for (const service of services) {
    if (!service.map) continue;
    for (const found of model.memo(service.map, 'watch-rules', () => serviceFindings(model, service))) findings.push(toFinding(model, found));
  }
  return findings;
};
