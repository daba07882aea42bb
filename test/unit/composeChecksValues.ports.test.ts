// Compose diagnostics on ports: invalid-port and duplicate-host-port.
import * as assert from 'assert';
import { parsePortSpec } from '../../server/src/compose/checks/portSpec';
import { found, yaml } from './support/composeChecks';

describe('Compose diagnostics: invalid-port', () => {
  it('reports bad numbers, ranges, protocols and addresses in the short syntax', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: x',
      '    ports:',
      '      - "70000:80"',
      '      - "80:80/tcpx"',
      '      - "1.2.3:80:80"',
      '      - "8080-8081:80-82"',
      '      - "90-80:80"',
    );
    assert.deepStrictEqual(found(text, 'invalid-port'), [
      { code: 'invalid-port', message: 'Invalid port "70000:80": 70000 is not a port number (1 to 65535).', range: '4:8-4:18', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "80:80/tcpx": the protocol "tcpx" is not tcp, udp or sctp.', range: '5:8-5:20', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "1.2.3:80:80": "1.2.3" is not an IP address.', range: '6:8-6:21', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "8080-8081:80-82": the host range has 2 ports but the container range has 3.', range: '7:8-7:25', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "90-80:80": the range 90-80 goes from high to low.', range: '8:8-8:18', severity: 'error' },
    ]);
  });

  it('reports the long syntax and expose', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: x',
      '    ports:',
      '      - target: 80',
      '        published: "99999"',
      '        host_ip: nope',
      '        protocol: icmp',
      '      - published: 80',
      '    expose: ["3000", "x"]',
    );
    assert.deepStrictEqual(found(text, 'invalid-port'), [
      { code: 'invalid-port', message: 'Invalid port "99999": 99999 is not a port number (1 to 65535).', range: '5:19-5:26', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "nope": "nope" is not an IP address.', range: '6:17-6:21', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "icmp": the protocol must be tcp, udp or sctp.', range: '7:18-7:22', severity: 'error' },
      { code: 'invalid-port', message: 'A port in the long syntax needs a "target": the container port.', range: '8:8-8:21', severity: 'error' },
      { code: 'invalid-port', message: 'Invalid port "x": "x" is not a port number or a range such as 8000-8010.', range: '9:21-9:24', severity: 'error' },
    ]);
  });

  it('accepts every valid form, variables included', () => {
    const valid = ['3000', '3000-3005', '8000:8000', '9090-9091:8080-8081', '49100:22', '127.0.0.1:8001:8001', '127.0.0.1:5000-5010:5000-5010', '127.0.0.1::5000', '6060:6060/udp', '[::1]:6000:6000', '::1:6001:6001', '${PORT:-80}:80', '${BIND}:${PORT}:80/${PROTO}', '9000-9010:80', '0:80', '53:53/SCTP'];
    for (const spec of valid) assert.ok(parsePortSpec(spec).ok, spec);
    const text = yaml('services:', '  web:', '    image: x', `    ports: [${valid.map((v) => JSON.stringify(v)).join(', ')}, 8080, {target: 80, published: "\${P}", host_ip: "::1", protocol: udp}]`, '    expose: [80, "90-95/udp", "${E}"]');
    assert.deepStrictEqual(found(text, 'invalid-port'), []);
  });
});

describe('Compose diagnostics: duplicate-host-port', () => {
  it('reports a host port published twice, an error when both always run', () => {
    const text = yaml('services:', '  a:', '    image: x', '    ports: ["8080:80"]', '  b:', '    image: x', '    ports:', '      - target: 81', '        published: 8080');
    assert.deepStrictEqual(found(text, 'duplicate-host-port'), [
      { code: 'duplicate-host-port', message: 'Host port 8080/tcp is already published by service "a" (line 4): the second container will fail to start.', range: '8:19-8:23', severity: 'error' },
    ]);
  });

  it('warns when only some profiles bring the two together, or ranges overlap', () => {
    const text = yaml('services:', '  a:', '    image: x', '    ports: ["9000:90"]', '  b:', '    image: x', '    profiles: [debug]', '    ports: ["0.0.0.0:9000:91", "7000-7010:70"]', '  c:', '    image: x', '    ports: ["7005:70"]');
    assert.deepStrictEqual(found(text, 'duplicate-host-port'), [
      {
        code: 'duplicate-host-port',
        message: 'Host port 9000/tcp is already published by service "a" (line 4): the two cannot run at the same time (here when their profiles are enabled).',
        range: '7:12-7:29',
        severity: 'warning',
      },
      {
        code: 'duplicate-host-port',
        message: 'Host port 7005/tcp is already published by service "b" (line 8): the two cannot run at the same time (here when their profiles are enabled).',
        range: '10:12-10:21',
        severity: 'warning',
      },
    ]);
  });

  it('stays quiet for other addresses, other protocols, separate profiles and variables', () => {
    const text = yaml(
      'services:',
      '  a:',
      '    image: x',
      '    ports: ["127.0.0.1:9000:90", "53:53/udp", "${P}:80", "7000:70"]',
      '  b:',
      '    image: x',
      '    ports: ["127.0.0.2:9000:90", "53:53/tcp", "${P}:80", "8000:80"]',
      '  cpu:',
      '    image: x',
      '    profiles: [cpu]',
      '    ports: ["11434:11434"]',
      '  gpu:',
      '    image: x',
      '    profiles: [gpu]',
      '    ports: ["11434:11434"]',
    );
    assert.deepStrictEqual(found(text, 'duplicate-host-port'), []);
  });
});
