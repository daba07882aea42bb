// Parsed-model cache keyed by uri + version: a model is parsed once per document version, lazily,
// by whichever request needs it first (diagnostics, completion, hover ...). The previous version's model
// is handed to the parser, which reuses what an edit did not touch.
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class ParsedDocuments<M> {
  private readonly cache = new Map<string, { version: number; model: M }>();

  constructor(private readonly parse: (text: string, previous?: M) => M) {}

  get(document: TextDocument): M {
    const hit = this.cache.get(document.uri);
    if (hit && hit.version === document.version) return hit.model;
    const model = this.parse(document.getText(), hit?.model);
    this.cache.set(document.uri, { version: document.version, model });
    return model;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }
}
