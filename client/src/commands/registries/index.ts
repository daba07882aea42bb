import type { RegistryMoreNode } from '../../tree/registryNodes';
import { addRegistry } from './add';
import type { RegistriesCtx } from './context';
import { copyTagReference } from './copyReference';
import { deleteRegistryTag } from './deleteTag';
import { logInToRegistry } from './logIn';
import { logOutOfRegistry } from './logOut';
import { pullRegistryTag } from './pullTag';
import { pushToRegistry } from './push';
import { removeRegistry } from './remove';

type RegistriesCommand = (ctx: RegistriesCtx, node?: unknown, nodes?: unknown[]) => unknown;

/** The Registries view's commands by id (package.json contributes the same ids). */
export const REGISTRIES_COMMANDS: Record<string, RegistriesCommand> = {
  'dockerWorkflows.registries.refresh': (ctx) => ctx.registries.refresh(),
  'dockerWorkflows.registries.loadMore': (ctx, node) => ((node as RegistryMoreNode | undefined)?.kind === 'registryMore' ? ctx.registries.loadMore(node as RegistryMoreNode) : undefined),
  'dockerWorkflows.registries.add': addRegistry,
  'dockerWorkflows.registries.remove': removeRegistry,
  'dockerWorkflows.registries.logIn': logInToRegistry,
  'dockerWorkflows.registries.logOut': logOutOfRegistry,
  'dockerWorkflows.registries.pullTag': pullRegistryTag,
  'dockerWorkflows.registries.copyReference': copyTagReference,
  'dockerWorkflows.registries.deleteTag': deleteRegistryTag,
  'dockerWorkflows.registries.push': pushToRegistry,
};

