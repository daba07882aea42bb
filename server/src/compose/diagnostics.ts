// Compose diagnostics: runs every check of checks/ on a model and turns the findings into LSP diagnostics
// (source "docker-workflows", our kebab-case codes), sorted by position, each problem reported once.
// Pure: the file system is reached only through `fileExists`.
import * as path from 'path';
import { fileURLToPath } from 'url';
import { type Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { isMap } from 'yaml';
import type { Finding, Severity } from '../dockerfile/checks/types';
import { composeChecks } from './checks';
import { isOverlayFile } from './checks/overlay';
import { entryOf, itemsOf, mapOf, present, serviceViews } from './checks/services';
import type { ComposeCheck, ComposeCheckContext } from './checks/types';
import { hasInclude } from './checks/undefined';
import { type ComposeModel, scalarText } from './model';

export { baseFileCandidates, isOverlayFile } from './checks/overlay';

export const DIAGNOSTIC_SOURCE = 'docker-workflows';

export interface ComposeDiagnosticContext {
  /** The document's URI (`file:///...`) or an absolute path; relative files are resolved against its folder. */
  uri: string;
  /** Whether a file or folder exists (injected so that tests and virtual file systems can answer). */
  fileExists(path: string): boolean;
  /** Names of the files in the document's folder; used to tell `compose.<x>.yaml` overlays from standalone files. */
  siblingFiles?: readonly string[];
  /**
   * The base file(s) this file is merged onto (see `baseFileCandidates`), already parsed: names they define
   * count as defined here, and services they complete are not reported as missing an image.
   */
  baseModels?: readonly ComposeModel[];
  /**
   * The model of another compose file by absolute path (files named under `include:` and `extends: file:`),
   * when it can be read; names an included file defines count as defined here.
   */
  loadFile?(path: string): ComposeModel | undefined;
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

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The absolute file path of a `file:` URI or of a path; undefined for other schemes (untitled: ...). */
export function filePathOf(uri: string): string | undefined {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(uri)) return undefined;
  return path.isAbsolute(uri) ? uri : undefined;
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
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    if (finding.code !== 'yaml-syntax' && brokenLines.has(finding.range.start.line)) continue;
    const override = overrides[finding.code];
    if (override === 'off') continue;
    const severity: Severity = override && override in SEVERITIES ? override : finding.severity;
    const { start, end } = finding.range;
    const key = `${finding.code}|${start.line}:${start.character}-${end.line}:${end.character}|${finding.message}`;
    if (seen.has(key)) continue; // a merged anchor reports the same thing for every service using it
    seen.add(key);
    diagnostics.push(toDiagnostic(finding, severity));
  }
  diagnostics.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character,
  );
  return diagnostics;
}

function toDiagnostic(finding: Finding, severity: Severity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
  };
  if (finding.tags && finding.tags.length > 0) {
    diagnostic.tags = finding.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  if (finding.fix) diagnostic.data = finding.fix;
  return diagnostic;
}
