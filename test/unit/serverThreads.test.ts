// The language server's V8 thread pool: sized to the machine's cores (client/src/serverThreads.ts).
import * as assert from 'assert';
import { serverExecArgv, v8PoolSize } from '../../client/src/serverThreads';

describe('the language server process options', () => {
  it('leaves one core to the main thread, at least one thread and at most Node\'s default 4', () => {
    assert.deepStrictEqual([1, 2, 3, 4, 5, 8, 64].map(v8PoolSize), [1, 1, 2, 3, 4, 4, 4]);
  });

  it('passes the pool size as a node option', () => {
    assert.deepStrictEqual(serverExecArgv(2), ['--v8-pool-size=1']);
    assert.deepStrictEqual(serverExecArgv(16), ['--v8-pool-size=4']);
  });
});
