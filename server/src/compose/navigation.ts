// Compose go to definition, find references and document highlights for services, volumes, networks,
// secrets, configs and YAML anchors, across the files of a project. Pure. (Stub of the contract.)
import type { DocumentHighlight, Location, Position } from 'vscode-languageserver-types';
import type { ComposeModel } from './model';
import type { ComposeProject } from './project';

export function definition(_project: ComposeProject, _position: Position): Location[] {
  return [];
}

export function references(_project: ComposeProject, _position: Position, _includeDeclaration: boolean): Location[] {
  return [];
}

export function documentHighlights(_model: ComposeModel, _position: Position): DocumentHighlight[] {
  return [];
}
