// A push's progress in one line, from the engine's messages per layer. Pure, no vscode.
import type { PullProgress } from '../../engine/types';

/** Follows the messages of one push: how many layers are done of those the engine named. */
export class PushTracker {
  private readonly layers = new Map<string, boolean>();
  /** The digest the registry gave the pushed manifest, from the engine's last line ("tag: digest: sha256:... size: N"). */
  digest: string | undefined;

  add(progress: PullProgress): void {
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(progress.status);
    if (digest) this.digest = digest[1];
    if (!progress.id || digest) return;
    const done = progress.status === 'Pushed' || progress.status === 'Layer already exists' || progress.status.startsWith('Mounted from');
    if (done || !this.layers.has(progress.id)) this.layers.set(progress.id, done || (this.layers.get(progress.id) ?? false));
  }

  summary(): string {
    const total = this.layers.size;
    const done = [...this.layers.values()].filter(Boolean).length;
    return total === 0 ? 'Preparing' : `${done} of ${total} layers pushed`;
  }
}
