// On Linux, the threads V8 starts for itself (its optimizing compiler and the helpers of its garbage collector, the
// only threads besides the main one when the server starts) get a lower scheduling priority than the main thread,
// which answers the editor. With two cores, four helper threads compiling the just-started server's code took
// the CPU from its first answers (the first diagnostics of a large Dockerfile came about a tenth later). Chrome
// runs V8's background work at a lower priority for the same reason. Elsewhere this does nothing.
import * as fs from 'fs';
import * as os from 'os';

/** Lowers the priority (raises the nice value by `by`) of every thread of this process but the main one. */
export function lowerHelperThreadPriority(by = 10, platform = process.platform): number {
  if (platform !== 'linux') return 0;
  let tasks: string[];
  try {
    tasks = fs.readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  let lowered = 0;
  for (const name of tasks) {
    const tid = Number(name);
    // The main thread's id is the process id.
    if (!Number.isInteger(tid) || tid === process.pid) continue;
    try {
      os.setPriority(tid, Math.min(19, os.getPriority(tid) + by));
      lowered++;
    } catch {
      // The thread ended meanwhile.
    }
  }
  return lowered;
}
