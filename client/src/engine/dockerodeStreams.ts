// The engine's streams: what every followed stream shares (end once, in plain words; closed on dispose), and the
// newline-delimited JSON ones beyond events and logs: a pull's progress and a container's stats.
// DockerodeEngine.ts hands over the Docker object, its `call` helper and its set of open subscriptions.
import type Docker from 'dockerode';
import { StringDecoder } from 'string_decoder';
import type { RegistryAuth } from './registryAuth';
import type { Disposable } from './DockerEngine';
import type { EngineCall } from './dockerodeResources';
import { parsePullLine } from './dockerodeResourceMapping';
import { isStoppedSample, toContainerStats, type RawStats } from './statsMapping';
import { plainEngineMessage } from './errors';
import { EngineError, type ContainerStats, type PullProgress } from './types';

export interface StreamContext {
  docker: Docker;
  call: EngineCall;
  endpointUrl: string;
  toEngineError(error: unknown): EngineError;
  /** Subscriptions that the engine's dispose ends. */
  open: Set<Disposable>;
}

export type ResponseStream = NodeJS.ReadableStream & { destroy(): void };

/**
 * Follows a stream until it ends (end, close or error: onEnd is called once, with the failure in plain words) or
 * the subscription is disposed (the stream is closed, onEnd is not called). The engine's dispose ends it too.
 */
export function followStream(
  context: Pick<StreamContext, 'open' | 'toEngineError'>,
  stream: ResponseStream,
  onEnd: (error?: EngineError) => void,
): { subscription: Disposable; end(error?: unknown): void; ended(): boolean } {
  let ended = false;
  const subscription: Disposable = {
    dispose: () => {
      ended = true;
      context.open.delete(subscription);
      stream.removeAllListeners('end');
      stream.removeAllListeners('close');
      stream.on('error', () => undefined);
      stream.destroy();
    },
  };
  const end = (error?: unknown) => {
    if (ended) return;
    subscription.dispose();
    onEnd(error === undefined ? undefined : context.toEngineError(error));
  };
  stream.on('error', (error) => end(error));
  stream.on('end', () => end());
  stream.on('close', () => end());
  context.open.add(subscription);
  return { subscription, end, ended: () => ended };
}

const PULL_CANCELLED = 'the pull was cancelled';

/** Calls onLine with every non-empty line of the stream, decoding UTF-8 across chunk boundaries. */
export function onLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  stream.on('data', (chunk: Buffer) => {
    buffered += decoder.write(chunk);
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onLine(line);
    }
  });
}

/**
 * `docker pull`: resolves when the engine has the image, rejects with the error the engine reports inside the
 * stream, or as soon as `signal` aborts (the HTTP request is destroyed, so the engine stops the pull).
 */
export async function pullImage(
  context: StreamContext,
  reference: string,
  onProgress: (progress: PullProgress) => void,
  signal?: AbortSignal,
  auth?: RegistryAuth,
): Promise<void> {
  // dockerode's pull splits off the tag (latest when there is none), passes the abortSignal to the request and
  // the credentials as the X-Registry-Auth header.
  const docker = context.docker as unknown as {
    pull(reference: string, options: { abortSignal: AbortSignal; authconfig?: RegistryAuth }): Promise<ResponseStream>;
  };
  // No timeout: a registry can take its time before the engine answers; the user cancels through the signal.
  const stream = await context.call((abortSignal) => docker.pull(reference, { abortSignal, ...(auth ? { authconfig: auth } : {}) }), {
    timeoutMs: Infinity,
    signal,
    cancelled: PULL_CANCELLED,
  });
  return progressStream(context, stream, onProgress, signal, 'pull');
}

/**
 * `docker push` of repository:tag: the same stream of progress messages as a pull, ending in an error message when
 * the push failed. The credentials go as the X-Registry-Auth header (an empty one when there are none, which the
 * engine expects).
 */
export async function pushImage(
  context: StreamContext,
  repository: string,
  tag: string,
  onProgress: (progress: PullProgress) => void,
  signal?: AbortSignal,
  auth?: RegistryAuth,
): Promise<void> {
  const image = context.docker.getImage(repository) as unknown as {
    push(options: { tag: string; abortSignal: AbortSignal; authconfig: RegistryAuth | Record<string, never> }): Promise<ResponseStream>;
  };
  const stream = await context.call((abortSignal) => image.push({ tag, abortSignal, authconfig: auth ?? {} }), {
    timeoutMs: Infinity,
    signal,
    cancelled: 'the push was cancelled',
  });
  return progressStream(context, stream, onProgress, signal, 'push');
}

/** Follows a pull's or push's stream of JSON lines to its end, the failure the engine reports or a cancellation. */
function progressStream(
  context: StreamContext,
  stream: ResponseStream,
  onProgress: (progress: PullProgress) => void,
  signal: AbortSignal | undefined,
  what: 'pull' | 'push',
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let failure: string | undefined;
    let settled = false;
    const finish = (error?: EngineError) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      if (error) reject(error);
      else resolve();
    };
    const cancel = () => {
      finish(new EngineError(context.endpointUrl, what === 'pull' ? PULL_CANCELLED : 'the push was cancelled', 'cancelled'));
      stream.on('error', () => undefined);
      stream.destroy();
    };
    if (signal?.aborted) return cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    onLines(stream, (line) => {
      const message = parsePullLine(line);
      if (message?.kind === 'error') failure ??= message.message;
      else if (message && !settled) onProgress(message.progress);
    });
    const failed = () => new EngineError(context.endpointUrl, plainEngineMessage(failure!) ?? failure!, 'engine-error');
    stream.on('end', () => finish(failure === undefined ? undefined : failed()));
    stream.on('error', (error) => finish(context.toEngineError(error)));
    // Closed without its end: the engine went away in the middle of the pull or push.
    stream.on('close', () =>
      finish(failure === undefined ? new EngineError(context.endpointUrl, `the engine closed the connection during the ${what}`, 'closed') : failed()),
    );
  });
}

/** `docker stats` of one container: a sample a second until the stream ends or the subscription is disposed. */
export async function followStats(
  context: StreamContext,
  id: string,
  onStats: (stats: ContainerStats) => void,
  onEnd: (error?: Error) => void,
): Promise<Disposable> {
  const container = context.docker.getContainer(id) as unknown as {
    stats(options: { stream: true; abortSignal: AbortSignal }): Promise<ResponseStream>;
  };
  const stream = await context.call((abortSignal) => container.stats({ stream: true, abortSignal }));
  const followed = followStream(context, stream, onEnd);
  onLines(stream, (line) => {
    let raw: RawStats;
    try {
      raw = JSON.parse(line) as RawStats;
    } catch {
      return;
    }
    // A stopped container's stream goes on with empty samples (until it is removed): that is its end.
    if (isStoppedSample(raw)) return followed.end();
    if (!followed.ended()) onStats(toContainerStats(raw));
  });
  return followed.subscription;
}
