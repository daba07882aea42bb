// engine/validate.ts: what an engine may report, checked before a command uses it (issue 12).
import * as assert from 'assert';
import {
  composeProjectProblem,
  containerProblem,
  displayName,
  imageProblem,
  isContainerId,
  isContainerName,
  isImageId,
  shown,
  validatedReference,
} from '../../client/src/engine/validate';
import { HOSTILE_VALUES } from '../support/hostileEngine';

const ID = 'a'.repeat(12) + '0123456789abcdef'.repeat(3) + 'b'.repeat(4);

describe('validate: ids and names an engine reports', () => {
  it('takes a container id only as 64 lower-case hex digits', () => {
    assert.strictEqual(ID.length, 64);
    assert.ok(isContainerId(ID));
    for (const bad of [...HOSTILE_VALUES, '', ID.slice(1), `${ID}0`, ID.toUpperCase(), `sha256:${ID}`, ` ${ID}`, `${ID}\n`, 'z'.repeat(64), 42, undefined]) {
      assert.ok(!isContainerId(bad), JSON.stringify(bad));
    }
  });

  it("takes a name by Docker's own rule [a-zA-Z0-9][a-zA-Z0-9_.-]*", () => {
    for (const good of ['web', 'web-1', 'shop_web_1', 'a.b', 'X', '0', 'a--b', 'my.app_2-x']) assert.ok(isContainerName(good), good);
    for (const bad of [...HOSTILE_VALUES, '', '-web', '.web', '_web', 'web/db', '/web', 'a b', 'a\nb', 'é', 'web\u202e', 7]) {
      assert.ok(!isContainerName(bad), JSON.stringify(bad));
    }
  });

  it('takes an image id with or without sha256:', () => {
    assert.ok(isImageId(`sha256:${ID}`));
    assert.ok(isImageId(ID));
    for (const bad of [...HOSTILE_VALUES, '--rm', `sha256:${ID.slice(2)}`, `sha512:${ID}`, `sha256:--env-file=/proc/self/environ`, '']) {
      assert.ok(!isImageId(bad), JSON.stringify(bad));
    }
  });

  it('takes a reference by the reference grammar, never one starting with "-"', () => {
    for (const good of ['busybox', 'busybox:latest', 'ghcr.io/org/app:1.2', '127.0.0.1:5000/team/app:v1', `app@sha256:${ID}`, 'localhost/a_b__c']) {
      assert.strictEqual(validatedReference(good), good);
    }
    for (const bad of [...HOSTILE_VALUES, ...HOSTILE_VALUES.map((v) => `${v}:latest`), '-rm', '--rm:latest', 'Upper:1', ID, 'a:b:c', '', 'app:latest\n']) {
      assert.strictEqual(validatedReference(bad), undefined, JSON.stringify(bad));
    }
  });

  it('quotes an untrusted value so a message reads as what it is', () => {
    assert.strictEqual(shown('--env-file=/proc/self/environ'), '"--env-file=/proc/self/environ"');
    assert.strictEqual(shown('web\n--privileged'), '"web\\n--privileged"');
    assert.strictEqual(shown('\u001b]0;pwned\u0007'), '"\\u001b]0;pwned\\u0007"'.replace(']', '\\u005d'));
    assert.strictEqual(shown('a\u202eb\u2028c\u0085'), '"a\\u202eb\\u2028c\\u0085"');
    assert.strictEqual(shown('[open](command:x)'), '"\\u005bopen\\u005d(command:x)"');
    assert.strictEqual(shown('x'.repeat(200)), `"${'x'.repeat(77)}..."`);
    assert.strictEqual(shown(undefined), '"undefined"');
    for (const value of HOSTILE_VALUES) assert.ok(!/[\u0000-\u001f[\]]/.test(shown(value)), shown(value));
  });

  it('shows a plain name as it is and anything else quoted', () => {
    assert.strictEqual(displayName('web-1'), 'web-1');
    assert.strictEqual(displayName('my app'), 'my app');
    assert.strictEqual(displayName('a\nb'), '"a\\nb"');
    assert.strictEqual(displayName(''), '""');
    assert.strictEqual(displayName('[x](command:y)'), '"\\u005bx\\u005d(command:y)"');
  });

  it('says what is wrong with a container: its id first, then its name', () => {
    assert.strictEqual(containerProblem({ id: ID, name: 'web' }), undefined);
    assert.strictEqual(
      containerProblem({ id: '--env-file=/proc/self/environ', name: 'web' }),
      'The engine returned an id that is not a container id: "--env-file=/proc/self/environ"',
    );
    assert.strictEqual(containerProblem({ id: ID, name: '--privileged' }), 'The engine returned a name that is not a container name: "--privileged"');
    assert.strictEqual(containerProblem({ id: 'x; rm -rf ~', name: '$(id)' }), 'The engine returned an id that is not a container id: "x; rm -rf ~"');
  });

  it('says what is wrong with an image row: its tag first, then its id', () => {
    assert.strictEqual(imageProblem({ reference: 'busybox:latest', id: `sha256:${ID}` }), undefined);
    assert.strictEqual(imageProblem({ id: `sha256:${ID}` }), undefined);
    assert.strictEqual(
      imageProblem({ reference: '--env-file=/proc/self/environ:latest', id: `sha256:${ID}` }),
      'The engine returned a tag that is not an image reference: "--env-file=/proc/self/environ:latest"',
    );
    assert.strictEqual(imageProblem({ id: '--rm' }), 'The engine returned an id that is not an image id: "--rm"');
    assert.strictEqual(imageProblem({ reference: 'busybox:latest', id: '$(id)' }), 'The engine returned an id that is not an image id: "$(id)"');
  });

  it("takes a Compose project's folder and files from the engine only as absolute paths", () => {
    assert.strictEqual(composeProjectProblem('/srv/shop', ['/srv/shop/compose.yaml', '/srv/shop/--odd.yml']), undefined);
    assert.strictEqual(
      composeProjectProblem('--project-directory=/', ['/srv/compose.yaml']),
      'The engine returned a Compose working folder that is not an absolute path: "--project-directory=/"',
    );
    assert.strictEqual(
      composeProjectProblem('/srv', ['/srv/compose.yaml', '--env-file=/proc/self/environ']),
      'The engine returned a compose file that is not an absolute path: "--env-file=/proc/self/environ"',
    );
    assert.strictEqual(composeProjectProblem('/srv', ['/srv/a\n.yml']), 'The engine returned a compose file that is not an absolute path: "/srv/a\\n.yml"');
    assert.strictEqual(composeProjectProblem('/srv', []), 'The engine returned a compose file that is not an absolute path: ""');
    assert.strictEqual(composeProjectProblem(undefined, ['/srv/compose.yaml']), 'The engine returned a Compose working folder that is not an absolute path: "undefined"');
  });
});
