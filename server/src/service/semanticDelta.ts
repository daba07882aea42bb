// Semantic tokens full/delta for any language: keeps the last answer per document and answers a delta
// request with the one edit that turns the previous data into the new (common prefix and suffix kept).
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from 'vscode-languageserver-types';

/** The single edit from `previous` to `next` (none when equal). Linear. */
export function tokensEdit(previous: readonly number[], next: readonly number[]): SemanticTokensEdit[] {
  let start = 0;
  const shorter = Math.min(previous.length, next.length);
  while (start < shorter && previous[start] === next[start]) start++;
  if (start === previous.length && start === next.length) return [];
  let tail = 0;
  while (tail < shorter - start && previous[previous.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  return [{ start, deleteCount: previous.length - start - tail, data: next.slice(start, next.length - tail) }];
}

export class SemanticTokensCache {
  private readonly last = new Map<string, { resultId: string; data: number[] }>();
  private counter = 0;

  /** `prefix` keeps the result ids of two caches apart (the server's thread and the requests worker). */
  constructor(private readonly prefix = '') {}

  full(uri: string, data: number[]): SemanticTokens {
    const resultId = `${this.prefix}${++this.counter}`;
    this.last.set(uri, { resultId, data });
    return { resultId, data };
  }

  /** A delta against `previousResultId` when it is the last answer for `uri`, else the full tokens. */
  delta(uri: string, previousResultId: string, data: number[]): SemanticTokens | SemanticTokensDelta {
    const previous = this.last.get(uri);
    if (!previous || previous.resultId !== previousResultId) return this.full(uri, data);
    const resultId = `${this.prefix}${++this.counter}`;
    this.last.set(uri, { resultId, data });
    return { resultId, edits: tokensEdit(previous.data, data) };
  }

  delete(uri: string): void {
    this.last.delete(uri);
  }
}
