// Compose outline (documentSymbol) and workspace symbols. Pure. (Stub of the contract: to be built.)
import type { DocumentSymbol, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { ComposeModel } from './model';

/** Hierarchical: the top-level sections, each entry a child, a service's keys below it. */
export function documentSymbols(_model: ComposeModel): DocumentSymbol[] {
  return [];
}

/** The services of the given compose files whose names match `query` (case-insensitive subsequence; "" matches all). */
export function workspaceSymbols(_files: readonly { uri: string; model: ComposeModel }[], _query: string): WorkspaceSymbol[] {
  return [];
}
