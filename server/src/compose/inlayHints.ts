// Compose inlay hints: the value an interpolation resolves to, and what a service inherits through `extends`.
// Pure. (Stub of the contract.)
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { ComposeProject } from './project';

export interface InlayContext {
  /** The variables of the project's `.env` (empty when there is none). */
  env: ReadonlyMap<string, string>;
  /** Reads another compose file (for `extends.file`), as a model; undefined when it cannot be read. */
  loadFile(path: string): import('./model').ComposeModel | undefined;
}

export function inlayHints(_project: ComposeProject, _range: Range, _context: InlayContext): InlayHint[] {
  return [];
}
