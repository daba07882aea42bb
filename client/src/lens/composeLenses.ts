// The CodeLenses of a compose file, as data: above `services:` "Up all" and "Down"; above each service its state
// and "Up", "Stop", "Logs", "Restart". Pure (no vscode): ComposeLensProvider.ts turns them into vscode.CodeLens.
import { isServiceName } from '../compose/composeCli';
import type { ContainerSummary } from '../engine/types';
import { composeServiceLines } from './serviceLines';
import { containersByService, serviceStateText } from './serviceState';

/** The commands the lenses run: the menu's own for the whole file, one per action for a service. */
export const LENS_COMMANDS = {
  upAll: 'dockerWorkflows.compose.up',
  down: 'dockerWorkflows.compose.down',
  up: 'dockerWorkflows.compose.serviceUp',
  stop: 'dockerWorkflows.compose.serviceStop',
  logs: 'dockerWorkflows.compose.serviceLogs',
  restart: 'dockerWorkflows.compose.serviceRestart',
} as const;

export interface LensSpec {
  /** 0-based line the lens sits above. */
  line: number;
  title: string;
  /** The command to run; "" for a lens that only tells (a service's state). */
  command: string;
  /** The service a per-service command acts on. */
  service?: string;
}

/**
 * The lenses of a compose file's text. `containers` is the engine's container list (undefined while the engine cannot
 * be reached: then no state is shown, only the actions); `project` the project name Compose gives the file.
 */
export function composeLenses(text: string, project: string, containers: readonly ContainerSummary[] | undefined): LensSpec[] {
  const { servicesLine, services } = composeServiceLines(text);
  if (servicesLine === undefined) return [];
  const lenses: LensSpec[] = [
    { line: servicesLine, title: 'Up all', command: LENS_COMMANDS.upAll },
    { line: servicesLine, title: 'Down', command: LENS_COMMANDS.down },
  ];
  const byService = containers && containersByService(containers, project);
  for (const { name, line } of services) {
    if (byService) lenses.push({ line, title: serviceStateText(byService.get(name)), command: '' });
    // A name Compose would refuse (or one that could read as an option) gets no actions.
    if (!isServiceName(name)) continue;
    for (const [title, command] of [['Up', LENS_COMMANDS.up], ['Stop', LENS_COMMANDS.stop], ['Logs', LENS_COMMANDS.logs], ['Restart', LENS_COMMANDS.restart]] as const) {
      lenses.push({ line, title, command, service: name });
    }
  }
  return lenses;
}
