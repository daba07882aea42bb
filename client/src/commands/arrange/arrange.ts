import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { choiceItems, containerViewOptions, imageViewOptions, networkViewOptions, VIEW_CHOICES, volumeViewOptions, type ViewName } from '../../tree/viewOptions';
import type { Command } from '../command';

/** The view's title as the quick pick names it. */
const VIEW_TITLES: Record<ViewName, string> = { containers: 'Containers', images: 'Images', volumes: 'Volumes', networks: 'Networks' };

/** What each view's options read from its settings, for the choice marked current. */
const VIEW_OPTIONS = { containers: containerViewOptions, images: imageViewOptions, volumes: volumeViewOptions, networks: networkViewOptions } as const;

const PICK_TITLES = { groupBy: 'Group', sortBy: 'Sort' } as const;

/**
 * "Group By..." and "Sort By..." on a view's title: a quick pick of the view's groupings or orders (the current one
 * marked), written to docker-workflows.<view>.groupBy or sortBy; the view follows the change by itself (DockerViews
 * listens for it) and makes its rows again without asking the engine. Resolves with the value chosen, or undefined
 * when the pick was dismissed.
 */
export function arrangeCommand(view: ViewName, setting: 'groupBy' | 'sortBy'): Command {
  return async (ctx: Ctx): Promise<string | undefined> => {
    const section = vscode.workspace.getConfiguration(`docker-workflows.${view}`);
    const current = VIEW_OPTIONS[view]((key) => section.get(key))[setting];
    const { items, valueOf } = choiceItems<string>(VIEW_CHOICES[view][setting], current);
    const picked = await ctx.notifier.pick(`${PICK_TITLES[setting]} the ${VIEW_TITLES[view]} view by`, items);
    const value = picked === undefined ? undefined : valueOf(picked);
    if (value === undefined) return undefined;
    // Where it is set now: in the workspace when the workspace sets it (a user value would not show), else the user's.
    const target = section.inspect(setting)?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await section.update(setting, value, target);
    return value;
  };
}
