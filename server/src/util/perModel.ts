// One answer per parsed model: a model is made once per document version and never changes, so an answer
// computed from it alone holds for that version. Clients ask again for the same version (VS Code's outline,
// breadcrumbs and sticky scroll; other editors on every cursor move); the answer is then shared and read-only.

/**
 * `make`, remembered per model object (forgotten with the model). Further arguments must be the same for every call
 * with one model (its document's URI, say): they are not part of what is remembered.
 */
export function perModel<M extends object, R, A extends unknown[] = []>(make: (model: M, ...args: A) => R): (model: M, ...args: A) => R {
  const answers = new WeakMap<M, R>();
  return (model, ...args) => {
    if (answers.has(model)) return answers.get(model) as R;
    const answer = make(model, ...args);
    answers.set(model, answer);
    return answer;
  };
}
