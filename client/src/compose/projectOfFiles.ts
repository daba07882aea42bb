// The project name Compose will use for a set of compose files, worked out from the files themselves: the
// environment Compose sees (the project folder's `.env` under the process environment) and the files' `name:`.
// The Compose commands name their terminal by it, and the CodeLens finds the project's containers by it
// (their com.docker.compose.project label). Free of the vscode API.
import * as fs from 'fs';
import * as path from 'path';
import { parseDotenv } from '../../../common/src/dotenv';
import { projectNameOf } from './projectName';

/** Compose files larger than this are not read for the project's name. */
const MAX_COMPOSE_FILE_BYTES = 16 * 1024 * 1024;
/** A `.env` larger than this is not read. */
const MAX_DOTENV_BYTES = 1024 * 1024;

/** The text of a regular file of at most `max` bytes (never a FIFO or a device, which could block), else undefined. */
function readSmallFile(file: string, max: number): string | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size <= max ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

export interface ProjectOfFilesOptions {
  /** The process environment Compose runs with (it wins over `.env`, as in Compose). */
  env: Readonly<Record<string, string | undefined>>;
  /** Compose v1 naming rules (docker-compose 1.x). */
  v1: boolean;
  /** The text of a file when the caller has a newer one than the disk (an open editor); undefined: read the file. */
  textOf?: (file: string) => string | undefined;
}

/** The environment Compose reads COMPOSE_PROJECT_NAME and interpolation from: `<folder>/.env` under `env`. */
export function composeEnvironment(projectDirectory: string, env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  const dotenv = readSmallFile(path.join(projectDirectory, '.env'), MAX_DOTENV_BYTES);
  return { ...(dotenv === undefined ? {} : Object.fromEntries(parseDotenv(dotenv))), ...env };
}

/**
 * The lines of a compose file that can name the project: the top-level `name:` keys (with the lines of a block scalar
 * or a quoted value continued below them) and the document markers. The CodeLens asks on every burst of engine events
 * and every edit; parsing only these lines keeps that cheap on a file of thousands of services.
 */
export function nameLines(text: string): string {
  const kept: string[] = [];
  let inName = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      kept.push(line);
      inName = false;
    } else if (/^(name|"name"|'name')\s*:/.test(line)) {
      kept.push(line);
      inName = true;
    } else if (inName && (line === '' || /^\s/.test(line))) {
      kept.push(line);
    } else {
      inName = false;
    }
  }
  return kept.join('\n');
}

/** The project name of `files` run in `projectDirectory`; the folder's name when Compose rules give none. */
export function projectOfFiles(files: readonly string[], projectDirectory: string, options: ProjectOfFilesOptions): string {
  const texts = files.flatMap((file) => {
    const text = options.textOf?.(file) ?? readSmallFile(file, MAX_COMPOSE_FILE_BYTES);
    return text === undefined ? [] : [nameLines(text)];
  });
  const env = composeEnvironment(projectDirectory, options.env);
  return projectNameOf(texts, projectDirectory, { env, v1: options.v1 }) || path.basename(projectDirectory);
}
