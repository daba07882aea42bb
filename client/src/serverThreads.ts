// How many background threads V8 gets in the language server process: the server parses and checks on its main
// thread, while V8 optimizes hot functions and helps the garbage collector on a pool of background threads. Node's
// pool has 4 threads whatever the machine; on 2 cores they crowd the main thread exactly when it is busiest (a
// large file opened: many functions are optimized at once). Measured over stdio on 2 cores (bench/dockerfile.mjs,
// 9.6k-line Dockerfile): open -> diagnostics -20 %, edit -> diagnostics p90 150 -> 105 ms.
import * as os from 'os';

/** Node's own pool size, kept on machines that have the cores for it. */
const NODE_DEFAULT = 4;

/** One thread fewer than the machine has cores (the main thread keeps one), at least 1, at most Node's 4. */
export function v8PoolSize(cores: number): number {
  return Math.max(1, Math.min(NODE_DEFAULT, Math.floor(cores) - 1));
}

/**
 * The node options the server is started with. (Electron, which runs it in desktop VS Code, accepts the option and
 * keeps its own thread pool.)
 */
export function serverExecArgv(cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length): string[] {
  return [`--v8-pool-size=${v8PoolSize(cores)}`];
}
