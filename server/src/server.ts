// The language server process (dist/languageServer.js), which dist/server.js loads (launch/main.ts): the stdio
// connection, or the one vscode-languageserver makes from the command line (--node-ipc, --socket=N, --pipe=NAME).
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { startDockerLanguageServer } from './DockerLanguageServer';
import { createReusingJsonEncoder } from './jsonEncoder';
import { ResyncingMessageReader } from './stdioReader';
import { ImmediateMessageWriter } from './stdioWriter';
import { runLargeDocumentsThread } from './worker/runThread';

/**
 * Over stdio the server reads and writes its own messages: a reader that recovers from a wrong Content-Length at
 * the next header (stdioReader.ts), an encoder that serializes a kept answer once (jsonEncoder.ts), and a writer
 * that hands each message to stdout as soon as it is sent (stdioWriter.ts). What
 * vscode-languageserver does for `--stdio` is done here too: console output goes to stderr (stdout carries the
 * protocol), and the process ends when the client closes stdin.
 */
function stdioConnection(reusable: ReturnType<typeof createReusingJsonEncoder>): Connection {
  const toStderr = (...args: unknown[]) => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  const connection = createConnection(
    ProposedFeatures.all,
    new ResyncingMessageReader(process.stdin, (message) => console.error(`[stdio] ${message}`)),
    new ImmediateMessageWriter(process.stdout, reusable.encode),
  );
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  return connection;
}

// The same bundle runs the worker thread of very large documents (worker/runThread.ts).
const workerScript = __filename;
const role = isMainThread ? undefined : (workerData as { role?: string } | undefined)?.role;
if (role === 'large') {
  runLargeDocumentsThread(parentPort!);
} else if (process.argv.includes('--stdio')) {
  const reusing = createReusingJsonEncoder();
  startDockerLanguageServer(stdioConnection(reusing), { reusable: reusing.reusable, raw: reusing.raw, workerScript });
} else {
  startDockerLanguageServer(createConnection(ProposedFeatures.all), { workerScript });
}
