import * as assert from 'assert';
import { createHash } from 'crypto';
import { resolveConnection } from '../../client/src/engine/connection';
import {
  certFolderProblem,
  contextArgs,
  contextNameProblem,
  contextUse,
  createContextArgs,
  endpointProblem,
  listContexts,
  type ContextInputs,
} from '../../client/src/engine/contexts';

const sha = (name: string) => createHash('sha256').update(name).digest('hex');

/** An in-memory file system: file path -> contents. Folders are implied by the paths. */
function files(entries: Record<string, string>): Pick<ContextInputs, 'readFile' | 'listDir'> {
  return {
    readFile: (file) => entries[file],
    listDir: (dir) => {
      const prefix = `${dir}/`;
      const names = Object.keys(entries)
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length).split('/')[0]);
      return names.length > 0 ? [...new Set(names)] : undefined;
    },
  };
}

function meta(configDir: string, name: string, body: unknown, hash = sha(name)): Record<string, string> {
  return { [`${configDir}/contexts/meta/${hash}/meta.json`]: typeof body === 'string' ? body : JSON.stringify(body) };
}

const docker = (Host: string, SkipTLSVerify = false) => ({ docker: { Host, SkipTLSVerify } });

describe('listContexts', () => {
  it('lists only default when there is no configuration folder, with the default socket', () => {
    assert.deepStrictEqual(listContexts({ env: {}, ...files({}), homeDir: '/home/u', platform: 'linux' }), {
      configDir: '/home/u/.docker',
      current: 'default',
      currentFrom: 'none',
      contexts: [{ name: 'default', description: 'The default engine (no context)', host: 'unix:///var/run/docker.sock', skipTlsVerify: false, tlsFiles: [] }],
    });
  });

  it('gives default the DOCKER_HOST address when it is set (as the CLI does)', () => {
    const list = listContexts({ env: { DOCKER_HOST: 'tcp://10.0.0.2:2375' }, ...files({}), homeDir: '/home/u' });
    assert.deepStrictEqual(list.contexts, [
      { name: 'default', description: 'Current DOCKER_HOST based configuration', host: 'tcp://10.0.0.2:2375', skipTlsVerify: false, tlsFiles: [] },
    ]);
  });

  it('reads DOCKER_CONFIG: names with odd characters sorted naturally, description, TLS files, current from config.json', () => {
    const dir = '/tmp/dc';
    const fs = files({
      [`${dir}/config.json`]: JSON.stringify({ auths: {}, currentContext: 'my.ctx+1' }),
      ...meta(dir, 'web-10', { Name: 'web-10', Metadata: {}, Endpoints: docker('ssh://deploy@web10:2222') }),
      ...meta(dir, 'web-2', { Name: 'web-2', Metadata: { Description: 'Second *web*' }, Endpoints: docker('tcp://web2:2376', true) }),
      ...meta(dir, 'my.ctx+1', { Name: 'my.ctx+1', Metadata: {}, Endpoints: docker('unix:///run/a b.sock') }),
      [`${dir}/contexts/tls/${sha('web-2')}/docker/key.pem`]: 'k',
      [`${dir}/contexts/tls/${sha('web-2')}/docker/ca.pem`]: 'c',
      [`${dir}/contexts/tls/${sha('web-2')}/docker/cert.pem`]: 'c',
      [`${dir}/contexts/tls/${sha('web-2')}/docker/other.txt`]: 'x',
      [`/home/u/.docker/contexts/meta/${sha('elsewhere')}/meta.json`]: JSON.stringify({ Name: 'elsewhere' }),
    });
    const list = listContexts({ env: { DOCKER_CONFIG: dir }, ...fs, homeDir: '/home/u', platform: 'linux' });
    assert.strictEqual(list.configDir, dir);
    assert.strictEqual(list.current, 'my.ctx+1');
    assert.strictEqual(list.currentFrom, 'config.json');
    assert.deepStrictEqual(list.contexts.slice(1), [
      { name: 'my.ctx+1', description: '', host: 'unix:///run/a b.sock', skipTlsVerify: false, tlsFiles: [], metaDir: `${dir}/contexts/meta/${sha('my.ctx+1')}` },
      { name: 'web-2', description: 'Second *web*', host: 'tcp://web2:2376', skipTlsVerify: true, tlsFiles: ['ca.pem', 'cert.pem', 'key.pem'], metaDir: `${dir}/contexts/meta/${sha('web-2')}` },
      { name: 'web-10', description: '', host: 'ssh://deploy@web10:2222', skipTlsVerify: false, tlsFiles: [], metaDir: `${dir}/contexts/meta/${sha('web-10')}` },
    ]);
    // The connection code reads the same current context from the same files.
    assert.deepStrictEqual(resolveConnection({ setting: '', env: { DOCKER_CONFIG: dir }, readFile: fs.readFile, homeDir: '/home/u' }).endpoint, {
      url: 'unix:///run/a b.sock',
      source: 'context',
      context: 'my.ctx+1',
    });
  });

  it('lets DOCKER_CONTEXT win over config.json', () => {
    const dir = '/c';
    const list = listContexts({ env: { DOCKER_CONFIG: dir, DOCKER_CONTEXT: 'prod' }, ...files({ [`${dir}/config.json`]: '{"currentContext":"dev"}' }) });
    assert.deepStrictEqual([list.current, list.currentFrom], ['prod', 'DOCKER_CONTEXT']);
  });

  it('reads ~/.docker when DOCKER_CONFIG is not set, and ignores a broken config.json', () => {
    const list = listContexts({
      env: {},
      ...files({ '/home/u/.docker/config.json': '{ not json', ...meta('/home/u/.docker', 'dev', { Name: 'dev', Endpoints: docker('tcp://d:2375') }) }),
      homeDir: '/home/u',
    });
    assert.deepStrictEqual([list.current, list.currentFrom, list.contexts.map((c) => c.name)], ['default', 'none', ['default', 'dev']]);
  });

  it('keeps broken contexts as rows that say what is wrong, and skips folders that are not hashes', () => {
    const dir = '/c';
    const bad = 'ab'.repeat(32);
    const list = listContexts({
      env: { DOCKER_CONFIG: dir },
      ...files({
        ...meta(dir, 'broken', '{"Name": "broken", '),
        ...meta(dir, 'noname', { Metadata: {} }),
        ...meta(dir, 'moved', { Name: 'moved', Endpoints: docker('tcp://m:1') }, bad),
        ...meta(dir, '-rm', { Name: '-rm', Endpoints: docker('tcp://x:1') }),
        ...meta(dir, 'nohost', { Name: 'nohost', Endpoints: {} }),
        [`${dir}/contexts/meta/${sha('empty')}/other`]: '',
        [`${dir}/contexts/meta/not-a-hash/meta.json`]: JSON.stringify({ Name: 'x', Endpoints: docker('tcp://x:1') }),
        ...meta(dir, 'default', { Name: 'default', Endpoints: docker('tcp://shadow:1') }),
      }),
    });
    const shown = list.contexts.map((c) => [c.name, c.host, c.problem]);
    assert.deepStrictEqual(shown, [
      ['default', 'unix:///var/run/docker.sock', undefined],
      ['-rm', 'tcp://x:1', 'its name is not a valid context name'],
      [sha('broken').slice(0, 12), undefined, 'its meta.json is not valid JSON'],
      [sha('empty').slice(0, 12), undefined, 'its meta.json is missing'],
      ['moved', 'tcp://m:1', 'it is stored under a folder that does not match its name'],
      ['nohost', undefined, 'it has no docker endpoint'],
      [sha('noname').slice(0, 12), undefined, 'its meta.json has no Name'],
    ].sort((a, b) => (a[0] === 'default' ? -1 : b[0] === 'default' ? 1 : new Intl.Collator('en', { numeric: true }).compare(a[0]!, b[0]!))));
  });
});

describe('contextUse', () => {
  it('says which engine the views use and why', () => {
    assert.deepStrictEqual(contextUse({ url: 'tcp://a:1', source: 'setting' }, {}), {
      message: 'The views use tcp://a:1 from the docker-workflows.host setting, which wins over DOCKER_HOST and the docker contexts.',
      short: 'docker-workflows.host setting',
    });
    assert.deepStrictEqual(contextUse({ url: 'unix:///s.sock', source: 'DOCKER_HOST' }, {}), {
      message: 'The views use unix:///s.sock: DOCKER_HOST is set, so the context is not used.',
      short: 'DOCKER_HOST',
    });
    assert.deepStrictEqual(contextUse({ url: 'ssh://h', source: 'context', context: 'prod' }, {}), {
      context: 'prod',
      message: `The views use the context "prod" (ssh://h), the docker CLI's current context.`,
      short: 'prod',
    });
    assert.strictEqual(contextUse({ url: 'ssh://h', source: 'context', context: 'prod' }, { DOCKER_CONTEXT: 'prod' }).message, 'The views use the context "prod" (ssh://h), named by DOCKER_CONTEXT.');
    assert.deepStrictEqual(contextUse({ url: 'unix:///var/run/docker.sock', source: 'default' }, {}), {
      context: 'default',
      message: 'The views use the context "default" (unix:///var/run/docker.sock): no other context is in use.',
      short: 'default',
    });
    assert.deepStrictEqual(contextUse(undefined, {}), { message: 'The views have no usable engine address (see the Containers view).', short: 'no engine' });
  });
});

describe('context names and Create', () => {
  it('checks new names by the CLI rule', () => {
    assert.strictEqual(contextNameProblem('', []), undefined);
    assert.strictEqual(contextNameProblem('my.ctx+1_a-b', []), undefined);
    const rule = 'A context name starts with a letter or digit, followed by at least one letter, digit, "_", ".", "+" or "-".';
    for (const bad of ['x', '-rm', '.hidden', 'a b', 'a/b', 'é1', 'a;rm', '--', 'a\nb']) assert.strictEqual(contextNameProblem(bad, []), rule, bad);
    assert.strictEqual(contextNameProblem('default', []), 'The name "default" is reserved for the engine the docker CLI uses without a context.');
    assert.strictEqual(contextNameProblem('dev', ['default', 'dev']), 'A context named dev already exists.');
  });

  it('checks addresses by kind', () => {
    const cases: [Parameters<typeof endpointProblem>[0], string, string | undefined][] = [
      ['ssh', 'ssh://deploy@build.example:2222', undefined],
      ['ssh', 'ssh://build.example', undefined],
      ['ssh', 'ssh://u:secret@h', 'Do not put a password in the address: SSH uses your keys or agent.'],
      ['ssh', 'tcp://h:1', 'Start the address with ssh://, e.g. ssh://user@host.'],
      ['ssh', 'ssh://', 'Give a host, e.g. ssh://user@host.'],
      ['ssh', 'ssh://h/path', 'Give only the host and port, e.g. ssh://user@host.'],
      ['tcp', 'tcp://10.0.0.2:2375', undefined],
      ['tcp', 'tcp://[::1]:2375', undefined],
      ['tcp', 'tcp://h:99999', 'Not an address: write it as tcp://host:2375.'],
      ['tcp', 'tcp://h:', 'Give a port number after ":".'],
      ['tcp', 'tcp://u@h:1', 'A tcp:// address has no user, e.g. tcp://host:2375.'],
      ['tcp', 'h:2375', 'Start the address with tcp://, e.g. tcp://host:2375.'],
      ['tcp+tls', 'tcp://h:2376,ca=/etc/passwd', 'The address cannot contain spaces, commas or quotes.'],
      ['tcp+tls', 'tcp://h:2376', undefined],
      ['unix', 'unix:///run/docker.sock', undefined],
      ['unix', 'unix://run/docker.sock', 'Give the socket\'s absolute path, e.g. unix:///var/run/docker.sock.'],
      ['unix', 'unix:///', 'Give the socket\'s absolute path, e.g. unix:///var/run/docker.sock.'],
      ['unix', 'unix:///a b', 'The address cannot contain spaces, commas or quotes.'],
      ['unix', '', undefined],
    ];
    for (const [kind, value, expected] of cases) assert.strictEqual(endpointProblem(kind, value), expected, `${kind} ${value}`);
  });

  it('checks certificate folders', () => {
    const present = new Set(['/certs/ca.pem', '/certs/cert.pem', '/certs/key.pem', '/half/ca.pem']);
    const exists = (f: string) => present.has(f);
    assert.strictEqual(certFolderProblem('/certs', exists), undefined);
    assert.strictEqual(certFolderProblem('', exists), undefined);
    assert.strictEqual(certFolderProblem('/half', exists), 'The folder /half has no cert.pem, key.pem.');
    assert.strictEqual(certFolderProblem('certs', exists), 'Give the absolute path of the folder holding ca.pem, cert.pem and key.pem.');
    assert.strictEqual(certFolderProblem('/a,key=/b', exists), 'The folder path cannot contain commas, quotes or line breaks.');
  });

  it('builds create arguments as an array, name after --', () => {
    assert.deepStrictEqual(createContextArgs({ name: 'web+1', description: 'a "b"; $(x)', host: 'ssh://u@h' }), [
      'context', 'create', '--description', 'a "b"; $(x)', '--docker', 'host=ssh://u@h', '--', 'web+1',
    ]);
    assert.deepStrictEqual(createContextArgs({ name: 'tls', description: '', host: 'tcp://h:2376', certFolder: '/certs' }), [
      'context', 'create', '--description', '', '--docker', 'host=tcp://h:2376,ca=/certs/ca.pem,cert=/certs/cert.pem,key=/certs/key.pem', '--', 'tls',
    ]);
    assert.throws(() => createContextArgs({ name: '-x', description: '', host: 'tcp://h:1' }), /starts with a letter/);
    assert.throws(() => createContextArgs({ name: 'ok', description: '', host: 'tcp://h:1,ca=/x' }), /commas/);
    assert.throws(() => createContextArgs({ name: 'ok', description: '', host: 'ssh://h', certFolder: '/certs' }), /Only a tcp:\/\/ address/);
    assert.throws(() => createContextArgs({ name: 'ok', description: 'a\nb', host: 'tcp://h:1' }), /one line/);
  });

  it('builds use, inspect and rm arguments with -- and refuses names the CLI would not take', () => {
    assert.deepStrictEqual(contextArgs('use', 'my.ctx+1'), ['context', 'use', '--', 'my.ctx+1']);
    assert.deepStrictEqual(contextArgs('inspect', 'default'), ['context', 'inspect', '--', 'default']);
    assert.deepStrictEqual(contextArgs('rm', 'web-2'), ['context', 'rm', '--', 'web-2']);
    assert.throws(() => contextArgs('rm', '--force'), { message: 'Not a docker context name: "--force"' });
    assert.throws(() => contextArgs('use', 'a b'), { message: 'Not a docker context name: "a b"' });
  });
});
