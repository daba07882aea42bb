// The docker CLI's argument arrays for stacks. Pure, no vscode: unit-tested with hostile names and paths.
// The stack's name comes after `--` (cobra ends options there), and is checked first: a name from a workspace
// file or an engine label that is not a stack name is refused, with a message saying why.
import * as path from 'path';
import { stackNameProblem } from '../../engine/swarmValidate';
import { shown } from '../../engine/validate';

export type ResolveImage = 'always' | 'changed' | 'never';
export const RESOLVE_IMAGE: readonly ResolveImage[] = ['always', 'changed', 'never'];

/** `docker stack deploy --compose-file=<file> --resolve-image=<mode> -- <stack>`. */
export function stackDeployArgs(file: string, stack: string, resolveImage: ResolveImage = 'always'): string[] {
  if (!path.isAbsolute(file)) throw new Error(`The compose file must be an absolute path, not ${shown(file)}.`);
  const problem = stackNameProblem(stack);
  if (problem) throw new Error(`${problem} (${shown(stack)})`);
  if (!RESOLVE_IMAGE.includes(resolveImage)) throw new Error(`Not a way to resolve images: ${shown(resolveImage)}.`);
  return ['stack', 'deploy', `--compose-file=${file}`, `--resolve-image=${resolveImage}`, '--', stack];
}

/** `docker stack rm --detach=false -- <stack>`: waits until the stack's services and networks are gone. */
export function stackRemoveArgs(stack: string): string[] {
  const problem = stackNameProblem(stack);
  if (problem) throw new Error(`${problem} (${shown(stack)})`);
  return ['stack', 'rm', '--detach=false', '--', stack];
}
