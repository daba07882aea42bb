// Dockerfile outline (documentSymbol) and workspace symbols. Pure. (Stub of the contract: to be built.)
import type { DocumentSymbol, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

/** Hierarchical: directives, global ARGs, then one symbol per stage with its instructions as children. */
export function documentSymbols(_model: DockerfileModel): DocumentSymbol[] {
  return [];
}

/** The stages of the given Dockerfiles whose names match `query` (case-insensitive subsequence; "" matches all). */
export function workspaceSymbols(_files: readonly { uri: string; model: DockerfileModel }[], _query: string): WorkspaceSymbol[] {
  return [];
}
