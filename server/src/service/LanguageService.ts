// The one interface both languages implement (dockerfile/service.ts, compose/service.ts). The connection layer
// (DockerLanguageServer.ts) dispatches every request to the service of the document's language and advertises
// exactly the features that some service implements; a service never sees the connection. Results are always
// the richest LSP form (hierarchical symbols, code action literals, markdown, snippets): negotiate.ts turns
// them into what a plainer client can show.
import type {
  CodeAction,
  CodeActionContext,
  CompletionItem,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  Position,
  Range,
  SignatureHelp,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-types';
import type { SignatureHelpContext } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LocalImage } from '../../../common/src/protocol';
import type { FileAccess } from '../documents/FileAccess';
import type { ServerSettings } from '../settings';

/** A request the service declines with a message for the user (e.g. an invalid new name for rename). */
export interface Refusal {
  refused: string;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && typeof (value as Refusal).refused === 'string';
}

/** What a service may read of the world around the document; everything else comes with the request. */
export interface ServiceHost {
  settings(): ServerSettings;
  /** Images of the local engine (empty without an engine). */
  images(): readonly LocalImage[];
  /** The open documents of the service's language (workspace symbols, cross-file references). */
  openDocuments(): readonly TextDocument[];
  /** The open document of `uri`, if it is open. */
  openDocument(uri: string): TextDocument | undefined;
  /**
   * A new answer to whether files or folders exist on disk, for one request (document links): it may read each
   * folder once and answer from that listing, so a later request must ask for a new one.
   */
  existence(): (path: string) => boolean;
  /** The rules and the bookkeeping of the files the service reads around a document (see FileAccess). */
  files: FileAccess;
}

/** The data of a semantic tokens answer (LSP's relative 5-integer encoding) under the shared legend. */
export type SemanticTokenData = number[];

/**
 * One language's features. Every method but `diagnostics` is optional: a method that is not there is a
 * feature the language does not have, and the server does not advertise it unless another language has it.
 * Methods are synchronous and must never throw on any input (the server still guards them).
 */
export interface LanguageService {
  readonly languageId: string;
  /** Characters that trigger completion, signature help and on-type formatting in this language. */
  readonly triggers?: { completion?: string[]; signatureHelp?: string[]; signatureRetrigger?: string[]; onTypeFormatting?: string[] };

  diagnostics(document: TextDocument): Diagnostic[];
  completion?(document: TextDocument, position: Position): CompletionItem[];
  hover?(document: TextDocument, position: Position): Hover | null;
  /** The same array for the same document version (made once per version); read-only for its users. */
  documentSymbols?(document: TextDocument): DocumentSymbol[];
  /** Symbols of every open document of the language that match `query` (a case-insensitive subsequence). */
  workspaceSymbols?(query: string): WorkspaceSymbol[];
  definition?(document: TextDocument, position: Position): Location[] | LocationLink[];
  references?(document: TextDocument, position: Position, includeDeclaration: boolean): Location[];
  documentHighlights?(document: TextDocument, position: Position): DocumentHighlight[];
  /** The range to rename and its current text, a refusal with a reason, or null where nothing is renameable. */
  prepareRename?(document: TextDocument, position: Position): { range: Range; placeholder: string } | Refusal | null;
  rename?(document: TextDocument, position: Position, newName: string): WorkspaceEdit | Refusal;
  /** The same array for the same document version (made once per version); read-only for its users. */
  foldingRanges?(document: TextDocument): FoldingRange[];
  /** Edits that format the whole document, or only the lines of `range`; a refusal when it cannot be formatted. */
  formatting?(document: TextDocument, options: FormattingOptions, range?: Range): TextEdit[] | Refusal;
  onTypeFormatting?(document: TextDocument, position: Position, ch: string, options: FormattingOptions): TextEdit[];
  /** Quick fixes for `context.diagnostics` (and others found in `range`), plus source actions the context asks for. */
  codeActions?(document: TextDocument, range: Range, context: CodeActionContext): CodeAction[];
  documentLinks?(document: TextDocument): DocumentLink[];
  semanticTokens?(document: TextDocument): SemanticTokenData;
  inlayHints?(document: TextDocument, range: Range): InlayHint[];
  signatureHelp?(document: TextDocument, position: Position, context?: SignatureHelpContext): SignatureHelp | null;
  /** The document was closed: forget what was cached for it. */
  close?(uri: string): void;
}
