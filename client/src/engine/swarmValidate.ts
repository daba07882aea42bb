// Checks of swarm ids and names before they reach a request path, a command line, a terminal title or a message.
// Pure, no vscode. Like validate.ts: whatever engine the extension is pointed at may answer with anything.
import { shown } from './validate';

/** The ids swarmkit makes: 25 lower-case letters and digits (base 36 of 128 random bits). */
const SWARM_ID = /^[a-z0-9]{25}$/;
/** A stack's name as `docker stack deploy` and Compose accept it: lower-case letters, digits, "_" and "-". */
const STACK_NAME = /^[a-z0-9][a-z0-9_-]*$/;
/** Names of secrets and configs (swarmkit: letters, digits, "_", "-", "." and up to 64 characters). */
const DATA_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9])?$/;

export function isSwarmId(value: unknown): value is string {
  return typeof value === 'string' && SWARM_ID.test(value);
}

/** Why a row's swarm id cannot be used (`what` names the object in the message), or undefined when it can. */
export function swarmIdProblem(what: string, id: unknown): string | undefined {
  return isSwarmId(id) ? undefined : `The engine returned an id that is not a ${what} id: ${shown(id)}`;
}

/** Why a stack name cannot be used, in words a person can act on; undefined when it can. */
export function stackNameProblem(name: string): string | undefined {
  if (name === '') return 'A stack needs a name.';
  if (name.length > 63) return 'A stack name has at most 63 characters.';
  if (!STACK_NAME.test(name)) return 'A stack name has lower-case letters, digits, "_" and "-", and starts with a letter or a digit.';
  return undefined;
}

/** Why a secret's or config's name cannot be used; undefined when it can. */
export function dataNameProblem(kind: 'secret' | 'config', name: string, existing: readonly string[] = []): string | undefined {
  if (name === '') return `A ${kind} needs a name.`;
  if (!DATA_NAME.test(name)) return `A ${kind} name has up to 64 letters, digits, "_", "-" and ".", and starts and ends with a letter or a digit.`;
  if (existing.includes(name)) return `There is already a ${kind} named ${name}.`;
  return undefined;
}
