// Dockerfile code actions: quick fixes for findings, "Ignore <Rule> in this file", and source.fixAll. Pure.
// (Stub of the contract: to be built.)
import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

export interface CodeActionInput {
  uri: string;
  range: Range;
  context: CodeActionContext;
  /** Every diagnostic the document has now (source.fixAll applies the preferred fix of each). */
  allDiagnostics(): Diagnostic[];
}

export function codeActions(_model: DockerfileModel, _input: CodeActionInput): CodeAction[] {
  return [];
}
