import type { Ctx } from '../../ctx';
import type { ContainerSummary } from '../../engine/types';
import type { ImageRowNode } from '../../tree/resourceNodes';
import { engineOf, reasonOf } from '../shared';
import { labelOf, listOf, selectedImageRows, targetOf } from './rows';

/** How removing one row goes. */
interface Plan {
  row: ImageRowNode;
  /** The image goes too (this is its last tag, the selection holds all of its tags, or it is dangling). */
  removesImage: boolean;
  /** Containers made from the image, running (also paused or restarting) or not, by name. */
  running: string[];
  stopped: string[];
}

const ACTIVE = new Set(['running', 'paused', 'restarting']);

function plansOf(rows: ImageRowNode[], containers: readonly ContainerSummary[] | undefined): Plan[] {
  return rows.map((row) => {
    const chosen = new Set(rows.filter((r) => r.image.id === row.image.id && r.reference).map((r) => r.reference));
    const removesImage = !row.reference || row.image.repoTags.every((tag) => chosen.has(tag));
    const users = containers?.filter((c) => c.imageId === row.image.id);
    // The row knows its users' names; the fresh list tells which of them run (when it could be read, else all of
    // them count as running, the careful assumption).
    const running = users ? users.filter((c) => ACTIVE.has(c.state)).map((c) => c.name) : row.usedBy;
    const stopped = users ? users.filter((c) => !ACTIVE.has(c.state)).map((c) => c.name) : [];
    return { row, removesImage, running: [...running].sort(), stopped: [...stopped].sort() };
  });
}

const containersWord = (names: string[]) => `container${names.length === 1 ? '' : 's'} ${listOf(names)}`;

/**
 * Removes the selected image rows after asking (`docker rmi`): a row's reference, i.e. one tag (the image goes
 * when its last tag does), or a dangling image by its id. Resolves with the names of what it removed.
 *
 * What is safe, and so what it offers:
 * - Removing a tag the image has others of only untags it: no container notices; plain "Remove".
 * - An image a running (or paused) container uses is never removed: the engine refuses without force, and with
 *   force it takes the last tag away, leaving a running container's image nameless behind the user's back. It
 *   is left out up front, with the containers named, and nothing is asked when nothing else is selected.
 * - An image that only stopped containers use can be removed with force (`docker rmi -f`): the containers stay,
 *   keep their files and can still be started (the engine keeps the layers they are made of); they only lose the
 *   image's name. The question names them and the answer reads "Force Remove", so this is never silent.
 * - Anything else the engine refuses (e.g. another image built on this one) is reported in its own words.
 */
export async function removeImages(ctx: Ctx, node?: unknown, nodes?: unknown[]): Promise<string[]> {
  const rows = selectedImageRows(node, nodes);
  const engine = rows.length > 0 ? engineOf(ctx) : undefined;
  if (!engine) return [];
  let containers: ContainerSummary[] | undefined;
  try {
    containers = await engine.listContainers();
  } catch {
    containers = undefined;
  }
  const plans = plansOf(rows, containers);
  const blocked = plans.filter((p) => p.removesImage && p.running.length > 0);
  const removable = plans.filter((p) => !blocked.includes(p));
  if (removable.length === 0) {
    ctx.notifier.error(
      blocked
        .map((p) => `Cannot remove ${labelOf(p.row)}: the running ${containersWord(p.running)} use${p.running.length === 1 ? 's' : ''} it; stop and remove ${p.running.length === 1 ? 'it' : 'them'} first.`)
        .join(' '),
    );
    return [];
  }
  const forced = removable.filter((p) => p.removesImage && p.stopped.length > 0);
  const names = removable.map((p) => labelOf(p.row));
  const detail = [
    ...forced.map((p) => `${labelOf(p.row)} is used by the stopped ${containersWord(p.stopped)}; ${p.stopped.length === 1 ? 'it stays' : 'they stay'} but lose${p.stopped.length === 1 ? 's' : ''} the image's name.`),
    ...removable.filter((p) => !p.removesImage).map((p) => `${labelOf(p.row)} is a tag; the image keeps its other tags.`),
    ...blocked.map((p) => `${labelOf(p.row)} is kept: the running ${containersWord(p.running)} use${p.running.length === 1 ? 's' : ''} it.`),
  ].join('\n');
  const answer = await ctx.notifier.confirm(
    removable.length === 1 ? `Remove the image ${names[0]}?` : `Remove ${removable.length} images (${names.join(', ')})?`,
    detail || 'This cannot be undone.',
    forced.length > 0 ? 'Force Remove' : 'Remove',
  );
  if (answer === undefined) return [];
  const removed: string[] = [];
  for (const plan of removable) {
    const label = labelOf(plan.row);
    try {
      await engine.removeImage(targetOf(plan.row), forced.includes(plan));
      removed.push(label);
    } catch (error) {
      const users = plan.row.usedBy;
      // The engine found users the list did not show (e.g. a container made since): say who, in plain words.
      const inUse = /being used by|is using|in use|must (?:be )?force|cannot be forced/i.test(reasonOf(error));
      ctx.notifier.error(
        inUse && users.length > 0
          ? `Could not remove ${label}: the ${containersWord(users)} use${users.length === 1 ? 's' : ''} it. Remove ${users.length === 1 ? 'that container' : 'those containers'} first.`
          : `Could not remove ${label}: ${reasonOf(error)}`,
      );
    }
  }
  return removed.sort();
}
