// Dockerfile signature help for instruction arguments and flags (HEALTHCHECK, ONBUILD, shell and exec forms ...).
// Pure. (Stub of the contract: to be built.)
import type { SignatureHelpContext } from 'vscode-languageserver-protocol';
import type { Position, SignatureHelp } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

export function signatureHelp(_model: DockerfileModel, _position: Position, _context?: SignatureHelpContext): SignatureHelp | null {
  return null;
}
