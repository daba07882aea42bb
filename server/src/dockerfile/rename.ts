// Dockerfile rename of stage names, build variables and heredoc delimiters. Pure. (Stub of the contract.)
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Refusal } from '../service/LanguageService';
import type { DockerfileModel } from './model';

export function prepareRename(_model: DockerfileModel, _position: Position): { range: Range; placeholder: string } | Refusal | null {
  return null;
}

export function rename(_model: DockerfileModel, _uri: string, _position: Position, _newName: string): WorkspaceEdit | Refusal {
  return { refused: 'Nothing to rename here.' };
}
