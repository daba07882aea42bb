// The Compose command line: the project name, from COMPOSE_PROJECT_NAME, name: or the folder, normalised and
// interpolated as Compose does.
import * as assert from 'assert';
import { interpolate, isValidProjectName, normalizeProjectName, projectNameOf } from '../../client/src/compose/projectName';

describe('compose CLI: projectNameOf', () => {
  const services = 'services:\n  web:\n    image: nginx\n';

  it('takes the top-level name:', () => {
    assert.strictEqual(projectNameOf(`name: shop\n${services}`, '/srv/Other Folder'), 'shop');
  });

  it('normalises the folder name when there is no name:', () => {
    assert.strictEqual(projectNameOf(services, '/srv/DW Compose-Test_1'), 'dwcompose-test_1');
  });

  it('normalises name: the same way', () => {
    assert.strictEqual(projectNameOf(`name: "My.Shop (Prod)!"\n${services}`, '/srv/x'), 'myshopprod');
  });

  it('v2 trims leading "_" and "-"; v1 keeps them', () => {
    assert.deepStrictEqual(
      [projectNameOf(services, '/srv/_-My App'), projectNameOf(services, '/srv/_-My App', { v1: true })],
      ['myapp', '_-myapp'],
    );
  });

  it('ignores name: under v1 (which rejects the key) and uses the folder', () => {
    assert.strictEqual(projectNameOf(`name: shop\n${services}`, '/srv/My Folder/', { v1: true }), 'myfolder');
  });

  it('interpolates name: from the environment, with defaults', () => {
    const text = `name: \${STAGE:-dev}-shop\n${services}`;
    assert.deepStrictEqual([projectNameOf(text, '/srv/x'), projectNameOf(text, '/srv/x', { env: { STAGE: 'Prod' } })], ['dev-shop', 'prod-shop']);
  });

  it('lets COMPOSE_PROJECT_NAME win over name: and the folder (v2 as given, v1 normalised)', () => {
    const env = { COMPOSE_PROJECT_NAME: 'from_env' };
    assert.deepStrictEqual(
      [
        projectNameOf(`name: shop\n${services}`, '/srv/x', { env }),
        projectNameOf(services, '/srv/x', { env: { COMPOSE_PROJECT_NAME: 'From Env' }, v1: true }),
        projectNameOf(`name: shop\n${services}`, '/srv/x', { env: { COMPOSE_PROJECT_NAME: '' } }),
      ],
      ['from_env', 'fromenv', 'shop'],
    );
  });

  it('takes the name: of the last file that has one (an override can rename)', () => {
    assert.deepStrictEqual(
      [
        projectNameOf([`name: base\n${services}`, 'name: renamed\nservices: {}\n'], '/srv/x'),
        projectNameOf([`name: base\n${services}`, 'services: {}\n'], '/srv/x'),
        projectNameOf([services, 'name: late\n'], '/srv/x'),
      ],
      ['renamed', 'base', 'late'],
    );
  });

  it('counts only a top-level name:', () => {
    assert.strictEqual(projectNameOf('services:\n  web:\n    name: inner\nx-meta:\n  name: ext\n', '/srv/Folder'), 'folder');
  });

  it('falls back to the folder when name: is empty, unusable or the YAML is broken', () => {
    assert.deepStrictEqual(
      [
        projectNameOf(`name: ""\n${services}`, '/srv/a'),
        projectNameOf(`name: "!!!"\n${services}`, '/srv/b'),
        projectNameOf('name: [x\nservices: {', '/srv/c'),
        projectNameOf(`name: \${UNSET}\n${services}`, '/srv/d'),
      ],
      ['a', 'b', 'c', 'd'],
    );
  });

  it('gives "" when nothing usable is left (Compose v2 then needs -p)', () => {
    assert.strictEqual(projectNameOf(services, '/srv/€ €'), '');
  });

  it('normalises and validates names like Compose', () => {
    assert.deepStrictEqual(
      [normalizeProjectName('__My-App 2'), normalizeProjectName('__My-App 2', true), isValidProjectName('my-app_2'), isValidProjectName('_x'), isValidProjectName('My')],
      ['my-app2', '__my-app2', true, false, false],
    );
  });

  it('interpolates like Compose: $$, $VAR, ${VAR}, - :- + :+ and nesting', () => {
    const env = { A: 'a', EMPTY: '' };
    assert.deepStrictEqual(
      ['$$A', '$A-$B', '${A}', '${EMPTY-d}', '${EMPTY:-d}', '${B:-${C:-deep}}', '${A:+alt}', '${EMPTY+set}', '${EMPTY:+set}', '${B?err}', '${A'].map((t) =>
        interpolate(t, env),
      ),
      ['$A', 'a-', 'a', '', 'd', 'deep', 'alt', 'set', '', '', '${A'],
    );
  });
});
