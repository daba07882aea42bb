// Which files Compose reads for a project folder: the compose file and its override sibling.
// Compose loads an override only beside a file with one of the default names (and never when the user
// names files with -f), so the same holds here: `compose.prod.yaml` comes alone.
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

/** Compose v2's default file names, in its order of preference. */
export const COMPOSE_FILE_NAMES: readonly string[] = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/** Compose v2's override file names, in its order of preference (v1 refuses a folder that has two). */
export const COMPOSE_OVERRIDE_FILE_NAMES: readonly string[] = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The override file beside a default-named compose file, or undefined (none, or the base has another name). */
export function findOverrideFile(baseFile: string): string | undefined {
  if (!COMPOSE_FILE_NAMES.includes(path.basename(baseFile))) return undefined;
  const folder = path.dirname(path.resolve(baseFile));
  return COMPOSE_OVERRIDE_FILE_NAMES.map((name) => path.join(folder, name)).find(isFile);
}

/** The default compose file of a folder, as Compose picks it when run there without -f. */
export function findComposeFile(folder: string): string | undefined {
  return COMPOSE_FILE_NAMES.map((name) => path.join(path.resolve(folder), name)).find(isFile);
}

/**
 * The files to pass as `-f` for a file the user chose: a default-named file plus its override when there is
 * one; for a chosen override file, the folder's base file first (when there is one), then the override;
 * any other file alone. Paths come back absolute.
 */
export function composeFilesFor(file: string): string[] {
  const absolute = path.resolve(file);
  if (COMPOSE_OVERRIDE_FILE_NAMES.includes(path.basename(absolute))) {
    const base = findComposeFile(path.dirname(absolute));
    return base ? [base, absolute] : [absolute];
  }
  const override = findOverrideFile(absolute);
  return override ? [absolute, override] : [absolute];
}

/** Service names and profiles of the project's compose files (merged as Compose merges -f files). */
export function servicesAndProfiles(target: { files: readonly string[] }): { services: string[]; profiles: string[] } {
  const services = new Set<string>();
  const profiles = new Set<string>();
  for (const file of target.files) {
    let document: unknown;
    try {
      document = parse(fs.readFileSync(file, 'utf8'), { merge: true, maxAliasCount: 1000 });
    } catch {
      continue; // The language server reports what is wrong with the file.
    }
    const definitions = (document as { services?: Record<string, { profiles?: unknown }> } | null)?.services;
    if (!definitions || typeof definitions !== 'object') continue;
    for (const [name, definition] of Object.entries(definitions)) {
      services.add(name);
      const list = definition?.profiles;
      if (Array.isArray(list)) for (const profile of list) if (typeof profile === 'string') profiles.add(profile);
    }
  }
  return { services: [...services].sort(), profiles: [...profiles].sort() };
}
