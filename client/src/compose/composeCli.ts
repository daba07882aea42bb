// Finds the Compose command line (`docker compose` v2, else `docker-compose` v1) and builds the argument
// array of each Compose action. Never a shell string: every path, name and value is one array element, so
// a path holding spaces, quotes, `$(...)` or backticks reaches Compose unchanged and runs nothing.
// Free of the vscode API; the extension runs the result with a terminal whose shellPath/shellArgs are
// `command`/`args` (or a ProcessExecution task), which starts the program directly, with no shell.
import { execFile } from 'child_process';
import * as path from 'path';
import { shown } from '../engine/validate';
import { versionAtLeast } from '../util/version';

export interface ComposeCli {
  /** The program to start: `docker` for v2, `docker-compose` for v1 (or a standalone v2 binary). */
  command: string;
  /** Arguments that come before everything else: `['compose']` for `docker compose`, `[]` otherwise. */
  baseArgs: readonly string[];
  /** As Compose prints it, without a leading `v`: `2.29.1`, `1.29.2`. */
  version: string;
  /** The Go rewrite (major version 2 or later), whatever the command is called. */
  v2: boolean;
}

/** Where the commands get the Compose program from (found once per session; see commands/compose/runCompose.ts). */
export interface ComposeCliSource {
  find(env: NodeJS.ProcessEnv): Promise<ComposeCli>;
}

export type ComposeDetection = { cli: ComposeCli; reason?: undefined } | { cli: undefined; reason: string };

export interface RunResult {
  code: number;
  stdout: string;
  stderr?: string;
}

/** Runs a program with an argument array (no shell) and resolves with its exit code; never rejects on failure. */
export type ComposeRunner = (command: string, args: string[]) => Promise<RunResult>;

export type ComposeAction = 'up' | 'down' | 'restart' | 'stop' | 'start' | 'pause' | 'unpause' | 'logs' | 'pull' | 'build';

export const COMPOSE_ACTIONS: readonly ComposeAction[] = ['up', 'down', 'restart', 'stop', 'start', 'pause', 'unpause', 'logs', 'pull', 'build'];

export interface ComposeRequest {
  action: ComposeAction;
  /** The compose file and, when it exists, its override (see composeFilesFor); made absolute against projectDirectory. */
  files: readonly string[];
  /** The folder Compose resolves relative paths and reads `.env` from; usually the compose file's folder. */
  projectDirectory: string;
  /** Passed as `-p` only when given; otherwise Compose derives it (see projectNameOf). */
  projectName?: string;
  /** An alternate environment file instead of `<projectDirectory>/.env`. */
  envFile?: string;
  /** Only these services; all of them when empty or absent. Not for `down`. */
  services?: readonly string[];
  /** `--profile` per profile. */
  profiles?: readonly string[];
  /** down: also remove named volumes and anonymous volumes (`--volumes`). */
  removeVolumes?: boolean;
  /** logs: keep following the output. */
  follow?: boolean;
  /** logs: prefix each line with its timestamp. */
  timestamps?: boolean;
  /** logs: plain output without colours. */
  noColor?: boolean;
  /** logs: only the last N lines of each container. */
  tail?: number;
}

export interface ComposeCommand {
  command: string;
  args: string[];
}

/** What vscode.window.createTerminal takes to run a Compose command without a shell (same field names). */
export interface ComposeTerminalOptions {
  name: string;
  shellPath: string;
  shellArgs: string[];
  cwd: string;
}

// ---------------------------------------------------------------------------------------------------------
// Detection

const CANDIDATES: readonly { command: 'docker' | 'dockerCompose'; baseArgs: readonly string[] }[] = [
  { command: 'docker', baseArgs: ['compose'] },
  { command: 'dockerCompose', baseArgs: [] },
];

/**
 * Tries `docker compose version` (v2), then `docker-compose version` (v1, or a standalone v2 binary).
 * `programs` overrides the program names or paths (for a setting such as a docker path).
 */
export async function detectComposeCli(
  run: ComposeRunner,
  programs: { docker?: string; dockerCompose?: string } = {},
): Promise<ComposeDetection> {
  const failures: string[] = [];
  for (const candidate of CANDIDATES) {
    const command = candidate.command === 'docker' ? programs.docker ?? 'docker' : programs.dockerCompose ?? 'docker-compose';
    const args = [...candidate.baseArgs, 'version'];
    const shown = [command, ...args].join(' ');
    let result: RunResult;
    try {
      result = await run(command, args);
    } catch (error) {
      failures.push(`\`${shown}\` could not run (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (result.code !== 0) {
      failures.push(`\`${shown}\` exited with code ${result.code}${detail(result)}`);
      continue;
    }
    const version = parseComposeVersion(result.stdout);
    if (!version) {
      failures.push(`\`${shown}\` printed no Compose version${detail(result)}`);
      continue;
    }
    const v2 = majorOf(version) >= 2;
    // `docker compose` below 2 was Docker Desktop's old cloud integration, not Compose: skip it.
    if (candidate.baseArgs.length > 0 && !v2) {
      failures.push(`\`${shown}\` is Compose ${version}, not the v2 plugin`);
      continue;
    }
    return { cli: { command, baseArgs: candidate.baseArgs, version, v2 } };
  }
  return {
    cli: undefined,
    reason:
      `Docker Compose was not found: ${failures.join('; ')}. ` +
      'Install the Compose plugin (`docker compose`, package docker-compose-plugin) or `docker-compose`.',
  };
}

function detail(result: RunResult): string {
  const text = (result.stderr || result.stdout || '').trim().split('\n')[0]?.trim();
  return text ? `: ${text}` : '';
}

/** The version in `docker compose version` / `docker-compose version` output, without a leading `v`. */
export function parseComposeVersion(output: string): string | undefined {
  const match = /\bversion:?\s+v?(\d+\.\d+(?:\.\d+)?[0-9A-Za-z.+~-]*)/i.exec(output);
  return match?.[1];
}

function majorOf(version: string): number {
  return Number(version.split('.')[0]);
}

/** True when `version` is at least `major.minor`. */
/** A ComposeRunner on child_process.execFile: no shell, arguments passed as they are. */
export function execFileRunner(options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {}): ComposeRunner {
  const timeout = options.timeoutMs ?? 20_000;
  return (command, args) =>
    new Promise((resolve) => {
      execFile(
        command,
        args,
        { env: options.env, cwd: options.cwd, timeout, windowsHide: true, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (!error) return resolve({ code: 0, stdout, stderr });
          const code = (error as NodeJS.ErrnoException).code as unknown;
          if (typeof code === 'number') return resolve({ code, stdout, stderr });
          if (code === 'ENOENT') return resolve({ code: 127, stdout, stderr: `${command}: command not found` });
          if (error.killed) return resolve({ code: 124, stdout, stderr: `${command}: no answer within ${timeout} ms` });
          resolve({ code: 126, stdout, stderr: stderr || error.message });
        },
      );
    });
}

// ---------------------------------------------------------------------------------------------------------
// Argument arrays

/** Compose's own patterns (compose-spec schema); a name starting with `-` would read as an option. */
const SERVICE_NAME = /^[a-zA-Z0-9._][a-zA-Z0-9._-]*$/;
const PROFILE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** A service name Compose accepts and that cannot read as an option. */
export function isServiceName(name: string): boolean {
  return SERVICE_NAME.test(name);
}

/**
 * The program and argument array for one Compose action. Global options come first, in this order:
 * `-f` per file, `--project-directory`, `-p` (when given), `--env-file` (when given), `--profile` per profile;
 * then the subcommand, its options and the services. Throws an Error with a readable message for a request
 * Compose would refuse or this Compose version cannot do.
 */
export function composeArgs(cli: ComposeCli, request: ComposeRequest): ComposeCommand {
  if (!COMPOSE_ACTIONS.includes(request.action)) throw new Error(`Unknown Compose action "${request.action}".`);
  if (request.files.length === 0) throw new Error('No compose file given.');
  if (!request.projectDirectory) throw new Error('No project directory given.');
  const directory = path.resolve(request.projectDirectory);

  const args: string[] = [...cli.baseArgs];
  // Absolute paths never start with "-", so no path can be mistaken for an option.
  for (const file of request.files) args.push('-f', path.resolve(directory, file));
  args.push('--project-directory', directory);
  if (request.projectName !== undefined) {
    if (!PROJECT_NAME.test(request.projectName)) {
      throw new Error(
        `Invalid project name ${shown(request.projectName)}: use lowercase letters, digits, "-" and "_", starting with a letter or digit.`,
      );
    }
    args.push('-p', request.projectName);
  }
  if (request.envFile !== undefined) {
    if (!cli.v2 && !versionAtLeast(cli.version, 1, 25)) throw new Error(`docker-compose ${cli.version} has no --env-file (added in 1.25).`);
    args.push('--env-file', path.resolve(directory, request.envFile));
  }
  const profiles = request.profiles ?? [];
  if (profiles.length > 0 && !cli.v2 && !versionAtLeast(cli.version, 1, 28)) {
    throw new Error(`docker-compose ${cli.version} has no profiles (added in 1.28).`);
  }
  for (const profile of profiles) {
    if (!PROFILE_NAME.test(profile)) throw new Error(`Invalid profile name ${shown(profile)}.`);
    args.push('--profile', profile);
  }

  checkOptionsFit(request);
  args.push(request.action, ...actionOptions(request));

  const services = request.services ?? [];
  if (services.length > 0 && request.action === 'down') {
    throw new Error('Down acts on the whole project; stop or remove single services instead.');
  }
  // No `--` before the services: docker-compose 1.29 reads `--` as a service named "--" for pause, start and
  // unpause (their usage has no `[--]`) and refuses it after down. The names are checked instead: none may start
  // with "-", so none reads as an option. Files, the project folder and the env file are absolute paths (never
  // starting with "-"), and the project name and profiles are checked: nothing from a workspace becomes an option.
  for (const service of services) {
    if (!SERVICE_NAME.test(service)) throw new Error(`Invalid service name ${shown(service)}.`);
  }
  args.push(...services);
  return { command: cli.command, args };
}

function actionOptions(request: ComposeRequest): string[] {
  switch (request.action) {
    case 'up':
      return ['--detach'];
    case 'down':
      return request.removeVolumes ? ['--volumes'] : [];
    case 'logs': {
      const options: string[] = [];
      if (request.follow) options.push('--follow');
      if (request.timestamps) options.push('--timestamps');
      if (request.noColor) options.push('--no-color');
      if (request.tail !== undefined) {
        if (!Number.isInteger(request.tail) || request.tail < 0) throw new Error(`Invalid tail "${request.tail}": a whole number of lines.`);
        options.push('--tail', String(request.tail));
      }
      return options;
    }
    default:
      return [];
  }
}

/** Options of one action given to another are a caller's mistake: say so rather than drop them. */
function checkOptionsFit(request: ComposeRequest): void {
  const wrong: string[] = [];
  if (request.removeVolumes && request.action !== 'down') wrong.push('removeVolumes (down only)');
  if (request.action !== 'logs') {
    if (request.follow) wrong.push('follow (logs only)');
    if (request.timestamps) wrong.push('timestamps (logs only)');
    if (request.noColor) wrong.push('noColor (logs only)');
    if (request.tail !== undefined) wrong.push('tail (logs only)');
  }
  if (wrong.length > 0) throw new Error(`Options that do not apply to ${request.action}: ${wrong.join(', ')}.`);
}

/** The terminal of a project's Compose commands. */
export function composeTerminalName(projectName: string): string {
  return `Compose: ${projectName}`;
}

/** Fields for vscode.window.createTerminal: the program itself as shellPath, so no shell is involved. */
export function composeTerminalOptions(cli: ComposeCli, request: ComposeRequest, projectName: string): ComposeTerminalOptions {
  const { command, args } = composeArgs(cli, request);
  return { name: composeTerminalName(projectName), shellPath: command, shellArgs: args, cwd: path.resolve(request.projectDirectory) };
}
