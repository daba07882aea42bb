// Compose code actions: the quick fixes of the diagnostics the editor sends (kind quickfix, the diagnostic attached,
// the one clearly right fix preferred), quoting a port mapping YAML 1.1 misreads (at the caret, no diagnostic), and
// source.fixAll, which applies the preferred fix of every diagnostic of the document at once. Which codes have which
// fixes: codeActionsFixes.ts. Pure; never throws.
import {
  CodeActionKind, CodeActionTriggerKind, type CodeAction, type CodeActionContext, type Diagnostic, type Position, type Range, type TextEdit,
} from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/findings';
import { comparePositions, EditSet } from '../util/editSet';
import type { DeclaredKind } from './codeActionsDeclare';
import type { Fix, FixContext } from './codeActionsContext';
import { declareAll, fixesFor } from './codeActionsFixes';
import { portQuoteAt } from './codeActionsPorts';
import type { ComposeModel } from './model';

export interface CodeActionInput {
  uri: string;
  range: Range;
  context: CodeActionContext;
  /** Every diagnostic the document has now (source.fixAll applies the preferred fix of each). */
  allDiagnostics(): Diagnostic[];
  /** The document's line terminator, for fixes that add lines. */
  eol: string;
}

/** From how many diagnostics in one request on the fixes look names up in indexes of the whole file. */
const BULK = 16;

export const FIX_ALL_TITLE = 'Fix all fixable problems in this file';

export function codeActions(model: ComposeModel, input: CodeActionInput): CodeAction[] {
  const only = input.context?.only?.length ? input.context.only : undefined;
  const wanted = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const eol = input.eol === '\r\n' || input.eol === '\r' ? input.eol : '\n';
  const ctx: FixContext = { model, eol, cache: new Map() };
  const actions: CodeAction[] = [];
  try {
    if (wanted(CodeActionKind.QuickFix)) actions.push(...quickFixes(ctx, input));
    // The light bulb asks on every move of the caret, without `only`, and shows no source actions: no fix-all then.
    const automatic = !only && input.context?.triggerKind === CodeActionTriggerKind.Automatic;
    if (wanted(CodeActionKind.SourceFixAll) && !automatic) {
      const all = fixAll({ model, eol, forFixAll: true, cache: new Map() }, input);
      if (all) actions.push(all);
    }
  } catch {
    // A broken document or a strange request gets fewer actions, never an error.
  }
  return actions;
}

/** A diagnostic of ours (the editor sends those of every source) with a usable range and code. */
function isOurs(d: Diagnostic): boolean {
  if (!d || typeof d.code !== 'string' || (d.source !== undefined && d.source !== DIAGNOSTIC_SOURCE)) return false;
  const r = d.range;
  return !!r && !!r.start && !!r.end && Number.isInteger(r.start.line) && Number.isInteger(r.start.character) && r.start.line >= 0 && r.start.character >= 0;
}

function clampPosition(model: ComposeModel, p: Position): Position {
  const last = model.lineCount - 1;
  if (p.line > last) return { line: last, character: model.lineText(last).length };
  return { line: p.line, character: Math.min(p.character, model.lineText(p.line).length) };
}

/** The fixes of the diagnostic with their edits inside the document (data may come from an older version). */
function fixesOf(ctx: FixContext, diagnostic: Diagnostic): Fix[] {
  const clamp = (e: TextEdit): TextEdit => ({ range: { start: clampPosition(ctx.model, e.range.start), end: clampPosition(ctx.model, e.range.end) }, newText: e.newText });
  return fixesFor(ctx, diagnostic)
    .map((fix) => ({ ...fix, edits: fix.edits.map(clamp) }))
    .filter((fix) => fix.edits.length > 0 || fix.declares !== undefined);
}

function action(title: string, kind: string, diagnostics: Diagnostic[] | undefined, edits: TextEdit[], uri: string, preferred?: boolean): CodeAction {
  const result: CodeAction = { title, kind };
  if (diagnostics) result.diagnostics = diagnostics;
  if (preferred !== undefined) result.isPreferred = preferred;
  result.edit = { changes: { [uri]: edits } };
  return result;
}

/**
 * The quick fixes of the diagnostics in the request. One fix of two diagnostics (ours and the schema check's
 * deprecated-key on one key) is one action listing both.
 */
function quickFixes(ctx: FixContext, input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Map<string, CodeAction>();
  const diagnostics = input.context?.diagnostics ?? [];
  if (diagnostics.length > BULK) ctx.bulk = true;
  for (const diagnostic of diagnostics) {
    if (!isOurs(diagnostic)) continue;
    for (const fix of fixesOf(ctx, diagnostic)) {
      const id = JSON.stringify([fix.title, fix.edits]);
      const same = seen.get(id);
      if (same) {
        same.diagnostics!.push(diagnostic);
        continue;
      }
      const created = action(fix.title, CodeActionKind.QuickFix, [diagnostic], fix.edits, input.uri, fix.preferred);
      seen.set(id, created);
      actions.push(created);
    }
  }
  const start = input.range?.start;
  if (start && Number.isInteger(start.line) && Number.isInteger(start.character) && start.line >= 0 && start.character >= 0) {
    const quote = portQuoteAt(ctx.model, clampPosition(ctx.model, start));
    if (quote) actions.push(action(quote.title, CodeActionKind.QuickFix, undefined, [{ range: quote.range, newText: quote.newText }], input.uri, false));
  }
  return actions;
}

/**
 * source.fixAll: the preferred fix of every diagnostic, in document order (at one place, the fix that covers more
 * first), leaving out a fix whose edits overlap those already taken. The preferred declarations of undefined names
 * are made in one go (one entry per name, one new section per kind), so that they do not collide at the end of the
 * file.
 */
function fixAll(ctx: FixContext, input: CodeActionInput): CodeAction | undefined {
  const candidates: { diagnostic: Diagnostic; fix: Fix }[] = [];
  const declared: { diagnostic: Diagnostic; id: string }[] = [];
  const names = new Map<DeclaredKind, string[]>();
  for (const diagnostic of input.allDiagnostics()) {
    if (!isOurs(diagnostic)) continue;
    const fix = fixesOf(ctx, diagnostic).find((f) => f.preferred);
    if (!fix) continue;
    if (fix.declares) {
      declared.push({ diagnostic, id: `${fix.declares.kind}/${fix.declares.name}` });
      names.set(fix.declares.kind, [...(names.get(fix.declares.kind) ?? []), fix.declares.name]);
    } else candidates.push({ diagnostic, fix });
  }
  candidates.sort((a, b) => comparePositions(a.fix.edits[0].range.start, b.fix.edits[0].range.start) ||
    comparePositions(b.fix.edits[0].range.end, a.fix.edits[0].range.end));
  const set = new EditSet();
  const applied: Diagnostic[] = [];
  for (const { diagnostic, fix } of candidates) if (set.tryAdd(fix.edits)) applied.push(diagnostic);
  if (declared.length > 0) {
    const declaration = declareAll(ctx, names);
    if (declaration.edits.length > 0 && set.tryAdd(declaration.edits)) {
      for (const { diagnostic, id } of declared) if (declaration.declared.has(id)) applied.push(diagnostic);
    }
  }
  if (applied.length === 0) return undefined;
  applied.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  return action(FIX_ALL_TITLE, CodeActionKind.SourceFixAll, applied, set.edits, input.uri);
}
