// Dockerfile folding ranges. Pure. (Stub of the contract: to be built.)
import type { FoldingRange } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

export function foldingRanges(_model: DockerfileModel): FoldingRange[] {
  return [];
}
