import type * as vscode from 'vscode';
import type { Registrar } from './activation/registrar';
import type { ComposeCliSource } from './compose/composeCli';
import type { EngineSession } from './engine/EngineSession';
import type { DockerViews } from './tree/DockerViews';
import type { Notifier } from './ui/notifier';
import type { WalkthroughMarks } from './walkthrough/WalkthroughProgress';

/**
 * Everything a command needs, passed explicitly (no module-level state). Only interfaces and the engine session: no
 * command module is imported here, so the command helpers can import this file without a circle.
 */
export interface Ctx {
  readonly extension: vscode.ExtensionContext;
  /** Registers commands and feeds tree views (taking over what activation registered). */
  readonly register: Registrar;
  readonly notifier: Notifier;
  readonly session: EngineSession;
  readonly views: DockerViews;
  readonly composeCli: ComposeCliSource;
  /** Steps of the first-run walkthrough that a command completes (a container run, a Compose Up). */
  readonly walkthrough: WalkthroughMarks;
}
