// Run with Options' answers as typed (commands/images/runAnswers.ts): exact options for each form a user writes,
// and the refusal in plain words of what the engine would not take.
import * as assert from 'assert';
import {
  defaultAnswers,
  networkProblem,
  parseCommand,
  parseEnv,
  parseName,
  parsePorts,
  parseRestart,
  parseVolumes,
  removeProblem,
  toRunOptions,
  type RunAnswers,
} from '../../client/src/commands/images/runAnswers';

const NONE: RunAnswers = { name: '', ports: '', env: '', volumes: '', network: '', restart: 'no', command: '', remove: false };

describe('Run with Options: answers', () => {
  it('starts from the image: its exposed ports, published on ports the engine picks', () => {
    const answers = defaultAnswers({ exposedPorts: [{ port: 53, protocol: 'udp' }, { port: 80, protocol: 'tcp' }, { port: 9, protocol: 'sctp' }] });
    assert.deepStrictEqual(answers, { ...NONE, ports: '53/udp 80 9/sctp' });
    assert.deepStrictEqual(defaultAnswers({ exposedPorts: [] }), NONE);
  });

  it('reads a name, or none; refuses one the engine would not take, one starting with "-" first', () => {
    assert.deepStrictEqual(parseName('  web-1.a_b '), { value: 'web-1.a_b' });
    assert.deepStrictEqual(parseName(''), { value: undefined });
    const rule = 'A container name starts with a letter or digit, followed by at least one letter, digit, "_", "." or "-".';
    for (const bad of ['-web', '--privileged', 'w', 'web app', '_web', 'web/1', 'wéb', '$(id)']) assert.deepStrictEqual(parseName(bad), { problem: rule }, bad);
  });

  it('publishes ports on 127.0.0.1 unless another address is written', () => {
    assert.deepStrictEqual(parsePorts('80 8080:80, 127.0.0.1:5353:53/udp,0.0.0.0:8443:443 [::1]:9000:9000/TCP 127.0.0.1::7/sctp'), {
      value: [
        { hostIp: '127.0.0.1', containerPort: 80, protocol: 'tcp' },
        { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp' },
        { hostIp: '0.0.0.0', hostPort: 8443, containerPort: 443, protocol: 'tcp' },
        { hostIp: '::1', hostPort: 9000, containerPort: 9000, protocol: 'tcp' },
        { hostIp: '127.0.0.1', containerPort: 7, protocol: 'sctp' },
      ],
    });
    assert.deepStrictEqual(parsePorts('  '), { value: [] });
  });

  it('refuses ports the engine would not take, naming the entry', () => {
    const form = (entry: string) => ({ problem: `${entry} is not a port to publish: write 80, 8080:80, 127.0.0.1:8080:80 or 8080:80/udp.` });
    for (const bad of ['http', ':80', '8080:80:90:1', '-p', '80-90', '::1:80:80', '[::1]80', '1.2.3.4:80', 'a:80']) {
      assert.deepStrictEqual(parsePorts(`80 ${bad}`), form(bad), bad);
    }
    assert.deepStrictEqual(parsePorts('70000'), { problem: '70000: The container port "70000" is not a number from 1 to 65535.' });
    assert.deepStrictEqual(parsePorts('0:80'), { problem: '0:80: The host port "0" is not a number from 1 to 65535.' });
    assert.deepStrictEqual(parsePorts('80/xtp'), { problem: '80/xtp: The protocol "xtp" is not tcp, udp or sctp.' });
    assert.deepStrictEqual(parsePorts('300.1.1.1:80:80'), { problem: '300.1.1.1:80:80: "300.1.1.1" is not an IPv4 or IPv6 address.' });
    assert.deepStrictEqual(parsePorts('8080:80 8080:81'), { problem: 'The host port 8080/tcp on 127.0.0.1 is published twice.' });
    assert.deepStrictEqual(parsePorts('8080:80 8080:80/udp 0.0.0.0:8080:80'), {
      value: [
        { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'udp' },
        { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      ],
    });
  });

  it('reads KEY=value variables quoted like shell words, values with "=" and blanks included', () => {
    assert.deepStrictEqual(parseEnv(`A=1 GREETING="hello world" EMPTY= URL=http://x/?a=b 'Q=it''s'`), {
      value: [
        { name: 'A', value: '1' },
        { name: 'GREETING', value: 'hello world' },
        { name: 'EMPTY', value: '' },
        { name: 'URL', value: 'http://x/?a=b' },
        { name: 'Q', value: 'its' },
      ],
    });
    assert.deepStrictEqual(parseEnv('HOME'), { problem: 'HOME has no value: write HOME=value.' });
    assert.deepStrictEqual(parseEnv('=1'), { problem: '"" is not a variable name (no spaces, "=" or control characters, and not empty).' });
    assert.deepStrictEqual(parseEnv('"A B=1"'), { problem: '"A B" is not a variable name (no spaces, "=" or control characters, and not empty).' });
    assert.deepStrictEqual(parseEnv('A="1'), { problem: 'A double quote is not closed.' });
  });

  it('reads named volumes and absolute host paths, read-only when asked', () => {
    assert.deepStrictEqual(parseVolumes(`data:/var/lib/data /srv/site:/www:ro "/home/me/my site:/src:rw"`), {
      value: [
        { type: 'volume', source: 'data', target: '/var/lib/data', readOnly: false },
        { type: 'bind', source: '/srv/site', target: '/www', readOnly: true },
        { type: 'bind', source: '/home/me/my site', target: '/src', readOnly: false },
      ],
    });
    const form = (word: string) => ({ problem: `${word} is not a mount: write volume:/path, /host/path:/path or /host/path:/path:ro.` });
    assert.deepStrictEqual(parseVolumes('data'), form('data'));
    assert.deepStrictEqual(parseVolumes('data:/d:z'), form('data:/d:z'));
    assert.deepStrictEqual(parseVolumes('a:b:c:d'), form('a:b:c:d'));
    assert.deepStrictEqual(parseVolumes('./src:/src'), {
      problem: '"./src" is not a volume name (a letter or digit, then letters, digits, "_", "." or "-"). A host path starts with /.',
    });
    assert.deepStrictEqual(parseVolumes('data:relative'), { problem: 'The container path "relative" is not an absolute path below /.' });
    assert.deepStrictEqual(parseVolumes('data:/'), { problem: 'The container path "/" is not an absolute path below /.' });
    assert.deepStrictEqual(parseVolumes('a1:/data b2:/data/'), { problem: 'Two mounts go to /data.' });
  });

  it('reads restart policies, on-failure with a number of retries', () => {
    assert.deepStrictEqual(['no', 'always', ' unless-stopped ', 'on-failure', 'on-failure:3', 'on-failure:0'].map(parseRestart), [
      { value: { name: 'no' } },
      { value: { name: 'always' } },
      { value: { name: 'unless-stopped' } },
      { value: { name: 'on-failure' } },
      { value: { name: 'on-failure', maxRetries: 3 } },
      { value: { name: 'on-failure', maxRetries: 0 } },
    ]);
    for (const bad of ['always:3', 'on-failure:-1', 'on-failure:x', 'never', 'On-Failure', 'on-failure:99999999999', '']) {
      assert.deepStrictEqual(parseRestart(bad), { problem: `${bad} is not a restart policy: no, always, unless-stopped, on-failure or on-failure:N.` }, bad);
    }
    assert.deepStrictEqual(parseRestart('on-failure:9999999999'), { problem: 'The number of retries "9999999999" is not a whole number from 0 up.' });
  });

  it('reads a command as shell words or a JSON array; empty keeps the image\'s own', () => {
    assert.deepStrictEqual(parseCommand(`sh -c "echo \\"hi\\" > /tmp/x"`), { value: ['sh', '-c', 'echo "hi" > /tmp/x'] });
    assert.deepStrictEqual(parseCommand(' ["sh", "-c", "echo $HOME"] '), { value: ['sh', '-c', 'echo $HOME'] });
    assert.deepStrictEqual(parseCommand('   '), { value: undefined });
    const json = { problem: 'A command starting with [ is a JSON array of strings: ["sh", "-c", "echo hi"].' };
    assert.deepStrictEqual(parseCommand('[sh'), json);
    assert.deepStrictEqual(parseCommand('[1, 2]'), json);
    assert.deepStrictEqual(parseCommand('[]'), json);
  });

  it('refuses ports on the host and none networks, and --rm with a restart policy', () => {
    assert.strictEqual(networkProblem('80', 'host'), "A container on the host network uses the host's ports directly: publish no ports, or pick another network.");
    assert.strictEqual(networkProblem('80', 'none'), 'A container on the none network has no network to publish ports from: publish no ports, or pick another network.');
    assert.deepStrictEqual([networkProblem('', 'host'), networkProblem('80', 'bridge')], [undefined, undefined]);
    assert.strictEqual(
      removeProblem('on-failure:3', true),
      'A container removed when it stops cannot have the restart policy on-failure:3: keep the container, or pick the restart policy no.',
    );
    assert.deepStrictEqual([removeProblem('no', true), removeProblem('always', false)], [undefined, undefined]);
  });

  it('makes the run options of all answers, or says the first problem', () => {
    const answers: RunAnswers = {
      name: 'dw-web',
      ports: '8080:80',
      env: 'A=1',
      volumes: 'data:/data',
      network: 'dw-net',
      restart: 'on-failure:2',
      command: 'httpd -f',
      remove: false,
    };
    assert.deepStrictEqual(toRunOptions('web:1', answers), {
      value: {
        image: 'web:1',
        name: 'dw-web',
        ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
        env: [{ name: 'A', value: '1' }],
        mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: false }],
        network: 'dw-net',
        restart: { name: 'on-failure', maxRetries: 2 },
        command: ['httpd', '-f'],
        autoRemove: false,
      },
    });
    assert.deepStrictEqual(toRunOptions('web:1', { ...NONE }), {
      value: { image: 'web:1', ports: [], env: [], mounts: [], restart: { name: 'no' }, autoRemove: false },
    });
    assert.deepStrictEqual(toRunOptions('web:1', { ...answers, remove: true }), {
      problem: 'A container removed when it stops cannot have the restart policy on-failure: keep the container, or pick the restart policy no.',
    });
    assert.deepStrictEqual(toRunOptions('--privileged', NONE), { problem: '"--privileged" is not an image reference or id.' });
    assert.deepStrictEqual(toRunOptions('web:1', { ...answers, name: '-x' }), {
      problem: 'A container name starts with a letter or digit, followed by at least one letter, digit, "_", "." or "-".',
    });
    assert.deepStrictEqual(toRunOptions('web:1', { ...answers, network: 'host' }), {
      problem: "A container on the host network uses the host's ports directly: publish no ports, or pick another network.",
    });
  });
});
