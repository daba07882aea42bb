// What the local engine knows of an image, as hover text: shared by Dockerfile FROM and Compose `image:`.
import type { LocalImage } from '../../../common/src/protocol';

/** The local image a reference names (`name` alone means `name:latest`), if the engine has it. */
export function findLocalImage(images: readonly LocalImage[], reference: string): { tag: string; image: LocalImage } | undefined {
  const tag = /[:@]/.test(reference.slice(reference.lastIndexOf('/') + 1)) ? reference : `${reference}:latest`;
  const image = images.find((i) => i.repoTags.includes(tag));
  return image ? { tag, image } : undefined;
}

/** Markdown: the image's id, size and creation time, and its other tags. */
export function localImageMarkdown(tag: string, image: LocalImage): string {
  const created = new Date(image.created).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const others = image.repoTags.filter((t) => t !== tag);
  return `**${tag}** (local image)\n\n| | |\n|---|---|\n| Id | \`${image.id.replace(/^sha256:/, '').slice(0, 12)}\` |\n| Size | ${formatSize(image.size)} |\n| Created | ${created} |${others.length ? `\n| Also tagged | ${others.join(', ')} |` : ''}`;
}

export function formatSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
