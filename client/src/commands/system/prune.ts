import type { Ctx } from '../../ctx';
import type { DockerEngine } from '../../engine/DockerEngine';
import type { PruneResult } from '../../engine/types';
import { cancellableProgress, engineOf, reasonOf } from '../shared';
import { systemPruneMessage, type PruneStep } from './pruneMessage';

/** The steps of `docker system prune`, in its order; volumes are kept. */
const STEPS: readonly { step: PruneStep; what: string; run: (engine: DockerEngine, signal: AbortSignal) => Promise<PruneResult> }[] = [
  { step: 'containers', what: 'stopped containers', run: (engine, signal) => engine.pruneContainers(signal) },
  { step: 'networks', what: 'unused networks', run: (engine, signal) => engine.pruneNetworks(signal) },
  { step: 'images', what: 'dangling images', run: pruneImages },
  { step: 'buildCache', what: 'build cache', run: (engine, signal) => engine.pruneBuildCache(signal) },
];

/**
 * The image prune, its `removed` narrowed to the images the engine listed before (it also names the layers it
 * deleted, which are not images of their own).
 */
async function pruneImages(engine: DockerEngine, signal: AbortSignal): Promise<PruneResult> {
  const images = await engine.listImages().then(
    (list) => new Set(list.map((image) => image.id)),
    () => undefined,
  );
  const result = await engine.pruneImages(signal);
  return images ? { ...result, removed: result.removed.filter((id) => images.has(id)) } : result;
}

export interface SystemPruneReport {
  /** What each step removed; a step that failed or was cancelled is missing. */
  results: Partial<Record<PruneStep, PruneResult>>;
  /** The steps that failed, with the engine's reason. */
  failed: { step: PruneStep; reason: string }[];
  /** Whether the user cancelled (the steps after that one did not run). */
  cancelled: boolean;
  spaceReclaimed: number;
  /** The message shown at the end. */
  message: string;
}

/**
 * `docker system prune` after asking: stopped containers, unused networks, dangling images and the unused build
 * cache, in that order, under a cancellable progress notification. A step that fails is reported and the others
 * still run. Resolves with what each step removed; undefined when the user said no.
 */
export async function systemPrune(ctx: Ctx): Promise<SystemPruneReport | undefined> {
  const engine = engineOf(ctx);
  if (!engine) return undefined;
  const answer = await ctx.notifier.confirm(
    'Remove all stopped containers, unused networks, dangling images and unused build cache?',
    [
      'This removes (like docker system prune):',
      '- all stopped containers',
      '- all networks no running container uses',
      '- all dangling images (untagged, and no container uses them)',
      '- all build cache nothing uses',
      'Volumes are kept.',
    ].join('\n'),
    'Prune',
  );
  if (answer !== 'Prune') return undefined;
  return cancellableProgress('System prune', async (signal, say) => {
    const report: SystemPruneReport = { results: {}, failed: [], cancelled: false, spaceReclaimed: 0, message: '' };
    for (const { step, what, run } of STEPS) {
      if (signal.aborted) break;
      say(`removing ${what}`);
      try {
        report.results[step] = await run(engine, signal);
      } catch (error) {
        if (signal.aborted) break;
        report.failed.push({ step, reason: reasonOf(error) });
        ctx.notifier.error(`System prune: could not remove the ${what}: ${reasonOf(error)}`);
      }
    }
    report.cancelled = signal.aborted;
    report.spaceReclaimed = Object.values(report.results).reduce((sum, r) => sum + (r?.spaceReclaimed ?? 0), 0);
    report.message = systemPruneMessage(report);
    ctx.notifier.info(report.message);
    return report;
  });
}
