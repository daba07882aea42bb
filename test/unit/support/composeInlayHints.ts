// Shared by the composeInlayHints*.test.ts files: the inlay hints of a compose text, with its `.env` variables
// and the other compose files on disk.
import type { InlayHint, Range } from 'vscode-languageserver-types';
import { inlayHints } from '../../../server/src/compose/inlayHints';
import { parseCompose } from '../../../server/src/compose/parse';

export const URI = 'file:///home/dev/shop/compose.yaml';
export const EVERYWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

/** The inlay hints of a document; `files` are the other compose files on disk, by absolute path. */
export function allHints(text: string, env: Record<string, string> = {}, range = EVERYWHERE, files: Record<string, string> = {}): InlayHint[] {
  const project = { current: { uri: URI, model: parseCompose(text) }, related: () => [] };
  const loadFile = (file: string) => (files[file] === undefined ? undefined : parseCompose(files[file]));
  return inlayHints(project, range, { env: new Map(Object.entries(env)), loadFile });
}
