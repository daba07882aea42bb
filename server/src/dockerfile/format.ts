// Dockerfile formatting (document, range, on type) that never changes what the file means. Pure.
// (Stub of the contract: to be built.)
import type { FormattingOptions, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

export interface DockerfileFormatOptions extends FormattingOptions {
  /** Instruction keywords: the file's dominant case (default), or always upper case. */
  keywordCase?: 'dominant' | 'upper';
}

/** Edits for the whole document, or for the lines that `range` touches. */
export function formatDockerfile(_model: DockerfileModel, _options: DockerfileFormatOptions, _range?: Range): TextEdit[] {
  return [];
}

/** Edits after `ch` (a newline) was typed at `position`: indents a new continuation line. */
export function formatOnType(_model: DockerfileModel, _position: Position, _ch: string, _options: DockerfileFormatOptions): TextEdit[] {
  return [];
}
