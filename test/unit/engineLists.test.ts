import * as assert from 'assert';
import { kindsChangedBy } from '../../client/src/engine/EngineLists';
import type { EngineEvent } from '../../client/src/engine/types';

function event(type: string, action: string): EngineEvent {
  return { type, action, id: 'x', time: 0, attributes: {} };
}

describe('which lists an engine event changes', () => {
  const cases: [string, string, string[]][] = [
    ['container', 'start', ['containers']],
    ['container', 'die', ['containers']],
    ['container', 'destroy', ['containers']],
    ['container', 'health_status: healthy', ['containers']],
    ['container', 'exec_start: sh', []],
    ['container', 'attach', []],
    ['container', 'resize', []],
    ['container', 'commit', ['images']],
    ['image', 'pull', ['images']],
    ['image', 'tag', ['images']],
    ['image', 'untag', ['images']],
    ['image', 'delete', ['images']],
    ['image', 'prune', ['images']],
    ['image', 'push', []],
    ['volume', 'create', ['volumes']],
    ['volume', 'destroy', ['volumes']],
    ['volume', 'mount', []],
    ['volume', 'unmount', []],
    ['network', 'create', ['networks']],
    ['network', 'destroy', ['networks']],
    ['network', 'connect', ['networks', 'containers']],
    ['network', 'disconnect', ['networks', 'containers']],
    ['builder', 'prune', ['images']],
    ['daemon', 'reload', []],
    ['plugin', 'enable', []],
  ];
  for (const [type, action, kinds] of cases) {
    it(`${type} ${action} -> ${kinds.join(', ') || 'nothing'}`, () => {
      assert.deepStrictEqual(kindsChangedBy(event(type, action)), kinds);
    });
  }
});
