// What a Compose check gets and reports. Checks are pure: (context) -> findings; diagnostics.ts turns
// findings into LSP diagnostics. The Finding shape is the one the Dockerfile checks use.
import type { Node } from 'yaml';
import { isScalar } from '../yamlKinds';
import type { Finding, Severity } from '../../diagnostics/types';
import type { ComposeModel } from '../model';
import { type ServiceView, valueRange } from './services';

export type { Finding, Severity } from '../../diagnostics/types';

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
  /** Why an existing file is not read (size, kind, outside the workspace), or undefined (see diagnostics.ts). */
  whyNotRead?(path: string): string | undefined;
  /** Whether an image defines a HEALTHCHECK, when that is known (e.g. from the local engine). */
  imageHasHealthcheck?(image: string): boolean | undefined;
}

export type ComposeCheck = (context: ComposeCheckContext) => Finding[];

/**
 * A finding tied to a node rather than to a position, so that it can be kept with the node's block from one
 * version of the document to the next (see `ComposeModel.memo`): the range is the node's, or a part of a
 * scalar's value.
 */
export interface NodeFinding {
  code: string;
  message: string;
  severity: Severity;
  node: Node;
  /** [index, length] of the part of the scalar's value the finding is about. */
  part?: [number, number];
}

export function toFinding(model: ComposeModel, found: NodeFinding, severity: Severity = found.severity, message: string = found.message): Finding {
  const range = found.part && isScalar(found.node) ? valueRange(model, found.node, found.part[0], found.part[1]) : model.rangeOf(found.node);
  return { code: found.code, message, range, severity };
}
