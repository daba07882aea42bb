/** Whether a "major.minor[.patch]" version (an engine's API version, docker-compose's) is at least major.minor. */
export function versionAtLeast(version: string | undefined, major: number, minor: number): boolean {
  const [a, b] = (version ?? '').split('.').map((part) => parseInt(part, 10));
  return a > major || (a === major && (b || 0) >= minor);
}
