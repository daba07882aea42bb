import * as assert from 'assert';
import { PushTracker } from '../../client/src/commands/registries/pushProgress';
import { suggestTarget, targetProblem } from '../../client/src/commands/registries/pushTarget';

describe('push to a registry', () => {
  it('suggests the repository row, else the image name (in the Hub namespace on Docker Hub)', () => {
    assert.strictEqual(suggestTarget('dw-test/busybox:latest', 'team/app', undefined), 'team/app:latest');
    assert.strictEqual(suggestTarget('ghcr.io/org/tool:1.2', undefined, undefined), 'tool:1.2');
    assert.strictEqual(suggestTarget('web', undefined, 'dwuser'), 'dwuser/web:latest');
    assert.strictEqual(suggestTarget(`sha256:${'a'.repeat(64)}`, undefined, undefined), 'image:latest');
  });

  it('refuses what cannot be pushed, in plain words', () => {
    assert.strictEqual(targetProblem('127.0.0.1:5000', 'team/app:1.0'), undefined);
    assert.strictEqual(targetProblem('127.0.0.1:5000', ''), 'Type a repository, e.g. team/app:1.0.');
    assert.strictEqual(targetProblem('127.0.0.1:5000', `app@sha256:${'a'.repeat(64)}`), 'Push to a tag, not a digest.');
    assert.match(targetProblem('127.0.0.1:5000', 'Team/App')!, /^Not a valid repository and tag: /);
    assert.strictEqual(targetProblem('docker.io', 'app:1'), 'On Docker Hub a repository is namespace/name, e.g. yourname/app.');
  });

  it("counts the layers pushed and keeps the registry's digest", () => {
    const tracker = new PushTracker();
    assert.strictEqual(tracker.summary(), 'Preparing');
    tracker.add({ status: 'The push refers to repository [127.0.0.1:5000/team/app]' });
    tracker.add({ id: 'aaa', status: 'Preparing' });
    tracker.add({ id: 'bbb', status: 'Preparing' });
    tracker.add({ id: 'aaa', status: 'Pushing', current: 10, total: 100 });
    tracker.add({ id: 'bbb', status: 'Layer already exists' });
    assert.strictEqual(tracker.summary(), '1 of 2 layers pushed');
    tracker.add({ id: 'aaa', status: 'Pushed' });
    tracker.add({ status: `1.0: digest: sha256:${'f'.repeat(64)} size: 527` });
    assert.strictEqual(tracker.summary(), '2 of 2 layers pushed');
    assert.strictEqual(tracker.digest, `sha256:${'f'.repeat(64)}`);
  });
});
