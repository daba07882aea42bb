// What a file operation needs to know of its container (its user, whether it runs, which paths are read-only),
// and the engine's refusals of the archive endpoints in plain words. Pure, no dockerode import.
import { displayName as shownPath } from './validate';
import { ContainerFileError } from './containerFiles';
import type { ContainerUser } from './containerUser';

export interface ContainerFacts {
  user: ContainerUser;
  running: boolean;
  /** Why a path cannot be changed (the container is not running, a read-only file system), or undefined. */
  readOnly(target: string): string | undefined;
}

/** The part of a container's inspect answer used here. */
export interface InspectedContainer {
  State?: { Running?: boolean; Paused?: boolean } | null;
  HostConfig?: { ReadonlyRootfs?: boolean } | null;
  Mounts?: { Destination?: string; RW?: boolean }[] | null;
}

export function inspectOf(inspected: InspectedContainer, user: ContainerUser): ContainerFacts {
  const running = inspected.State?.Running === true && inspected.State?.Paused !== true;
  const mounts = (inspected.Mounts ?? []).filter((m) => typeof m.Destination === 'string').sort((a, b) => b.Destination!.length - a.Destination!.length);
  return {
    user,
    running,
    readOnly(target) {
      if (inspected.State?.Paused) return 'The container is paused: its files are read-only until it is unpaused.';
      if (!running) return 'The container is not running: its files can be read, and changed once it is started.';
      const mount = mounts.find((m) => target === m.Destination || target.startsWith(`${m.Destination!.replace(/\/$/, '')}/`));
      if (mount) return mount.RW === false ? `${shownPath(target)} is on a read-only mount (${mount.Destination}).` : undefined;
      return inspected.HostConfig?.ReadonlyRootfs ? "The container's file system is read-only (it was started with --read-only)." : undefined;
    },
  };
}

/** An engine refusal (its reason as errors.ts words it) about `target` of container `id`, in plain words. */
export function fileFailure(reason: string, id: string, target: string): ContainerFileError {
  const short = id.slice(0, 12);
  if (/no such container|there is no container/i.test(reason)) {
    return new ContainerFileError('no-container', `The container ${short} no longer exists (it was removed meanwhile).`);
  }
  if (/could not find the file|no such file or directory/i.test(reason)) return new ContainerFileError('not-found', `There is no ${shownPath(target)} in the container.`);
  if (/not a directory/i.test(reason)) return new ContainerFileError('not-directory', `A part of ${shownPath(target)} is not a folder.`);
  if (/read-only/i.test(reason)) return new ContainerFileError('permission', `${shownPath(target)} is on a read-only file system.`);
  if (/permission denied/i.test(reason)) return new ContainerFileError('permission', `Permission denied on ${shownPath(target)}.`);
  if (/is paused/i.test(reason)) return new ContainerFileError('unavailable', `The container ${short} is paused.`);
  if (/is not running/i.test(reason)) return new ContainerFileError('unavailable', `The container ${short} is not running.`);
  return new ContainerFileError('other', `The engine refused: ${reason}`);
}
