import * as assert from 'assert';
import type { ContextList, DockerContext } from '../../client/src/engine/contexts';
import { contextTree } from '../../client/src/tree/contextNodes';

const defaultContext: DockerContext = { name: 'default', description: 'The default engine (no context)', host: 'unix:///var/run/docker.sock', skipTlsVerify: false, tlsFiles: [] };
const prod: DockerContext = {
  name: 'prod.eu+1',
  description: 'Production *EU*',
  host: 'tcp://10.0.0.2:2376',
  skipTlsVerify: true,
  tlsFiles: ['ca.pem', 'cert.pem', 'key.pem'],
  metaDir: '/c/contexts/meta/abc',
};
const broken: DockerContext = { name: '0123456789ab', description: '', skipTlsVerify: false, tlsFiles: [], metaDir: '/c/contexts/meta/0123456789abff', problem: 'its meta.json is not valid JSON' };

function list(current: string, currentFrom: ContextList['currentFrom'] = 'config.json'): ContextList {
  return { configDir: '/c', current, currentFrom, contexts: [defaultContext, prod, broken] };
}

describe('contextTree', () => {
  it('maps every context to a row: endpoint as description, current marked, broken ones saying why', () => {
    const rows = contextTree(list('prod.eu+1'), 'default');
    assert.deepStrictEqual(
      rows.map(({ id, label, description, icon, contextValue, current, usedByViews }) => ({ id, label, description, icon, contextValue, current, usedByViews })),
      [
        {
          id: 'context:default',
          label: 'default',
          description: 'unix:///var/run/docker.sock · used by the views',
          icon: { id: 'plug' },
          contextValue: 'context.default.inUse',
          current: false,
          usedByViews: true,
        },
        {
          id: 'context:prod.eu+1',
          label: 'prod.eu+1',
          description: 'tcp://10.0.0.2:2376 · current',
          icon: { id: 'pass-filled', color: 'charts.green' },
          contextValue: 'context.current',
          current: true,
          usedByViews: false,
        },
        {
          id: 'context-broken:/c/contexts/meta/0123456789abff',
          label: '0123456789ab',
          description: 'cannot be used: its meta.json is not valid JSON',
          icon: { id: 'warning', color: 'list.warningForeground' },
          contextValue: 'context.broken',
          current: false,
          usedByViews: false,
        },
      ],
    );
    assert.strictEqual(rows[1].context, prod);
  });

  it('writes tooltips with the description, endpoint, TLS, the reason it is current and where it is stored', () => {
    const [, row] = contextTree(list('prod.eu+1', 'DOCKER_CONTEXT'), 'prod.eu+1');
    assert.strictEqual(
      row.tooltip,
      [
        '**prod\\.eu\\+1** (current)',
        '',
        [
          'Production \\*EU\\*',
          'Endpoint: `tcp://10.0.0.2:2376`',
          'TLS material: ca.pem, cert.pem, key.pem',
          'Skips TLS verification',
          "The docker CLI's current context (named by DOCKER_CONTEXT)",
          'The views use this engine',
          'Stored in `/c/contexts/meta/abc`',
        ].join('  \n'),
      ].join('\n'),
    );
    assert.strictEqual(row.contextValue, 'context.current.inUse');
    const [def] = contextTree(list('default', 'none'), undefined);
    assert.strictEqual(def.contextValue, 'context.default.current');
    assert.strictEqual(def.description, 'unix:///var/run/docker.sock · current');
    assert.strictEqual(
      def.tooltip,
      "**default** (current)\n\nThe default engine \\(no context\\)  \nEndpoint: `unix:///var/run/docker.sock`  \nThe docker CLI's current context (no other context is chosen)",
    );
    const [, , bad] = contextTree(list('default'), undefined);
    assert.strictEqual(bad.tooltip, '**0123456789ab**\n\nCannot be used: its meta\\.json is not valid JSON  \nEndpoint: none  \nStored in `/c/contexts/meta/0123456789abff`');
  });

  it('never marks a broken row current or in use, even when its short name matches', () => {
    const rows = contextTree(list('0123456789ab'), '0123456789ab');
    assert.deepStrictEqual(rows.map((r) => [r.current, r.usedByViews]), [[false, false], [false, false], [false, false]]);
  });
});
