// Overlay files: files meant to be merged onto a base with `docker compose -f base -f overlay`
// (compose.override.yaml, compose.prod.yaml, docker-compose-dev.yml next to docker-compose.yml,
// overrides/compose.x.yaml ...), and where their base files would be.
import * as path from 'path';

/** The names Compose looks for by default, in its order of preference. */
export const DEFAULT_COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

function isDefaultName(name: string): boolean {
  return DEFAULT_COMPOSE_FILES.includes(name.toLowerCase());
}

function inOverridesFolder(file: string): boolean {
  return /^overrides?$/i.test(path.basename(path.dirname(file)));
}

/**
 * Where the base files of a file may be, most likely first: the names left when `.x` / `-x` suffixes are
 * taken off one by one (`docker-compose.test.override.yml` -> `docker-compose.test.yml`, then
 * `docker-compose.yml`; `quickstart-postgres.yml` -> `quickstart.yml`), then the default compose file names
 * in the same folder; for a file under `overrides/`, the default names one folder up. A file with a default
 * name is nobody's overlay unless it sits under `overrides/`. The file itself is never listed.
 */
export function baseFileCandidates(file: string): string[] {
  const folder = path.dirname(file);
  const name = path.basename(file);
  const candidates: string[] = [];
  if (!isDefaultName(name)) {
    let stem = name.replace(/\.ya?ml$/i, '');
    for (let match = /^(.+)[.-][^.-]+$/.exec(stem); match; match = /^(.+)[.-][^.-]+$/.exec(stem)) {
      stem = match[1];
      candidates.push(path.join(folder, `${stem}.yml`), path.join(folder, `${stem}.yaml`));
    }
    for (const base of DEFAULT_COMPOSE_FILES) candidates.push(path.join(folder, base));
  }
  if (inOverridesFolder(file)) for (const base of DEFAULT_COMPOSE_FILES) candidates.push(path.join(path.dirname(folder), base));
  const own = path.resolve(file);
  return [...new Set(candidates)].filter((candidate) => path.resolve(candidate) !== own);
}

/**
 * True when the file is merged onto another one, as far as its name tells: "override" in its name, a file
 * under `overrides/`, or `compose.<x>.yaml` / `docker-compose.<x>.yml`. With `siblingFiles` (the names in
 * its folder), a file whose base file is next to it, and only such a file, counts (overrides aside).
 */
export function isOverlayFile(file: string, siblingFiles?: readonly string[]): boolean {
  const name = path.basename(file).toLowerCase();
  if (/override/.test(name) || inOverridesFolder(file)) return true;
  if (isDefaultName(name)) return false;
  if (!siblingFiles) return /^(docker-)?compose\..+\.ya?ml$/.test(name);
  const siblings = new Set(siblingFiles.map((s) => s.toLowerCase()));
  const folder = path.dirname(file);
  return baseFileCandidates(file).some((candidate) => path.dirname(candidate) === folder && siblings.has(path.basename(candidate).toLowerCase()));
}
