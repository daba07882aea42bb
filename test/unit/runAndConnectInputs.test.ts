// What Connect and Disconnect offer and how their answers read (commands/networks/connectChoices.ts), the
// remembered answers of Run with Options (commands/images/runMemory.ts) and the multi-step loop (ui/steps.ts).
import * as assert from 'assert';
import {
  containersToJoin,
  inSubnet,
  networksToJoin,
  networksToLeave,
  parseAddress,
  parseAliases,
} from '../../client/src/commands/networks/connectChoices';
import { REMEMBERED_IMAGES, RUN_ANSWERS_KEY, rememberAnswers, rememberedAnswers, type AnswerStore } from '../../client/src/commands/images/runMemory';
import type { RunAnswers } from '../../client/src/commands/images/runAnswers';
import type { ContainerSummary, NetworkSummary } from '../../client/src/engine/types';
import { BACK, afterAnswer, runSteps } from '../../client/src/ui/steps';

const id = (seed: string) => seed.repeat(64).slice(0, 64);

function network(name: string, seed: string, driver = 'bridge'): NetworkSummary {
  return { id: id(seed), name, driver, scope: 'local', internal: false, created: 0, labels: {} };
}

function container(name: string, seed: string, networks: Record<string, string>): ContainerSummary {
  return { id: id(seed), name, image: 'web:1', imageId: '', command: '', created: 0, state: 'running', status: '', ports: [], labels: {}, networks, mounts: [] };
}

const NETWORKS = [
  network('dw-net-10', 'a'),
  network('bridge', 'b'),
  network('host', 'c', 'host'),
  network('none', 'd', 'null'),
  network('dw-net-2', 'e'),
  network('dw-twin', 'f'),
  network('dw-twin', '1'),
  network('--odd', '2'),
  { ...network('dw-bad-id', '3'), id: 'not-an-id' },
];

describe('network connections: choices and answers', () => {
  it('offers the networks a container is not on, never host, none or odd ones; twins by their id', () => {
    const web = container('web', '4', { bridge: '172.17.0.2', 'dw-net-2': '' });
    assert.deepStrictEqual(
      networksToJoin(web, NETWORKS).map((c) => [c.label, c.value.id]),
      [
        ['dw-net-10', id('a')],
        [`dw-twin (${id('1').slice(0, 12)})`, id('1')],
        [`dw-twin (${id('f').slice(0, 12)})`, id('f')],
      ],
    );
    assert.deepStrictEqual(networksToLeave(web), ['bridge', 'dw-net-2']);
    assert.deepStrictEqual(networksToLeave(container('x', '5', { 'dw-net-10': '', 'dw-net-2': '', '--odd': '' })), ['dw-net-2', 'dw-net-10']);
  });

  it('offers the containers not attached to a network, never those with an odd id or name', () => {
    const containers = [
      container('web-10', '6', {}),
      container('web-2', '7', {}),
      container('db', '8', {}),
      container('--privileged', '9', {}),
      { ...container('short-id', '0', {}), id: 'abc' },
    ];
    assert.deepStrictEqual(
      containersToJoin([id('8')], containers).map((c) => [c.label, c.value.id]),
      [
        ['web-2', id('7')],
        ['web-10', id('6')],
      ],
    );
  });

  it('reads aliases separated by commas, once each; refuses one starting with "-"', () => {
    assert.deepStrictEqual(parseAliases(' db , db.local,, db '), { value: ['db', 'db.local'] });
    assert.deepStrictEqual(parseAliases(''), { value: [] });
    assert.deepStrictEqual(parseAliases('db, -x'), { problem: '"-x" is not an alias (a letter or digit, then letters, digits, "_", "." or "-").' });
    assert.deepStrictEqual(parseAliases('my db'), { problem: '"my db" is not an alias (a letter or digit, then letters, digits, "_", "." or "-").' });
  });

  it('reads a fixed IPv4 address inside the network\'s subnet, or none', () => {
    assert.deepStrictEqual(parseAddress(' 10.77.0.9 ', '10.77.0.0/24'), { value: '10.77.0.9' });
    assert.deepStrictEqual(parseAddress('', '10.77.0.0/24'), { value: undefined });
    assert.deepStrictEqual(parseAddress('10.88.0.9', '10.77.0.0/24'), { problem: "10.88.0.9 is not in the network's subnet 10.77.0.0/24." });
    assert.deepStrictEqual(parseAddress('10.88.0.9'), { value: '10.88.0.9' });
    assert.deepStrictEqual(parseAddress('10.77.0.256', '10.77.0.0/24'), { problem: '"10.77.0.256" is not an IPv4 address.' });
    assert.deepStrictEqual(parseAddress('fd00::9', 'fd00::/64'), { problem: '"fd00::9" is not an IPv4 address.' });
    assert.deepStrictEqual(
      [inSubnet('172.18.255.254', '172.18.0.0/16'), inSubnet('172.19.0.1', '172.18.0.0/16'), inSubnet('1.2.3.4', '0.0.0.0/0'), inSubnet('1.2.3.4', 'fd00::/64')],
      [true, false, true, true],
    );
  });
});

class MapStore implements AnswerStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

describe('Run with Options: remembered answers and steps', () => {
  const answers: RunAnswers = { name: 'dw-web', ports: '8080:80', env: 'A=1', volumes: '', network: 'bridge', restart: 'always', command: '', remove: false };

  it('remembers the last answers per image, newest first, at most 50 images', async () => {
    const store = new MapStore();
    assert.strictEqual(rememberedAnswers(store, 'web:1'), undefined);
    await rememberAnswers(store, 'web:1', answers);
    await rememberAnswers(store, 'web:2', { ...answers, name: 'other' });
    await rememberAnswers(store, 'web:1', { ...answers, ports: '9090:80' });
    assert.deepStrictEqual(rememberedAnswers(store, 'web:1'), { ...answers, ports: '9090:80' });
    assert.deepStrictEqual(rememberedAnswers(store, 'web:2'), { ...answers, name: 'other' });
    assert.deepStrictEqual((store.get<{ image: string }[]>(RUN_ANSWERS_KEY) ?? []).map((e) => e.image), ['web:1', 'web:2']);
    for (let i = 0; i < REMEMBERED_IMAGES; i++) await rememberAnswers(store, `many:${i}`, answers);
    assert.strictEqual(store.get<unknown[]>(RUN_ANSWERS_KEY)?.length, 50);
    assert.deepStrictEqual([rememberedAnswers(store, 'web:1'), rememberedAnswers(store, 'many:0')], [undefined, answers]);
  });

  it('ignores stored entries of another shape', async () => {
    const store = new MapStore();
    await store.update(RUN_ANSWERS_KEY, [{ image: 'web:1', answers: { ...answers, remove: 'yes' } }, { image: 'web:2', answers: { ...answers, extra: 1 } }, 'junk']);
    assert.deepStrictEqual([rememberedAnswers(store, 'web:1'), rememberedAnswers(store, 'web:2')], [undefined, answers]);
    await store.update(RUN_ANSWERS_KEY, { not: 'a list' });
    assert.strictEqual(rememberedAnswers(store, 'web:2'), undefined);
  });

  it('walks the steps: Back returns to the step before, the first has none, a cancel ends', async () => {
    const script: ('next' | 'back' | 'cancel')[] = ['next', 'next', 'back', 'back', 'back', 'next', 'next', 'next'];
    const visited: number[] = [];
    const steps = [0, 1, 2].map((i) => async () => {
      visited.push(i);
      return script.shift() ?? 'cancel';
    });
    assert.strictEqual(await runSteps(steps), true);
    assert.deepStrictEqual(visited, [0, 1, 2, 1, 0, 0, 1, 2]);
    assert.strictEqual(await runSteps([async () => 'next', async () => 'cancel', async () => 'next']), false);
    const kept: string[] = [];
    assert.deepStrictEqual(
      [afterAnswer('web', (v) => kept.push(v)), afterAnswer(BACK, (v) => kept.push(v)), afterAnswer(undefined, (v) => kept.push(v))],
      ['next', 'back', 'cancel'],
    );
    assert.deepStrictEqual(kept, ['web']);
  });
});
