// Compose diagnostics: runs every check of checks/ on a model and turns the findings into LSP diagnostics
// (source "docker-workflows", our kebab-case codes), sorted by position, each problem reported once.
// Pure: the file system is reached only through `fileExists`.
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { byPosition, SEVERITIES, toDiagnostic } from '../diagnostics/findings';
import { filePathOf } from '../util/filePath';
import { isMap } from './yamlKinds';
import type { Finding, Severity } from '../diagnostics/types';
import { composeChecks } from './checks';
import { isOverlayFile } from './checks/overlay';
import { entryOf, itemsOf, mapOf, present, serviceViews } from './checks/services';
import type { ComposeCheck, ComposeCheckContext } from './checks/types';
import { hasInclude } from './checks/undefined';
import { type ComposeModel, scalarText } from './model';

export { baseFileCandidates, isOverlayFile } from './checks/overlay';

export interface ComposeDiagnosticContext {
  /** The document's URI (`file:///...`) or an absolute path; relative files are resolved against its folder. */
  uri: string;
  /** Whether a file or folder exists (injected so that tests and virtual file systems can answer). */
  fileExists(path: string): boolean;
  /** Names of the files in the document's folder; used to tell `compose.<x>.yaml` overlays from standalone files. */
  siblingFiles?: readonly string[];
  /**
   * The base file this file is merged onto (see `baseFileCandidates`) and the files that base includes, already
   * parsed: names they define count as defined here, and services they complete are not reported as missing an
   * image.
   */
  baseModels?: readonly ComposeModel[];
  /**
   * The model of another compose file by absolute path (files named under `include:` and `extends: file:`),
   * when it can be read; names an included file defines count as defined here.
   */
  loadFile?(path: string): ComposeModel | undefined;
  /**
   * Why a file that exists is not read (too large, not a regular file, outside the workspace), in words that
   * complete "... is not read: "; undefined when it is read or missing.
   */
  whyNotRead?(path: string): string | undefined;
  /** Whether an image defines a HEALTHCHECK, when known (e.g. from the local engine's image list). */
  imageHasHealthcheck?(image: string): boolean | undefined;
  /** Per code: a different severity, or 'off' to hide it. */
  severity?: Record<string, Severity | 'off'>;
}

/** The absolute paths named by the top-level `include:` (string items, `path:` strings and lists). */
export function includePaths(model: ComposeModel, folder: string): string[] {
  const root = mapOf(model, model.root);
  const paths: string[] = [];
  for (const item of itemsOf(model, root ? present(model.get(root, 'include'))?.value : undefined)) {
    const value = isMap(item) ? entryOf(model, item, 'path')?.value : item;
    const list = itemsOf(model, value);
    for (const node of list.length > 0 ? list : [value]) {
      const text = scalarText(node);
      if (text !== undefined) paths.push(path.resolve(folder, text));
    }
  }
  return paths;
}

export function diagnoseCompose(model: ComposeModel, context: ComposeDiagnosticContext, checks: readonly ComposeCheck[] = composeChecks): Diagnostic[] {
  const file = filePathOf(context.uri);
  const folder = file ? path.dirname(file) : undefined;
  const baseModels = context.baseModels ?? [];
  const included: ComposeModel[] = [];
  let includeComplete = true;
  if (hasInclude(model)) {
    const paths = folder ? includePaths(model, folder) : [];
    for (const includePath of paths) {
      const loaded = includePath.includes('$') ? undefined : context.loadFile?.(includePath);
      if (loaded) included.push(loaded);
      else includeComplete = false;
    }
    if (paths.length === 0) includeComplete = false;
  }
  const checkContext: ComposeCheckContext = {
    model,
    ...(file && folder ? { file, folder } : {}),
    fileExists: context.fileExists,
    baseModels,
    overlay: baseModels.length > 0 || (file !== undefined && isOverlayFile(file, context.siblingFiles)),
    services: serviceViews(model),
    included,
    includeComplete,
    ...(context.loadFile ? { loadFile: context.loadFile } : {}),
    ...(context.whyNotRead ? { whyNotRead: context.whyNotRead } : {}),
    ...(context.imageHasHealthcheck ? { imageHasHealthcheck: context.imageHasHealthcheck } : {}),
  };
  const findings: Finding[] = [];
  for (const check of checks) {
    try {
      findings.push(...check(checkContext));
    } catch {
      // One broken check must not take the other diagnostics down with it.
    }
  }
  // On a line YAML could not read, the syntax problem is the one to report (the rest follows from it).
  const brokenLines = new Set(findings.filter((f) => f.code === 'yaml-syntax').map((f) => f.range.start.line));
  const overrides = context.severity ?? {};
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    if (finding.code !== 'yaml-syntax' && brokenLines.has(finding.range.start.line)) continue;
    const override = overrides[finding.code];
    if (override === 'off') continue;
    const severity: Severity = override && override in SEVERITIES ? override : finding.severity;
    diagnostics.push(toDiagnostic(finding, severity));
  }
  return withoutRepeats(byPosition(diagnostics));
}

/**
 * Sorted diagnostics, each problem once: a merged anchor reports the same thing for every service using it. The
 * sort is stable, so the first of equal diagnostics is kept; equal ones have equal ranges, so only a run of
 * diagnostics at one range is compared.
 */
function withoutRepeats(sorted: Diagnostic[]): Diagnostic[] {
  const kept: Diagnostic[] = [];
  let run = 0;
  for (const diagnostic of sorted) {
    if (kept.length === 0 || !sameRange(kept[run].range, diagnostic.range)) run = kept.length;
    else if (repeats(kept, run, diagnostic)) continue;
    kept.push(diagnostic);
  }
  return kept;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Whether one of `kept` from `from` on has the diagnostic's code and message (its range is theirs). */
function repeats(kept: readonly Diagnostic[], from: number, diagnostic: Diagnostic): boolean {
  for (let i = from; i < kept.length; i++) if (kept[i].code === diagnostic.code && kept[i].message === diagnostic.message) return true;
  return false;
}

