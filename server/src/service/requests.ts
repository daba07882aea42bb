// Every document request the server answers, as one table from LSP method to handler, shared by the server's own
// thread and the requests worker thread that serves very large documents (worker/requestsThread.ts): a handler
// gets the request's parameters and a Served (how to reach the service and the document of a uri), and returns
// the service's answer adapted to the client (service/negotiate.ts). Refusals come back as they are: the
// connection layer turns them into an error answer or a message. No handler touches the connection.
import type {
  CodeActionParams,
  CompletionParams,
  DocumentFormattingParams,
  DocumentHighlightParams,
  DocumentLinkParams,
  DocumentOnTypeFormattingParams,
  DocumentRangeFormattingParams,
  DocumentSymbolParams,
  FoldingRangeParams,
  HoverParams,
  InlayHintParams,
  PrepareRenameParams,
  ReferenceParams,
  RenameParams,
  SemanticTokensDeltaParams,
  SemanticTokensParams,
  SignatureHelpParams,
  TextDocumentPositionParams,
} from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from './LanguageService';
import { actionsAsCommands, adaptCompletion, adaptHover, adaptSignatureHelp, flattenSymbols, type ClientFeatures } from './negotiate';
import type { SemanticTokensCache } from './semanticDelta';
import { clampPosition as at, clampRange as span } from '../util/clamp';

/** Rounds of reading for a request across files: the base, what it includes, what those include, what they extend. */
const MAX_FILE_ROUNDS = 4;

/** What a handler needs: the service and document of a uri, and what the client can show. */
export interface Served {
  readonly features: ClientFeatures;
  readonly tokens: SemanticTokensCache;
  /**
   * Runs `run` with the service and document of `uri` (the empty answer when the document is not open or its
   * language has no such feature), guarded.
   */
  serve<T>(feature: string, uri: string, empty: T, run: (service: LanguageService, document: TextDocument) => T | undefined): T;
  /**
   * `serve` for the requests that read other files (definition, references, rename, inlay hints): when the
   * answer started a read of a file not read yet, it is computed again once the reads are done, so that a
   * rename never misses the overlay file that was still loading.
   */
  serveAcrossFiles<T>(feature: string, uri: string, empty: T, run: (service: LanguageService, document: TextDocument) => T | undefined): Promise<T>;
  /** An answer the service keeps for the document's version (documentSymbols, foldingRanges): its bytes may be reused. */
  kept<T extends object>(result: T | undefined): T | undefined;
}

type Handler = (served: Served, params: never) => unknown;

/** The document requests, by LSP method. Formatting answers may be a Refusal (shown as a message). */
export const DOCUMENT_REQUESTS = {
  'textDocument/completion': (c: Served, { textDocument, position }: CompletionParams) =>
    c.serve('completion', textDocument.uri, [], (s, d) => s.completion && adaptCompletion(s.completion(d, at(d, position)), c.features)),
  'textDocument/hover': (c: Served, { textDocument, position }: HoverParams) =>
    c.serve('hover', textDocument.uri, null, (s, d) => s.hover && adaptHover(s.hover(d, at(d, position)), c.features)),
  'textDocument/documentSymbol': (c: Served, { textDocument }: DocumentSymbolParams) =>
    c.serve('symbols', textDocument.uri, [], (s, d) => {
      const symbols = s.documentSymbols?.(d);
      return symbols && (c.features.hierarchicalSymbols ? c.kept(symbols) : flattenSymbols(symbols, d.uri));
    }),
  'textDocument/definition': (c: Served, { textDocument, position }: TextDocumentPositionParams) =>
    c.serveAcrossFiles('definition', textDocument.uri, [], (s, d) => s.definition?.(d, at(d, position))),
  'textDocument/references': (c: Served, { textDocument, position, context }: ReferenceParams) =>
    c.serveAcrossFiles('references', textDocument.uri, [], (s, d) => s.references?.(d, at(d, position), context.includeDeclaration)),
  'textDocument/documentHighlight': (c: Served, { textDocument, position }: DocumentHighlightParams) =>
    c.serve('highlight', textDocument.uri, [], (s, d) => s.documentHighlights?.(d, at(d, position))),
  'textDocument/prepareRename': (c: Served, { textDocument, position }: PrepareRenameParams) =>
    c.serveAcrossFiles('prepare rename', textDocument.uri, null, (s, d) => s.prepareRename?.(d, at(d, position))),
  'textDocument/rename': (c: Served, { textDocument, position, newName }: RenameParams) =>
    c.serveAcrossFiles('rename', textDocument.uri, null, (s, d) => s.rename?.(d, at(d, position), newName)),
  'textDocument/foldingRange': (c: Served, { textDocument }: FoldingRangeParams) =>
    c.serve('folding', textDocument.uri, [], (s, d) => c.kept(s.foldingRanges?.(d))),
  'textDocument/formatting': (c: Served, { textDocument, options }: DocumentFormattingParams) =>
    c.serve('formatting', textDocument.uri, [], (s, d) => s.formatting?.(d, options)),
  'textDocument/rangeFormatting': (c: Served, { textDocument, options, range }: DocumentRangeFormattingParams) =>
    c.serve('formatting', textDocument.uri, [], (s, d) => s.formatting?.(d, options, span(d, range))),
  'textDocument/onTypeFormatting': (c: Served, { textDocument, position, ch, options }: DocumentOnTypeFormattingParams) =>
    c.serve('on-type formatting', textDocument.uri, [], (s, d) => s.onTypeFormatting?.(d, at(d, position), ch, options)),
  'textDocument/codeAction': (c: Served, { textDocument, range, context }: CodeActionParams) =>
    c.serve('code actions', textDocument.uri, [], (s, d) => {
      const actions = s.codeActions?.(d, span(d, range), context);
      return actions && (c.features.codeActionLiterals ? actions : c.features.applyEdit ? actionsAsCommands(actions) : []);
    }),
  'textDocument/documentLink': (c: Served, { textDocument }: DocumentLinkParams) =>
    c.serve('links', textDocument.uri, [], (s, d) => s.documentLinks?.(d)),
  'textDocument/semanticTokens/full': (c: Served, { textDocument }: SemanticTokensParams) =>
    c.serve('semantic tokens', textDocument.uri, { data: [] as number[] }, (s, d) => s.semanticTokens && c.tokens.full(d.uri, s.semanticTokens(d))),
  'textDocument/semanticTokens/full/delta': (c: Served, { textDocument, previousResultId }: SemanticTokensDeltaParams) =>
    c.serve('semantic tokens', textDocument.uri, { edits: [] }, (s, d) => s.semanticTokens && c.tokens.delta(d.uri, previousResultId, s.semanticTokens(d))),
  'textDocument/inlayHint': (c: Served, { textDocument, range }: InlayHintParams) =>
    c.serveAcrossFiles('inlay hints', textDocument.uri, [], (s, d) => s.inlayHints?.(d, span(d, range))),
  'textDocument/signatureHelp': (c: Served, { textDocument, position, context }: SignatureHelpParams) =>
    c.serve('signature help', textDocument.uri, null, (s, d) => s.signatureHelp && adaptSignatureHelp(s.signatureHelp(d, at(d, position), context), c.features)),
} satisfies Record<string, Handler>;

export type DocumentRequest = keyof typeof DOCUMENT_REQUESTS;

/** Runs the handler of `method` (the table's types checked once here, for the dispatch by name). */
export function handleDocumentRequest(served: Served, method: DocumentRequest, params: unknown): unknown {
  return (DOCUMENT_REQUESTS[method] as (c: Served, p: unknown) => unknown)(served, params);
}

/** Requests whose refusal is shown as a message with an empty answer (formatting) rather than an error answer. */
export const REFUSAL_AS_MESSAGE: ReadonlySet<string> = new Set(['textDocument/formatting', 'textDocument/rangeFormatting']);

export interface ServedOptions {
  document(uri: string): TextDocument | undefined;
  serviceOf(languageId: string): LanguageService | undefined;
  /** What the client can show (known after initialize). */
  features(): ClientFeatures;
  tokens: SemanticTokensCache;
  /** The files the services read around documents: whether reads are under way, and waiting for them. */
  files: { readonly busy: boolean; settled(timeoutMs: number): Promise<void> };
  /** How long a request that crosses files waits for the reads it started. */
  filesWaitMs: number;
  /** A provider that throws must never take the server down: log it and answer with the empty result. */
  guard<T>(feature: string, empty: T, run: () => T): T;
  kept?(result: object): void;
}

export function createServed(options: ServedOptions): Served {
  const serve = <T>(feature: string, uri: string, empty: T, run: (service: LanguageService, document: TextDocument) => T | undefined): T => {
    const document = options.document(uri);
    const service = document && options.serviceOf(document.languageId);
    if (!document || !service) return empty;
    return options.guard(feature, empty, () => run(service, document) ?? empty);
  };
  return {
    get features() {
      return options.features();
    },
    tokens: options.tokens,
    serve,
    async serveAcrossFiles(feature, uri, empty, run) {
      // Each answer may name files to read that only the files just read revealed (an overlay's base, then what
      // the base includes): asked again while reads are pending, within one time budget.
      let answer = serve(feature, uri, empty, run);
      const deadline = Date.now() + options.filesWaitMs;
      for (let round = 0; round < MAX_FILE_ROUNDS && options.files.busy && Date.now() < deadline; round++) {
        await options.files.settled(deadline - Date.now());
        answer = serve(feature, uri, empty, run);
      }
      return answer;
    },
    kept(result) {
      if (result) options.kept?.(result);
      return result;
    },
  };
}
