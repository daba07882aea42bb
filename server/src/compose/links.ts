// Compose document links: images to their registry pages, files and folders the file names to themselves.
// Pure. (Stub of the contract.)
import type { DocumentLink } from 'vscode-languageserver-types';
import type { ComposeModel } from './model';

export interface LinkContext {
  /** The compose file's URI; relative paths resolve against its folder (the project directory). */
  uri: string;
  fileExists(path: string): boolean;
}

export function documentLinks(_model: ComposeModel, _context: LinkContext): DocumentLink[] {
  return [];
}
