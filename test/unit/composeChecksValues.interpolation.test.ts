// Compose diagnostics on variable references: invalid-interpolation.
import * as assert from 'assert';
import { interpolationProblems } from '../../server/src/compose/checks/interpolation';
import { brief, found, yaml } from './support/composeChecks';

describe('Compose diagnostics: invalid-interpolation', () => {
  it('reports malformed ${...} on the reference itself', () => {
    const text = yaml('services:', '  web:', '    image: "${}"', '    command: "${ foo} ${foo!} ok ${E"', '    environment:', '      X: "${A:-${}}"');
    assert.deepStrictEqual(found(text, 'invalid-interpolation'), [
      { code: 'invalid-interpolation', message: '"${}" needs a variable name right after "${" (letters, digits and _, not starting with a digit).', range: '2:12-2:15', severity: 'error' },
      { code: 'invalid-interpolation', message: '"${ foo}" needs a variable name right after "${" (letters, digits and _, not starting with a digit).', range: '3:14-3:21', severity: 'error' },
      { code: 'invalid-interpolation', message: '"${foo!}" is not a valid reference: after the name "foo" only "}" or one of :- - :? ? :+ + may follow.', range: '3:22-3:29', severity: 'error' },
      { code: 'invalid-interpolation', message: '"${" is not closed: add the "}" that ends the variable reference.', range: '3:33-3:36', severity: 'error' },
      { code: 'invalid-interpolation', message: '"${}" needs a variable name right after "${" (letters, digits and _, not starting with a digit).', range: '5:15-5:18', severity: 'error' },
    ]);
  });

  it('accepts every form Compose knows, nested ones, $$ and a $ that starts nothing', () => {
    const ok = ['$$', '$$VAR', '$${VAR}', '$VAR', '${VAR}', '${VAR:-default}', '${VAR-default}', '${VAR:?err}', '${VAR?err}', '${VAR:+alt}', '${VAR+alt}', '${A:-${B:-${C}}}', '${A:-x:-y}', '$(date)', 'a$', '$1', '${VAR:-{json}}', 'pa$$word'];
    for (const value of ok) assert.deepStrictEqual(interpolationProblems(value), [], value);
    const text = yaml('services:', '  web:', '    image: x', `    command: [${ok.map((v) => JSON.stringify(v)).join(', ')}]`, '    labels:', '      - "traefik.rule=Path(`/api{p:.*}$$`)"');
    assert.deepStrictEqual(found(text, 'invalid-interpolation'), []);
  });

  it('finds the reference inside block scalars', () => {
    const text = yaml('services:', '  web:', '    image: x', '    command: |', '      echo one', '      echo ${bad name}');
    assert.deepStrictEqual(brief(text), ['invalid-interpolation error 5:11-5:22']);
  });
});
