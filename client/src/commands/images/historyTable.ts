// The text of an image's history document, like `docker history`. Pure, no vscode.
import type { ImageLayer } from '../../engine/types';
import { formatAge, formatBytes } from '../../format/text';

/** Longest CREATED BY shown; longer instructions end in "…" (the inspect document has them whole). */
export const CREATED_BY_WIDTH = 60;

/**
 * The instruction that made a layer, on one line and shortened: the classic builder's "/bin/sh -c #(nop) CMD ..."
 * reads "CMD ...", its "/bin/sh -c make" reads "RUN /bin/sh -c make"; BuildKit's " # buildkit" goes.
 */
export function shortInstruction(createdBy: string, width = CREATED_BY_WIDTH): string {
  let text = createdBy.replace(/\s+/g, ' ').trim().replace(/ # buildkit$/, '');
  const nop = /^\/bin\/sh -c #\(nop\) ?(.*)$/.exec(text);
  if (nop) text = nop[1].trim();
  else if (/^(?:\|\d+ .*)?\/bin\/sh -c /.test(text)) text = `RUN ${text}`;
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** The layers (newest first, as the engine lists them) as a table: CREATED (age), CREATED BY, SIZE, COMMENT. */
export function historyTable(layers: readonly ImageLayer[], now: number): string {
  const rows = [
    ['CREATED', 'CREATED BY', 'SIZE', 'COMMENT'],
    ...layers.map((l) => [formatAge(l.created, now), shortInstruction(l.createdBy), formatBytes(l.size), l.comment.replace(/\s+/g, ' ').trim()]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('   ').trimEnd()).join('\n') + '\n';
}
