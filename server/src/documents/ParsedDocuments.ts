// Parsed-model cache keyed by uri + version: a model is parsed once per document version, lazily,
// by whichever request needs it first (diagnostics, completion, hover ...).
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class ParsedDocuments<M> {
  private readonly cache = new Map<string, { version: number; model: M }>();

  constructor(private readonly parse: (text: string) => M) {}

  get(document: TextDocument): M {
    const hit = this.cache.get(document.uri);
    if (hit && hit.version === document.version) return hit.model;
    const model = this.parse(document.getText());
    this.cache.set(document.uri, { version: document.version, model });
    return model;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }
}
