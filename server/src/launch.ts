// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc, --socket=N, --pipe=NAME) for any LSP
// client. It starts the language server's bundle, dist/serverMain.js (server.ts), with V8's code cache
// (launch/codeCache.ts), after giving V8's own helper threads a lower priority than the thread that answers
// (launch/threadPriority.ts). Nothing else: the server itself is in the bundle.
// The server's worker threads (very large documents) start here too, and read the cache without writing it.
import * as path from 'path';
import { isMainThread } from 'worker_threads';
import { cacheDirectory, runWithCodeCache } from './launch/codeCache';
import { lowerHelperThreadPriority } from './launch/threadPriority';

if (isMainThread) lowerHelperThreadPriority();
runWithCodeCache(path.join(__dirname, 'serverMain.js'), cacheDirectory(), isMainThread);
