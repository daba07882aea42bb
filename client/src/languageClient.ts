import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LanguageServerMonitor, type LanguageServerStatus } from './languageServerRestarts';
import { serverExecArgv } from './serverThreads';

const SHOW_OUTPUT = 'Show Output';

/** The language client and how its server fares. */
export interface LanguageServer {
  readonly client: LanguageClient;
  /** Resolves with the client when the server first runs (after restarts too); stays pending while it never does. */
  readonly ready: Promise<LanguageClient>;
  /** Starting, running, restarting or failed (with the one message shown), and how often it was restarted. */
  status(): LanguageServerStatus;
}

/**
 * The server's arguments: V8's code cache of the server (server/src/launch/codeCache.ts) goes to this extension's
 * global storage folder (when the storage is no folder, the server uses the user's cache folder).
 */
export function serverArgs(globalStorage: vscode.Uri): string[] {
  return globalStorage.scheme === 'file' ? [`--code-cache-dir=${path.join(globalStorage.fsPath, 'language-server')}`] : [];
}

/**
 * Starts the bundled language server (dist/server.js) for Dockerfiles and Compose files. A server that exits or
 * crashes is restarted, at most 5 times within 3 minutes (as vscode-languageclient's default handler does); when
 * it is given up, or its start fails, the user is told once, with the reason and a button to the output channel
 * (not a message per restart: the client itself only logs).
 */
export function startLanguageClient(context: vscode.ExtensionContext, onDockerfileCompletion: () => void = () => undefined): LanguageServer {
  const module = context.asAbsolutePath('dist/server.js');
  // Over stdio, as other editors run it: the server then sends the answers its requests worker made as JSON without
  // parsing them again (a 200,000-line document's outline or tokens), which Node's IPC channel cannot.
  // With V8's background threads sized to the machine (serverThreads.ts).
  const execArgv = serverExecArgv();
  const args = serverArgs(context.globalStorageUri);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, args, options: { execArgv } },
    debug: { module, transport: TransportKind.stdio, args, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6019'] } },
  };
  let monitor: LanguageServerMonitor | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dockerfile' }, { language: 'dockercompose' }],
    outputChannelName: 'Docker Language Server',
    // The server reads the docker-workflows settings and is told when they change.
    synchronize: { configurationSection: 'docker-workflows' },
    errorHandler: {
      error: (error, _message, count) =>
        monitor?.errored(count, error.message) === 'continue'
          ? { action: ErrorAction.Continue, handled: true }
          : { action: ErrorAction.Shutdown, handled: true },
      // The monitor restarts the server itself (after the client has settled), so that it sees every start.
      closed: () =>
        monitor?.closed() === 'restart'
          ? { action: CloseAction.DoNotRestart, handled: true, message: 'The connection to the server closed; it is restarted.' }
          : { action: CloseAction.DoNotRestart, handled: true, message: 'The connection to the server closed; it is not restarted again.' },
    },
    // The start's failure is reported by the monitor, not in a message of its own.
    initializationFailedHandler: () => false,
    middleware: {
      // The walkthrough's last step is done once the server has offered completions in a Dockerfile.
      provideCompletionItem: async (document, position, completionContext, token, next) => {
        const result = await next(document, position, completionContext, token);
        const items = Array.isArray(result) ? result : result?.items;
        if (document.languageId === 'dockerfile' && items && items.length > 0) onDockerfileCompletion();
        return result;
      },
    },
  };
  const client = new LanguageClient('dockerWorkflows', 'Docker Language Server', serverOptions, clientOptions);
  // The client logs every error to its output channel and pops some up (one per failed restart); here it only logs,
  // and the monitor shows a failure once.
  const log = client.error.bind(client);
  client.error = (message: string, data?: unknown) => {
    monitor?.logged(message);
    log(message, data, false);
  };
  const started = monitor = new LanguageServerMonitor({
    start: () => client.start(),
    showFailure: (message) =>
      void vscode.window.showErrorMessage(message, SHOW_OUTPUT).then((choice) => {
        if (choice === SHOW_OUTPUT) client.outputChannel.show(true);
      }),
    now: () => Date.now(),
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  // The monitor first: no restart once the extension is going away.
  context.subscriptions.push(started, client);
  started.start();
  return { client, ready: started.ready.then(() => client), status: () => started.status() };
}
