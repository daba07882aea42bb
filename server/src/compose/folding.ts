// Compose folding ranges. Pure. (Stub of the contract: to be built.)
import type { FoldingRange } from 'vscode-languageserver-types';
import type { ComposeModel } from './model';

export function foldingRanges(_model: ComposeModel): FoldingRange[] {
  return [];
}
