// The quick fixes of yaml-syntax findings need to know what an edit would make of the lines around it: whether the
// text after a colon is a plain value, whether a list or bracketed value stands where a key written before it would
// take it (and nothing after it would then belong to that key). Pure helpers of syntax.ts; all linear in the lines
// they look at, with a binary search in the model's problems.
import type { Node } from 'yaml';
import { isMap, isSeq } from '../yamlKinds';
import type { ComposeModel, Position, SyntaxProblem } from '../model';
import type { Finding } from './types';

/**
 * The text after the colon at `colon` starts like a plain value (a word, a number, a variable): with the space, it
 * is the key's value. After `[`, `{`, `-`, `}`, `&`, `*` ... the space would turn it into something else.
 */
export function plainAfter(text: string, colon: number): boolean {
  return /^[\w$.~(@+"']/.test(text.slice(colon + 1));
}

/** Inserts the missing space after the colon at `after`. */
export function spaceFix(after: Position): NonNullable<Finding['fix']> {
  return { title: 'Add a space after the colon', range: { start: after, end: after }, newText: ' ' };
}

/** The list YAML made of the lines at `at` is a block list that starts there (not a piece of a broken bracket). */
export function blockListAt(model: ComposeModel, node: Node | undefined, at: Position): boolean {
  if (!node || !isSeq(node) || node.flow) return false;
  const start = model.rangeOf(node).start;
  return start.line === at.line && start.character === at.character;
}

/** The first problem (they are in text order) whose offset is past `offset`, by binary search. */
function firstProblemAfter(problems: readonly SyntaxProblem[], offset: number): SyntaxProblem | undefined {
  let low = 0;
  let high = problems.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (problems[mid].offset <= offset) low = mid + 1;
    else high = mid;
  }
  return problems[low];
}

/** The first line after `line` that holds more than blanks and comments: its indentation and text; undefined when none. */
export function nextContent(model: ComposeModel, line: number): { indent: number; text: string } | undefined {
  for (let next = line + 1; next < model.lineCount; next++) {
    const text = model.lineText(next);
    const trimmed = text.trimStart();
    if (trimmed !== '' && !trimmed.startsWith('#')) return { indent: text.length - trimmed.length, text: trimmed };
  }
  return undefined;
}

/**
 * Whether a `[...]` / `{...}` that starts at `at` reads the same as the value of a key written before it on its
 * line: its other lines are indented more than `at`, but for a last line that only closes it.
 */
export function flowFitsAfterKey(model: ComposeModel, node: Node | undefined, at: Position): boolean {
  if (!node || (!isSeq(node) && !isMap(node)) || !node.flow) return false;
  const range = model.rangeOf(node);
  if (range.start.line !== at.line || range.start.character !== at.character) return false;
  // Closed where it ends, and nothing else wrong inside it after its first line.
  const [start, end] = model.offsetsOf(node);
  if (model.text[end - 1] !== (isSeq(node) ? ']' : '}')) return false;
  const firstLineEnd = start + model.lineText(at.line).length - at.character;
  const problem = firstProblemAfter(model.problems, firstLineEnd);
  if (problem !== undefined && problem.offset < end) return false;
  for (let line = at.line + 1; line <= range.end.line; line++) {
    const text = model.lineText(line);
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = text.length - trimmed.length;
    const closes = line === range.end.line && /^[\]}]/.test(trimmed);
    if (indent < at.character || (indent === at.character && !closes)) return false;
  }
  // What follows must not belong under the new key (more indented, or a list item at its indentation): a key with
  // a bracketed value takes nothing more.
  const next = nextContent(model, range.end.line);
  return !next || next.indent < at.character || (next.indent === at.character && !/^-(\s|$)/.test(next.text));
}
