import type * as vscode from 'vscode';
import type { ComposeCliFinder } from './commands/compose/runCompose';
import type { EngineSession } from './engine/EngineSession';
import type { DockerViews } from './tree/DockerViews';
import type { Notifier } from './ui/notifier';

/** Everything a command needs, passed explicitly (no module-level state). */
export interface Ctx {
  readonly extension: vscode.ExtensionContext;
  readonly notifier: Notifier;
  readonly session: EngineSession;
  readonly views: DockerViews;
  readonly composeCli: ComposeCliFinder;
}
