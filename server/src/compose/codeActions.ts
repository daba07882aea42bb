// Compose code actions: quick fixes for findings and source.fixAll. Pure. (Stub of the contract.)
import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import type { ComposeModel } from './model';

export interface CodeActionInput {
  uri: string;
  range: Range;
  context: CodeActionContext;
  /** Every diagnostic the document has now (source.fixAll applies the preferred fix of each). */
  allDiagnostics(): Diagnostic[];
  /** The document's line terminator, for fixes that add lines. */
  eol: string;
}

export function codeActions(_model: ComposeModel, _input: CodeActionInput): CodeAction[] {
  return [];
}
