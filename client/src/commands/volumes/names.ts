// Names of new volumes and networks: pure, tested in plain Node.

/** The engine's rule for volume names (also what Compose and container names follow). */
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/**
 * Why `name` cannot name a new volume or network, or undefined when it can. An empty name is acceptable here:
 * it means the user cancels.
 */
export function newNameProblem(kind: 'volume' | 'network', name: string, existing: readonly string[]): string | undefined {
  if (name === '') return undefined;
  if (!NAME.test(name)) {
    return `A ${kind} name starts with a letter or digit, followed by at least one letter, digit, "_", "." or "-".`;
  }
  if (existing.includes(name)) return `A ${kind} named ${name} already exists.`;
  return undefined;
}
