// Messages between the server and its diagnostics worker thread (see DiagnosticsWorker.ts).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LocalImage } from '../../../common/src/protocol';
import type { ServerSettings } from '../settings';

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
