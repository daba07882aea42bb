// invalid-value (warning): spaces before `=` in the list form of `environment` or `build.args`
// (`- DEBUG = true`). Compose splits the item at the first `=` and keeps everything else as written, so the
// variable is named "DEBUG " (trailing space) and its value is " true": the container sees no DEBUG.
import type { Node } from 'yaml';
import { isScalar } from '../yamlKinds';
import type { ComposeModel } from '../model';
import { entryOf, itemsOf, mapOf, type ServiceView } from './services';
import { type ComposeCheck, type Finding, type NodeFinding, toFinding } from './types';

function itemFinding(node: Node, what: string): NodeFinding | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const text = node.value;
  const equals = text.indexOf('=');
  if (equals <= 0) return undefined;
  const name = text.slice(0, equals);
  const trimmed = name.trimEnd();
  if (trimmed === name || trimmed.length === 0) return undefined;
  const valueSpaces = text.slice(equals + 1).length - text.slice(equals + 1).trimStart().length;
  const value = text.slice(equals + 1).trimStart();
  const fixed = `${trimmed.trim()}=${value}`;
  const message =
    `Spaces before "=" become part of the ${what} name: Compose sets "${name}"${valueSpaces > 0 ? ` to "${text.slice(equals + 1)}"` : ''}, not "${trimmed.trim()}". ` +
    `Write "${fixed.length > 80 ? `${fixed.slice(0, 77)}...` : fixed}".`;
  return { code: 'invalid-value', message, node, part: [trimmed.length, name.length - trimmed.length + 1 + valueSpaces], severity: 'warning' };
}

function serviceFindings(model: ComposeModel, service: ServiceView): NodeFinding[] {
  const found: NodeFinding[] = [];
  for (const item of itemsOf(model, service.get('environment')?.value)) {
    const finding = itemFinding(item, 'variable');
    if (finding) found.push(finding);
  }
  const build = mapOf(model, service.get('build')?.value);
  for (const item of itemsOf(model, build ? entryOf(model, build, 'args')?.value : undefined)) {
    const finding = itemFinding(item, 'build argument');
    if (finding) found.push(finding);
  }
  return found;
}

export const environmentSpacesCheck: ComposeCheck = ({ model, services }) => {
  const findings: Finding[] = [];
  for (const service of services) {
    if (!service.map) continue;
    for (const found of model.memo(service.map, 'environment-spaces', () => serviceFindings(model, service))) findings.push(toFinding(model, found));
  }
  return findings;
};
