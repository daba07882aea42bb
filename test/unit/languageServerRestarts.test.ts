// The language server's restarts: within a budget (5 in 3 minutes, like vscode-languageclient's default), quietly,
// and one message with the reason when it is given up or its start fails.
import * as assert from 'assert';
import { LanguageServerMonitor, RestartPolicy, type MonitorHooks } from '../../client/src/languageServerRestarts';

const MINUTE = 60_000;

/** Hooks with a fake clock and timers; each start() waits for the test to settle it. */
function harness() {
  let now = 0;
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const starts: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  const shown: string[] = [];
  const hooks: MonitorHooks = {
    start: () => new Promise<void>((resolve, reject) => starts.push({ resolve, reject })),
    showFailure: (message) => shown.push(message),
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  };
  return {
    hooks,
    starts,
    shown,
    /** Moves the clock on and runs the timers due. */
    advance(ms: number) {
      now += ms;
      for (const timer of timers.splice(0)) {
        if (timer.cancelled) continue;
        if (timer.at <= now) timer.run();
        else timers.push(timer);
      }
    },
    pendingTimers: () => timers.filter((t) => !t.cancelled).length,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('language server restart policy', () => {
  it('allows 5 restarts within 3 minutes and refuses the 6th exit', () => {
    const policy = new RestartPolicy();
    assert.deepStrictEqual([0, 10, 20, 30, 40, 50].map((s) => policy.onExit(s * 1000)), [true, true, true, true, true, false]);
    assert.strictEqual(policy.recentExits, 6);
  });

  it('forgets exits older than the window', () => {
    const policy = new RestartPolicy(5, 3 * MINUTE);
    for (const at of [0, 1, 2, 3, 4]) assert.strictEqual(policy.onExit(at * MINUTE), true);
    // At minute 5 the exits of minutes 0, 1 and 2 are out of the window: 3 remain with this one.
    assert.strictEqual(policy.onExit(5 * MINUTE), true);
    assert.strictEqual(policy.recentExits, 3);
    // A server that crashes every 40 seconds keeps being restarted (at most 5 exits in any 3 minutes).
    const slow = new RestartPolicy();
    assert.ok(Array.from({ length: 30 }, (_, i) => slow.onExit(i * 40_000)).every(Boolean));
    // Every 30 seconds is one too many: the 6th exit within 3 minutes (at 2.5 minutes) is refused.
    const fast = new RestartPolicy();
    assert.deepStrictEqual(Array.from({ length: 6 }, (_, i) => fast.onExit(i * 30_000)), [true, true, true, true, true, false]);
  });
});

describe('language server monitor', () => {
  it('runs after a start, and restarts an exited server quietly', async () => {
    const h = harness();
    const monitor = new LanguageServerMonitor(h.hooks);
    monitor.start();
    assert.deepStrictEqual(monitor.status(), { state: 'starting', restarts: 0 });
    h.starts[0].resolve();
    await monitor.ready;
    assert.deepStrictEqual(monitor.status(), { state: 'running', restarts: 0 });

    monitor.logged('Server process exited with signal SIGKILL.');
    assert.strictEqual(monitor.closed(), 'restart');
    assert.deepStrictEqual(monitor.status(), { state: 'restarting', restarts: 1 });
    assert.strictEqual(h.starts.length, 1, 'the restart waits for the client to settle');
    h.advance(250);
    assert.strictEqual(h.starts.length, 2);
    h.starts[1].resolve();
    await settle();
    assert.deepStrictEqual(monitor.status(), { state: 'running', restarts: 1 });
    assert.deepStrictEqual(h.shown, []);
  });

  it('gives up on the 6th exit within 3 minutes and says so once, with the last reason', async () => {
    const h = harness();
    const monitor = new LanguageServerMonitor(h.hooks);
    monitor.start();
    // A server that crashes while starting: every start ends with the connection closing, then rejects.
    for (let i = 0; i < 6; i++) {
      monitor.logged(`Server process exited with code ${i + 1}.`);
      const decision = monitor.closed();
      h.starts[i].reject(new Error('Connection got disposed.'));
      await settle();
      if (i < 5) {
        assert.strictEqual(decision, 'restart', `exit ${i + 1}`);
        h.advance(10_000);
      } else {
        assert.strictEqual(decision, 'stop');
      }
    }
    assert.strictEqual(h.starts.length, 6);
    const message = 'The Docker language server stopped 6 times within 3 minutes (last time its process exited with code 6) and is not restarted again.';
    assert.deepStrictEqual(h.shown, [message]);
    assert.deepStrictEqual(monitor.status(), { state: 'failed', restarts: 5, failure: message });
    // Whatever else happens, no second message and no more starts.
    assert.strictEqual(monitor.closed(), 'stop');
    h.advance(MINUTE);
    assert.strictEqual(h.starts.length, 6);
    assert.deepStrictEqual(h.shown, [message]);
  });

  it('says "did not start" once when the first start fails without the server exiting', async () => {
    const h = harness();
    const monitor = new LanguageServerMonitor(h.hooks);
    monitor.start();
    h.starts[0].reject(new Error('Server initialization failed.'));
    await settle();
    assert.deepStrictEqual(h.shown, ['The Docker language server did not start: Server initialization failed.']);
    assert.deepStrictEqual(monitor.status(), { state: 'failed', restarts: 0, failure: 'The Docker language server did not start: Server initialization failed.' });
    assert.strictEqual(h.pendingTimers(), 0);
  });

  it('a failed restart (no exit) is reported once too', async () => {
    const h = harness();
    const monitor = new LanguageServerMonitor(h.hooks);
    monitor.start();
    h.starts[0].resolve();
    await settle();
    monitor.closed();
    h.advance(250);
    h.starts[1].reject('spawn node ENOENT');
    await settle();
    assert.deepStrictEqual(h.shown, ['The Docker language server did not start: spawn node ENOENT.']);
    assert.strictEqual(monitor.status().state, 'failed');
  });

  it('gives up without a reason it does not know', async () => {
    const h = harness();
    const monitor = new LanguageServerMonitor(h.hooks, new RestartPolicy(0, MINUTE));
    monitor.start();
    h.starts[0].resolve();
    await settle();
    monitor.logged('Request textDocument/hover failed.');
    assert.strictEqual(monitor.closed(), 'stop');
    assert.deepStrictEqual(h.shown, ['The Docker language server stopped 1 time within 1 minute and is not restarted again.']);
  });

  it('carries on after a few connection errors and stops the server after the 4th, saying so once', () => {
    const h = harness();
    const monitor = new LanguageServerMonitor(h.hooks);
    monitor.start();
    assert.deepStrictEqual([1, 2, 3].map((n) => monitor.errored(n, 'write EPIPE')), ['continue', 'continue', 'continue']);
    assert.deepStrictEqual(h.shown, []);
    assert.strictEqual(monitor.errored(4, 'write EPIPE'), 'shutdown');
    assert.strictEqual(monitor.errored(undefined, 'write EPIPE'), 'shutdown');
    assert.deepStrictEqual(h.shown, ['The Docker language server was stopped after repeated errors on its connection: write EPIPE.']);
  });

  it('stops restarting once disposed (the extension is going away)', async () => {
    const h = harness();
    const monitor = new LanguageServerMonitor(h.hooks);
    monitor.start();
    h.starts[0].resolve();
    await settle();
    assert.strictEqual(monitor.closed(), 'restart');
    monitor.dispose();
    h.advance(MINUTE);
    assert.strictEqual(h.starts.length, 1);
    assert.strictEqual(monitor.closed(), 'stop');
    assert.deepStrictEqual(h.shown, []);
    assert.deepStrictEqual(monitor.status(), { state: 'disposed', restarts: 1 });
  });

  it('a start that settles after a newer one began does not count', async () => {
    const h = harness();
    const monitor = new LanguageServerMonitor(h.hooks);
    monitor.start();
    monitor.closed(); // The server exited while starting; the old start resolves late.
    h.advance(250);
    h.starts[0].resolve();
    await settle();
    assert.strictEqual(monitor.status().state, 'restarting');
    h.starts[1].resolve();
    await settle();
    assert.deepStrictEqual(monitor.status(), { state: 'running', restarts: 1 });
  });
});
