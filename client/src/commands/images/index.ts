import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import type { Command } from '../command';
import { buildImage } from './build';
import { HISTORY_SCHEME, historyContentProvider, showImageHistory } from './history';
import { inspectImage } from './inspect';
import { pruneImages } from './prune';
import { pullImage, pullImageByName } from './pull';
import { pushImage } from './push';
import { removeImages } from './remove';
import { runImage, runImageInteractive } from './run';
import { runImageWithOptions } from './runWithOptions';
import { tagImage } from './tag';

/** The images commands by id (package.json contributes the same ids). */
export const IMAGES_COMMANDS: Record<string, Command> = {
  'dockerWorkflows.images.run': runImage,
  'dockerWorkflows.images.runInteractive': runImageInteractive,
  'dockerWorkflows.images.runWithOptions': runImageWithOptions,
  'dockerWorkflows.images.pull': pullImage,
  'dockerWorkflows.images.pullByName': pullImageByName,
  'dockerWorkflows.images.push': pushImage,
  'dockerWorkflows.images.tag': tagImage,
  'dockerWorkflows.images.remove': removeImages,
  'dockerWorkflows.images.inspect': inspectImage,
  'dockerWorkflows.images.history': showImageHistory,
  'dockerWorkflows.images.prune': pruneImages,
  'dockerWorkflows.images.build': buildImage,
};

/** What the images commands need besides the commands themselves: the docker-history: documents. Call once in activate(). */
export function registerImageProviders(ctx: Pick<Ctx, 'session'>): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(HISTORY_SCHEME, historyContentProvider(ctx));
}
