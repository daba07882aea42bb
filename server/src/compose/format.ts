// Compose formatting (document and range) that changes only whitespace. Pure. (Stub of the contract.)
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { Refusal } from '../service/LanguageService';
import type { ComposeModel } from './model';

/** Edits for the whole document, or for the lines that `range` touches; a refusal when it has syntax errors. */
export function formatCompose(_model: ComposeModel, _options: FormattingOptions, _range?: Range): TextEdit[] | Refusal {
  return [];
}
