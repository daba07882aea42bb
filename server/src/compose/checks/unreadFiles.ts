// file-not-read (a warning): an `include` file or an `extends: file:` that exists but that the language server
// does not read (larger than the size limit, not a regular file, or outside the workspace: see
// documents/FileAccess.ts). Without it the names it defines are unknown, so the user is told why.
import * as path from 'path';
import type { Node } from 'yaml';
import { isMap, isScalar } from '../yamlKinds';
import { scalarText } from '../model';
import { entryOf, itemsOf, mapOf, present } from './services';
import type { ComposeCheck, ComposeCheckContext, Finding } from './types';

function report(context: ComposeCheckContext, node: Node | null | undefined, what: string, findings: Finding[]): void {
  const text = scalarText(node);
  if (!node || !isScalar(node) || !text || text.includes('$') || !context.folder || !context.whyNotRead) return;
  const why = context.whyNotRead(path.resolve(context.folder, text));
  if (why) findings.push({ code: 'file-not-read', message: `${what} "${text}" is not read: ${why}.`, range: context.model.rangeOf(node), severity: 'warning' });
}

export const unreadFileCheck: ComposeCheck = (context) => {
  const findings: Finding[] = [];
  if (!context.whyNotRead || !context.folder) return findings;
  const model = context.model;
  const root = mapOf(model, model.root);
  for (const item of itemsOf(model, root ? present(model.get(root, 'include'))?.value : undefined)) {
    const value = isMap(item) ? entryOf(model, item, 'path')?.value : item;
    const list = itemsOf(model, value);
    for (const node of list.length > 0 ? list : [value]) report(context, node, 'The included file', findings);
  }
  for (const service of context.services) {
    const extended = service.get('extends')?.value;
    if (extended && isMap(extended)) report(context, entryOf(model, extended, 'file')?.value, 'The extended file', findings);
  }
  return findings;
};
