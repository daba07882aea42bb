import type { Ctx } from '../../ctx';
import { choiceItems, containerViewOptions, imageViewOptions, networkViewOptions, VIEW_CHOICES, volumeViewOptions, type ViewName } from '../../tree/viewOptions';
import type { Command } from '../command';
import { currentViewSetting, updateViewSetting } from './setting';

/** The view's title as the quick pick names it. */
export const VIEW_TITLES: Record<ViewName, string> = { containers: 'Containers', images: 'Images', volumes: 'Volumes', networks: 'Networks' };

/** What each view's options read from its settings, for the choice marked current. */
export const VIEW_OPTIONS = {
  containers: containerViewOptions,
  images: imageViewOptions,
  volumes: volumeViewOptions,
  networks: networkViewOptions,
} as const;

/**
 * "Group By..." on a view's title: a quick pick of the view's groupings (the current one marked), written to
 * docker-workflows.<view>.groupBy. Resolves with the value chosen, or undefined when the pick was dismissed.
 */
export function groupByCommand(view: ViewName): Command {
  return async (ctx: Ctx): Promise<string | undefined> => {
    const current = VIEW_OPTIONS[view]((key) => currentViewSetting(view, key)).groupBy;
    const { items, valueOf } = choiceItems<string>(VIEW_CHOICES[view].groupBy, current);
    const picked = await ctx.notifier.pick(`Group the ${VIEW_TITLES[view]} view by`, items);
    const value = picked === undefined ? undefined : valueOf(picked);
    if (value === undefined) return undefined;
    await updateViewSetting(view, 'groupBy', value);
    return value;
  };
}
