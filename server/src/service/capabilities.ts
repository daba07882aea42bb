// The capabilities the server advertises in its initialize answer: derived from the services (one per language) and
// from what the client can take. Pure.
import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import type { LanguageService } from './LanguageService';
import { APPLY_EDIT_COMMAND, type ClientFeatures } from './negotiate';
import { SEMANTIC_LEGEND } from './semanticLegend';

/**
 * Exactly the features some service implements, with the trigger characters of all of them, in the form the client
 * can take (`features`); workspace folder notifications when the client sends them.
 */
export function serverCapabilities(services: readonly LanguageService[], features: ClientFeatures, watchesFolders: boolean): ServerCapabilities {
  const has = (feature: keyof LanguageService) => services.some((s) => typeof s[feature] === 'function');
  const triggers = (kind: 'completion' | 'signatureHelp' | 'signatureRetrigger' | 'onTypeFormatting') => [
    ...new Set(services.flatMap((s) => s.triggers?.[kind] ?? [])),
  ];
  const result: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
  if (watchesFolders) result.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
  if (has('completion')) result.completionProvider = { resolveProvider: false, triggerCharacters: triggers('completion') };
  if (has('hover')) result.hoverProvider = true;
  if (has('documentSymbols')) result.documentSymbolProvider = { label: 'Docker' };
  if (has('workspaceSymbols')) result.workspaceSymbolProvider = true;
  if (has('definition')) result.definitionProvider = true;
  if (has('references')) result.referencesProvider = true;
  if (has('documentHighlights')) result.documentHighlightProvider = true;
  if (has('rename')) result.renameProvider = features.prepareRename && has('prepareRename') ? { prepareProvider: true } : true;
  if (has('foldingRanges')) result.foldingRangeProvider = true;
  if (has('formatting')) {
    result.documentFormattingProvider = true;
    result.documentRangeFormattingProvider = true;
  }
  const onType = triggers('onTypeFormatting');
  if (has('onTypeFormatting') && onType.length > 0) {
    result.documentOnTypeFormattingProvider = { firstTriggerCharacter: onType[0], moreTriggerCharacter: onType.slice(1) };
  }
  // A client that takes neither code-action literals nor edits from the server could not apply a fix.
  if (has('codeActions') && (features.codeActionLiterals || features.applyEdit)) {
    result.codeActionProvider = features.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] } : true;
    result.executeCommandProvider = { commands: [APPLY_EDIT_COMMAND] };
  }
  if (has('documentLinks')) result.documentLinkProvider = { resolveProvider: false };
  if (has('semanticTokens')) result.semanticTokensProvider = { legend: SEMANTIC_LEGEND, full: { delta: true }, range: false };
  if (has('inlayHints')) result.inlayHintProvider = { resolveProvider: false };
  if (has('signatureHelp')) {
    result.signatureHelpProvider = { triggerCharacters: triggers('signatureHelp'), retriggerCharacters: triggers('signatureRetrigger') };
  }
  return result;
}
