// missing-image-or-build, duplicate-container-name, missing-healthcheck.
import type { YAMLMap } from 'yaml';
import { isMap, isScalar } from '../yamlKinds';
import type { ComposeModel, MapEntry } from '../model';
import { scalarText } from '../model';
import * as path from 'path';
import { referenceRange, serviceReferences } from './refs';
import { looksLikeFragment } from './undefined';
import { alwaysTogether, canRunTogether, entryOf, itemsOf, mapOf, present, profilesOf, type ServiceView } from './services';
import type { ComposeCheck, ComposeCheckContext, Finding } from './types';

/** A service of this file or of a base file, as a map, with the model it belongs to. */
interface Located {
  model: ComposeModel;
  map?: YAMLMap;
}

function findService(context: ComposeCheckContext, name: string, from: ComposeModel): Located | undefined {
  for (const model of [from, context.model, ...context.baseModels, ...context.included]) {
    const definition = model.names.services.get(name);
    if (definition) return { model, ...(isMap(definition.value) ? { map: definition.value } : {}) };
  }
  return undefined;
}

/**
 * The effective value of `key` for a service, following `extends` within the same files (depth-limited):
 * the entry, `'unknown'` when the chain leaves the files we have (extends another file), or undefined.
 */
function inherited(context: ComposeCheckContext, located: Located, key: string, depth = 0): MapEntry | 'unknown' | undefined {
  const { model, map } = located;
  if (depth > 10) return 'unknown'; // an extends cycle (reported as such) or a very long chain
  if (!map) return undefined;
  const own = present(model.get(map, key));
  if (own) return own;
  if (model.get(map, key)?.tag === '!reset') return undefined;
  const extendsEntry = present(model.get(map, 'extends'));
  if (!extendsEntry) return undefined;
  const value = extendsEntry.value;
  let name: string | undefined;
  const from = model;
  if (value && isScalar(value)) name = scalarText(value);
  else if (value && isMap(value)) {
    name = scalarText(entryOf(model, value, 'service')?.value);
    const file = scalarText(entryOf(model, value, 'file')?.value);
    if (file !== undefined) {
      // Another file: relative to this one's folder (only known for the file being checked).
      const other = model === context.model && context.folder && !file.includes('$') ? context.loadFile?.(path.resolve(context.folder, file)) : undefined;
      if (!other) return 'unknown';
      const definition = name ? other.names.services.get(name) : undefined;
      if (!definition) return 'unknown';
      return inherited(context, { model: other, ...(isMap(definition.value) ? { map: definition.value } : {}) }, key, depth + 1);
    }
  }
  if (!name) return undefined;
  const parent = findService(context, name, from);
  return parent ? inherited(context, parent, key, depth + 1) : 'unknown';
}

/**
 * The service or a base file's service of the same name has `key` (through extends too). Compose refuses a
 * service with neither `image` (an empty one counts as none) nor `build` ("has neither an image nor a build
 * context specified"), provider services aside; an `extends` chain or a base file may supply them.
 */
function anyHas(context: ComposeCheckContext, service: ServiceView, key: string): boolean | 'unknown' {
  let result: boolean | 'unknown' = false;
  for (const model of [context.model, ...context.baseModels]) {
    const definition = model.names.services.get(service.name);
    if (!definition) continue;
    const found = inherited(context, { model, ...(isMap(definition.value) ? { map: definition.value } : {}) }, key);
    if (found === 'unknown') result = 'unknown';
    else if (found && !(key === 'image' && scalarText(found.value)?.trim() === '')) return true; // `image: ""` is no image
  }
  return result;
}

export const missingImageOrBuildCheck: ComposeCheck = (context) => {
  const { model, services } = context;
  if (looksLikeFragment(context)) return []; // another file supplies them
  const findings: Finding[] = [];
  for (const service of services) {
    if (service.get('provider')) continue; // provider services run no container image
    if (service.map && model.get(service.map, 'image')?.tag === '!reset') continue;
    const image = anyHas(context, service, 'image');
    const build = anyHas(context, service, 'build');
    if (image !== false || build !== false) continue;
    findings.push({
      code: 'missing-image-or-build',
      message: `Service "${service.name}" has neither "image" nor "build": Compose needs one of them, unless another file merged with this one sets it.`,
      range: service.definition.range,
      severity: 'warning',
    });
  }
  return findings;
};

export const duplicateContainerNameCheck: ComposeCheck = ({ model, services }) => {
  const findings: Finding[] = [];
  const seen = new Map<string, { service: ServiceView; profiles: string[]; line: number }>();
  for (const service of services) {
    const entry = service.get('container_name');
    const name = scalarText(entry?.value);
    if (!entry || !name) continue;
    const profiles = profilesOf(model, service);
    const first = seen.get(name);
    const range = model.rangeOf(entry.value!);
    if (!first) {
      seen.set(name, { service, profiles, line: range.start.line + 1 });
      continue;
    }
    if (!canRunTogether(first.profiles, profiles)) continue; // e.g. a cpu and a gpu variant of one service
    const together = alwaysTogether(first.profiles, profiles);
    findings.push({
      code: 'duplicate-container-name',
      message: `The container name "${name}" is already used by service "${first.service.name}" (line ${first.line}): container names must be unique${together ? '' : ' among the services that run together (here when their profiles are enabled)'}.`,
      range,
      severity: together ? 'error' : 'warning',
    });
  }
  return findings;
};

/**
 * An image of Docker's official library (`postgres:16`, `library/redis`, `docker.io/library/nginx`): these
 * define no HEALTHCHECK, by the library's policy.
 */
export function isOfficialImage(image: string): boolean {
  if (image.includes('$')) return false;
  const name = image.split('@')[0].replace(/^docker\.io\//, '').replace(/^library\//, '');
  return /^[a-z0-9]+(?:[._-][a-z0-9]+)*(:[\w][\w.-]*)?$/.test(name);
}

/** `healthcheck` present and not switched off; for a service without one, what its image says. */
function healthcheckState(context: ComposeCheckContext, name: string): 'yes' | 'disabled' | 'none' | 'unknown' {
  const located = findService(context, name, context.model);
  if (!located) return 'unknown';
  const found = inherited(context, located, 'healthcheck');
  if (found === 'unknown') return 'unknown';
  if (!found) {
    const image = inherited(context, located, 'image');
    const imageName = image && image !== 'unknown' ? scalarText(image.value) : undefined;
    if (!imageName) return 'unknown'; // built from a Dockerfile we do not read here, or inherited from elsewhere
    const known = context.imageHasHealthcheck?.(imageName);
    if (known !== undefined) return known ? 'yes' : 'none';
    return isOfficialImage(imageName) ? 'none' : 'unknown';
  }
  const model = located.model;
  const check = mapOf(model, found.value);
  if (!check) return 'yes';
  if (scalarText(entryOf(model, check, 'disable')?.value) === 'true') return 'disabled';
  const test = entryOf(model, check, 'test')?.value;
  const first = scalarText(itemsOf(model, test)[0]) ?? scalarText(test);
  return first === 'NONE' ? 'disabled' : 'yes';
}

export const missingHealthcheckCheck: ComposeCheck = (context) => {
  const findings: Finding[] = [];
  for (const service of context.services) {
    for (const reference of serviceReferences(context.model, service)) {
      if (reference.via !== 'depends_on' || reference.condition !== 'service_healthy') continue;
      const state = healthcheckState(context, reference.name);
      if (state === 'yes' || state === 'unknown') continue;
      const message =
        state === 'disabled'
          ? `Service "${reference.name}" has its healthcheck switched off, so it never becomes healthy and "${service.name}" never starts.`
          : `Service "${reference.name}" has no healthcheck, and its image defines none, but "${service.name}" waits for it to be healthy: Compose will fail to start "${service.name}". Add a healthcheck to "${reference.name}".`;
      findings.push({ code: 'missing-healthcheck', message, range: referenceRange(context.model, reference), severity: 'warning' });
    }
  }
  return findings;
};
