// undefined-service, undefined-volume, undefined-network, undefined-secret, undefined-config: a name used
// by a service that no top-level map defines. Names of the base files an overlay is merged onto, and of the
// files it includes, count as defined. A name close to a defined one is a typo: an error. A file that
// shows signs of being completed by other files (see `mergedWithOthers`) may get the name from them: a
// warning that says Compose refuses the project unless another file defines it. Otherwise: an error.
import { isMap } from '../yamlKinds';
import { closest } from '../../util/closest';
import type { ComposeModel, NameKind, Range } from '../model';
import { plainIsString } from './fixText';
import { referenceRange, serviceReferences } from './refs';
import { hasSwarmIntent } from './services';
import type { ComposeCheck, ComposeCheckContext, Finding } from './types';

const SINGULAR: Record<NameKind, string> = {
  services: 'service',
  volumes: 'volume',
  networks: 'network',
  secrets: 'secret',
  configs: 'config',
};

/** True when `name` is defined in the file, its base files or its included files (`default` is always a network). */
export function isDefined(context: Pick<ComposeCheckContext, 'model' | 'baseModels' | 'included'>, kind: NameKind, name: string): boolean {
  if (kind === 'networks' && name === 'default') return true;
  if (context.model.names[kind].has(name)) return true;
  return context.baseModels.some((base) => base.names[kind].has(name)) || context.included.some((other) => other.names[kind].has(name));
}

function candidates(context: ComposeCheckContext, kind: NameKind): string[] {
  const names = new Set<string>(context.model.names[kind].keys());
  for (const other of [...context.baseModels, ...context.included]) for (const name of other.names[kind].keys()) names.add(name);
  return [...names];
}

/** The file pulls in other files with a top-level `include:`. */
export function hasInclude(model: ComposeModel): boolean {
  return !!model.root && isMap(model.root) && model.get(model.root, 'include') !== undefined;
}

const SECTIONS: readonly NameKind[] = ['volumes', 'networks', 'secrets', 'configs'];

/**
 * Signs that other files complete this one (`docker compose -f a -f b`, stack templates): it is an overlay,
 * it includes files we could not read, it uses `!reset` / `!override` (which only mean something when files
 * are merged), none of its services has an image or a build, it is written for `docker stack deploy`, or
 * its services use volumes, networks, secrets or configs while it has no such top-level section at all.
 */
export function mergedWithOthers(context: ComposeCheckContext): boolean {
  const memo = context as ComposeCheckContext & { mergedWithOthers?: boolean };
  return (memo.mergedWithOthers ??= computeMergedWithOthers(context));
}

function computeMergedWithOthers(context: ComposeCheckContext): boolean {
  if (context.overlay || !context.includeComplete) return true;
  const { model, services } = context;
  const text = model.text;
  if ((text.includes('!reset') || text.includes('!override')) && /(^|[\s:,[-])!(reset|override)(?=[\s,\]}]|$)/m.test(text)) return true;
  if (services.length > 0 && services.every((s) => !s.get('image') && !s.get('build') && !s.get('extends'))) return true;
  if (hasSwarmIntent(model, services)) return true;
  const root = model.root && isMap(model.root) ? model.root : undefined;
  for (const service of services) {
    for (const reference of serviceReferences(model, service)) {
      if (!SECTIONS.includes(reference.kind) || isDefined(context, reference.kind, reference.name)) continue;
      if (!root || !model.get(root, reference.kind)) return true;
    }
  }
  return false;
}

/**
 * The file is likely a fragment completed by other files: `mergedWithOthers`, or it uses names it does
 * not define that are no typo of names it does.
 */
export function looksLikeFragment(context: ComposeCheckContext): boolean {
  if (mergedWithOthers(context)) return true;
  const { model, services } = context;
  for (const service of services) {
    for (const reference of serviceReferences(model, service)) {
      if (!isDefined(context, reference.kind, reference.name) && closest(reference.name, candidates(context, reference.kind)) === undefined) return true;
    }
  }
  return false;
}

/** The range holds exactly the name as written (not the whole scalar, as when escapes hide where the name is). */
function coversExactly(model: ComposeModel, range: Range, name: string): boolean {
  return range.start.line === range.end.line && model.lineText(range.start.line).slice(range.start.character, range.end.character) === name;
}

export const undefinedNameCheck: ComposeCheck = (context) => {
  const { model, services } = context;
  const findings: Finding[] = [];
  const include = !context.includeComplete;
  const withoutBase = context.overlay && context.baseModels.length === 0;
  let merged: boolean | undefined;
  for (const service of services) {
    for (const reference of serviceReferences(model, service)) {
      if (isDefined(context, reference.kind, reference.name)) continue;
      const what = SINGULAR[reference.kind];
      const where = reference.kind === 'services' ? '' : ` under the top-level "${reference.kind}"`;
      const typo = closest(reference.name, candidates(context, reference.kind));
      const suggestion = typo === undefined ? '' : ` (did you mean ${typo}?)`; // as didYouMean words it
      let message: string;
      let severity: Finding['severity'] = 'warning';
      if (withoutBase) {
        message = `No ${what} named "${reference.name}" is defined in this file${suggestion}: the base file it is merged onto must define it.`;
      } else if (include) {
        message = `No ${what} named "${reference.name}" is defined${where}${suggestion}: unless a file named under "include" defines it, Compose will refuse the project.`;
      } else if (suggestion || !(merged ??= mergedWithOthers(context))) {
        message = `No ${what} named "${reference.name}" is defined${where}${suggestion}.`;
        severity = 'error';
      } else {
        message = `No ${what} named "${reference.name}" is defined${where}: Compose will refuse the project unless another file merged with this one defines it.`;
      }
      const finding: Finding = { code: `undefined-${what}`, message, range: referenceRange(model, reference), severity };
      // A plain name must stay a string once changed (`- 123` or `- true` would not be one).
      const keepsType = reference.node.type !== 'PLAIN' || plainIsString(typo ?? '');
      if (typo !== undefined && keepsType && coversExactly(model, finding.range, reference.name)) {
        finding.fix = { title: `Change to \`${typo}\``, range: finding.range, newText: typo };
      }
      findings.push(finding);
    }
  }
  return findings;
};
