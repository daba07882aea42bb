import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { publishedPorts } from '../../tree/containerNodes';
import { dockerEnv } from '../cli/dockerTask';
import { engineOf, reasonOf } from '../shared';
import { labelOf, selectedImageRow, targetOf } from './rows';
import { shortImageId } from '../../tree/imageNodes';

/**
 * Runs the image in the background (`docker run -d`, exposed ports published on 127.0.0.1 at ports the engine
 * picks) and says which container it made and where its ports are; the Containers view follows by itself.
 * Resolves with the new container's id, name and published ports.
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
  let ports: string[] = [];
  try {
    ports = publishedPorts((await engine.listContainers()).find((c) => c.id === container.id)?.ports ?? []);
  } catch {
    // The container runs; only its ports are not known. The message says so no less plainly.
  }
  ctx.notifier.info(`Started ${container.name} from ${labelOf(row)}${ports.length > 0 ? `, ports ${ports.join(', ')}` : ', no published ports'}.`);
  return { ...container, ports };
}

/**
 * Runs the image with a terminal attached (`docker run -it --rm`), through the docker CLI started directly (an
 * argument array, no shell); the container goes when the terminal's program ends.
 */
export async function runImageInteractive(ctx: Ctx, node?: unknown): Promise<vscode.Terminal | undefined> {
  const row = await selectedImageRow(ctx, node);
  if (!row) return undefined;
  const name = row.reference ?? shortImageId(row.image.id);
  const terminal = vscode.window.createTerminal({
    name: `Run: ${name}`,
    shellPath: 'docker',
    // A dangling image by its id without "sha256:", which the CLI reads as an id for sure.
    shellArgs: ['run', '-it', '--rm', row.reference ?? row.image.id.replace(/^sha256:/, '')],
    env: dockerEnv(ctx),
  });
  terminal.show();
  return terminal;
}
