// Text edits of code actions, shared by both languages: positions compared, the `{title, range, newText}` fix a
// check leaves in a diagnostic's `data` read back safely, and the set of edits a "fix all" action gathers, where
// an edit that overlaps one already taken is left out. Pure; nothing here keeps state between calls.
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

export function isPosition(value: unknown): value is Position {
  if (!value || typeof value !== 'object') return false;
  const { line, character } = value as Record<string, unknown>;
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}

export function isRange(value: unknown): value is Range {
  if (!value || typeof value !== 'object') return false;
  const { start, end } = value as Record<string, unknown>;
  return isPosition(start) && isPosition(end) && comparePositions(start, end) <= 0;
}

/** The `{title, range, newText}` a check put in the diagnostic's data, when it has that shape. */
export function dataFix(diagnostic: Diagnostic): { title: string; range: Range; newText: string; guess: boolean } | undefined {
  const data: unknown = diagnostic.data;
  if (!data || typeof data !== 'object') return undefined;
  const { title, range, newText, guess } = data as Record<string, unknown>;
  if (typeof title !== 'string' || typeof newText !== 'string' || !isRange(range)) return undefined;
  return { title, range, newText, guess: guess === true };
}

/** How a new edit stands to one already taken: the same edit, overlapping (or inserting at the same place), or apart. */
export type Relation = 'same' | 'overlap' | 'apart';

function isEmpty(edit: TextEdit): boolean {
  return comparePositions(edit.range.start, edit.range.end) === 0;
}

function strictlyInside(p: Position, range: Range): boolean {
  return comparePositions(range.start, p) < 0 && comparePositions(p, range.end) < 0;
}

export function relation(a: TextEdit, b: TextEdit): Relation {
  if (sameRange(a.range, b.range) && a.newText === b.newText) return 'same';
  const aEmpty = isEmpty(a);
  const bEmpty = isEmpty(b);
  if (aEmpty && bEmpty) return comparePositions(a.range.start, b.range.start) === 0 ? 'overlap' : 'apart';
  if (aEmpty) return strictlyInside(a.range.start, b.range) ? 'overlap' : 'apart';
  if (bEmpty) return strictlyInside(b.range.start, a.range) ? 'overlap' : 'apart';
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0 ? 'overlap' : 'apart';
}

function byRange(a: TextEdit, b: TextEdit): number {
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end);
}

/** Edits taken so far, sorted and apart; a new edit is compared with its neighbours only (binary search). */
export class EditSet {
  readonly edits: TextEdit[] = [];

  /** Takes all the edits of one fix, or none of them when one overlaps an edit already taken; true when taken. */
  tryAdd(edits: readonly TextEdit[]): boolean {
    const relations = edits.map((edit) => this.relation(edit));
    if (relations.includes('overlap')) return false;
    // Two edits of the fix itself must not overlap either.
    for (let i = 0; i < edits.length; i++) {
      for (let j = i + 1; j < edits.length; j++) if (relation(edits[i], edits[j]) === 'overlap') return false;
    }
    edits.forEach((edit, k) => {
      if (relations[k] === 'apart') this.add(edit);
    });
    return true;
  }

  /** Inserts the edit in order, unchecked: the caller has seen that `relation(edit)` is 'apart'. */
  add(edit: TextEdit): void {
    this.edits.splice(this.indexOf(edit), 0, edit);
  }

  relation(edit: TextEdit): Relation {
    const at = this.indexOf(edit);
    let result: Relation = 'apart';
    for (let j = at - 1; j >= 0 && comparePositions(this.edits[j].range.end, edit.range.start) >= 0; j--) {
      const r = relation(this.edits[j], edit);
      if (r === 'overlap') return r;
      if (r === 'same') result = r;
    }
    for (let j = at; j < this.edits.length && comparePositions(this.edits[j].range.start, edit.range.end) <= 0; j++) {
      const r = relation(this.edits[j], edit);
      if (r === 'overlap') return r;
      if (r === 'same') result = r;
    }
    return result;
  }

  /** The first index whose edit sorts after `edit`. */
  private indexOf(edit: TextEdit): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (byRange(this.edits[mid], edit) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
