import type { Ctx } from '../../ctx';
import { displayName, imageProblem } from '../../engine/validate';
import { shortImageId } from '../../format/text';
import type { ImageNodeModel, ImageRowNode } from '../../tree/resourceNodes';

/**
 * The image rows a command applies to: every selected row when the clicked one is part of a multi-selection,
 * else the clicked row; a repository group stands for all of its rows. Each row once.
 */
export function selectedImageRows(node?: unknown, nodes?: unknown[]): ImageRowNode[] {
  const picked = (nodes && nodes.length > 0 ? nodes : node ? [node] : []) as ImageNodeModel[];
  const rows = picked.flatMap((n) => (n?.kind === 'image' ? [n] : n?.kind === 'imageRepository' ? n.children : []));
  return rows.filter((row, i) => rows.findIndex((other) => other.id === row.id) === i);
}

/**
 * The one image row a single-image command applies to: the clicked row; for a repository group (its menu shows
 * the same commands) its only row, or the one the user picks among its tags. Undefined when there is none, and
 * after telling the user, when the row's tag or id is not what an engine can report (engine/validate.ts): no
 * command hands such a value to the docker CLI or to the engine.
 */
export async function selectedImageRow(ctx: Pick<Ctx, 'notifier'>, node?: unknown): Promise<ImageRowNode | undefined> {
  const row = await pickedImageRow(ctx, node);
  const problem = row && imageProblem({ reference: row.reference, id: row.image.id });
  if (problem) {
    ctx.notifier.error(problem);
    return undefined;
  }
  return row;
}

/** The image row a node stands for without asking: an image row itself, or the only row of a repository group. */
export function onlyImageRow(node?: unknown): ImageRowNode | undefined {
  const row = node as ImageNodeModel | undefined;
  if (row?.kind === 'image') return row;
  return row?.kind === 'imageRepository' && row.children.length === 1 ? row.children[0] : undefined;
}

async function pickedImageRow(ctx: Pick<Ctx, 'notifier'>, node?: unknown): Promise<ImageRowNode | undefined> {
  const only = onlyImageRow(node);
  if (only) return only;
  const row = node as ImageNodeModel | undefined;
  if (row?.kind !== 'imageRepository' || row.children.length === 0) return undefined;
  const labels = row.children.map(labelOf);
  const picked = await ctx.notifier.pick(`Which image of ${displayName(row.label)}?`, labels);
  return row.children[labels.indexOf(picked ?? '')];
}

/** How the user and the engine name the image of a row: its reference, else (a dangling image) its id. */
export function targetOf(row: ImageRowNode): string {
  return row.reference ?? row.image.id;
}

/** A row's name for messages: its reference, else "<none> (0123456789ab)". */
export function labelOf(row: ImageRowNode): string {
  return row.reference ?? `<none> (${shortImageId(row.image.id)})`;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
