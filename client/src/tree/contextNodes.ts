// Pure mapping from the docker CLI's contexts to the Contexts view's rows. No vscode import: tested in plain Node.
import { DEFAULT_CONTEXT, type ContextList, type DockerContext } from '../engine/contexts';
import { code, escapeMarkdown, lines, section } from '../format/text';
import type { NodeBase } from './nodeModel';

export interface ContextNode extends NodeBase {
  kind: 'context';
  context: DockerContext;
  /** The docker CLI's current context (config.json currentContext, or DOCKER_CONTEXT). */
  current: boolean;
  /** The context whose engine the views use now. */
  usedByViews: boolean;
}

/**
 * One row per context, `default` first. `usedByViews` names the context whose engine the views use (undefined when
 * the docker-workflows.host setting or DOCKER_HOST chose the engine). contextValue: "context" followed by
 * ".default", ".current", ".inUse" and ".broken" as they apply, for the menus' when clauses.
 */
export function contextTree(list: ContextList, usedByViews: string | undefined): ContextNode[] {
  return list.contexts.map((context) => contextNode(context, list, usedByViews));
}

export function contextNode(context: DockerContext, list: ContextList, usedByViews: string | undefined): ContextNode {
  const broken = context.problem !== undefined;
  const current = !broken && context.name === list.current;
  const inUse = !broken && context.name === usedByViews;
  const isDefault = !broken && context.name === DEFAULT_CONTEXT;
  const tls = context.tlsFiles.length > 0;
  const currentWhy = list.currentFrom === 'DOCKER_CONTEXT' ? 'named by DOCKER_CONTEXT' : list.currentFrom === 'config.json' ? 'currentContext in config.json' : 'no other context is chosen';
  return {
    kind: 'context',
    id: broken ? `context-broken:${context.metaDir ?? context.name}` : `context:${context.name}`,
    label: context.name,
    description: broken
      ? `cannot be used: ${context.problem}`
      : [context.host ?? 'no docker endpoint', current && 'current', inUse && 'used by the views'].filter(Boolean).join(' · '),
    tooltip: section([
      `**${escapeMarkdown(context.name)}**${current ? ' (current)' : ''}`,
      lines([
        broken && `Cannot be used: ${escapeMarkdown(context.problem!)}`,
        context.description !== '' && escapeMarkdown(context.description),
        `Endpoint: ${context.host ? code(context.host) : 'none'}`,
        tls && `TLS material: ${context.tlsFiles.join(', ')}`,
        context.skipTlsVerify && 'Skips TLS verification',
        current && `The docker CLI's current context (${currentWhy})`,
        inUse && 'The views use this engine',
        context.metaDir && `Stored in ${code(context.metaDir)}`,
      ]),
    ]),
    icon: broken ? { id: 'warning', color: 'list.warningForeground' } : current ? { id: 'pass-filled', color: 'charts.green' } : { id: 'plug' },
    contextValue: ['context', isDefault && 'default', current && 'current', inUse && 'inUse', broken && 'broken'].filter(Boolean).join('.'),
    context,
    current,
    usedByViews: inUse,
  };
}
