// yaml-syntax: one diagnostic per YAML problem, on the offending token, in plain words, with hints for
// the usual mistakes: tabs, a missing space after a colon, a key without its colon, a list or map written
// where a key should be, a block under a key that already has a value on its line, unclosed quotes and
// brackets. Problems `yaml` reports several times for one mistake (same line) become one.
import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq } from '../yamlKinds';
import type { ComposeModel, Range, SyntaxProblem } from '../model';
import { scalarText } from '../model';
import { blockListAt, flowFitsAfterKey, nextContent, plainAfter, spaceFix } from './syntaxFixes';
import type { ComposeCheck, Finding } from './types';

const CODE = 'yaml-syntax';

export const syntaxCheck: ComposeCheck = ({ model, services }) => {
  const findings: Finding[] = [];
  let coveredUntil = -1;
  let line = -1;
  const problems = model.problems;
  for (let i = 0; i < problems.length; i++) {
    const problem = problems[i];
    if (problem.range.start.line === line || problem.offset < coveredUntil) continue;
    // Everything yaml reported on this line is one mistake.
    const group = [problem];
    for (let j = i + 1; j < problems.length && problems[j].range.start.line === problem.range.start.line; j++) group.push(problems[j]);
    line = problem.range.start.line;
    const explained = explain(model, group);
    const finding: Finding = { code: CODE, message: explained.message, range: explained.range, severity: group.some((p) => p.severity === 'error') ? 'error' : 'warning' };
    if (explained.fix) finding.fix = explained.fix;
    findings.push(finding);
    if (problem.code === 'MISSING_CHAR' || problem.code === 'BAD_INDENT') coveredUntil = model.offsetAt(problem.range.end);
  }
  // A service written `web:` then `image:nginx` on the next line is the text "image:nginx", not a map.
  for (const service of services) {
    const value = service.definition.value;
    if (value && isScalar(value)) {
      const text = scalarText(value) ?? '';
      const missing = missingSpace(text);
      if (!missing) continue;
      const range = model.rangeOf(value);
      const finding: Finding = { code: CODE, message: missing, range, severity: 'error' };
      const colon = text.indexOf(':');
      const written = model.lineText(range.start.line).slice(range.start.character, range.end.character);
      const startsLine = model.lineText(range.start.line).slice(0, range.start.character).trim() === '';
      if (value.type === 'PLAIN' && range.start.line === range.end.line && written === text && startsLine && plainAfter(text, colon)) {
        finding.fix = spaceFix({ line: range.start.line, character: range.start.character + colon + 1 });
      }
      findings.push(finding);
    }
  }
  return findings;
};

interface Explained {
  message: string;
  range: Range;
  fix?: Finding['fix'];
}

function sentence(message: string): string {
  const trimmed = message.trim().replace(/\.$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}

/** "A space is missing after the colon ..." for `key:value` text, else undefined. */
function missingSpace(text: string): string | undefined {
  const match = /^([A-Za-z_][\w.-]*):([^\s/:][^\s]*)/.exec(text);
  if (!match) return undefined;
  return `A space is missing after the colon in "${match[0]}": YAML reads it as one piece of text, not as a key and a value. Write "${match[1]}: ${match[2]}".`;
}

function explain(model: ComposeModel, group: SyntaxProblem[]): Explained {
  const first = group[0];
  const codes = new Set(group.map((p) => p.code));
  const lineText = model.lineText(first.range.start.line);
  // yaml sometimes points at the indentation; the mistake is the first token of the line then.
  let column = first.range.start.character;
  const indent = lineText.length - lineText.trimStart().length;
  if (column < indent) column = indent;
  const rest = lineText.slice(column);
  const at = { line: first.range.start.line, character: column };
  const token = (length: number): Range => ({ start: at, end: { line: at.line, character: column + Math.max(1, length) } });

  if (codes.has('TAB_AS_INDENT') || /^\s*\t/.test(lineText.slice(0, Math.max(column, 1)))) {
    const tab = lineText.indexOf('\t');
    const range = tab >= 0 ? { start: { line: at.line, character: tab }, end: { line: at.line, character: tab + 1 } } : first.range;
    return { message: 'Tabs cannot indent YAML: indent this line with spaces.', range };
  }
  if (codes.has('UNKNOWN_ANCHOR') || codes.has('RECURSIVE_ALIAS') || codes.has('EXCESSIVE_ALIASING') || codes.has('BAD_MERGE')) {
    return { message: first.message, range: first.range };
  }
  if (codes.has('MULTIPLE_DOCS')) {
    // Documents that are maps of keys are read one by one (see parseDocuments.ts); this is what remains.
    const message = 'This file holds more than one YAML document, and not all of them are maps of keys (or one uses a directive or a value on its "---" line): Compose needs each document to be a map; only the first one is checked.';
    return { message, range: { start: first.range.start, end: { line: first.range.start.line, character: 3 } } };
  }
  const quote = /^Missing closing (["'])quote/.exec(first.message);
  if (quote) return unclosedQuote(model, first, quote[1]);
  if (/Flow (sequence|mapping)/.test(first.message) && /end with a/.test(first.message)) return unclosedBracket(model, first);

  const implicitKey = codes.has('MULTILINE_IMPLICIT_KEY') || codes.has('MISSING_CHAR') || codes.has('BLOCK_AS_IMPLICIT_KEY') || codes.has('IMPOSSIBLE');
  if (implicitKey) {
    if (rest.startsWith('[') || rest.startsWith('{') || /^-(\s|$)/.test(rest)) return missingKey(model, at, rest, token(1));
    const space = missingSpace(rest);
    if (space) {
      const colon = column + rest.indexOf(':');
      // A `key:value` that starts its line (after another key's colon it is a value: `image: nginx:1.27`).
      const startsLine = /^\s*(-\s+)?$/.test(lineText.slice(0, column));
      const explained: Explained = { message: space, range: token(rest.split(/\s/)[0].length) };
      if (startsLine && plainAfter(lineText, colon)) explained.fix = spaceFix({ line: at.line, character: colon + 1 });
      return explained;
    }
    const keyValue = /^(\s*)(?:- +)?([^\s#:][^#]*?):\s+(\S)/.exec(lineText);
    if (keyValue && column > keyValue[0].length - 2) {
      const value = lineText.slice(column).replace(/\s+#.*$/, '').trimEnd();
      return {
        message: `"${keyValue[2]}" already has a value on its line ("${value}"), so the more indented lines below cannot belong to it: indent them like "${keyValue[2]}" if they are keys of the same map, or remove the value.`,
        range: token(value.length),
      };
    }
    const word = /^([^\s#:]+)\s*(#.*)?$/.exec(rest);
    if (word) {
      const message = `"${word[1]}" needs a colon: a key in a map is written "${word[1]}: value" (or "${word[1]}:" with its value indented below).`;
      const explained: Explained = { message, range: token(word[1].length) };
      // The obvious fix only when the lines below are indented more: they are the key's value.
      if ((nextContent(model, at.line)?.indent ?? -1) > column) {
        const end = { line: at.line, character: column + word[1].length };
        explained.fix = { title: `Add a colon after "${word[1]}"`, range: { start: end, end }, newText: ':' };
      }
      return explained;
    }
  }
  if (codes.has('BAD_INDENT')) {
    return { message: `${sentence(first.message)} Check that this line lines up with the other keys of its map.`, range: token(rest.split(/\s|:(\s|$)/)[0].length) };
  }
  return { message: sentence(first.message), range: first.range.start.line === first.range.end.line ? first.range : token(rest.split(/\s/)[0].length) };
}

/** A list or map that starts a line inside a map: its key is missing. */
function missingKey(model: ComposeModel, at: { line: number; character: number }, rest: string, range: Range): Explained {
  const what = rest.startsWith('{') ? 'map' : 'list';
  const where = model.pathAt(at);
  let suggestion: string | undefined;
  const mapPath = where.kind === 'key' ? where.path.slice(0, -1) : where.path;
  const inService = mapPath.length === 2 && mapPath[0] === 'services';
  if (inService) {
    const texts = itemTexts(where.kind === 'key' ? where.node : undefined, rest);
    suggestion = guessKey(texts, what, (key) => hasKey(model, where.collection ?? null, key));
  }
  const hint = suggestion ? ` Did you mean "${suggestion}:" before it?` : ' Write the key it belongs to before it.';
  const explained: Explained = { message: `A key is missing before this ${what}: inside a map, a ${what} must be the value of a key.${hint}`, range };
  const flow = rest.startsWith('[') || rest.startsWith('{');
  const onItsOwn = model.lineText(at.line).slice(0, at.character).trim() === '';
  const node = where.kind === 'key' ? where.node : undefined;
  if (suggestion && onItsOwn && (flow ? flowFitsAfterKey(model, node, at) : blockListAt(model, node, at))) {
    // `key: [` on the line of the bracket (its other lines are indented more already); a block list goes on the
    // line below the new key, at the same indentation (a list may line up with its key).
    const newText = flow ? `${suggestion}: ` : `${suggestion}:\n${' '.repeat(at.character)}`;
    explained.fix = { title: `Add "${suggestion}:" before the ${what}`, range: { start: at, end: at }, newText };
  }
  return explained;
}

function hasKey(model: ComposeModel, collection: Node | null, key: string): boolean {
  return !!collection && isMap(collection) && model.get(collection, key) !== undefined;
}

/** The texts of the list's items (or the map's keys), from the node when yaml made one. */
function itemTexts(node: Node | undefined, rest: string): string[] {
  if (node && (isSeq(node) || isMap(node))) {
    return (node.items as unknown[]).map((item) => scalarText((isMap(node) ? (item as Pair).key : item) as Node) ?? '').filter((t) => t !== '');
  }
  const item = /^-\s+(.*)$/.exec(rest);
  return item ? [item[1].replace(/^["']|["']$/g, '')] : [];
}

/** The service key a list or map of these items most likely belongs to. */
function guessKey(items: string[], what: 'list' | 'map', has: (key: string) => boolean): string | undefined {
  const all = (re: RegExp) => items.length > 0 && items.every((t) => re.test(t));
  let candidates: string[];
  if (what === 'map') candidates = all(/^[A-Z_][A-Z0-9_]*$/) ? ['environment'] : all(/\./) ? ['labels'] : [];
  else if (all(/^(\S+:)?\d+(-\d+)?(:\d+(-\d+)?)?(\/\w+)?$/)) candidates = ['ports', 'expose'];
  else if (all(/^[^\s:=]+:\/[^\s]*$/) || all(/^[.~/]/)) candidates = ['volumes'];
  else if (all(/^[A-Za-z_][A-Za-z0-9_]*=/)) candidates = ['environment'];
  else candidates = ['command', 'entrypoint'];
  return candidates.find((key) => !has(key));
}

/** "Missing closing quote": the diagnostic goes on the opening quote (the last one of its kind before). */
function unclosedQuote(model: ComposeModel, problem: SyntaxProblem, quote: string): Explained {
  const text = model.text;
  let at = problem.offset - 1;
  for (; at >= 0; at--) {
    if (text[at] !== quote) continue;
    if (quote === "'") {
      if (text[at - 1] === "'") {
        at--; // an escaped '' inside the text
        continue;
      }
      break;
    }
    let backslashes = 0;
    while (text[at - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) break;
  }
  const start = at >= 0 ? at : problem.offset;
  const range = { start: model.positionAt(start), end: model.positionAt(start + 1) };
  return { message: `This quoted text is not closed: add the closing ${quote} at its end.`, range };
}

/** "Flow sequence ... must end with a ]": the diagnostic goes on the unclosed bracket. */
function unclosedBracket(model: ComposeModel, problem: SyntaxProblem): Explained {
  const text = model.text;
  const isList = /sequence/.test(problem.message);
  const open = isList ? '[' : '{';
  const close = isList ? ']' : '}';
  let depth = 0;
  let at = problem.offset - 1;
  for (; at >= 0; at--) {
    if (text[at] === close) depth++;
    else if (text[at] === open) {
      if (depth === 0) break;
      depth--;
    }
  }
  const range = at >= 0 ? { start: model.positionAt(at), end: model.positionAt(at + 1) } : problem.range;
  const what = isList ? 'list' : 'map';
  return {
    message: `This ${what} is not closed: add the "${close}" at its end (the lines of a ${what} written with "${open}" must also be indented more than its key).`,
    range,
  };
}
