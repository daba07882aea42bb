// What a Compose check gets and reports. Checks are pure: (context) -> findings; diagnostics.ts turns
// findings into LSP diagnostics. The Finding shape is the one the Dockerfile checks use.
import type { Finding, Severity } from '../../dockerfile/checks/types';
import type { ComposeModel } from '../model';
import type { ServiceView } from './services';

export type { Finding, Severity } from '../../dockerfile/checks/types';

export interface ComposeCheckContext {
  model: ComposeModel;
  /** Absolute path of the compose file's folder; undefined for an untitled or non-file document. */
  folder?: string;
  /** Absolute path of the compose file itself, when it is a file. */
  file?: string;
  fileExists(path: string): boolean;
  /** The base files this file is merged onto (`docker compose -f base -f this`). */
  baseModels: readonly ComposeModel[];
  /** The file is an overlay: by its name (compose.override.yaml, overrides/...) or because bases were given. */
  overlay: boolean;
  /** The services of `model`, with their effective keys. */
  services: readonly ServiceView[];
  /** The files of the top-level `include:` that could be loaded. */
  included: readonly ComposeModel[];
  /** False when the file has an `include:` whose files could not all be loaded. */
  includeComplete: boolean;
  /** The model of another compose file (an `extends: file:`), when it can be read. */
  loadFile?(path: string): ComposeModel | undefined;
  /** Whether an image defines a HEALTHCHECK, when that is known (e.g. from the local engine). */
  imageHasHealthcheck?(image: string): boolean | undefined;
}

export type ComposeCheck = (context: ComposeCheckContext) => Finding[];

/** A finding with the usual fields. */
export function finding(code: string, message: string, range: Finding['range'], severity: Severity, extra?: Partial<Finding>): Finding {
  return { code, message, range, severity, ...extra };
}
