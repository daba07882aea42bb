// Dockerfile code actions: the quick fixes of the diagnostics the editor sends (kind quickfix, the diagnostic
// attached, the one clearly right fix preferred), "Ignore <Rule> in this file" for BuildKit's rules, and
// source.fixAll, which applies the preferred fix of every diagnostic of the document at once. Pure; never throws.
import {
  CodeActionKind, DiagnosticSeverity, type CodeAction, type CodeActionContext, type Diagnostic, type Position, type Range, type TextEdit,
} from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/findings';
import { comparePositions, dataFix, EditSet } from '../util/editSet';
import {
  type Fix, type FixContext, casingFixes, emptyContinuationFixes, missingEqualsFixes, stageNameFixes, topAt, unusedInstructionFixes,
} from './codeActionsFixes';
import { ignoreRuleEdit, moveDirectiveFixes } from './codeActionsIgnore';
import { execFormFixes, legacyPairFixes, maintainerFixes } from './codeActionsText';
import { CHECK_RULES, UNDOCUMENTED_CHECK_NAMES } from './docs/checks';
import type { DockerfileModel } from './model';

export interface CodeActionInput {
  uri: string;
  range: Range;
  context: CodeActionContext;
  /** Every diagnostic the document has now (source.fixAll applies the preferred fix of each). */
  allDiagnostics(): Diagnostic[];
  /** The document's line break, for fixes that add a line; "\n" when not given. */
  eol?: string;
}

type Compute = (ctx: FixContext, diagnostic: Diagnostic) => Fix[] | undefined;

/** Codes whose fixes are computed from the model (undefined from a computation: fall back to the diagnostic's data). */
const COMPUTED: ReadonlyMap<string, Compute> = new Map<string, Compute>([
  ['StageNameCasing', stageNameFixes],
  ['NoEmptyContinuation', emptyContinuationFixes],
  ['ConsistentInstructionCasing', casingFixes],
  ['JSONArgsRecommended', execFormFixes],
  ['MaintainerDeprecated', maintainerFixes],
  ['LegacyKeyValueFormat', legacyPairFixes],
  ['MultipleInstructionsDisallowed', unusedInstructionFixes],
  ['missing-equals', missingEqualsFixes],
  ['misplaced-directive', moveDirectiveFixes],
]);

/**
 * Codes whose fix from the diagnostic's data is the one clearly right fix. Not preferred: the "did you mean" of a
 * variable (UndefinedVar, UndefinedArgInFrom: the build works either way, so the guess would change what it does)
 * and of a stage name that is also a valid image name (undefined-stage as a warning).
 */
const PREFERRED: ReadonlySet<string> = new Set([
  'FromAsCasing', 'NoEmptyContinuation', 'ExposeProtoCasing', 'ExposeInvalidFormat', 'RedundantTargetPlatform', 'LegacyKeyValueFormat',
  'unknown-instruction', 'unknown-flag', 'duplicate-flag', 'flag-missing-value', 'invalid-flag-value', 'ignored-flag',
  'unknown-mount-type', 'unknown-mount-key', 'invalid-mount-value', 'unknown-healthcheck-type', 'copy-destination-not-directory',
  'copy-quoted-space', 'copy-remote-source', 'shell-json-form', 'invalid-json', 'json-trailing-text', 'duplicate-directive',
  'invalid-reference',
]);

const BUILDKIT_RULES: ReadonlySet<string> = new Set([...CHECK_RULES.map((r) => r.name), ...UNDOCUMENTED_CHECK_NAMES]);

export function codeActions(model: DockerfileModel, input: CodeActionInput): CodeAction[] {
  const only = input.context?.only?.length ? input.context.only : undefined;
  const wanted = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const ctx: FixContext = { model, eol: input.eol ?? '\n' };
  const actions: CodeAction[] = [];
  try {
    if (wanted(CodeActionKind.QuickFix)) actions.push(...quickFixes(ctx, input));
    if (wanted(CodeActionKind.SourceFixAll)) {
      const all = fixAll(ctx, input);
      if (all) actions.push(all);
    }
  } catch {
    // A broken document or a strange request gets fewer actions, never an error.
  }
  return actions;
}

/** Every fix of the diagnostic, the preferred one first, with its edits inside the document. */
export function fixesFor(ctx: FixContext, diagnostic: Diagnostic): Fix[] {
  const code = diagnostic.code as string;
  let fixes: Fix[] | undefined;
  try {
    fixes = COMPUTED.get(code)?.(ctx, diagnostic);
  } catch {
    fixes = [];
  }
  if (!fixes) {
    const data = dataFix(diagnostic);
    const preferred = !data?.guess && (PREFERRED.has(code) || (code === 'undefined-stage' && diagnostic.severity === DiagnosticSeverity.Error));
    // A fix that adds a line is made without knowing the file's line break: written with the file's here.
    const newText = data && ctx.eol !== '\n' ? data.newText.replace(/\r?\n/g, ctx.eol) : data?.newText;
    fixes = data ? [{ title: data.title, edits: [{ range: data.range, newText: newText! }], preferred }] : [];
  }
  return fixes
    .map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ range: clamp(ctx.model, e.range), newText: e.newText })) }))
    .filter((fix) => fix.edits.length > 0)
    .sort((a, b) => Number(b.preferred) - Number(a.preferred));
}

function clampPosition(model: DockerfileModel, p: Position): Position {
  const last = model.lines.length - 1;
  if (p.line > last) return { line: last, character: model.lines[last].length };
  return { line: p.line, character: Math.min(p.character, model.lines[p.line].length) };
}

function clamp(model: DockerfileModel, range: Range): Range {
  return { start: clampPosition(model, range.start), end: clampPosition(model, range.end) };
}

/** A diagnostic of ours (the editor sends those of every source) with a usable range and code. */
function isOurs(d: Diagnostic): boolean {
  if (!d || typeof d.code !== 'string' || (d.source !== undefined && d.source !== DIAGNOSTIC_SOURCE)) return false;
  const r = d.range;
  return !!r && !!r.start && !!r.end && Number.isInteger(r.start.line) && Number.isInteger(r.start.character) && r.start.line >= 0 && r.start.character >= 0;
}

function action(title: string, kind: string, diagnostics: Diagnostic[], edits: TextEdit[], uri: string, preferred?: boolean): CodeAction {
  const result: CodeAction = { title, kind, diagnostics };
  if (preferred !== undefined) result.isPreferred = preferred;
  result.edit = { changes: { [uri]: edits } };
  return result;
}

function quickFixes(ctx: FixContext, input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  const ignored = new Map<string, Diagnostic[]>();
  for (const diagnostic of input.context?.diagnostics ?? []) {
    if (!isOurs(diagnostic)) continue;
    for (const fix of fixesFor(ctx, diagnostic)) {
      actions.push(action(fix.title, CodeActionKind.QuickFix, [diagnostic], fix.edits, input.uri, fix.preferred));
    }
    const code = diagnostic.code as string;
    if (BUILDKIT_RULES.has(code)) ignored.set(code, [...(ignored.get(code) ?? []), diagnostic]);
  }
  for (const [rule, diagnostics] of ignored) {
    const edit = ignoreRuleEdit(ctx.model, rule, ctx.eol);
    if (edit) actions.push(action(`Ignore ${rule} in this file`, CodeActionKind.QuickFix, diagnostics, [edit], input.uri, false));
  }
  return actions;
}

/**
 * source.fixAll: the preferred fix of every diagnostic, in document order (at one place, the fix that covers
 * more first), leaving out a fix whose edits overlap those already taken. Where ConsistentInstructionCasing
 * changes a FROM keyword, its fix also sets the case of AS, so the FromAsCasing fix of that line is left out.
 */
function fixAll(ctx: FixContext, input: CodeActionInput): CodeAction | undefined {
  const candidates: { diagnostic: Diagnostic; fix: Fix }[] = [];
  const recasedFroms = new Set<number>();
  for (const diagnostic of input.allDiagnostics()) {
    if (!isOurs(diagnostic)) continue;
    const fix = fixesFor(ctx, diagnostic).find((f) => f.preferred);
    if (!fix) continue;
    candidates.push({ diagnostic, fix });
    if (diagnostic.code === 'ConsistentInstructionCasing') {
      const instruction = topAt(ctx, diagnostic.range.start);
      if (instruction?.name === 'FROM') recasedFroms.add(instruction.range.start.line);
    }
  }
  const kept = candidates.filter(({ diagnostic }) =>
    diagnostic.code !== 'FromAsCasing' || !recasedFroms.has(topAt(ctx, diagnostic.range.start)?.range.start.line ?? -1));
  kept.sort((a, b) => comparePositions(a.fix.edits[0].range.start, b.fix.edits[0].range.start) ||
    comparePositions(b.fix.edits[0].range.end, a.fix.edits[0].range.end));
  const set = new EditSet();
  const applied: Diagnostic[] = [];
  for (const { diagnostic, fix } of kept) {
    const relations = fix.edits.map((edit) => set.relation(edit));
    if (relations.includes('overlap')) continue;
    fix.edits.forEach((edit, k) => {
      if (relations[k] === 'apart') set.add(edit);
    });
    applied.push(diagnostic);
  }
  if (applied.length === 0) return undefined;
  return action('Fix all fixable problems in this file', CodeActionKind.SourceFixAll, applied, set.edits, input.uri);
}
