// Wires the Registries view: its store (global state and SecretStorage), the view, and its commands with a context
// that carries the view. Returns what the extension's API exposes of it.
import type { Ctx } from '../ctx';
import { REGISTRIES_COMMANDS } from '../commands/registries';
import { registerCommandTable } from '../commands/register';
import type { RegistriesCtx } from '../commands/registries/context';
import { RegistriesView } from '../tree/RegistriesView';
import type { RegistryViewNode } from '../tree/registryNodes';
import { RegistryStore } from './RegistryStore';

export interface RegistriesApi {
  /** The rows under `parent` (the registries without one), as the view shows them. */
  rows(parent?: RegistryViewNode): Promise<RegistryViewNode[]>;
}

export function registerRegistries(ctx: Ctx): RegistriesApi {
  const store = new RegistryStore(ctx.extension.globalState, ctx.extension.secrets);
  const view = new RegistriesView(store, ctx.register.treeView);
  const registriesCtx: RegistriesCtx = { ...ctx, registries: view };
  ctx.extension.subscriptions.push(view);
  registerCommandTable(registriesCtx, REGISTRIES_COMMANDS);
  return { rows: (parent) => view.rows(parent) };
}
