// Compose hover: pure (model, position, context) -> markdown. Keys (description, example, link), enum
// values, references (the definition they name), images (what the local engine knows), and `${VAR}` (its
// value from `.env`, or its default).
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { findLocalImage, localImageMarkdown } from '../util/localImages';
import { keyMarkdown, type ComposeContext } from './completion';
import { scalarText, type ComposeModel, type NameDefinition } from './model';
import { referenceKind } from './references';
import { keyAt } from './schema';

/** `${NAME...}` or `$NAME` in a line (not `$$`, a literal dollar). */
const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function hoverCompose(model: ComposeModel, position: Position, context: Pick<ComposeContext, 'images' | 'env'>): Hover | null {
  const variable = variableAt(model.lineText(position.line), position);
  if (variable) return reply(variableMarkdown(variable, context.env), variable.range);
  const at = model.pathAt(position);
  if (at.kind === 'key' && at.node) {
    const reference = referenceKind(at.path, 'key');
    const definition = reference && model.names[reference].get(String(at.path[at.path.length - 1]));
    if (definition) return reply(definitionMarkdown(model, definition), model.rangeOf(at.node));
    const doc = keyAt(at.path);
    return doc ? reply(`**${String(at.path[at.path.length - 1])}**\n\n${keyMarkdown(doc)}`, model.rangeOf(at.node)) : null;
  }
  if (at.kind !== 'value' || !at.node) return null;
  const text = scalarText(at.node);
  if (text === undefined) return null;
  const range = model.rangeOf(at.node);
  const reference = referenceKind(at.path, 'value');
  if (reference) {
    const definition = model.names[reference].get(text);
    return definition ? reply(definitionMarkdown(model, definition), range) : null;
  }
  const key = at.path[at.path.length - 1];
  if (at.path[0] === 'services' && at.path.length === 3 && key === 'image') {
    const found = findLocalImage(context.images, text);
    return found ? reply(localImageMarkdown(found.tag, found.image), range) : null;
  }
  const doc = keyAt(at.path);
  if (doc?.values?.includes(text)) return reply(`\`${text}\`: a value of **${String(key)}**\n\n${keyMarkdown(doc)}`, range);
  return null;
}

function definitionMarkdown(model: ComposeModel, definition: NameDefinition): string {
  const range = model.rangeOf(definition.pair);
  const last = Math.min(range.end.line, range.start.line + 9);
  const lines: string[] = [];
  for (let line = range.start.line; line <= last; line++) lines.push(model.lineText(line));
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  const more = range.end.line > last ? '\n# ...' : '';
  return `**${definition.kind.slice(0, -1)} \`${definition.name}\`**, line ${range.start.line + 1}\n\n\`\`\`yaml\n${lines.map((l) => l.slice(indent)).join('\n')}${more}\n\`\`\``;
}

interface VariableAt {
  name: string;
  operator?: string;
  word?: string;
  range: Range;
}

function variableAt(line: string, position: Position): VariableAt | undefined {
  for (const match of line.matchAll(VARIABLE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (match[0] === '$$' || position.character < start || position.character > end) continue;
    return {
      name: match[1] ?? match[4],
      operator: match[2],
      word: match[3],
      range: { start: { line: position.line, character: start }, end: { line: position.line, character: end } },
    };
  }
  return undefined;
}

function variableMarkdown(variable: VariableAt, env: ReadonlyMap<string, string>): string {
  const value = env.get(variable.name);
  const parts = [`**${variable.name}**`];
  parts.push(value !== undefined ? `= \`${value}\` (from the project's .env file)` : 'is not set in the project\'s .env file');
  const { operator, word } = variable;
  if (operator === ':-' || operator === '-') parts.push(`\n\nDefault: \`${word}\` when it is unset${operator === ':-' ? ' or empty' : ''}.`);
  if (operator === ':?' || operator === '?') parts.push(`\n\nRequired: Compose stops with "${word}" when it is unset${operator === ':?' ? ' or empty' : ''}.`);
  if (operator === ':+' || operator === '+') parts.push(`\n\nReplaced by \`${word}\` when it is set${operator === ':+' ? ' and not empty' : ''}.`);
  parts.push('\n\n[Interpolation](https://docs.docker.com/reference/compose-file/interpolation/)');
  return parts.join(' ').replace(/ \n/g, '\n');
}

function reply(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}
