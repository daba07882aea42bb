import type { Ctx } from '../../ctx';
import type { Command } from '../command';
import { checkEngine } from './checkEngine';
import { composeUpInWorkspace } from './composeUp';
import { runFirstImage } from './runImage';
import { tryCompletion } from './tryCompletion';
import { walkthroughId } from '../../walkthrough/WalkthroughProgress';
import * as vscode from 'vscode';

/** The buttons of the first-run walkthrough (package.json contributes.walkthroughs), and the command that opens it. */
export const WALKTHROUGH_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.walkthrough.open': (ctx: Ctx) => vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId(ctx.extension), false),
  'dockerWorkflows.walkthrough.checkEngine': checkEngine,
  'dockerWorkflows.walkthrough.runImage': runFirstImage,
  'dockerWorkflows.walkthrough.composeUp': composeUpInWorkspace,
  'dockerWorkflows.walkthrough.tryCompletion': tryCompletion,
};
