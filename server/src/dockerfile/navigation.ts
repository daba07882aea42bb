// Dockerfile go to definition, find references and document highlights for stage names, build variables
// (ARG/ENV with BuildKit's scoping) and heredoc delimiters. Pure. (Stub of the contract: to be built.)
import type { DocumentHighlight, Location, Position } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

export function definition(_model: DockerfileModel, _uri: string, _position: Position): Location[] {
  return [];
}

export function references(_model: DockerfileModel, _uri: string, _position: Position, _includeDeclaration: boolean): Location[] {
  return [];
}

export function documentHighlights(_model: DockerfileModel, _position: Position): DocumentHighlight[] {
  return [];
}
