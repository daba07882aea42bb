// Pure mapping from image summaries to the Images view's rows. No vscode import: tested in plain Node.
//
// The tree: one group per repository ("python", "ghcr.io/org/app"), sorted naturally, each with one row per tag
// ("latest" first, then the other tags naturally, so "3.9" comes before "3.12"). An image with tags in two
// repositories has a row in both groups. Dangling images (no tag) are hidden unless asked for; then they form
// the last group, "<none>", one row per image labelled by its short id, like `docker images`.
import { splitReference } from '../../../common/src/imageReference';
import type { ContainerSummary, ImageSummary } from '../engine/types';
import { code, escapeMarkdown, formatAge, formatBytes, isoDate, lines, naturalCollator as collator, plural, section, shortImageId } from '../format/text';
import type { NodeIcon } from './nodeModel';
import type { ImageNodeModel, ImageRepositoryNode, ImageRowNode } from './resourceNodes';

export interface ImageTreeOptions {
  /** Show the dangling images' group. */
  showDangling: boolean;
  /** Milliseconds since the epoch, for the rows' ages. */
  now: number;
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
  const repositories = new Map<string, { tag: string; repoTag: string; image: ImageSummary }[]>();
  const dangling: ImageSummary[] = [];
  for (const image of images) {
    const repoTags = image.repoTags.filter((repoTag) => repoTag !== NO_TAG);
    if (repoTags.length === 0) dangling.push(image);
    for (const repoTag of repoTags) {
      const { repository, tag } = parseRepoTag(repoTag);
      const members = repositories.get(repository) ?? [];
      members.push({ tag, repoTag, image });
      repositories.set(repository, members);
    }
  }
  const users = new Map<string, ContainerSummary[]>();
  for (const container of containers) users.set(container.imageId, [...(users.get(container.imageId) ?? []), container]);
  const usersOf = (image: ImageSummary) => users.get(image.id) ?? [];
  const groups = [...repositories.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([repository, members]): ImageRepositoryNode => {
      const rows = members
        .sort((a, b) => byTag(a.tag, b.tag))
        .map(({ tag, repoTag, image }) => imageRow(image, usersOf(image), options.now, { tag, reference: repoTag }));
      return {
        kind: 'imageRepository',
        id: `imageRepository:${repository}`,
        label: repository,
        description: plural(rows.length, 'tag'),
        tooltip: section([
          `**${escapeMarkdown(repository)}**`,
          lines([
            `Tags: ${rows.map((row) => escapeMarkdown(row.label)).join(', ')}`,
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
  if (!options.showDangling || dangling.length === 0) return groups;
  const rows = dangling
    .sort((a, b) => b.created - a.created || collator.compare(a.id, b.id))
    .map((image) => imageRow(image, usersOf(image), options.now));
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

/** One row: a tag of an image (`tagged`), or a dangling image (no `tagged`). */
function imageRow(
  image: ImageSummary,
  users: readonly ContainerSummary[],
  now: number,
  tagged?: { tag: string; reference: string },
): ImageRowNode {
  const usedBy = users.map((container) => container.name).sort((a, b) => collator.compare(a, b));
  // Green when a running container uses the image, as the Containers view marks running containers.
  const icon: NodeIcon = users.some((container) => container.state === 'running') ? { id: 'package', color: 'charts.green' } : { id: 'package' };
  const shortId = shortImageId(image.id);
  const tags = image.repoTags.filter((repoTag) => repoTag !== NO_TAG);
  const title = tagged ? escapeMarkdown(tagged.reference) : 'Dangling image';
  return {
    kind: 'image',
    id: tagged ? `image:${tagged.reference}` : `image.dangling:${image.id}`,
    label: tagged ? tagged.tag || tagged.reference : shortId,
    description: [formatBytes(image.size), formatAge(image.created, now), usedBy.length > 0 && 'in use'].filter(Boolean).join(' · '),
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
