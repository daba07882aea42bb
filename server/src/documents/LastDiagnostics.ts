// The last diagnostics of each open document with what they were computed from (its version and the inputs
// the caller names: settings, files read), so that asking again for the same answer (the light bulb's
// fix-all, a settings change that changed nothing for this language) costs nothing.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class LastDiagnostics {
  private readonly last = new Map<string, { version: number; inputs: readonly unknown[]; diagnostics: Diagnostic[] }>();

  /** The diagnostics of `document` for these inputs (compared by identity), computed only when they changed. */
  get(document: TextDocument, inputs: readonly unknown[], compute: () => Diagnostic[]): Diagnostic[] {
    const last = this.last.get(document.uri);
    if (last && last.version === document.version && last.inputs.length === inputs.length && last.inputs.every((input, i) => input === inputs[i])) {
      return last.diagnostics;
    }
    const diagnostics = compute();
    this.last.set(document.uri, { version: document.version, inputs, diagnostics });
    return diagnostics;
  }

  delete(uri: string): void {
    this.last.delete(uri);
  }
}
