// Who a container's processes run as, and what that user may do to a file. Pure, no vscode, no dockerode.
//
// The Engine API's archive endpoints act as the engine itself (root on the host): they would read a root-only file
// of a container whose processes run as user 1000, and write files owned by root into its folders. The Files view
// shows what the container's own user can do instead (what `docker exec` as that user could do): the owner, group
// and mode of each entry come from the archive's headers, the user from the container's configuration (`--user`,
// the image's USER), names resolved through the container's /etc/passwd and /etc/group.

export interface ContainerUser {
  uid: number;
  gid: number;
  /** Supplementary groups (from /etc/group), with the primary group. */
  groups: number[];
  /** As the container's configuration names it ("" for root by default). */
  spec: string;
}

export const ROOT_USER: ContainerUser = { uid: 0, gid: 0, groups: [0], spec: '' };

/**
 * The user of a container from its Config.User ("", "name", "uid", "name:group", "uid:gid") and the texts of its
 * /etc/passwd and /etc/group (undefined when missing). A name that the files do not know is an error, as it is for
 * the engine when it starts the container.
 */
export function resolveUser(spec: string, passwd: string | undefined, group: string | undefined): ContainerUser {
  const trimmed = spec.trim();
  if (trimmed === '') return ROOT_USER;
  const [userPart, groupPart] = trimmed.split(':', 2);
  const users = table(passwd);
  const groups = table(group);
  const byUser = /^\d+$/.test(userPart) ? users.find((f) => f[2] === userPart) : users.find((f) => f[0] === userPart);
  const uid = /^\d+$/.test(userPart) ? Number(userPart) : byUser ? Number(byUser[2]) : undefined;
  if (uid === undefined) throw new Error(`the container's user ${userPart} is not in its /etc/passwd`);
  let gid = byUser ? Number(byUser[3]) : 0;
  if (groupPart !== undefined && groupPart !== '') {
    const byGroup = /^\d+$/.test(groupPart) ? undefined : groups.find((f) => f[0] === groupPart);
    if (!/^\d+$/.test(groupPart) && !byGroup) throw new Error(`the container's group ${groupPart} is not in its /etc/group`);
    gid = byGroup ? Number(byGroup[2]) : Number(groupPart);
  }
  const name = byUser?.[0];
  const supplementary = name === undefined ? [] : groups.filter((f) => (f[3] ?? '').split(',').includes(name)).map((f) => Number(f[2]));
  return { uid, gid, groups: [...new Set([gid, ...supplementary])], spec: trimmed };
}

function table(text: string | undefined): string[][] {
  return (text ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(':'));
}

export type Access = 'read' | 'write' | 'search';

/** Whether `user` may read, write or search (a folder) an entry of this owner and mode; root may do all. */
export function mayAccess(user: ContainerUser, entry: { uid: number; gid: number; mode: number }, access: Access): boolean {
  if (user.uid === 0) return true;
  const bit = access === 'read' ? 4 : access === 'write' ? 2 : 1;
  const shift = entry.uid === user.uid ? 6 : user.groups.includes(entry.gid) ? 3 : 0;
  return ((entry.mode >> shift) & bit) !== 0;
}

/** "root", "user 1000", "user www-data (33)": how messages name the container's user. */
export function userName(user: ContainerUser): string {
  if (user.uid === 0) return 'root';
  const name = user.spec.split(':')[0];
  return /^\d+$/.test(name) ? `user ${user.uid}` : `user ${name} (${user.uid})`;
}
