// "Open in Browser": which ports it offers, with which labels, and the URL of each.
import * as assert from 'assert';
import { browserHost, browserTargets } from '../../client/src/commands/containers/browserUrl';
import type { PortBinding } from '../../client/src/engine/types';

function port(privatePort: number, publicPort?: number, hostIp?: string, protocol: PortBinding['protocol'] = 'tcp'): PortBinding {
  return { privatePort, publicPort, hostIp, protocol };
}

describe('browserHost', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'localhost'],
    ['', 'localhost'],
    ['0.0.0.0', 'localhost'],
    ['::', 'localhost'],
    ['127.0.0.1', 'localhost'],
    ['192.168.1.5', '192.168.1.5'],
    ['::1', '[::1]'],
    ['fe80::1', '[fe80::1]'],
  ];
  for (const [hostIp, expected] of cases) {
    it(`${JSON.stringify(hostIp)} → ${expected}`, () => assert.strictEqual(browserHost(hostIp), expected));
  }
});

describe('browserTargets', () => {
  it('has none for a container without published ports', () => {
    assert.deepStrictEqual(browserTargets([]), []);
    assert.deepStrictEqual(browserTargets([port(80), port(443)]), []);
  });

  it('leaves out UDP and SCTP ports', () => {
    assert.deepStrictEqual(browserTargets([port(53, 5353, '0.0.0.0', 'udp'), port(9, 9999, '0.0.0.0', 'sctp')]), []);
  });

  it('opens a port published on 127.0.0.1 at localhost', () => {
    assert.deepStrictEqual(browserTargets([port(80, 32768, '127.0.0.1')]), [{ label: '32768 → 80/tcp', url: 'http://localhost:32768' }]);
  });

  it('makes one target of the IPv4 and IPv6 twins of a port published on every address', () => {
    assert.deepStrictEqual(browserTargets([port(80, 8080, '0.0.0.0'), port(80, 8080, '::')]), [{ label: '8080 → 80/tcp', url: 'http://localhost:8080' }]);
  });

  it('keeps a specific address, IPv6 in brackets, and names it in the label', () => {
    assert.deepStrictEqual(browserTargets([port(80, 8080, '192.168.1.5'), port(443, 8443, 'fe80::1')]), [
      { label: '192.168.1.5:8080 → 80/tcp', url: 'http://192.168.1.5:8080' },
      { label: '[fe80::1]:8443 → 443/tcp', url: 'http://[fe80::1]:8443' },
    ]);
  });

  it('sorts several ports by host port and leaves out the unpublished ones', () => {
    assert.deepStrictEqual(browserTargets([port(8080, 40001, '127.0.0.1'), port(9000), port(80, 40000, '127.0.0.1')]), [
      { label: '40000 → 80/tcp', url: 'http://localhost:40000' },
      { label: '40001 → 8080/tcp', url: 'http://localhost:40001' },
    ]);
  });

  it('opens nothing for an address or a port no engine can publish on (a hostile engine)', () => {
    const hostile = ['evil.example', 'http://evil.example/x', 'user@10.0.0.1', '10.0.0.1/8', '1.2.3.4 ', '[::1]'].map((hostIp) => port(80, 8080, hostIp));
    assert.deepStrictEqual(browserTargets([...hostile, port(80, 70000), port(80, 1.5)]), []);
    assert.deepStrictEqual(browserTargets([port(80, 8080, '10.1.2.3')]), [{ label: '10.1.2.3:8080 → 80/tcp', url: 'http://10.1.2.3:8080' }]);
  });
});
