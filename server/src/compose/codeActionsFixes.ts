// The fixes of one Compose diagnostic: the `{title, range, newText}` its check left in `data` (line breaks written
// with the document's own), or fixes computed from the model for the codes that need more than one edit, the
// document's line break, or a look at the file around: those of keys (codeActionsKeys.ts) and the declarations of
// undefined names (codeActionsDeclare.ts). Each fix says whether it is the one clearly right fix (`preferred`:
// source.fixAll applies it). Pure.
import { type Diagnostic, DiagnosticSeverity, type Range, type TextEdit } from 'vscode-languageserver-types';
import { dataFix } from '../util/editSet';
import { type Reference, referenceRange, serviceReferences } from './checks/refs';
import { serviceViews } from './checks/services';
import { cached, type Fix, type FixContext, rangeKey } from './codeActionsContext';
import { type Declaration, type DeclaredKind, declarationEdits } from './codeActionsDeclare';
import { externalNameFix, repeatedPairFix, versionFix } from './codeActionsKeys';

/** Codes whose fix in the diagnostic's data is the one clearly right fix. */
const PREFERRED_DATA: ReadonlySet<string> = new Set(['obsolete-version', 'unknown-key', 'invalid-value', 'invalid-type', 'yaml-syntax', 'deprecated-key']);

const UNDEFINED: ReadonlyMap<string, DeclaredKind | 'services'> = new Map([
  ['undefined-service', 'services'],
  ['undefined-volume', 'volumes'],
  ['undefined-network', 'networks'],
  ['undefined-secret', 'secrets'],
  ['undefined-config', 'configs'],
]);

const SINGULAR: Record<DeclaredKind, string> = { volumes: 'volume', networks: 'network', secrets: 'secret', configs: 'config' };

/** The fix of the diagnostic's data, with line breaks in the document's style. */
function fromData(ctx: FixContext, diagnostic: Diagnostic, preferred: boolean): Fix[] {
  const data = dataFix(diagnostic);
  if (!data) return [];
  const newText = ctx.eol === '\n' ? data.newText : data.newText.replace(/\n/g, ctx.eol);
  return [{ title: data.title, edits: [{ range: data.range, newText }], preferred }];
}

/** Every fix of the diagnostic, the preferred one first. */
export function fixesFor(ctx: FixContext, diagnostic: Diagnostic): Fix[] {
  const code = diagnostic.code as string;
  const undefinedKind = UNDEFINED.get(code);
  let fixes: Fix[];
  try {
    if (code === 'obsolete-version') fixes = versionFix(ctx, diagnostic) ?? fromData(ctx, diagnostic, true);
    else if (code === 'deprecated-key') fixes = externalNameFix(ctx, diagnostic) ?? fromData(ctx, diagnostic, true);
    else if (code === 'duplicate-key') fixes = repeatedPairFix(ctx, diagnostic);
    else if (undefinedKind) fixes = undefinedNameFixes(ctx, diagnostic, undefinedKind);
    else fixes = fromData(ctx, diagnostic, PREFERRED_DATA.has(code));
  } catch {
    fixes = [];
  }
  return fixes.sort((a, b) => Number(b.preferred) - Number(a.preferred));
}

/**
 * undefined-*: the "did you mean" of the check, and for volumes, networks, secrets and configs a declaration at the
 * top level. Neither is preferred when the name is close to a defined one (`v1` for `v0` may be a typo or a new
 * volume: only the user knows). The declaration is preferred for a volume or network the file must define itself
 * (an error without a typo); a secret's or config's file is a guess, never preferred.
 */
function undefinedNameFixes(ctx: FixContext, diagnostic: Diagnostic, kind: DeclaredKind | 'services'): Fix[] {
  const error = diagnostic.severity === DiagnosticSeverity.Error;
  const fixes = fromData(ctx, diagnostic, false);
  if (kind === 'services') return fixes;
  const preferred = error && fixes.length === 0 && (kind === 'volumes' || kind === 'networks');
  if (ctx.forFixAll && !preferred) return fixes;
  const reference = referenceAt(ctx, diagnostic.range);
  if (!reference || reference.kind !== kind) return fixes;
  const declares = { kind, name: reference.name };
  // For source.fixAll the edits are made once for all the names (declareAll).
  let edits: TextEdit[] = [];
  if (!ctx.forFixAll) {
    const declaration = declarationEdits(ctx.model, new Map([[kind, [reference.name]]]), ctx.eol);
    if (!declaration.declared.has(`${kind}/${reference.name}`)) return fixes;
    edits = declaration.edits;
  }
  const source = kind === 'secrets' || kind === 'configs' ? ` (read from ./${reference.name}.txt)` : '';
  fixes.push({ title: `Declare the ${SINGULAR[kind]} "${reference.name}" under the top-level "${kind}"${source}`, edits, preferred, declares });
  return fixes;
}

/**
 * The reference whose name is at `range`. For one quick fix, the references of the service the range is in (a
 * reference written in an anchor elsewhere is found in the index); for source.fixAll, an index of every service
 * reference, built once.
 */
function referenceAt(ctx: FixContext, range: Range): Reference | undefined {
  const { model } = ctx;
  const wanted = rangeKey(range);
  if (!ctx.forFixAll && !ctx.bulk) {
    const where = model.pathAt(range.start).path;
    const service = where[0] === 'services' && typeof where[1] === 'string' ? serviceViews(model).find((s) => s.name === where[1]) : undefined;
    const found = service ? serviceReferences(model, service).find((r) => rangeKey(referenceRange(model, r)) === wanted) : undefined;
    if (found) return found;
  }
  const index = cached(ctx, 'references', () => {
    const all = new Map<string, Reference>();
    for (const view of serviceViews(model)) {
      for (const reference of serviceReferences(model, view)) all.set(rangeKey(referenceRange(model, reference)), reference);
    }
    return all;
  });
  return index.get(wanted);
}

/** The declaration of several names at once (source.fixAll). */
export function declareAll(ctx: FixContext, wanted: ReadonlyMap<DeclaredKind, readonly string[]>): Declaration {
  return declarationEdits(ctx.model, wanted, ctx.eol);
}
