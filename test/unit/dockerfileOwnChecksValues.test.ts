// Our own checks of values (ports, signals, durations, image references) and of stages.
import * as assert from 'assert';
import { referenceProblem } from '../../server/src/dockerfile/checks/valuesReference';
import { parseGoDuration } from '../../server/src/dockerfile/checks/values';
import { fires, none } from './support/ownChecks';

describe('Own Dockerfile checks: values', () => {
  it('invalid-port: numbers, ranges and host ports', () => {
    fires('FROM alpine\nEXPOSE 70000 90-80 0 abc:80\n', 'invalid-port',
      { severity: 'error', message: '"70000" is out of range: ports go from 1 to 65535.', at: '70000' },
      { severity: 'error', message: '"90-80" is a range that ends before it starts.', at: '90-80' },
      { severity: 'warning', message: '"0" includes port 0, which cannot be reached.', at: '0', occurrence: 6 },
      { severity: 'error', message: 'Host port "abc" is not a port number or a range such as 8000-8010.', at: 'abc' });
    none('FROM alpine\nEXPOSE 80 443/tcp 53/udp 8000-8010 9/sctp 80/TCP 127.0.0.1:8080:80 $PORT ${A}-${B}\n', 'invalid-port');
  });

  it('invalid-protocol: tcp, udp or sctp', () => {
    fires('FROM alpine\nEXPOSE 80/tpc\n', 'invalid-protocol', {
      severity: 'error', message: '"tpc" is not a protocol EXPOSE accepts: use tcp, udp or sctp.', at: 'tpc',
    });
    none('FROM alpine\nEXPOSE 80/tcp 80/UDP 80/sctp 80/\n', 'invalid-protocol');
  });

  it('invalid-signal: the whole line is one signal name or number', () => {
    fires('FROM alpine\nSTOPSIGNAL SIGTERM now\n', 'invalid-signal', {
      severity: 'error', message: '"SIGTERM now" is not a signal: use a name such as SIGTERM, SIGINT or SIGQUIT, or a positive number.', at: 'SIGTERM now',
    });
    none('FROM alpine\nSTOPSIGNAL SIGQUIT\nSTOPSIGNAL term\nSTOPSIGNAL 9\nSTOPSIGNAL SIGRTMIN+3\nSTOPSIGNAL $SIG\nSTOPSIGNAL "SIGINT"\n', 'invalid-signal');
  });

  it('invalid-duration: Go durations, at least 1ms unless 0, read before any expansion', () => {
    fires('FROM alpine\nHEALTHCHECK --interval=30 --timeout=500us --start-period=$GRACE CMD true\n', 'invalid-duration',
      { severity: 'error', message: '--interval=30 is not a duration: write a number with a unit, such as 500ms, 30s, 1m30s or 2h.', at: '30' },
      { severity: 'error', message: '--timeout must be at least 1ms (or 0 for the default).', at: '500us' },
      { severity: 'error', message: 'HEALTHCHECK does not expand variables: --start-period=$GRACE must be a literal duration such as 30s.', at: '$GRACE' });
    none('FROM alpine\nHEALTHCHECK --interval=1m30s --timeout=0 --start-period=1.5s --start-interval=1ms CMD true\n', 'invalid-duration');
  });

  it('parses durations as Go does', () => {
    assert.strictEqual(parseGoDuration('1h2m3.5s'), 3723500);
    assert.strictEqual(parseGoDuration('.5s'), 500);
    assert.strictEqual(parseGoDuration('-1ms'), -1);
    assert.strictEqual(parseGoDuration('0'), 0);
    assert.strictEqual(parseGoDuration('1'), undefined);
    assert.strictEqual(parseGoDuration('1d'), undefined);
    assert.strictEqual(parseGoDuration(''), undefined);
  });

  it('invalid-flag-value: HEALTHCHECK --retries is a whole number, not negative', () => {
    fires('FROM alpine\nHEALTHCHECK --retries=-1 CMD true\nHEALTHCHECK --retries=three CMD true\n', 'invalid-flag-value',
      { severity: 'error', message: '--retries cannot be negative.', at: '-1' },
      { severity: 'error', message: '--retries takes a whole number, not "three".', at: 'three' });
    none('FROM alpine\nHEALTHCHECK --retries=0 CMD true\n', 'invalid-flag-value');
  });

  it('invalid-reference: the FROM image as BuildKit parses it', () => {
    fires('FROM Ubuntu:22.04\n', 'invalid-reference', {
      severity: 'error', message: '"Ubuntu:22.04" is not a valid image: repository names must be lower case.', at: 'Ubuntu:22.04',
    });
    fires('FROM alpine:3.20@sha256:abc\n', 'invalid-reference', {
      severity: 'error', message: '"alpine:3.20@sha256:abc" is not a valid image: the digest after @ is not valid.', at: 'alpine:3.20@sha256:abc',
    });
    none([
      'FROM scratch', 'FROM alpine:Latest', 'FROM ghcr.io/owner/image:v1.2.3', 'FROM localhost:5000/a/b', 'FROM MyRegistry.example.com/team/app',
      'FROM ${BASE}:${TAG}', 'FROM docker.io/library/python:3.12-slim@sha256:1500c1f56fa9e26b9b8f42452a553675796ade0807cdce11975eb98170b3a570',
      'FROM alpine AS Build', 'FROM Build',
    ].join('\n'), 'invalid-reference');
  });

  it('invalid-reference: an upper-case placeholder only warns', () => {
    fires('FROM REPLACE-ME\n', 'invalid-reference', {
      severity: 'warning', message: '"REPLACE-ME" looks like a placeholder, not an image (repository names must be lower case): replace it before building.', at: 'REPLACE-ME',
    });
  });

  it('reads references as docker/distribution does', () => {
    assert.strictEqual(referenceProblem('nginx'), undefined);
    assert.strictEqual(referenceProblem('registry:5000/team/app:1.0'), undefined);
    assert.strictEqual(referenceProblem('[::1]:5000/app'), undefined);
    assert.strictEqual(referenceProblem('app:-bad'), 'the tag "-bad" is not valid (letters, digits, _, . and -, at most 128)');
    assert.strictEqual(referenceProblem('a'.repeat(64).replace(/a/g, 'f')), 'a 64-character hexadecimal string cannot be a repository name');
    assert.strictEqual(referenceProblem('team/App'), 'repository names must be lower case');
    assert.strictEqual(referenceProblem('app@md5:0123456789abcdef0123456789abcdef'), 'unsupported digest algorithm "md5"');
  });
});

describe('Own Dockerfile checks: stages', () => {
  it('invalid-stage-name: a letter first, then letters, digits, -, _ and .', () => {
    fires('FROM alpine AS 1st\n', 'invalid-stage-name', {
      severity: 'error', message: '"1st" is not a valid stage name: it must start with a letter.', at: '1st',
    });
    fires('FROM alpine AS build:dev\n', 'invalid-stage-name', {
      severity: 'error', message: '"build:dev" is not a valid stage name: it may only contain letters, digits, "-", "_" and ".".', at: 'build:dev',
    });
    none('FROM alpine AS Build-1.x_y\n', 'invalid-stage-name');
  });

  it('undefined-stage: a stage defined later, or an index out of range', () => {
    const text = 'FROM alpine AS app\nCOPY --from=assets /dist /srv/\nCOPY --from=3 /x /y\nFROM alpine AS assets\n';
    fires(text, 'undefined-stage',
      { severity: 'error', message: 'Stage "assets" is defined after this one (line 4); COPY --from can only use stages defined before it.', at: 'assets' },
      { severity: 'error', message: 'There is no stage 3: this file has 2 stages, numbered from 0.', at: '3' });
    none('FROM golang AS Build\nFROM alpine\nCOPY --from=build /out /bin/\nCOPY --from=0 /out /bin/\nCOPY --from=nginx:alpine /etc/nginx /etc/nginx\nRUN --mount=from=BUILD,target=/b true\n', 'undefined-stage');
  });

  it('undefined-stage: neither a stage nor an image', () => {
    fires('FROM golang AS builder\nFROM alpine\nCOPY --from=Builder_X /out /bin/\n', 'undefined-stage', {
      severity: 'error', message: '"Builder_X" is neither a stage of this file nor a valid image name: repository names must be lower case (did you mean builder?).', at: 'Builder_X',
    });
  });

  it('undefined-stage: a bare name close to a stage is pulled as an image, a warning', () => {
    fires('FROM golang AS builder\nFROM alpine\nRUN --mount=from=bulder,target=/b true\n', 'undefined-stage', {
      severity: 'warning', message: '"bulder" is not a stage of this file, so it is pulled as an image (did you mean builder?).', at: 'bulder',
    });
    // Two neighbouring letters swapped, next to a stage written in another case.
    fires('FROM golang AS Build\nFROM alpine\nCOPY --from=buidl /a /b\n', 'undefined-stage', {
      severity: 'warning', message: '"buidl" is not a stage of this file, so it is pulled as an image (did you mean build?).', at: 'buidl',
    });
    none('FROM golang AS builder\nFROM alpine\nCOPY --from=golang:1.22 /usr/local/go /go\nCOPY --from=docker.io/library/builder /x /y\n', 'undefined-stage');
  });

  it('invalid-flag-value: COPY --from does not expand variables', () => {
    fires('FROM alpine\nCOPY --from=${TOOLS} /t /t\n', 'invalid-flag-value', {
      severity: 'error',
      message: 'COPY --from does not expand variables: declare the image in a stage (FROM ${IMAGE} AS name) and copy from that stage.',
      at: '${TOOLS}',
    });
  });

  it('self-stage-reference: a stage reading from itself', () => {
    fires('FROM alpine AS app\nCOPY --from=app /a /b\nRUN --mount=from=APP,target=/x true\n', 'self-stage-reference',
      { severity: 'error', message: 'COPY --from names its own stage "app"; a stage cannot read from itself.', at: 'app', occurrence: 1 },
      { severity: 'error', message: '--mount from= names its own stage "app"; a stage cannot read from itself.', at: 'APP' });
    fires('FROM alpine\nFROM alpine\nCOPY --from=1 /a /b\n', 'self-stage-reference', {
      severity: 'error', message: 'COPY --from names its own stage 1; a stage cannot read from itself.', at: '1',
    });
    none('FROM alpine AS app\nFROM app AS app2\nCOPY --from=app /a /b\n', 'self-stage-reference');
  });
});
