// Edits of the parser directives at the top of the file: "Ignore <Rule> in this file" (`# check=skip=<Rule>`,
// added as a new directive or to the existing one) and moving a misplaced directive up to where it counts.
// Directives are read only before any other comment, blank line or instruction, so new ones go right after the
// existing directives (or at line 0). Pure.
import type { Diagnostic, Position, TextEdit } from 'vscode-languageserver-types';
import { sameRange } from '../util/editSet';
import { type Fix, type FixContext, wholeLines } from './codeActionsFixes';
import { parseCheckDirective } from './docs/directives';
import type { DockerfileModel } from './model';

/** An edit that puts the directive line `line` (without line break) last among the directives. */
function newDirective(model: DockerfileModel, line: string, eol: string): TextEdit {
  const last = model.directives[model.directives.length - 1];
  const at = last ? last.range.start.line + 1 : 0;
  if (at >= model.lines.length) {
    const end: Position = { line: model.lines.length - 1, character: model.lines[model.lines.length - 1].length };
    return { range: { start: end, end }, newText: `${eol}${line}` };
  }
  // After a byte order mark, which must stay the first character of the file.
  const character = at === 0 && model.lines[0].charCodeAt(0) === 0xfeff ? 1 : 0;
  const start: Position = { line: at, character };
  return { range: { start, end: start }, newText: `${line}${eol}` };
}

/**
 * The edit that makes the file skip the BuildKit rule: `,Rule` added to the `skip=` list of the `# check=`
 * directive (other options kept), `;skip=Rule` added to a check directive without one, or a new
 * `# check=skip=Rule` line. Undefined when the directive already skips the rule (or all rules).
 */
export function ignoreRuleEdit(model: DockerfileModel, rule: string, eol: string): TextEdit | undefined {
  const directive = model.directives.find((d) => d.name === 'check');
  if (!directive) return newDirective(model, `# check=skip=${rule}`, eol);
  const value = directive.value;
  const parsed = parseCheckDirective(value);
  if (parsed.skip === 'all' || parsed.skip?.includes(rule)) return undefined;
  const { line, character } = directive.valueRange.start;
  const insert = (offset: number, newText: string): TextEdit => {
    const at = { line, character: character + offset };
    return { range: { start: at, end: at }, newText };
  };
  let offset = 0;
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === 'skip') {
      const list = part.slice(eq + 1).trimEnd();
      const separator = list.trim() === '' || list.endsWith(',') ? '' : ',';
      return insert(offset + eq + 1 + list.length, `${separator}${rule}`);
    }
    offset += part.length + 1;
  }
  return insert(value.length, `${value.trimEnd().endsWith(';') ? '' : ';'}skip=${rule}`);
}

/**
 * misplaced-directive: move the line up among the directives, where it takes effect. That changes how the file
 * is read (it is what the author meant, but not a neutral fix), so it is not preferred.
 */
export function moveDirectiveFixes(ctx: FixContext, diagnostic: Diagnostic): Fix[] {
  const { model } = ctx;
  const comment = model.comments.find((c) => c.range.start.line >= diagnostic.range.start.line);
  if (!comment || !sameRange(comment.range, diagnostic.range)) return [];
  const text = comment.text.trim();
  const name = /^#\s*([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase() ?? 'directive';
  const remove: TextEdit = { range: wholeLines(model, comment.range), newText: '' };
  return [{ title: `Move the ${name} directive to the top of the file`, edits: [newDirective(model, text, ctx.eol), remove], preferred: false }];
}
