import type { Ctx } from '../../ctx';
import { choiceItems, VIEW_CHOICES, type ViewName } from '../../tree/viewOptions';
import type { Command } from '../command';
import { VIEW_OPTIONS, VIEW_TITLES } from './groupBy';
import { currentViewSetting, updateViewSetting } from './setting';

/**
 * "Sort By..." on a view's title: a quick pick of the view's orders (the current one marked), written to
 * docker-workflows.<view>.sortBy. Resolves with the value chosen, or undefined when the pick was dismissed.
 */
export function sortByCommand(view: ViewName): Command {
  return async (ctx: Ctx): Promise<string | undefined> => {
    const current = VIEW_OPTIONS[view]((key) => currentViewSetting(view, key)).sortBy;
    const { items, valueOf } = choiceItems<string>(VIEW_CHOICES[view].sortBy, current);
    const picked = await ctx.notifier.pick(`Sort the ${VIEW_TITLES[view]} view by`, items);
    const value = picked === undefined ? undefined : valueOf(picked);
    if (value === undefined) return undefined;
    await updateViewSetting(view, 'sortBy', value);
    return value;
  };
}
