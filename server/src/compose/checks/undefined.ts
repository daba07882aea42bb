// undefined-service, undefined-volume, undefined-network, undefined-secret, undefined-config: a name used
// by a service that no top-level map defines. Names of the base files an overlay is merged onto count as
// defined. A name close to a defined one is a typo: an error. Otherwise the name may well come from a file
// merged with this one (overlays, `include:`, fragments combined with -f, which nothing in the file
// announces), so it is a warning that says Compose refuses the file unless another file defines it.
import { isMap } from 'yaml';
import { closest, didYouMean } from '../../util/closest';
import type { ComposeModel, NameKind } from '../model';
import { serviceReferences } from './refs';
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

/**
 * The file is likely a fragment completed by other files: an overlay, a user of `!reset` / `!override`
 * (which only mean something when files are merged), a file none of whose services has an image or a
 * build, or one that uses names it does not define and that are no typo of names it does.
 */
export function looksLikeFragment(context: ComposeCheckContext): boolean {
  if (context.overlay || !context.includeComplete) return true;
  if (/(^|[\s:,[-])!(reset|override)(?=[\s,\]}]|$)/m.test(context.model.text)) return true;
  const { model, services } = context;
  if (services.length > 0 && services.every((s) => !s.get('image') && !s.get('build') && !s.get('extends'))) return true;
  for (const service of services) {
    for (const reference of serviceReferences(model, service)) {
      if (!isDefined(context, reference.kind, reference.name) && closest(reference.name, candidates(context, reference.kind)) === undefined) return true;
    }
  }
  return false;
}

export const undefinedNameCheck: ComposeCheck = (context) => {
  const { model, services } = context;
  const findings: Finding[] = [];
  const include = !context.includeComplete;
  const withoutBase = context.overlay && context.baseModels.length === 0;
  for (const service of services) {
    for (const reference of serviceReferences(model, service)) {
      if (isDefined(context, reference.kind, reference.name)) continue;
      if (reference.kind === 'services' && reference.name === service.name && reference.via === 'extends') continue; // a cycle, reported as such
      const what = SINGULAR[reference.kind];
      const where = reference.kind === 'services' ? '' : ` under the top-level "${reference.kind}"`;
      const suggestion = didYouMean(reference.name, candidates(context, reference.kind));
      let message: string;
      let severity: Finding['severity'] = 'warning';
      if (withoutBase) {
        message = `No ${what} named "${reference.name}" is defined in this file${suggestion}: the base file it is merged onto must define it.`;
      } else if (include) {
        message = `No ${what} named "${reference.name}" is defined${where}${suggestion}: unless a file named under "include" defines it, Compose will refuse the project.`;
      } else if (suggestion) {
        message = `No ${what} named "${reference.name}" is defined${where}${suggestion}.`;
        severity = 'error';
      } else {
        message = `No ${what} named "${reference.name}" is defined${where}: Compose will refuse the project unless another file merged with this one defines it.`;
      }
      findings.push({ code: `undefined-${what}`, message, range: reference.range, severity });
    }
  }
  return findings;
};
