// One answer per parsed model: a model is made once per document version and never changes, so an answer
// computed from it alone holds for that version. Clients ask again for the same version (VS Code's outline,
// breadcrumbs and sticky scroll; other editors on every cursor move); the answer is then shared and read-only.

/** `make`, remembered per model object (forgotten with the model). */
export function perModel<M extends object, R>(make: (model: M) => R): (model: M) => R {
  const answers = new WeakMap<M, R>();
  return (model) => {
    if (answers.has(model)) return answers.get(model) as R;
    const answer = make(model);
    answers.set(model, answer);
    return answer;
  };
}
