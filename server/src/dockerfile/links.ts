// Dockerfile document links: images to their registry pages, COPY/ADD sources to their files. Pure.
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { DocumentLink } from 'vscode-languageserver-types';
import { filePathOf } from '../util/filePath';
import { imagePage } from '../util/registryPage';
import type { DockerfileModel, Instruction, Range, Token } from './model';
import { unquote } from './variables';

export interface LinkContext {
  /** The Dockerfile's URI; relative sources resolve against its folder (the usual build context). */
  uri: string;
  fileExists(path: string): boolean;
}

/** At most this many `fileExists` calls per request, so that a huge file cannot stall the server. */
const MAX_FILE_CHECKS = 1000;

export function documentLinks(model: DockerfileModel, context: LinkContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  try {
    for (const directive of model.directives) {
      if (directive.name !== 'syntax') continue;
      const link = imageLink({ value: directive.value, range: directive.valueRange });
      if (link) links.push(link);
    }
    // Stage names seen so far, lower-cased: `FROM <earlier stage>` (any case) names no image.
    const stages = new Set<string>();
    for (const stage of model.stages) {
      const image = stage.image;
      const link = image && !stages.has(image.value.toLowerCase()) ? imageLink(image) : undefined;
      if (link) links.push(link);
      if (stage.name) stages.add(stage.name.value.toLowerCase());
    }
    sourceLinks(model, context, links);
  } catch {
    // A provider never fails the request: whatever was found so far is returned.
  }
  return links;
}

// ---- images ----

/** A link over the repository part of an image reference, or undefined when it has no page. */
function imageLink(token: Token): DocumentLink | undefined {
  const found = imagePage(token.value);
  if (!found) return undefined;
  const { repository, page } = found;
  return { range: prefixRange(token, repository.length), target: page.url, tooltip: `Open ${repository} on ${page.site}` };
}

/** The first `length` characters of a token, or the whole token when it spans lines or was written with escapes. */
function prefixRange(token: Token, length: number): Range {
  const { start, end } = token.range;
  if (start.line !== end.line || end.character - start.character !== token.value.length) return token.range;
  return { start, end: { line: start.line, character: start.character + length } };
}

// ---- COPY / ADD sources ----

function sourceLinks(model: DockerfileModel, context: LinkContext, links: DocumentLink[]): void {
  const file = filePathOf(context.uri);
  if (!file) return;
  const root = path.dirname(file);
  let checks = 0;
  for (const instruction of model.instructions) {
    if (instruction.name !== 'COPY' && instruction.name !== 'ADD') continue;
    if (instruction.flags.some((flag) => flag.name === 'from')) continue;
    for (const source of sources(instruction, model.escape)) {
      if (checks >= MAX_FILE_CHECKS) return;
      const target = contextPath(root, source.value);
      if (!target) continue;
      checks++;
      if (!context.fileExists(target)) continue;
      links.push({ range: source.range, target: pathToFileURL(target).href, tooltip: `Open ${source.value}` });
    }
  }
}

/** The source operands (every operand but the last), unquoted; heredoc openers are left out. */
function sources(instruction: Instruction, escape: string): Token[] {
  if (instruction.json) return instruction.json.slice(0, -1);
  const operands = instruction.args.slice(0, -1);
  const openers = new Set(instruction.heredocs.map((h) => `${h.openerRange.start.line}:${h.openerRange.start.character}`));
  return operands
    .filter((arg) => !arg.value.startsWith('<<') && !openers.has(`${arg.range.start.line}:${arg.range.start.character}`))
    .map((arg) => ({ value: unquote(arg.value, escape), range: arg.range }));
}

/**
 * Where a source lives in the build context, or undefined for sources that are not plain local paths
 * (wildcards, variables, URLs, Git addresses). BuildKit reads every source relative to the context root,
 * absolute ones included, and `..` cannot climb above that root. Undefined for the root itself.
 */
export function contextPath(root: string, source: string): string | undefined {
  if (source === '' || source.length > 4096 || /[*?[\]$\0]/.test(source)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^[\w.-]+@[\w.-]+:/.test(source)) return undefined;
  const inside = path.posix.normalize(`/${source.replace(/\\/g, '/')}`);
  // `.` (the whole context, i.e. the Dockerfile's own folder) is not worth a link.
  return inside === '/' ? undefined : path.join(root, inside);
}
