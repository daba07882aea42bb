// Messages between the server and its worker threads (see DiagnosticsWorker.ts and RequestsWorker.ts).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LocalImage } from '../../../common/src/protocol';
import type { ServerSettings } from '../settings';
import type { ClientFeatures } from '../service/negotiate';
import type { DocumentRequest } from '../service/requests';

/** What the services' diagnostics read besides the document. */
export interface WorkerContext {
  settings: ServerSettings;
  images: readonly LocalImage[];
  roots: readonly string[];
}

export type ToWorker =
  | { kind: 'diagnose'; uri: string; languageId: string; version: number; text: string; context: WorkerContext }
  | { kind: 'close'; uri: string };

export type FromWorker =
  | { kind: 'diagnostics'; uri: string; version: number; diagnostics: Diagnostic[] }
  /** A file around a document was read: diagnostics computed before may change. */
  | { kind: 'filesRead' };

/** To the requests worker (RequestsWorker.ts): documents it serves, and the requests on them. */
export type ToRequestsWorker =
  /** The text of a new version of a document: sent once per version, before the first request on it. */
  | { kind: 'sync'; uri: string; languageId: string; version: number; text: string }
  | { kind: 'request'; id: number; method: DocumentRequest; params: unknown; features: ClientFeatures; context: WorkerContext }
  /** Workspace symbols among the documents it serves. */
  | { kind: 'workspaceSymbols'; id: number; query: string; context: WorkerContext }
  | { kind: 'close'; uri: string };

export type FromRequestsWorker =
  /** The answer as JSON (made in the worker, so that a large answer costs the server's thread no serializing), or a refusal. */
  | { kind: 'answer'; id: number; json?: string; refused?: string }
  | { kind: 'filesRead' }
  /** A provider failed (logged by the server, as for its own thread). */
  | { kind: 'log'; message: string };
