import * as fs from 'fs';
import type { Ctx } from '../../ctx';
import { certFolderProblem, contextNameProblem, createContextArgs, endpointProblem, ENDPOINT_KINDS } from '../../engine/contexts';
import { dockerCli, messageOf } from './cli';

/**
 * Asks for a name, the kind of endpoint, its address (and for TLS the certificate folder) and a description, then
 * runs `docker context create` with an argument array. Every empty answer cancels, except the description.
 * Resolves with the new context's name; undefined when cancelled or when the CLI refused.
 */
export async function createContext(ctx: Ctx): Promise<string | undefined> {
  const existing = ctx.views.contexts.list().contexts.map((c) => c.name);
  const name = (await ctx.notifier.input('Name of the new docker context', '', (value) => contextNameProblem(value.trim(), existing)))?.trim();
  if (!name) return undefined;
  const label = await ctx.notifier.pick(`Engine endpoint of the context ${name}`, ENDPOINT_KINDS.map((k) => k.label));
  const kind = ENDPOINT_KINDS.find((k) => k.label === label);
  if (!kind) return undefined;
  const host = (await ctx.notifier.input(`Address of the engine, e.g. ${kind.example}`, `${kind.example.split('://')[0]}://`, (value) => endpointProblem(kind.kind, value.trim())))?.trim();
  if (!host) return undefined;
  let certFolder: string | undefined;
  if (kind.kind === 'tcp+tls') {
    certFolder = (await ctx.notifier.input('Folder holding ca.pem, cert.pem and key.pem', '', (value) => certFolderProblem(value.trim(), fs.existsSync)))?.trim();
    if (!certFolder) return undefined;
  }
  const description = await ctx.notifier.input('Description (optional)', '', (value) => (/[\r\n]/.test(value) ? 'The description is one line.' : undefined));
  if (description === undefined) return undefined;
  try {
    await dockerCli(createContextArgs({ name, description: description.trim(), host, certFolder }));
  } catch (error) {
    ctx.notifier.error(`Could not create the context ${name}: ${messageOf(error)}`);
    return undefined;
  }
  ctx.views.contexts.refresh();
  return name;
}
