// The result of reading what a user typed: the value, or why it cannot be read (in plain words, for an input box).

export type Parsed<T> = { value: T } | { problem: string };

/** The problem of a Parsed answer, for an input box's validation; undefined when it reads. */
export function problemOf(parsed: Parsed<unknown>): string | undefined {
  return 'problem' in parsed ? parsed.problem : undefined;
}
