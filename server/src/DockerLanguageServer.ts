// The only file that touches the LSP connection: capabilities, the document store, and one handler wrapper.
import {
  TextDocumentSyncKind,
  TextDocuments,
  type CompletionItem,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completeDockerfile } from './dockerfile/completion';

export function startDockerLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'docker-workflows-language-server', version: '0.1.0' },
    }),
  );

  connection.onCompletion((params) =>
    guard('completion', [] as CompletionItem[], () => {
      const document = documents.get(params.textDocument.uri);
      if (!document || document.languageId !== 'dockerfile') return [];
      return completeDockerfile(document.getText(), params.position);
    }),
  );

  /** A provider that throws must never take the server down: log it and answer with the empty result. */
  function guard<T>(feature: string, empty: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  }

  documents.listen(connection);
  connection.listen();
}
