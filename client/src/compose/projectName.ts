// The project name as Compose derives it, for the terminal title and for grouping containers by the
// com.docker.compose.project label.
//   v2 (compose-go): -p; else COMPOSE_PROJECT_NAME from the environment (the process environment over the
//       project's .env), used as it is and refused by Compose when not already normal; else the last
//       non-empty top-level `name:` of the files (interpolated, then normalised); else the project folder's
//       name normalised. Normalising lower-cases, keeps only [a-z0-9_-] and trims leading "_" and "-".
//   v1 (docker-compose 1.x): -p; else COMPOSE_PROJECT_NAME; else the folder's name; each lower-cased with
//       everything but [a-z0-9_-] removed, nothing trimmed. v1 knows no `name:` (it rejects such a file).
// An empty result means Compose has no usable name (v2 refuses to run): ask for one and pass it as -p.
import * as path from 'path';
import { isMap, parseAllDocuments } from 'yaml';

export interface ProjectNameOptions {
  /**
   * The environment Compose sees: the project's .env overlaid with the process environment (the process
   * wins, as in Compose). Read for COMPOSE_PROJECT_NAME and for interpolating `name:`.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Compose v1 rules instead of v2. */
  v1?: boolean;
}

/**
 * @param composeFileText the text of the compose file, or of each file in -f order (an override's `name:` wins)
 * @param folder the project directory (a path; its last segment counts)
 */
export function projectNameOf(composeFileText: string | readonly string[], folder: string, options: ProjectNameOptions = {}): string {
  const env = options.env ?? {};
  const fromEnv = env.COMPOSE_PROJECT_NAME;
  if (options.v1) return normalizeProjectName(fromEnv || path.basename(folder), true);
  if (fromEnv) return fromEnv;
  const texts = typeof composeFileText === 'string' ? [composeFileText] : composeFileText;
  let declared = '';
  for (const text of texts) declared = topLevelName(text) || declared;
  const fromFile = normalizeProjectName(interpolate(declared, env));
  return fromFile || normalizeProjectName(path.basename(folder));
}

/** Compose's normalisation: v2 keeps [a-z0-9_-] of the lower-cased name and trims leading "_"/"-"; v1 does not trim. */
export function normalizeProjectName(name: string, v1 = false): string {
  const kept = name.toLowerCase().replace(/[^a-z0-9_-]/g, '');
  return v1 ? kept : kept.replace(/^[_-]+/, '');
}

/** A name Compose v2 accepts as given (with -p or COMPOSE_PROJECT_NAME). */
export function isValidProjectName(name: string): boolean {
  return /^[a-z0-9][a-z0-9_-]*$/.test(name);
}

/** The last non-empty top-level `name:` of the YAML documents in `text`; "" when none or unreadable. */
function topLevelName(text: string): string {
  let name = '';
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) break; // Compose gives up on this file's name too and reports the error later
    if (!isMap(doc.contents)) continue;
    const value: unknown = doc.contents.get('name');
    if ((typeof value === 'string' || typeof value === 'number') && String(value) !== '') name = String(value);
  }
  return name;
}

/** Compose interpolation of one value: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:+a}, ${VAR+a}, ${VAR:?e}, ${VAR?e}. */
export function interpolate(text: string, env: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const end = closingBrace(text, i + 2);
      if (end < 0) return out + text.slice(i);
      out += expand(text.slice(i + 2, end), env);
      i = end + 1;
    } else {
      const bare = /^[_A-Za-z][_A-Za-z0-9]*/.exec(text.slice(i + 1));
      if (bare) {
        out += env[bare[0]] ?? '';
        i += 1 + bare[0].length;
      } else {
        out += c;
        i++;
      }
    }
  }
  return out;
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function expand(body: string, env: Readonly<Record<string, string | undefined>>): string {
  const match = /^([_A-Za-z][_A-Za-z0-9]*)(?:(:?[-+?])([\s\S]*))?$/.exec(body);
  if (!match) return '';
  const [, name, operator, rest = ''] = match;
  const value = env[name];
  switch (operator) {
    case ':-':
      return value ? value : interpolate(rest, env);
    case '-':
      return value !== undefined ? value : interpolate(rest, env);
    case ':+':
      return value ? interpolate(rest, env) : '';
    case '+':
      return value !== undefined ? interpolate(rest, env) : '';
    default: // plain, or :? and ? (Compose fails when unset; nothing to name the project by then)
      return value ?? '';
  }
}
