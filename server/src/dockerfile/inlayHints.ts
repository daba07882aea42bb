// Dockerfile inlay hints: the value a variable in a FROM line resolves to. Pure. (Stub of the contract.)
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

export function inlayHints(_model: DockerfileModel, _range: Range): InlayHint[] {
  return [];
}
