// Where a push goes: the repository and tag to suggest, and why a typed one cannot be pushed. Pure, no vscode.
import { splitReference, tagProblem } from '../../../../common/src/imageReference';
import { HUB_HOST } from '../../engine/dockerHub';

/** "repository:tag" to suggest: under the chosen repository, else the image's own last name (Hub: in the user's namespace). */
export function suggestTarget(source: string, repository: string | undefined, hubNamespace: string | undefined): string {
  const parsed = source.startsWith('sha256:') ? { repository: 'image', tag: 'latest' } : splitReference(source);
  const tag = parsed.tag ?? 'latest';
  if (repository) return `${repository}:${tag}`;
  const name = parsed.repository.split('/').pop() ?? 'image';
  return hubNamespace ? `${hubNamespace}/${name}:${tag}` : `${name}:${tag}`;
}

/** Why "repository[:tag]" cannot be pushed to the registry `host`, or undefined. */
export function targetProblem(host: string, value: string): string | undefined {
  if (!value) return 'Type a repository, e.g. team/app:1.0.';
  if (value.includes('@')) return 'Push to a tag, not a digest.';
  const problem = tagProblem(`${host}/${value}`);
  if (problem) return `Not a valid repository and tag: ${problem}.`;
  if (host === HUB_HOST && !value.includes('/')) return 'On Docker Hub a repository is namespace/name, e.g. yourname/app.';
  return undefined;
}
