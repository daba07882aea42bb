// What the stats view's webview gets: scales, numbers in words and lines scaled to the charts; what it may send back;
// and its page with a strict Content Security Policy.
import * as assert from 'assert';
import type { ContainerStats } from '../../client/src/engine/types';
import { statsCsp, statsHtml } from '../../client/src/statsView/statsHtml';
import {
  binaryTop, chartsOf, containerMessage, decimalTop, formatRate, parseWebviewMessage, statusText,
} from '../../client/src/statsView/statsMessages';
import { StatsWindow } from '../../client/src/statsView/statsWindow';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
const ID = 'a'.repeat(64);

function sample(read: number, fields: Partial<ContainerStats>): ContainerStats {
  return { read, cpuPercent: 0, memoryUsage: 0, memoryLimit: GIB, memoryPercent: 0, networkRx: 0, networkTx: 0, blockRead: 0, blockWrite: 0, pids: 2, ...fields };
}

describe('stats view: scales and units', () => {
  it('puts a chart top at 1, 2 or 5 times a power of ten, at least the floor', () => {
    const cases: [number, number, number][] = [
      [0, 1, 1], [0.3, 1, 1], [1, 1, 1], [1.01, 1, 2], [3, 1, 5], [7, 1, 10], [100, 1, 100], [101, 1, 200],
      [250, 1000, 1000], [1001, 1000, 2000], [4500, 1000, 5000], [Number.NaN, 1, 1], [0.3, 0.1, 0.5],
    ];
    assert.deepStrictEqual(cases.map(([value, floor]) => decimalTop(value, floor)), cases.map(([, , top]) => top));
  });

  it('puts a memory chart top at a power of two, at least the floor', () => {
    assert.deepStrictEqual([binaryTop(0, MIB), binaryTop(1.5 * MIB, MIB), binaryTop(2 * MIB, MIB), binaryTop(3 * GIB, MIB)], [MIB, 2 * MIB, 2 * MIB, 4 * GIB]);
  });

  it('writes rates in decimal units per second, as docker stats writes I/O', () => {
    assert.deepStrictEqual([formatRate(0), formatRate(648), formatRate(1050), formatRate(2_500_000)], ['0 B/s', '648 B/s', '1.05 kB/s', '2.5 MB/s']);
  });
});

describe('stats view: the messages of a container', () => {
  it('shapes the four charts of a window: tops, newest values, notes and lines scaled across two minutes', () => {
    const window = new StatsWindow();
    window.add(sample(T0, { cpuPercent: 10, memoryUsage: 3 * MIB, memoryPercent: (3 / 1024) * 100 }), 0);
    window.add(sample(T0 + 1000, { cpuPercent: 30, memoryUsage: 5 * MIB, networkRx: 2000, networkTx: 500, blockRead: 4096 }), 0);
    window.add(
      sample(T0 + 2000, { cpuPercent: 20, memoryUsage: 4 * MIB, memoryPercent: (4 / 1024) * 100, networkRx: 6000, networkTx: 1000, blockRead: 4096, blockWrite: 1_000_000, pids: 3 }),
      0,
    );
    assert.deepStrictEqual(chartsOf(window.points), [
      {
        key: 'cpu',
        title: 'CPU',
        top: '50%',
        note: '3 processes',
        series: [{ key: 'cpu', label: 'CPU', value: '20.00%', points: [[0.9833, 0.2], [0.9917, 0.6], [1, 0.4]] }],
      },
      {
        key: 'memory',
        title: 'Memory',
        top: '8 MiB',
        note: 'limit 1 GiB (0.39% used)',
        series: [{ key: 'memory', label: 'used', value: '4 MiB', points: [[0.9833, 0.375], [0.9917, 0.625], [1, 0.5]] }],
      },
      {
        key: 'network',
        title: 'Network I/O',
        top: '5 kB/s',
        note: 'in all 6 kB received, 1 kB sent',
        series: [
          { key: 'rx', label: 'received', value: '4 kB/s', points: [[0.9917, 0.4], [1, 0.8]] },
          { key: 'tx', label: 'sent', value: '500 B/s', points: [[0.9917, 0.1], [1, 0.1]] },
        ],
      },
      {
        key: 'block',
        title: 'Block I/O',
        top: '1 MB/s',
        note: 'in all 4.1 kB read, 1 MB written',
        series: [
          { key: 'read', label: 'read', value: '0 B/s', points: [[0.9917, 0.0041], [1, 0]] },
          { key: 'write', label: 'written', value: '1 MB/s', points: [[0.9917, 0], [1, 1]] },
        ],
      },
    ]);
  });

  it('breaks the lines where a new stream began (the view was hidden meanwhile), and leaves out what fell off the window', () => {
    const window = new StatsWindow();
    window.add(sample(T0, { cpuPercent: 1, networkRx: 0 }), 0);
    window.add(sample(T0 + 30_000, { cpuPercent: 1, networkRx: 300_000 }), 0);
    window.startStream();
    window.add(sample(T0 + 90_000, { cpuPercent: 0.5, networkRx: 300_000 }), 0);
    window.add(sample(T0 + 120_000, { cpuPercent: 0.5, networkRx: 600_000 }), 0);
    const [cpu, , network] = chartsOf(window.points);
    assert.deepStrictEqual(cpu.series[0].points, [[0, 1], [0.25, 1], null, [0.75, 0.5], [1, 0.5]]);
    assert.deepStrictEqual(network.series[0].points, [[0.25, 1], null, [1, 1]]);
    assert.deepStrictEqual([cpu.top, network.top, network.series[0].value], ['1%', '10 kB/s', '10 kB/s']);
  });

  it('ends the x axis at "now" while the container is followed, else at its last sample', () => {
    const axis = (status: 'running' | 'paused' | 'stopped' | 'removed' | 'failed') => containerMessage({ id: ID, name: 'web', status, samples: 1, points: [] }).axis.to;
    assert.deepStrictEqual((['running', 'paused', 'stopped', 'removed', 'failed'] as const).map(axis), ['now', 'now', 'last sample', 'last sample', 'last sample']);
    assert.deepStrictEqual(containerMessage({ id: ID, name: 'web', status: 'running', samples: 1, points: [] }, 60_000).axis, { from: '−1 min', to: 'now' });
  });

  it('says where a container stands beside its name', () => {
    assert.deepStrictEqual(
      [
        statusText('running', 0),
        statusText('running', 4),
        statusText('paused', 0),
        statusText('stopped', 4),
        statusText('removed', 0),
        statusText('failed', 2, 'the engine closed the connection'),
      ],
      ['running, waiting for the first sample', 'running', 'paused, waiting for the first sample', 'stopped', 'removed', 'stats stopped: the engine closed the connection'],
    );
  });

  it('shapes a container without samples yet: empty lines, no values, the charts at their least tops', () => {
    const message = containerMessage({ id: ID, name: 'web', status: 'stopped', samples: 0, points: [] });
    assert.deepStrictEqual(
      { ...message, charts: message.charts.map((c) => [c.top, c.note, ...c.series.map((s) => `${s.label} ${s.value} ${s.points.length}`)]) },
      {
        id: ID,
        name: 'web',
        status: 'stopped',
        statusText: 'stopped',
        axis: { from: '−2 min', to: 'last sample' },
        charts: [
          ['1%', '', 'CPU – 0'],
          ['1 MiB', '', 'used – 0'],
          ['1 kB/s', '', 'received – 0', 'sent – 0'],
          ['1 kB/s', '', 'read – 0', 'written – 0'],
        ],
      },
    );
  });

  it('accepts only the messages the webview may send', () => {
    assert.deepStrictEqual(
      [
        { type: 'ready' },
        { type: 'drawn', id: ID, points: 12 },
        { type: 'drawn', id: ID, points: -1 },
        { type: 'drawn', id: ID, points: 1.5 },
        { type: 'drawn', id: 7, points: 1 },
        { type: 'start', id: ID },
        'ready',
        null,
      ].map(parseWebviewMessage),
      [{ type: 'ready' }, { type: 'drawn', id: ID, points: 12 }, undefined, undefined, undefined, undefined, undefined, undefined],
    );
  });
});

describe('stats view: the page', () => {
  const page = statsHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'bm9uY2Utb2YtdGVzdA==',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/statsView.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/statsView.css',
    title: 'Stats: <web> & "db"',
  });

  it('allows nothing by default, styles from the extension only and the one script with its nonce', () => {
    assert.strictEqual(
      statsCsp('https://file+.vscode-resource.vscode-cdn.net', 'bm9uY2Utb2YtdGVzdA=='),
      "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-bm9uY2Utb2YtdGVzdA=='",
    );
    assert.ok(
      page.includes(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-bm9uY2Utb2YtdGVzdA=='">`,
      ),
    );
  });

  it('loads only the extension\'s script and stylesheet, with no inline script or style, and escapes the title', () => {
    assert.deepStrictEqual(page.match(/<script[^>]*>/g), ['<script nonce="bm9uY2Utb2YtdGVzdA==" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/statsView.js">']);
    assert.ok(page.includes('<script nonce="bm9uY2Utb2YtdGVzdA==" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/statsView.js"></script>'));
    assert.deepStrictEqual(page.match(/<link[^>]*>/g), ['<link rel="stylesheet" href="https://file+.vscode-resource.vscode-cdn.net/ext/media/statsView.css">']);
    assert.deepStrictEqual([/<style/.test(page), /style=/.test(page), /https?:\/\/(?!file\+\.vscode-resource)/.test(page)], [false, false, false]);
    assert.ok(page.includes('<title>Stats: &#60;web&#62; &#38; &#34;db&#34;</title>'));
  });
});
