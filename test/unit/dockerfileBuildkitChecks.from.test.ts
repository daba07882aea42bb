// BuildKit build checks on FROM (ARGs, --platform, image) and the expansion helpers. Helpers: ./support/buildkitChecks.
import * as assert from 'assert';
import { expandWord } from '../../server/src/dockerfile/checks/buildkitExpand';
import { isValidImageReference, parsePlatform } from '../../server/src/dockerfile/checks/buildkitReference';
import { found, lint, none, range } from './support/buildkitChecks';

describe('BuildKit build checks', () => {
  describe('UndefinedArgInFrom', () => {
    it('reports a FROM variable no global ARG declares, suggesting a close name', () => {
      assert.deepStrictEqual(found('FROM --platform=$BULIDPLATFORM scratch\n', 'UndefinedArgInFrom'), [{
        code: 'UndefinedArgInFrom',
        message: 'FROM uses $BULIDPLATFORM, but no ARG before the first FROM declares it (did you mean BUILDPLATFORM?); it expands to an empty string.',
        range: range(0, 17, 30),
      }]);
      assert.deepStrictEqual(found('ARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n', 'UndefinedArgInFrom')[0].message,
        'FROM uses $MYARCH, but no ARG before the first FROM declares it (did you mean MY_ARCH?); it expands to an empty string.');
      assert.deepStrictEqual(found('ARG tag=latest\nFROM busybox:${tag}${version} AS b\n', 'UndefinedArgInFrom').map((f) => f.range), [range(1, 21, 28)]);
    });
    it('accepts global ARGs (with or without default) and the automatic platform ARGs', () => {
      none('ARG base=scratch\nFROM $base\n', 'UndefinedArgInFrom');
      none('FROM --platform=$BUILDPLATFORM scratch\n', 'UndefinedArgInFrom');
      none('ARG DEBUG\nFROM scra${DEBUG:-tch}\n', 'UndefinedArgInFrom');
    });
  });

  describe('RedundantTargetPlatform', () => {
    it('reports --platform=$TARGETPLATFORM, with a fix that removes the flag', () => {
      assert.deepStrictEqual(found('FROM --platform=${TARGETPLATFORM} scratch\n', 'RedundantTargetPlatform'), [{
        code: 'RedundantTargetPlatform',
        message: '--platform=${TARGETPLATFORM} changes nothing: stages use the target platform by default.',
        range: range(0, 16, 33),
      }]);
      assert.deepStrictEqual(lint('FROM --platform=$TARGETPLATFORM scratch\n', 'RedundantTargetPlatform')[0].fix,
        { title: 'Remove the --platform flag', range: range(0, 5, 32), newText: '' });
    });
    it('accepts other platforms', () => none('FROM --platform=$BUILDPLATFORM scratch\nFROM --platform=$TARGETOS/$TARGETARCH scratch\n', 'RedundantTargetPlatform'));
  });

  describe('InvalidDefaultArgInFrom', () => {
    it('reports a base image that is invalid with the ARG defaults', () => {
      assert.deepStrictEqual(found('ARG VERSION\nFROM busybox:$VERSION\n', 'InvalidDefaultArgInFrom'), [{
        code: 'InvalidDefaultArgInFrom',
        message: 'With the default ARG values, busybox:$VERSION gives "busybox:", which is not a valid image reference; give the ARG a default that works without --build-arg.',
        range: range(1, 5, 21),
      }]);
      assert.deepStrictEqual(found('ARG IMAGE\nFROM $IMAGE\n', 'InvalidDefaultArgInFrom')[0].message,
        'With the default ARG values, $IMAGE gives an empty image name; give the ARG a default that works without --build-arg.');
      assert.strictEqual(found('ARG SFX="box:"\nFROM busy${SFX}\n', 'InvalidDefaultArgInFrom').length, 1);
    });
    it('accepts usable defaults, empty suffixes and ${VAR:-default}', () => {
      none('ARG VERSION="latest"\nFROM busybox:${VERSION}\n', 'InvalidDefaultArgInFrom');
      none('ARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n', 'InvalidDefaultArgInFrom');
      none('ARG BUSYBOX_VARIANT\nFROM busybox:stable${BUSYBOX_VARIANT}\n', 'InvalidDefaultArgInFrom');
      none('ARG TAG\nFROM alpine:${TAG:-3.20} AS a\nFROM a\n', 'InvalidDefaultArgInFrom');
    });
  });

  describe('FromPlatformFlagConstDisallowed', () => {
    it('reports a constant --platform', () => {
      assert.deepStrictEqual(found('FROM --platform=linux/amd64 scratch\n', 'FromPlatformFlagConstDisallowed'), [{
        code: 'FromPlatformFlagConstDisallowed',
        message: '--platform is fixed to "linux/amd64", which prevents building this stage for other platforms; leave it out or use a variable such as $BUILDPLATFORM.',
        range: range(0, 16, 27),
      }]);
    });
    it('accepts a stage named after its platform, and variables', () => {
      none('FROM --platform=linux/amd64 scratch AS my_amd64_stage\n', 'FromPlatformFlagConstDisallowed');
      none('FROM --platform=linux/amd64 scratch AS linux\n', 'FromPlatformFlagConstDisallowed');
      none('FROM --platform=$BUILDPLATFORM scratch\n', 'FromPlatformFlagConstDisallowed');
    });
  });

  describe('expansion helpers', () => {
    it('expands words as BuildKit does and records matched and unmatched names', () => {
      const env: Record<string, string> = { A: 'x', E: '' };
      const lookup = (n: string) => env[n];
      const e = expandWord('"$A"-${B:-d}-${E:-e}-${E-f}-${A:+p}-\'$A\'', lookup);
      assert.strictEqual(e.value, 'x-d-e--p-$A');
      assert.deepStrictEqual([...e.matched].sort(), ['A', 'E']);
      assert.deepStrictEqual([...e.unmatched], ['B']);
      assert.strictEqual(expandWord('${A%x}${F##*/}', (n) => (n === 'F' ? 'a/b/c' : 'ax')).value, 'ac');
      assert.ok(expandWord('${B:?need}', lookup).error);
      assert.ok(expandWord('${}', lookup).error);
    });
    it('validates image references and parses platforms', () => {
      for (const ok of ['alpine', 'alpine:3.20', 'docker.io/library/alpine:3', 'localhost:5000/a/b', 'ghcr.io/Org/x'.toLowerCase(), 'scratch',
        `busybox@sha256:${'a'.repeat(64)}`]) assert.ok(isValidImageReference(ok), ok);
      for (const bad of ['', 'busybox:', 'Alpine', 'a:b:c', 'authelia/base:@sha256:', `busybox@sha256:${'a'.repeat(10)}`]) assert.ok(!isValidImageReference(bad), bad);
      assert.deepStrictEqual(parsePlatform('linux/arm64/v8'), { os: 'linux', architecture: 'arm64', variant: '' });
      assert.deepStrictEqual(parsePlatform('Linux/x86_64'), { os: 'linux', architecture: 'amd64', variant: '' });
      assert.strictEqual(parsePlatform('linux/'), undefined);
    });
  });
});
