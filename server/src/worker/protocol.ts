// Messages between the server and its worker thread of very large documents (see LargeDocumentsThread.ts).
import type { LocalImage } from '../../../common/src/protocol';
import type { ServerSettings } from '../settings';
import type { ClientFeatures } from '../service/negotiate';
import type { DocumentRequest } from '../service/requests';

/** The UTF-8 bytes of a JSON text, in a buffer of their own (so that they can be transferred to another thread). */
export function jsonBytes(json: string): Uint8Array {
  return new TextEncoder().encode(json);
}

/** The JSON value of such bytes. */
export function fromJsonBytes(bytes: Uint8Array | undefined): unknown {
  return bytes ? JSON.parse(new TextDecoder().decode(bytes)) : null;
}

/** What the services' diagnostics read besides the document. */
export interface WorkerContext {
  settings: ServerSettings;
  images: readonly LocalImage[];
  roots: readonly string[];
}

export type ToWorker =
  /** Check this version of a document, whose text went over before (the `sync` of the requests). */
  | { kind: 'diagnose'; uri: string; version: number; context: WorkerContext }
  | { kind: 'close'; uri: string };

export type FromWorker =
  /**
   * The diagnostics as the UTF-8 bytes of their JSON, made in the worker and transferred (not copied): 13,000
   * findings of a 200,000-line file cost the server's thread no copying of objects, no serializing and no encoding.
   * None when the thread has a newer version than the one asked for (nothing to publish).
   */
  | { kind: 'diagnostics'; uri: string; version: number; json?: Uint8Array }
  /** A file around a document was read: diagnostics computed before may change. */
  | { kind: 'filesRead' };

/** The requests (RequestsWorker.ts): the documents the thread serves, and the requests on them. */
export type ToRequestsWorker =
  /** The text of a new version of a document: sent once per version, before the first request or check of it. */
  | { kind: 'sync'; uri: string; languageId: string; version: number; text: string }
  | { kind: 'request'; id: number; method: DocumentRequest; params: unknown; features: ClientFeatures; context: WorkerContext }
  /** Workspace symbols among the documents it serves. */
  | { kind: 'workspaceSymbols'; id: number; query: string; context: WorkerContext };

/** Everything the thread is sent. */
export type ToThread = ToWorker | ToRequestsWorker;

export type FromRequestsWorker =
  /**
   * The answer as the UTF-8 bytes of its JSON (made in the worker and transferred, so that a large answer costs the
   * server's thread no serializing and no copying), or a refusal.
   */
  | { kind: 'answer'; id: number; json?: Uint8Array; refused?: string }
  | { kind: 'filesRead' }
  /** A provider failed (logged by the server, as for its own thread). */
  | { kind: 'log'; message: string };
