// Compose rename of services, volumes, networks, secrets, configs and anchors across the files of a project.
// Pure. (Stub of the contract.)
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Refusal } from '../service/LanguageService';
import type { ComposeProject } from './project';

export function prepareRename(_project: ComposeProject, _position: Position): { range: Range; placeholder: string } | Refusal | null {
  return null;
}

export function rename(_project: ComposeProject, _position: Position, _newName: string): WorkspaceEdit | Refusal {
  return { refused: 'Nothing to rename here.' };
}
