// The stats view against the test engine: the panel of a running container gets samples from the engine's real stats
// stream and its webview draws them; hiding or closing the panel ends the engine's stream (showing it again opens a new
// one); a container that stops shows as stopped, starts being followed again when it starts, and shows as removed;
// a container that started after its row was drawn is followed (the engine, not the row, says how it is); a Compose
// project's row and a multi-selection show all their containers; the Command Palette asks which.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { StatsPanel, StatsPanelState } from '../../client/src/statsView/StatsPanel';
import type { ComposeProjectNode, ContainerNodeModel } from '../../client/src/tree/containerNodes';
import { activateExtension, docker, TEST_IMAGE, waitFor } from './helpers';

const LABEL = 'dw.test=vscode-stats';
const PROJECT = 'dwstats';
const COMMAND = 'dockerWorkflows.containers.statsView';

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

function cleanUp(): void {
  const ours = lines(docker('ps', '-aq', '--filter', `label=${LABEL}`));
  if (ours.length) docker('rm', '-f', ...ours);
}

/** A container of the test image; in the Compose project PROJECT when a service is given. */
function run(name: string, service?: string): string {
  const compose = service ? ['--label', `com.docker.compose.project=${PROJECT}`, '--label', `com.docker.compose.service=${service}`] : [];
  return docker('run', '-d', '--name', name, '--label', LABEL, ...compose, '--memory', '64m', TEST_IMAGE, 'httpd', '-f', '-p', '80', '-h', '/www');
}

describe('Stats view', () => {
  let api: ExtensionApi;
  const opened: StatsPanel[] = [];

  const row = (name: string) =>
    waitFor(`${name} running in the view`, async () => {
      const rows = (await api.containers.rows()).flatMap((r): ContainerNodeModel[] => (r.kind === 'project' ? [r, ...r.children] : [r]));
      const found = rows.find((r) => r.kind === 'container' && r.label === name);
      return found?.contextValue === 'container.running' && found;
    });
  const open = async (...args: unknown[]): Promise<StatsPanel> => {
    const panel = await vscode.commands.executeCommand<StatsPanel>(COMMAND, ...args);
    assert.ok(panel, 'the command opened no panel');
    opened.push(panel);
    return panel;
  };
  const stateOf = (panel: StatsPanel): StatsPanelState => {
    const state = api.stats.panels().find((p) => p.title === panel.title);
    assert.ok(state, `no open panel "${panel.title}"`);
    return state;
  };
  const container = (panel: StatsPanel, name: string) => {
    const found = stateOf(panel).containers.find((c) => c.name === name);
    assert.ok(found, `${name} is not in the panel`);
    return found;
  };
  /** Until the running container has `samples` samples of the stream now followed and the webview drew them. */
  const drawn = (panel: StatsPanel, name: string, samples = 2) =>
    waitFor(`${samples} samples of ${name} drawn`, () => {
      const c = container(panel, name);
      return c.status === 'running' && c.samples >= samples && c.drawn > 0 && stateOf(panel).ready && c;
    }, 20_000);

  before(async () => {
    cleanUp();
    run('dw-stats-web');
    run('dw-stats-stop');
    run('dw-stats-a', 'web');
    run('dw-stats-b', 'worker');
    api = await activateExtension();
    await vscode.commands.executeCommand('dockerWorkflows.containers.focus');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
  });

  afterEach(() => {
    for (const panel of opened.splice(0)) panel.dispose();
  });

  after(cleanUp);

  it("draws a running container's samples from the engine's stats stream, with the figures docker stats shows", async () => {
    const id = docker('inspect', '-f', '{{.Id}}', 'dw-stats-web');
    const streams = api.stats.openStreams() ?? 0;
    const panel = await open(await row('dw-stats-web'));
    assert.strictEqual(panel.panel.title, 'Stats: dw-stats-web');
    const web = await drawn(panel, 'dw-stats-web');
    assert.deepStrictEqual(
      { id: web.id, status: web.status, streaming: web.streaming, openStreams: api.stats.openStreams() },
      { id, status: 'running', streaming: true, openStreams: streams + 1 },
    );
    const latest = web.latest!;
    // httpd -f is the container's one process; --memory 64m is its limit.
    assert.deepStrictEqual(
      { pids: latest.pids, limit: latest.memoryLimit, percent: latest.memoryPercent, engineTime: Math.abs(latest.t - Date.now()) < 60_000 },
      { pids: 1, limit: 64 * 1024 * 1024, percent: (latest.memoryUsage / (64 * 1024 * 1024)) * 100, engineTime: true },
    );
    assert.ok(latest.memoryUsage > 0 && latest.memoryUsage < 64 * 1024 * 1024, String(latest.memoryUsage));
    assert.ok(latest.cpuPercent >= 0 && latest.networkRx >= 0 && latest.rxRate !== undefined && latest.rxRate >= 0, JSON.stringify(latest));

    const { message } = web;
    assert.deepStrictEqual(
      { name: message.name, status: message.status, statusText: message.statusText },
      { name: 'dw-stats-web', status: 'running', statusText: 'running' },
    );
    assert.deepStrictEqual(
      message.charts.map((chart) => [chart.key, chart.title, chart.series.map((s) => `${s.key}:${s.label}`)]),
      [
        ['cpu', 'CPU', ['cpu:CPU']],
        ['memory', 'Memory', ['memory:used']],
        ['network', 'Network I/O', ['rx:received', 'tx:sent']],
        ['block', 'Block I/O', ['read:read', 'write:written']],
      ],
    );
    const [cpu, memory, network, block] = message.charts;
    assert.match(cpu.series[0].value, /^\d+\.\d\d%$/);
    assert.strictEqual(cpu.note, '1 process');
    assert.match(memory.series[0].value, /^\d+(\.\d+)? (KiB|MiB)$/);
    assert.match(memory.note, /^limit 64 MiB \(\d+\.\d\d% used\)$/);
    for (const chart of [network, block]) {
      assert.match(chart.top, /^\d+ [kMG]?B\/s$/);
      for (const series of chart.series) assert.match(series.value, /^\d+(\.\d+)? [kMG]?B\/s$/);
    }
    // Every line ends at the newest sample (x = 1), each point inside the chart.
    for (const series of [cpu, memory].map((chart) => chart.series[0])) {
      assert.ok(series.points.length >= 2, JSON.stringify(series.points));
      assert.strictEqual(series.points.at(-1)?.[0], 1);
      assert.ok(series.points.every((p) => p === null || (p[0] >= 0 && p[0] <= 1 && p[1] >= 0 && p[1] <= 1)), JSON.stringify(series.points));
    }
    // The same containers again: the panel already open.
    assert.strictEqual(await vscode.commands.executeCommand(COMMAND, await row('dw-stats-web')), panel);
  });

  it('ends the engine stream while the panel is hidden and when it is closed, and follows again when it is shown', async () => {
    const streams = api.stats.openStreams() ?? 0;
    const panel = await open(await row('dw-stats-web'));
    await drawn(panel, 'dw-stats-web', 1);
    await waitFor('one more open stream', () => api.stats.openStreams() === streams + 1);

    const other = await vscode.workspace.openTextDocument({ content: 'in front of the stats view' });
    await vscode.window.showTextDocument(other, { viewColumn: panel.panel.viewColumn, preview: false });
    await waitFor('the panel hidden and its stream ended', () => {
      const web = container(panel, 'dw-stats-web');
      return !stateOf(panel).visible && !web.streaming && api.stats.openStreams() === streams && web;
    });
    const received = container(panel, 'dw-stats-web').received;

    panel.panel.reveal();
    await waitFor('the panel shown again', () => stateOf(panel).visible);
    const again = await drawn(panel, 'dw-stats-web', 2);
    assert.ok(again.received >= received + 2, `${again.received} samples after ${received}`);
    assert.strictEqual(api.stats.openStreams(), streams + 1);
    // The window kept what came before: a gap, then the new stream's line.
    assert.ok(again.message.charts[0].series[0].points.includes(null), JSON.stringify(again.message.charts[0].series[0].points));

    panel.dispose();
    await waitFor('the panel closed and its stream ended', () => !api.stats.panels().some((p) => p.title === panel.title) && api.stats.openStreams() === streams);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a container that stops as stopped, follows it again when it starts, and shows it removed', async () => {
    const streams = api.stats.openStreams() ?? 0;
    const panel = await open(await row('dw-stats-stop'));
    await drawn(panel, 'dw-stats-stop', 1);
    docker('kill', 'dw-stats-stop');
    const stopped = await waitFor('the container shown stopped', () => {
      const c = container(panel, 'dw-stats-stop');
      return c.status === 'stopped' && !c.streaming && api.stats.openStreams() === streams && c;
    });
    assert.deepStrictEqual([stopped.message.status, stopped.message.statusText], ['stopped', 'stopped']);

    docker('start', 'dw-stats-stop');
    const started = await drawn(panel, 'dw-stats-stop', 1);
    assert.deepStrictEqual([started.status, started.message.statusText, started.streaming], ['running', 'running', true]);

    docker('rm', '-f', 'dw-stats-stop');
    const removed = await waitFor('the container shown removed', () => {
      const c = container(panel, 'dw-stats-stop');
      return c.status === 'removed' && !c.streaming && api.stats.openStreams() === streams && c;
    });
    assert.strictEqual(removed.message.statusText, 'removed');
  });

  it('follows a container that started after its row was drawn: the engine says it runs, not the older row', async () => {
    docker('create', '--name', 'dw-stats-late', '--label', LABEL, TEST_IMAGE, 'httpd', '-f', '-p', '80', '-h', '/www');
    const created = await waitFor('dw-stats-late created in the view', async () =>
      (await api.containers.rows()).find((r): r is ContainerNodeModel => r.kind === 'container' && r.label === 'dw-stats-late' && r.contextValue !== 'container.running'),
    );
    docker('start', 'dw-stats-late');
    // The view has taken the start event in: the panel opened from the older row hears no more of it.
    await row('dw-stats-late');
    const panel = await open(created);
    const late = await drawn(panel, 'dw-stats-late', 1);
    assert.deepStrictEqual([late.status, late.message.statusText, late.streaming], ['running', 'running', true]);
  });

  it('follows again over the new connection when the session connects anew (Retry)', async () => {
    const panel = await open(await row('dw-stats-web'));
    const before = await drawn(panel, 'dw-stats-web', 1);
    const streams = api.stats.openStreams();
    await vscode.commands.executeCommand('dockerWorkflows.engine.retry');
    await waitFor('the engine connection', () => api.containers.state().kind === 'up');
    // The engine of the first stream was disposed with the old connection; a new stream comes from the new one.
    const again = await drawn(panel, 'dw-stats-web', 2);
    assert.ok(again.received >= before.received + 2, `${again.received} samples after ${before.received}`);
    // The new engine follows its events and this one stats stream, as the old one did.
    assert.deepStrictEqual([again.streaming, again.message.statusText, api.stats.openStreams()], [true, 'running', streams]);
  });

  it("shows every container of a Compose project's row, and of a multi-selection", async () => {
    const project = await waitFor('the project row', async () =>
      (await api.containers.rows()).find((r): r is ComposeProjectNode => r.kind === 'project' && r.project === PROJECT && r.children.length === 2),
    );
    const panel = await open(project);
    assert.strictEqual(panel.panel.title, `Stats: ${PROJECT}`);
    await drawn(panel, 'dw-stats-a', 1);
    await drawn(panel, 'dw-stats-b', 1);
    assert.deepStrictEqual(stateOf(panel).containers.map((c) => [c.name, c.status, c.streaming]), [['dw-stats-a', 'running', true], ['dw-stats-b', 'running', true]]);

    const [a, web] = [await row('dw-stats-a'), await row('dw-stats-web')];
    const both = await open(a, [a, web]);
    assert.strictEqual(both.panel.title, 'Stats: 2 containers');
    await drawn(both, 'dw-stats-web', 1);
    assert.deepStrictEqual(stateOf(both).containers.map((c) => c.name), ['dw-stats-a', 'dw-stats-web']);
  });

  it('asks which running containers when run from the Command Palette', async () => {
    api.answerNextPrompts(['dw-stats-b', 'dw-stats-web']);
    const panel = await open();
    assert.deepStrictEqual(api.shownMessages().at(-1), { kind: 'pick', message: 'Show the stats of which containers?' });
    assert.deepStrictEqual([panel.panel.title, stateOf(panel).containers.map((c) => c.name)], ['Stats: 2 containers', ['dw-stats-b', 'dw-stats-web']]);
    await drawn(panel, 'dw-stats-b', 1);

    api.answerNextPrompts(undefined);
    assert.strictEqual(await vscode.commands.executeCommand(COMMAND), undefined);
  });
});
