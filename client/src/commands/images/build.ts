import * as path from 'path';
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { buildArgs } from '../cli/dockerArgs';
import { dockerEnv, runTask } from '../cli/dockerTask';
import { repositoryFromFolderName } from '../../../../common/src/imageReference';
import { validateTag } from './tag';

/** The Dockerfile of an explorer/editor menu (its Uri), or the active editor's; undefined when there is none. */
function dockerfileOf(node: unknown): vscode.Uri | undefined {
  const uri = node instanceof vscode.Uri ? node : vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === 'file' ? uri : undefined;
}

/** The build context: the Dockerfile's folder, or (docker-workflows.build.context) the root of its workspace folder. */
export function buildContextOf(dockerfile: vscode.Uri): string {
  const setting = vscode.workspace.getConfiguration('docker-workflows', dockerfile).get<string>('build.context', 'dockerfileFolder');
  const folder = vscode.workspace.getWorkspaceFolder(dockerfile);
  return setting === 'workspaceFolder' && folder ? folder.uri.fsPath : path.dirname(dockerfile.fsPath);
}

/** Shown (and printed in the task's terminal) when a build is asked for in Restricted Mode. */
export const BUILD_TRUST_MESSAGE = 'Building runs the Dockerfile of this workspace: trust the workspace first (Manage Workspace Trust).';

/**
 * Builds an image from a Dockerfile (`docker build --file=<file> --tag=<tag> -- <context>`, see buildArgs) as a
 * task named "Build: <tag>": the output streams in its terminal, where the build can also be stopped. The tag is
 * asked for, starting from the Dockerfile's folder name. Resolves with the exit code; a failure is also reported.
 */
export async function buildImage(ctx: Ctx, node?: unknown): Promise<number | undefined> {
  if (!vscode.workspace.isTrusted) {
    ctx.notifier.error(BUILD_TRUST_MESSAGE);
    return undefined;
  }
  const dockerfile = dockerfileOf(node);
  if (!dockerfile) {
    ctx.notifier.error('Choose a Dockerfile (right-click it in the explorer, or open it in the editor).');
    return undefined;
  }
  const suggested = `${repositoryFromFolderName(path.basename(path.dirname(dockerfile.fsPath)))}:latest`;
  const tag = (await ctx.notifier.input(`Tag of the image built from ${vscode.workspace.asRelativePath(dockerfile)}`, suggested, validateTag))?.trim();
  if (!tag) return undefined;
  // docker reads the file from disk: unsaved changes of it would not be built.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === dockerfile.toString());
  if (open?.isDirty) await open.save();
  const context = buildContextOf(dockerfile);
  let args: string[];
  try {
    args = buildArgs({ dockerfile: dockerfile.fsPath, tag, context });
  } catch (error) {
    ctx.notifier.error(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  const exitCode = await runTask(ctx, {
    // Run again from "Run Task" (or copied to tasks.json), this definition builds the same (tasks/TaskProvider.ts).
    definition: {
      type: 'dockerWorkflows.docker',
      command: 'build',
      dockerfile: vscode.workspace.asRelativePath(dockerfile, false),
      tag,
      context: vscode.workspace.asRelativePath(vscode.Uri.file(context), false),
    },
    name: `Build: ${tag}`,
    source: 'Docker',
    command: 'docker',
    args,
    cwd: context,
    env: dockerEnv(ctx),
  });
  if (exitCode === 0) ctx.notifier.info(`Built ${tag}`);
  else ctx.notifier.error(`Building ${tag} failed (exit code ${exitCode ?? 'unknown'}); the terminal shows why.`);
  return exitCode;
}
