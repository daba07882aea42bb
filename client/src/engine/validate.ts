// What an engine may report, checked before it reaches a command line, a terminal or a message. Pure, no vscode.
//
// Ids and names come from whatever engine the extension is pointed at, and a workspace can point it at an
// attacker's (issue 12): such an engine can answer with an "id" like `--env-file=/proc/self/environ`, which the
// docker CLI would read as an option. So every id and name is checked against what the Engine API itself can
// return before a command uses it. The views still show such rows (escaped), so the user sees the odd engine;
// the commands refuse them with a message saying what was wrong.
import * as path from 'path';
import { referenceProblem } from '../../../common/src/imageReference';

/** A container id as the engine makes it: 64 lower-case hex digits. */
const CONTAINER_ID = /^[0-9a-f]{64}$/;
/** An image id: "sha256:" and 64 lower-case hex digits (some engines, e.g. Podman's API, may leave out "sha256:"). */
const IMAGE_ID = /^(?:sha256:)?[0-9a-f]{64}$/;
/** Docker's own rule for container (and volume, network) names, daemon/names: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`. */
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** Characters that would change how a message or a terminal title reads: controls, bidi overrides, line breaks. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
/** How much of an untrusted value a message quotes. */
const SHOWN_LENGTH = 80;

export function isContainerId(value: unknown): value is string {
  return typeof value === 'string' && CONTAINER_ID.test(value);
}

export function isContainerName(value: unknown): value is string {
  return typeof value === 'string' && CONTAINER_NAME.test(value);
}

export function isImageId(value: unknown): value is string {
  return typeof value === 'string' && IMAGE_ID.test(value);
}

/**
 * The reference itself when it is one the engine can report and the CLI reads as an image reference (the grammar
 * of common/src/imageReference.ts: lower-case path, optional registry, tag and digest; never starts with "-");
 * undefined otherwise.
 */
export function validatedReference(value: unknown): string | undefined {
  return typeof value === 'string' && !value.startsWith('-') && referenceProblem(value) === undefined ? value : undefined;
}

/**
 * An untrusted value as a message quotes it: in double quotes, cut to 80 characters, with every control, line-break
 * and bidi character and the brackets of a Markdown link escaped (a notification renders `[text](command:...)` as a
 * link), so the message reads as what the value is.
 */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const cut = text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 3)}...` : text;
  const quoted = JSON.stringify(cut).replace(UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return quoted.replace(/[[\]]/g, (c) => (c === '[' ? '\\u005b' : '\\u005d'));
}

/** A name for a terminal title or a message: the name itself when it is plain text, else as shown() quotes it. */
export function displayName(value: unknown): string {
  return typeof value === 'string' && value !== '' && !UNSAFE.test(value) && !/[[\]]/.test(value) && value.length <= SHOWN_LENGTH
    ? value
    : shown(value);
}

/** Why a container the engine listed cannot be handed to a command (its id or its name), or undefined when it can. */
export function containerProblem(container: { id: unknown; name: unknown }): string | undefined {
  if (!isContainerId(container.id)) return `The engine returned an id that is not a container id: ${shown(container.id)}`;
  if (!isContainerName(container.name)) return `The engine returned a name that is not a container name: ${shown(container.name)}`;
  return undefined;
}

/** Why an image row cannot be handed to a command (its tag or its id), or undefined when it can. */
export function imageProblem(image: { reference?: unknown; id: unknown }): string | undefined {
  if (image.reference !== undefined && validatedReference(image.reference) === undefined) {
    return `The engine returned a tag that is not an image reference: ${shown(image.reference)}`;
  }
  if (!isImageId(image.id)) return `The engine returned an id that is not an image id: ${shown(image.id)}`;
  return undefined;
}

/**
 * Why the working folder and compose files a container's Compose labels name cannot be handed to Compose, or
 * undefined when they can: each must be an absolute path without control characters (Compose then reads it as a
 * path, never as an option, and a terminal title shows it as it is).
 */
export function composeProjectProblem(workingDir: unknown, configFiles: readonly unknown[]): string | undefined {
  const bad = (value: unknown) => typeof value !== 'string' || !path.isAbsolute(value) || UNSAFE.test(value);
  if (bad(workingDir)) return `The engine returned a Compose working folder that is not an absolute path: ${shown(workingDir)}`;
  const file = configFiles.find(bad);
  if (file !== undefined || configFiles.length === 0) {
    return `The engine returned a compose file that is not an absolute path: ${shown(file ?? '')}`;
  }
  return undefined;
}
