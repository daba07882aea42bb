// Pure mapping from image summaries to the Images view's rows. No vscode import: tested in plain Node.
//
// By default (docker-workflows.images.*): one group per repository ("python", "ghcr.io/org/app"), sorted naturally,
// each with one row per tag ("latest" first, then the other tags naturally, so "3.9" comes before "3.12"). An image
// with tags in two repositories has a row in both groups. Dangling images (no tag) are hidden unless asked for; then
// they form the last group, "<none>", one row per image labelled by its short id, like `docker images`. The settings
// list the tags without groups instead (labelled by their whole reference, the dangling images after them), sort the
// rows by creation or size (the groups stay in name order), and pick what the labels and descriptions show.
import { splitReference } from '../../../common/src/imageReference';
import type { ContainerSummary, ImageSummary } from '../engine/types';
import { code, escapeMarkdown, formatAge, formatBytes, isoDate, lines, naturalCollator as collator, plural, section, shortImageId } from '../format/text';
import type { NodeIcon } from './nodeModel';
import type { ImageNodeModel, ImageRepositoryNode, ImageRowNode } from './resourceNodes';
import { DEFAULT_IMAGE_OPTIONS, type ImageField, type ImageSortBy, type ImageViewOptions } from './viewOptions';

export interface ImageTreeOptions extends Partial<ImageViewOptions> {
  /** Show the dangling images' group. */
  showDangling: boolean;
  /** Milliseconds since the epoch, for the rows' ages. */
  now: number;
}

/** A row before it is made: one tag of an image, or a dangling image (no tag). */
interface Entry {
  image: ImageSummary;
  tagged?: { tag: string; reference: string };
}

/** The dangling images' group's repository, as `docker images` shows it. */
export const DANGLING_REPOSITORY = '<none>';

/** The tag the engine reports for an image that has none. */
const NO_TAG = '<none>:<none>';

/** What a tag splits into: "127.0.0.1:5000/app:1" is repository "127.0.0.1:5000/app", tag "1". */
export interface ParsedTag {
  repository: string;
  tag: string;
}

/**
 * Splits a repo tag at its last ':' after its last '/' (a ':' before the last '/' is a registry's port). A tag the
 * engine reported without a tag part (it does not) keeps the whole text as the repository and tag "".
 */
export function parseRepoTag(repoTag: string): ParsedTag {
  const { repository, tag = '' } = splitReference(repoTag);
  return { repository, tag };
}

export function imageTree(
  images: readonly ImageSummary[],
  containers: readonly ContainerSummary[],
  options: ImageTreeOptions,
): ImageNodeModel[] {
  const o = { ...DEFAULT_IMAGE_OPTIONS, ...options };
  const repositories = new Map<string, Entry[]>();
  const tagged: Entry[] = [];
  const dangling: Entry[] = [];
  for (const image of images) {
    const repoTags = image.repoTags.filter((repoTag) => repoTag !== NO_TAG);
    if (repoTags.length === 0) dangling.push({ image });
    for (const repoTag of repoTags) {
      const { repository, tag } = parseRepoTag(repoTag);
      const entry = { image, tagged: { tag, reference: repoTag } };
      tagged.push(entry);
      repositories.set(repository, [...(repositories.get(repository) ?? []), entry]);
    }
  }
  const users = new Map<string, ContainerSummary[]>();
  for (const container of containers) users.set(container.imageId, [...(users.get(container.imageId) ?? []), container]);
  const order = entryOrder(o.sortBy);
  const row = (entry: Entry, flat: boolean) => imageRow(entry, users.get(entry.image.id) ?? [], o, flat);
  const shownDangling = options.showDangling ? dangling.sort(order) : [];
  if (o.groupBy === 'none') return [...tagged.sort(order), ...shownDangling].map((entry) => row(entry, true));
  const groups = [...repositories.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([repository, members]): ImageRepositoryNode => {
      const rows = members.sort(order).map((entry) => row(entry, false));
      return {
        kind: 'imageRepository',
        id: `imageRepository:${repository}`,
        label: repository,
        description: plural(rows.length, 'tag'),
        tooltip: section([
          `**${escapeMarkdown(repository)}**`,
          lines([
            `Tags: ${members.map((entry) => escapeMarkdown(entry.tagged?.tag || entry.tagged?.reference || '')).join(', ')}`,
            rows.some((row) => row.usedBy.length > 0) && `In use: ${rows.filter((row) => row.usedBy.length > 0).length} of ${plural(rows.length, 'tag')}`,
          ]),
        ]),
        icon: { id: 'repo' },
        contextValue: 'imageRepository',
        repository,
        children: rows,
        // Collapsed: the view then reads as one row per repository with its tag count, however many tags each
        // has, like Microsoft's Container Tools. A rule by the number of tags would open some groups and not
        // others for no reason the user can see.
        expanded: false,
      };
    });
  if (shownDangling.length === 0) return groups;
  const rows = shownDangling.map((entry) => row(entry, false));
  const danglingGroup: ImageRepositoryNode = {
    kind: 'imageRepository',
    id: `imageRepository:${DANGLING_REPOSITORY}`,
    label: 'Dangling images',
    description: plural(rows.length, 'image'),
    tooltip: section([
      '**Dangling images**',
      'Images without a tag: older builds and pulls whose tag moved on to a newer image.',
      rows.some((row) => row.usedBy.length > 0) && `In use: ${rows.filter((row) => row.usedBy.length > 0).length} of ${plural(rows.length, 'image')}`,
    ]),
    icon: { id: 'repo' },
    // Its own context value: commands on a repository (all its tags) do not apply to it.
    contextValue: 'imageRepository.dangling',
    repository: DANGLING_REPOSITORY,
    children: rows,
    // Open: the user asked to see these, and as the last group it pushes no other group down.
    expanded: true,
  };
  return [...groups, danglingGroup];
}

/**
 * The rows' order for `sortBy`. By name: tags by repository, then "latest" first and the rest naturally, the dangling
 * images after them, newest first. By creation: newest first; by size: largest first (then by name).
 */
function entryOrder(sortBy: ImageSortBy): (a: Entry, b: Entry) => number {
  const byName = (a: Entry, b: Entry): number => {
    if (!a.tagged || !b.tagged) return Number(!a.tagged) - Number(!b.tagged) || b.image.created - a.image.created || collator.compare(a.image.id, b.image.id);
    const [ra, rb] = [parseRepoTag(a.tagged.reference), parseRepoTag(b.tagged.reference)];
    return collator.compare(ra.repository, rb.repository) || byTag(a.tagged.tag, b.tagged.tag);
  };
  if (sortBy === 'created') return (a, b) => b.image.created - a.image.created || byName(a, b);
  if (sortBy === 'size') return (a, b) => b.image.size - a.image.size || byName(a, b);
  return byName;
}

/**
 * One row: a tag of an image (labelled by its tag, or in a flat list by its reference), or a dangling image (labelled
 * by its short id); the label and description settings may say otherwise.
 */
function imageRow(entry: Entry, users: readonly ContainerSummary[], options: ImageViewOptions & { now: number }, flat: boolean): ImageRowNode {
  const { image, tagged } = entry;
  const now = options.now;
  const usedBy = users.map((container) => container.name).sort((a, b) => collator.compare(a, b));
  // Green when a running container uses the image, as the Containers view marks running containers.
  const icon: NodeIcon = users.some((container) => container.state === 'running') ? { id: 'package', color: 'charts.green' } : { id: 'package' };
  const shortId = shortImageId(image.id);
  const tags = image.repoTags.filter((repoTag) => repoTag !== NO_TAG);
  const title = tagged ? escapeMarkdown(tagged.reference) : 'Dangling image';
  const label = !tagged || options.label === 'id' ? shortId : options.label === 'reference' || flat ? tagged.reference : tagged.tag || tagged.reference;
  const field = (name: ImageField): string | false =>
    name === 'size' ? formatBytes(image.size) : name === 'created' ? formatAge(image.created, now) : name === 'id' ? shortId : usedBy.length > 0 && 'in use';
  return {
    kind: 'image',
    id: tagged ? `image:${tagged.reference}` : `image.dangling:${image.id}`,
    label,
    description: options.description.map(field).filter(Boolean).join(' · '),
    tooltip: section([
      `**${title}** (${shortId})`,
      lines([
        `Id: ${code(image.id)}`,
        `Created: ${isoDate(image.created)} (${formatAge(image.created, now)})`,
        `Size: ${formatBytes(image.size)}`,
        tags.length > 0 && `Tags: ${tags.map(escapeMarkdown).join(', ')}`,
        usedBy.length > 0 && `Used by: ${usedBy.map(escapeMarkdown).join(', ')}`,
      ]),
    ]),
    icon,
    contextValue: tagged ? 'image' : 'image.dangling',
    image,
    reference: tagged?.reference,
    usedBy,
  };
}

/** Natural order, "latest" first. */
function byTag(a: string, b: string): number {
  return Number(b === 'latest') - Number(a === 'latest') || collator.compare(a, b);
}
