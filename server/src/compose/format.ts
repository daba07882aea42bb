// Compose formatting (document and range) that changes only whitespace. Pure; linear in the size of the file.
//
// Safe by construction: the document is never written out again. Every scalar, alias and flow collection is kept
// exactly as written (formatRegions.ts); only the blanks around them change (formatLines.ts):
// - indentation: each block collection goes one unit (the editor's tab size, in spaces: YAML indents with spaces
//   only) deeper than the one that holds it, a sequence under a key included (`ports:` then `  - "80:80"`); a
//   collection that starts after `- ` stays right after it (`- name: x` then `  image: y`);
// - one space after `-`, `?`, `: ` and a key's `:` when something follows on the line (not before a comment, which
//   keeps its alignment), and no blanks at the ends of lines;
// - the lines of a multi-line scalar or flow collection move only together (formatContinuation.ts): a block
//   scalar's content keeps its indentation relative to its key, its trailing blanks (content) stay, and a quoted or
//   plain scalar continued over lines keeps its layout;
// - a comment line goes to the column of the line it precedes when it was at that line's column, else keeps its
//   place relative to the collections around it.
// Comments, anchors, aliases, tags, merge keys, quoting, key order and numbers are text inside or between the
// regions, never touched. Edits never cross a line end (CRLF stays CRLF); one edit per changed run of blanks.
// Refused when the file has YAML errors (its structure is not known then).
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { Refusal } from '../service/LanguageService';
import { formatPass } from './formatLines';
import { type Regions, scanRegions } from './formatRegions';
import { COLON, HASH, TextScan } from './formatScan';
import type { ComposeModel } from './model';

/** Indentation unit bounds: a tab size outside them (or not a number) falls back to 2. */
const MAX_UNIT = 16;

/**
 * Edits for the whole document, or for the lines that `range` touches (from its start line to its end line; an end
 * at character 0 of a later line does not touch that line); a refusal when the file has syntax errors.
 * Range formatting changes only lines in the range, and moves a collection only when all its lines are in the range:
 * its lines then get the indentation whole-document formatting gives them when what holds them is already in place
 * (else they are indented under it as it stands), and a collection that goes on outside the range keeps its column
 * (moving part of it would change what the document means).
 */
export function formatCompose(model: ComposeModel, options: FormattingOptions, range?: Range): TextEdit[] | Refusal {
  const error = model.problems.find((p) => p.severity === 'error');
  if (error) {
    return { refused: `The file has YAML errors (line ${error.range.start.line + 1}: ${error.message}); fix them to format it.` };
  }
  const { text } = model;
  const starts = lineStarts(text);
  if (starts === undefined) return { refused: 'The file has line breaks made of a carriage return alone; formatting leaves it as it is.' };
  const regions = scanRegions(model, starts);
  const stray = strayValueLine(text, starts, regions);
  if (stray >= 0) {
    return { refused: `Line ${stray + 1} starts with a ":" value deeper than the entries before it; formatting leaves the file as it is (moving that line could give the value to another mapping).` };
  }
  const unit = indentUnit(options);
  if (!range) return formatPass({ text, starts, regions, unit }).edits;
  const count = starts.length;
  const first = clampLine(range.start?.line, count);
  let last = clampLine(range.end?.line, count);
  if (last > first && !(range.end?.character > 0)) last--;
  if (last < first) return [];
  const { extent } = formatPass({ text, starts, regions, unit });
  return formatPass({ text, starts, regions, unit, range: { first, last, extent } }).edits;
}

function indentUnit(options: FormattingOptions): number {
  const size = options?.tabSize;
  return typeof size === 'number' && Number.isInteger(size) && size >= 1 && size <= MAX_UNIT ? size : 2;
}

function clampLine(line: number | undefined, count: number): number {
  return typeof line === 'number' && Number.isFinite(line) ? Math.max(0, Math.min(Math.floor(line), count - 1)) : 0;
}

/**
 * The first line that starts with an explicit value indicator (`: value`) deeper than the nearest line before it
 * at its indentation or less (so not after a `? key` or beside other entries at its column), or -1. YAML tolerates
 * such a line as a pair with an empty key in whatever mapping it decides, which the line pass cannot know.
 */
function strayValueLine(text: string, starts: readonly number[], regions: Regions): number {
  const scan = new TextScan(text, starts, regions);
  /** The column a line's content starts at, and whether it is a `:` value indicator; undefined for blank, comment and continuation lines. */
  const head = (line: number): { column: number; value: boolean } | undefined => {
    if (regions.continues[line] >= 0) return undefined;
    const s = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : starts[line];
    const e = scan.lineEnd(line);
    const f = scan.skipBlanks(s, e);
    if (f === e || text.charCodeAt(f) === HASH) return undefined;
    return { column: f - s, value: text.charCodeAt(f) === COLON && scan.isIndicator(f, e) };
  };
  for (let line = 0; line < starts.length; line++) {
    const own = head(line);
    if (!own?.value) continue;
    let keyed = false;
    for (let k = line - 1; k >= 0; k--) {
      const before = head(k);
      if (!before || before.column > own.column) continue;
      keyed = before.column === own.column;
      break;
    }
    if (!keyed) return line;
  }
  return -1;
}

/** Offsets where lines start (after "\n"); undefined when a "\r" not followed by "\n" breaks a line (YAML reads it so). */
function lineStarts(text: string): number[] | undefined {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) return undefined;
  }
  return starts;
}
