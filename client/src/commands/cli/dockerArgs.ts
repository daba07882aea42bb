// The argument arrays of the docker CLI commands the extension starts (Open Shell, Run Interactive, Push, Build).
// Pure, no vscode: unit-tested with hostile ids, names and paths.
//
// Every array is passed to the program as it is (a terminal's shellPath/shellArgs or a ProcessExecution task,
// never a shell), and every value that comes from an engine or a workspace comes after `--`, so the CLI reads it
// as a positional argument even if a check let something odd through. The CLI's own parser (cobra/pflag) ends its
// options at `--` for each of these commands (checked with docker 28: `docker exec -it -- --env-file=x sh`
// looks for a container named "--env-file=x"). Values are checked before that too (engine/validate.ts): a
// builder throws an Error whose message says what was wrong, and the command shows it.
import * as path from 'path';
import { tagProblem } from '../../../../common/src/imageReference';
import { containerProblem, imageProblem, shown, validatedReference } from '../../engine/validate';

/** Inside the container: bash when it has it, else sh (a fixed script, never built from user input). */
export const PICK_SHELL = 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi';

/** `docker exec -it -- <id> sh -c <PICK_SHELL>`: an interactive shell in a container, addressed by its id. */
export function shellArgs(container: { id: string; name: string }): string[] {
  const problem = containerProblem(container);
  if (problem) throw new Error(problem);
  return ['exec', '-it', '--', container.id, 'sh', '-c', PICK_SHELL];
}

/**
 * `docker run -it --rm -- <image>`: the image by its reference, or (a dangling image) by its id without "sha256:",
 * which the CLI reads as an id for sure.
 */
export function runInteractiveArgs(image: { reference?: string; id: string }): string[] {
  const problem = imageProblem(image);
  if (problem) throw new Error(problem);
  return ['run', '-it', '--rm', '--', image.reference ?? image.id.replace(/^sha256:/, '')];
}

/** `docker push -- <reference>`. */
export function pushArgs(reference: string): string[] {
  if (validatedReference(reference) === undefined) throw new Error(`Not an image reference to push: ${shown(reference)}`);
  return ['push', '--', reference];
}

/**
 * `docker build --file=<Dockerfile> --tag=<tag> -- <context>`: the Dockerfile and the context as absolute paths
 * (an absolute path never starts with "-"), each option with its value in one word, the context after `--`.
 */
export function buildArgs(request: { dockerfile: string; tag: string; context: string }): string[] {
  const { dockerfile, tag, context } = request;
  if (!path.isAbsolute(dockerfile)) throw new Error(`The Dockerfile must be an absolute path, not ${shown(dockerfile)}.`);
  if (!path.isAbsolute(context)) throw new Error(`The build context must be an absolute path, not ${shown(context)}.`);
  // The reference grammar never lets a name start with "-".
  const problem = tagProblem(tag);
  if (problem) throw new Error(`Not a valid image name: ${problem}.`);
  return ['build', `--file=${dockerfile}`, `--tag=${tag}`, '--', context];
}
