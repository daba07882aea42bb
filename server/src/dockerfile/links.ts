// Dockerfile document links: images to their registry pages, COPY/ADD sources to their files. Pure.
// (Stub of the contract: to be built.)
import type { DocumentLink } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

export interface LinkContext {
  /** The Dockerfile's URI; relative sources resolve against its folder (the usual build context). */
  uri: string;
  fileExists(path: string): boolean;
}

export function documentLinks(_model: DockerfileModel, _context: LinkContext): DocumentLink[] {
  return [];
}
