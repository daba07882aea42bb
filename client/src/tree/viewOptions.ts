// How each resource view groups, sorts and labels its rows (the docker-workflows.<view>.groupBy, sortBy, label and
// description settings): the choices, their defaults (today's rendering), and the raw settings read into options.
// Pure, no vscode import: the mappers (*Nodes.ts) take these options, and the quick picks offer these choices.

export type ContainerGroupBy = 'composeProject' | 'image' | 'state' | 'network' | 'none';
export type ContainerSortBy = 'name' | 'created' | 'state';
export type ContainerLabel = 'name' | 'id' | 'image' | 'service';
export type ContainerField = 'service' | 'name' | 'id' | 'image' | 'ports' | 'ip' | 'state' | 'status' | 'created' | 'networks';

export type ImageGroupBy = 'repository' | 'none';
export type ImageSortBy = 'name' | 'created' | 'size';
export type ImageLabel = 'tag' | 'reference' | 'id';
export type ImageField = 'size' | 'created' | 'inUse' | 'id';

export type VolumeGroupBy = 'none' | 'driver';
export type VolumeSortBy = 'name' | 'created';
export type VolumeField = 'driver' | 'usage' | 'scope' | 'created' | 'project';

export type NetworkGroupBy = 'none' | 'driver';
export type NetworkSortBy = 'name' | 'created';
export type NetworkField = 'driver' | 'scope' | 'containers' | 'subnet' | 'id' | 'created';

export interface ContainerViewOptions {
  groupBy: ContainerGroupBy;
  sortBy: ContainerSortBy;
  label: ContainerLabel;
  description: readonly ContainerField[];
}

export interface ImageViewOptions {
  groupBy: ImageGroupBy;
  sortBy: ImageSortBy;
  label: ImageLabel;
  description: readonly ImageField[];
}

export interface VolumeViewOptions {
  groupBy: VolumeGroupBy;
  sortBy: VolumeSortBy;
  description: readonly VolumeField[];
}

export interface NetworkViewOptions {
  groupBy: NetworkGroupBy;
  sortBy: NetworkSortBy;
  description: readonly NetworkField[];
}

/** One choice of a setting: its value and how a quick pick names it. */
export interface Choice<T extends string> {
  value: T;
  title: string;
}

/** Every choice of every setting, in the order the quick picks and package.json list them; the first is the default. */
export const VIEW_CHOICES = {
  containers: {
    groupBy: [
      { value: 'composeProject', title: 'Compose project' },
      { value: 'image', title: 'Image' },
      { value: 'state', title: 'State' },
      { value: 'network', title: 'Network' },
      { value: 'none', title: 'None' },
    ] as Choice<ContainerGroupBy>[],
    sortBy: [
      { value: 'name', title: 'Name' },
      { value: 'created', title: 'Created (newest first)' },
      { value: 'state', title: 'State (running first)' },
    ] as Choice<ContainerSortBy>[],
    label: ['name', 'id', 'image', 'service'] as ContainerLabel[],
    fields: ['service', 'name', 'id', 'image', 'ports', 'ip', 'state', 'status', 'created', 'networks'] as ContainerField[],
  },
  images: {
    groupBy: [
      { value: 'repository', title: 'Repository' },
      { value: 'none', title: 'None' },
    ] as Choice<ImageGroupBy>[],
    sortBy: [
      { value: 'name', title: 'Name' },
      { value: 'created', title: 'Created (newest first)' },
      { value: 'size', title: 'Size (largest first)' },
    ] as Choice<ImageSortBy>[],
    label: ['tag', 'reference', 'id'] as ImageLabel[],
    fields: ['size', 'created', 'inUse', 'id'] as ImageField[],
  },
  volumes: {
    groupBy: [
      { value: 'none', title: 'None' },
      { value: 'driver', title: 'Driver' },
    ] as Choice<VolumeGroupBy>[],
    sortBy: [
      { value: 'name', title: 'Name' },
      { value: 'created', title: 'Created (newest first)' },
    ] as Choice<VolumeSortBy>[],
    fields: ['driver', 'usage', 'scope', 'created', 'project'] as VolumeField[],
  },
  networks: {
    groupBy: [
      { value: 'none', title: 'None' },
      { value: 'driver', title: 'Driver' },
    ] as Choice<NetworkGroupBy>[],
    sortBy: [
      { value: 'name', title: 'Name' },
      { value: 'created', title: 'Created (newest first)' },
    ] as Choice<NetworkSortBy>[],
    fields: ['driver', 'scope', 'containers', 'subnet', 'id', 'created'] as NetworkField[],
  },
} as const;

export type ViewName = keyof typeof VIEW_CHOICES;

/** Today's rendering: what every view shows without settings. */
export const DEFAULT_CONTAINER_OPTIONS: ContainerViewOptions = { groupBy: 'composeProject', sortBy: 'name', label: 'name', description: ['service', 'image', 'ports', 'ip'] };
export const DEFAULT_IMAGE_OPTIONS: ImageViewOptions = { groupBy: 'repository', sortBy: 'name', label: 'tag', description: ['size', 'created', 'inUse'] };
export const DEFAULT_VOLUME_OPTIONS: VolumeViewOptions = { groupBy: 'none', sortBy: 'name', description: ['driver', 'usage'] };
export const DEFAULT_NETWORK_OPTIONS: NetworkViewOptions = { groupBy: 'none', sortBy: 'name', description: ['driver', 'scope', 'containers'] };

/** A settings section as VS Code's getConfiguration(`docker-workflows.<view>`).get reads it. */
export type RawSettings = (key: string) => unknown;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The known fields of an array setting, each once, in the order written; anything else falls back to the default. */
function fieldsOf<T extends string>(value: unknown, allowed: readonly T[], fallback: readonly T[]): readonly T[] {
  if (!Array.isArray(value)) return fallback;
  return [...new Set(value.filter((field): field is T => allowed.includes(field as T)))];
}

const values = <T extends string>(choices: readonly Choice<T>[]): T[] => choices.map((choice) => choice.value);

/** The settings every view has: groupBy, sortBy and description. */
function common<G extends string, S extends string, F extends string>(
  choices: { groupBy: readonly Choice<G>[]; sortBy: readonly Choice<S>[]; fields: readonly F[] },
  defaults: { groupBy: G; sortBy: S; description: readonly F[] },
  get: RawSettings,
): { groupBy: G; sortBy: S; description: readonly F[] } {
  return {
    groupBy: oneOf(get('groupBy'), values(choices.groupBy), defaults.groupBy),
    sortBy: oneOf(get('sortBy'), values(choices.sortBy), defaults.sortBy),
    description: fieldsOf(get('description'), choices.fields, defaults.description),
  };
}

export function containerViewOptions(get: RawSettings): ContainerViewOptions {
  const { containers } = VIEW_CHOICES;
  return { ...common(containers, DEFAULT_CONTAINER_OPTIONS, get), label: oneOf(get('label'), containers.label, DEFAULT_CONTAINER_OPTIONS.label) };
}

export function imageViewOptions(get: RawSettings): ImageViewOptions {
  const { images } = VIEW_CHOICES;
  return { ...common(images, DEFAULT_IMAGE_OPTIONS, get), label: oneOf(get('label'), images.label, DEFAULT_IMAGE_OPTIONS.label) };
}

export function volumeViewOptions(get: RawSettings): VolumeViewOptions {
  return common(VIEW_CHOICES.volumes, DEFAULT_VOLUME_OPTIONS, get);
}

export function networkViewOptions(get: RawSettings): NetworkViewOptions {
  return common(VIEW_CHOICES.networks, DEFAULT_NETWORK_OPTIONS, get);
}

/**
 * The quick pick's items for a choice setting: each choice's title, the current one marked; and the value of a picked
 * item. Titles are unique within a setting.
 */
export function choiceItems<T extends string>(choices: readonly Choice<T>[], current: T): { items: string[]; valueOf(item: string): T | undefined } {
  const items = choices.map((choice) => (choice.value === current ? `${choice.title} (current)` : choice.title));
  return { items, valueOf: (item) => choices[items.indexOf(item)]?.value };
}
