import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import type { DockerEngine } from '../../engine/DockerEngine';
import { displayName } from '../../engine/validate';
import { publishedPorts } from '../../format/ports';
import { shortImageId } from '../../format/text';
import { runInteractiveArgs } from '../cli/dockerArgs';
import { dockerEnv } from '../cli/dockerTask';
import { engineOf, reasonOf } from '../shared';
import { labelOf, selectedImageRow, targetOf } from './rows';

/**
 * Runs the image in the background (`docker run -d`, exposed ports published on 127.0.0.1 at ports the engine
 * picks) and says which container it made and where its ports are; the Containers view follows by itself.
 * Resolves with the new container's id, name and published ports. A row whose tag or id no engine could report
 * is refused (selectedImageRow); the name the engine gives the new container is only shown, escaped when odd.
 */
export async function runImage(ctx: Ctx, node?: unknown): Promise<{ id: string; name: string; ports: string[] } | undefined> {
  const row = await selectedImageRow(ctx, node);
  const engine = row && engineOf(ctx);
  if (!row || !engine) return undefined;
  let container: { id: string; name: string };
  try {
    container = await engine.runContainer(targetOf(row));
  } catch (error) {
    ctx.notifier.error(`Could not run ${labelOf(row)}: ${reasonOf(error)}`);
    return undefined;
  }
  return sayStarted(ctx, engine, container, labelOf(row));
}

/** Says which container started from which image and where its ports are published; resolves with them. */
export async function sayStarted(
  ctx: Pick<Ctx, 'notifier' | 'walkthrough'>,
  engine: DockerEngine,
  container: { id: string; name: string },
  image: string,
): Promise<{ id: string; name: string; ports: string[] }> {
  let ports: string[] = [];
  try {
    ports = publishedPorts((await engine.listContainers()).find((c) => c.id === container.id)?.ports ?? []);
  } catch {
    // The container runs; only its ports are not known. The message says so no less plainly.
  }
  const started = displayName(container.name);
  ctx.walkthrough.done('containerRun');
  ctx.notifier.info(`Started ${started} from ${image}${ports.length > 0 ? `, ports ${ports.join(', ')}` : ', no published ports'}.`);
  return { ...container, ports };
}

/**
 * Runs the image with a terminal attached (`docker run -it --rm -- <image>`), through the docker CLI started
 * directly (an argument array, no shell); the container goes when the terminal's program ends.
 */
export async function runImageInteractive(ctx: Ctx, node?: unknown): Promise<vscode.Terminal | undefined> {
  const row = await selectedImageRow(ctx, node);
  if (!row) return undefined;
  let args: string[];
  try {
    args = runInteractiveArgs({ reference: row.reference, id: row.image.id });
  } catch (error) {
    ctx.notifier.error(reasonOf(error));
    return undefined;
  }
  const terminal = vscode.window.createTerminal({
    name: `Run: ${row.reference ?? shortImageId(row.image.id)}`,
    shellPath: 'docker',
    shellArgs: args,
    env: dockerEnv(ctx),
  });
  terminal.show();
  ctx.walkthrough.done('containerRun');
  return terminal;
}
