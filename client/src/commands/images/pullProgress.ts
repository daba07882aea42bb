// A pull's progress in one line, from the engine's messages per layer. Pure, no vscode.
import type { PullProgress } from '../../engine/types';
import { formatBytes } from '../../format/text';

type Phase = 'waiting' | 'downloading' | 'downloaded' | 'extracting' | 'done';

interface Layer {
  phase: Phase;
  /** Bytes downloaded and the layer's size, once the engine has said. */
  current: number;
  total?: number;
}

/** The phase a layer message puts its layer in, or undefined for a message that is not about a layer's state. */
function phaseOf(status: string): Phase | undefined {
  switch (status) {
    case 'Pulling fs layer':
    case 'Waiting':
      return 'waiting';
    case 'Downloading':
      return 'downloading';
    case 'Verifying Checksum':
    case 'Download complete':
      return 'downloaded';
    case 'Extracting':
      return 'extracting';
    case 'Pull complete':
    case 'Already exists':
      return 'done';
    default:
      return undefined;
  }
}

const ORDER: Phase[] = ['waiting', 'downloading', 'downloaded', 'extracting', 'done'];

/** Follows the messages of one pull; `summary` says where it is, `finalStatus` how it ended. */
export class PullTracker {
  private readonly layers = new Map<string, Layer>();
  private last = '';
  private final: string | undefined;

  add(progress: PullProgress): void {
    const status = progress.status.trim();
    if (status.startsWith('Status: ')) this.final = status.slice('Status: '.length);
    const phase = phaseOf(status);
    if (!progress.id || !phase) {
      // "Pulling from library/busybox" (its id is the tag), "Digest: sha256:..." and the like.
      if (!status.startsWith('Digest:')) this.last = status;
      return;
    }
    const layer = this.layers.get(progress.id) ?? { phase, current: 0 };
    // Messages of a layer never take it back to an earlier phase.
    if (ORDER.indexOf(phase) >= ORDER.indexOf(layer.phase)) layer.phase = phase;
    if (phase === 'downloading') {
      layer.current = progress.current ?? layer.current;
      layer.total = progress.total ?? layer.total;
    }
    this.layers.set(progress.id, layer);
  }

  /**
   * E.g. "Downloading layers: 2 of 5 done, 12.3 MB of 40.1 MB", "Extracting layers: 3 of 5 done", or the engine's
   * last message while it has not named any layer ("Pulling from library/busybox"). The bytes count the layers
   * whose size the engine has told so far.
   */
  summary(): string {
    const layers = [...this.layers.values()];
    if (layers.length === 0) return this.last;
    const isDownloaded = (l: Layer) => ORDER.indexOf(l.phase) >= ORDER.indexOf('downloaded');
    const downloaded = layers.filter(isDownloaded).length;
    if (downloaded < layers.length) {
      const sized = layers.filter((l) => l.total !== undefined);
      const current = sized.reduce((sum, l) => sum + (isDownloaded(l) ? (l.total ?? 0) : l.current), 0);
      const total = sized.reduce((sum, l) => sum + (l.total ?? 0), 0);
      const bytes = total > 0 ? `, ${formatBytes(current)} of ${formatBytes(total)}` : '';
      return `Downloading layers: ${downloaded} of ${layers.length} done${bytes}`;
    }
    const done = layers.filter((l) => l.phase === 'done').length;
    return `Extracting layers: ${done} of ${layers.length} done`;
  }

  /** The engine's last word, e.g. "Downloaded newer image for busybox:latest" or "Image is up to date for ...". */
  get finalStatus(): string | undefined {
    return this.final;
  }
}
