// "Quote the port mapping": an unquoted `ports:` entry such as `22:22` is a string for YAML 1.2 (and for docker
// compose v2), but YAML 1.1 reads digits separated by colons as one base-60 number (22:22 is 1342), and tools on
// YAML 1.1 (docker-compose v1, PyYAML scripts) then publish the wrong port. The Compose documentation advises
// quoting port mappings for this reason. No check reports it (v2 reads the file right), so this quick fix is offered
// where the caret is, without a diagnostic, and never by source.fixAll. Pure.
import type { Position } from 'vscode-languageserver-types';
import { isScalar } from './yamlKinds';
import type { ComposeModel } from './model';

/** What YAML 1.1 reads as a base-60 integer: `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`. */
const SEXAGESIMAL = /^[1-9][0-9_]*(?::[0-5]?[0-9])+$/;

/** The number YAML 1.1 reads from a base-60 text. */
export function sexagesimalValue(text: string): number {
  let value = 0;
  for (const part of text.replace(/_/g, '').split(':')) value = value * 60 + Number(part);
  return value;
}

export interface PortQuote {
  title: string;
  range: { start: Position; end: Position };
  newText: string;
}

/** The quoting of the `ports:` entry at the position, when YAML 1.1 would read it as a number. */
export function portQuoteAt(model: ComposeModel, position: Position): PortQuote | undefined {
  const where = model.pathAt(position);
  const { path, node } = where;
  if (where.kind !== 'value' || path.length !== 4 || path[0] !== 'services' || path[2] !== 'ports' || typeof path[3] !== 'number') return undefined;
  if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'string') return undefined;
  const text = node.value;
  if (text.length > 40 || !SEXAGESIMAL.test(text)) return undefined;
  const range = model.rangeOf(node);
  if (range.start.line !== range.end.line || model.lineText(range.start.line).slice(range.start.character, range.end.character) !== text) return undefined;
  return { title: `Quote "${text}": YAML 1.1 reads it as the number ${sexagesimalValue(text)}`, range, newText: `"${text}"` };
}
