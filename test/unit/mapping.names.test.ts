// Which of the engine's names a container row takes (engine/dockerodeMapping.ts): its own, as `docker ps` picks it.
import * as assert from 'assert';
import type Docker from 'dockerode';
import { toContainerSummary } from '../../client/src/engine/dockerodeMapping';

const ID = '5e1f'.repeat(16);
const nameOf = (extra: object) => toContainerSummary({ Id: ID, State: 'running', ...extra } as unknown as Docker.ContainerInfo).name;

describe('engine mapping: container names', () => {
  it("takes the container's own name, not a legacy link's (\"/web/db\"), whatever the order", () => {
    assert.strictEqual(nameOf({ Names: ['/web/db', '/db'] }), 'db');
    assert.strictEqual(nameOf({ Names: ['/db', '/web/db'] }), 'db');
  });

  it('keeps an odd name as the engine wrote it (the commands refuse it, the view shows it)', () => {
    assert.strictEqual(nameOf({ Names: ['/--env-file=/proc/self/environ'] }), '--env-file=/proc/self/environ');
    assert.strictEqual(nameOf({ Names: ['/web\n--privileged'] }), 'web\n--privileged');
  });

  it('falls back to the short id without names', () => {
    assert.strictEqual(nameOf({ Names: [] }), ID.slice(0, 12));
    assert.strictEqual(nameOf({}), ID.slice(0, 12));
  });
});
