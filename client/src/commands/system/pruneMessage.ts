// The words of the prune commands' messages: pure, tested in plain Node.
import type { PruneResult } from '../../engine/types';
import { formatBytes, plural } from '../../format/text';

/** Names for a message, at most `max` of them: "a, b, c", or "a, b, c and 7 more". */
export function nameList(names: readonly string[], max = 10): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** The steps of a system prune, in the order they run. */
export type PruneStep = 'containers' | 'networks' | 'images' | 'buildCache';

/** "System prune reclaimed 12.5 MB: removed 2 stopped containers, 1 network, 3 dangling images, 0 build cache entries." */
export function systemPruneMessage(report: { results: Partial<Record<PruneStep, PruneResult>>; cancelled: boolean; spaceReclaimed: number }): string {
  const { containers, networks, images, buildCache } = report.results;
  const parts = [
    containers && plural(containers.removed.length, 'stopped container'),
    networks && plural(networks.removed.length, 'network'),
    images && plural(images.removed.length, 'dangling image'),
    buildCache && plural(buildCache.removed.length, 'build cache entry', 'build cache entries'),
  ].filter(Boolean);
  const head = `${report.cancelled ? 'System prune cancelled after reclaiming' : 'System prune reclaimed'} ${formatBytes(report.spaceReclaimed)}`;
  return parts.length > 0 ? `${head}: removed ${parts.join(', ')}.` : `${head}.`;
}
