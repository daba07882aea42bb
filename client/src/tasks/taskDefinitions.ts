// What a task definition (tasks.json, or one the task provider made) asks for, checked and made absolute. Pure, no
// vscode: unit-tested. The task provider turns the result into the same task the menu commands run.
//   { "type": "dockerWorkflows.compose", "action": "up", "file": "compose.yaml", "services": ["web"], "profiles": [] }
//   { "type": "dockerWorkflows.docker", "command": "build", "dockerfile": "Dockerfile", "tag": "shop:1", "context": "." }
//   { "type": "dockerWorkflows.docker", "command": "push", "image": "registry.example.com/shop:1" }
import * as os from 'os';
import * as path from 'path';
import { repositoryFromFolderName } from '../../../common/src/imageReference';
import { buildArgs, pushArgs } from '../commands/cli/dockerArgs';
import { COMPOSE_ACTIONS, type ComposeAction } from '../compose/composeCli';
import { shown } from '../engine/validate';

export const COMPOSE_TASK_TYPE = 'dockerWorkflows.compose';
export const DOCKER_TASK_TYPE = 'dockerWorkflows.docker';

export interface ComposeTaskPlan {
  /** The compose file, absolute. */
  file: string;
  request: { action: ComposeAction; services?: string[]; profiles?: string[]; follow?: boolean };
}

/** A docker CLI task: the same fields the menu commands give runTask (no environment: that is the engine's). */
export interface DockerTaskPlan {
  name: string;
  source: string;
  command: 'docker';
  args: string[];
  cwd: string;
}

type Problem = { problem: string };

/** A value of the definition as a message quotes it. */
function given(value: unknown): string {
  return value === undefined ? 'nothing' : typeof value === 'string' ? shown(value) : shown(JSON.stringify(value));
}

function stringList(definition: Record<string, unknown>, key: string): string[] | undefined | Problem {
  const value = definition[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return { problem: `"${key}" of a ${definition.type} task must be a list of names, not ${given(value)}.` };
  }
  return value as string[];
}

/** A path of the definition made absolute against the task's folder. */
function absolute(value: string, folder: string | undefined, what: string): string | Problem {
  if (path.isAbsolute(value)) return path.normalize(value);
  if (!folder) return { problem: `The ${what} ${shown(value)} is relative, but the task belongs to no workspace folder.` };
  return path.resolve(folder, value);
}

/**
 * A Compose task definition as the file to run and the action's request. Without `file`, the folder's default compose
 * file (`defaultFile`, as Compose picks it). `logs` follows, as the menu's Logs does. Service and profile names are
 * checked when the arguments are built (composeArgs).
 */
export function composeTaskPlan(
  definition: Record<string, unknown>,
  folder: string | undefined,
  defaultFile: (folder: string) => string | undefined,
): ComposeTaskPlan | Problem {
  const action = definition.action;
  if (typeof action !== 'string' || !COMPOSE_ACTIONS.includes(action as ComposeAction)) {
    return { problem: `A ${COMPOSE_TASK_TYPE} task needs "action": one of ${COMPOSE_ACTIONS.join(', ')}; not ${given(action)}.` };
  }
  let file: string | Problem;
  if (typeof definition.file === 'string' && definition.file !== '') file = absolute(definition.file, folder, 'compose file');
  else if (definition.file !== undefined) return { problem: `"file" of a ${COMPOSE_TASK_TYPE} task must be a path.` };
  else file = (folder && defaultFile(folder)) || { problem: `No compose file (compose.yaml, docker-compose.yml ...) in ${shown(folder ?? 'the workspace')}: give the task a "file".` };
  if (typeof file !== 'string') return file;
  const services = stringList(definition, 'services');
  if (services && 'problem' in services) return services;
  const profiles = stringList(definition, 'profiles');
  if (profiles && 'problem' in profiles) return profiles;
  return {
    file,
    request: {
      action: action as ComposeAction,
      ...(services?.length ? { services } : {}),
      ...(profiles?.length ? { profiles } : {}),
      ...(action === 'logs' ? { follow: true } : {}),
    },
  };
}

/**
 * A docker task definition as the program run: `build` (the menu's Build Image: `docker build --file=... --tag=...
 * -- <context>`, named "Build: <tag>") or `push` (`docker push -- <image>`, named "Push: <image>").
 * `defaultContext` gives the build context when the definition has none (the docker-workflows.build.context setting).
 */
export function dockerTaskPlan(
  definition: Record<string, unknown>,
  folder: string | undefined,
  defaultContext: (dockerfile: string) => string,
): DockerTaskPlan | Problem {
  const text = (key: string): string | undefined | Problem => {
    const value = definition[key];
    if (value === undefined) return undefined;
    return typeof value === 'string' && value !== '' ? value : { problem: `"${key}" of a ${DOCKER_TASK_TYPE} task must be a non-empty string.` };
  };
  try {
    switch (definition.command) {
      case 'build': {
        const given = text('dockerfile');
        if (typeof given === 'object') return given;
        const dockerfile = absolute(given ?? 'Dockerfile', folder, 'Dockerfile');
        if (typeof dockerfile !== 'string') return dockerfile;
        const tag = text('tag');
        if (typeof tag === 'object') return tag;
        const chosenTag = tag ?? `${repositoryFromFolderName(path.basename(path.dirname(dockerfile)))}:latest`;
        const contextGiven = text('context');
        if (typeof contextGiven === 'object') return contextGiven;
        const context = contextGiven === undefined ? defaultContext(dockerfile) : absolute(contextGiven, folder, 'build context');
        if (typeof context !== 'string') return context;
        return { name: `Build: ${chosenTag}`, source: 'Docker', command: 'docker', args: buildArgs({ dockerfile, tag: chosenTag, context }), cwd: context };
      }
      case 'push': {
        const image = text('image');
        if (typeof image === 'object') return image;
        if (image === undefined) return { problem: `A ${DOCKER_TASK_TYPE} push task needs "image": the reference to push.` };
        // Push reads no files: like the menu's Push, it runs in the workspace folder, else the home folder.
        return { name: `Push: ${image}`, source: 'Docker', command: 'docker', args: pushArgs(image), cwd: folder ?? os.homedir() };
      }
      default:
        return { problem: `A ${DOCKER_TASK_TYPE} task needs "command": build or push; not ${given(definition.command)}.` };
    }
  } catch (error) {
    // buildArgs and pushArgs refuse a bad tag or reference with a readable message.
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}
