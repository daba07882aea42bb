// Image references the image commands accept (pull, tag, build): the engine's grammar, the parts a reference splits
// into, and the repository name a folder's name gives. The grammar is also the Dockerfile checks' one: both must
// answer every case alike.
import * as assert from 'assert';
import {
  referenceProblem,
  repositoryFromFolderName,
  splitReference,
  tagProblem,
  withDefaultTag,
} from '../../common/src/imageReference';

const SHA = 'a'.repeat(64);

const VALID = [
  'busybox',
  'busybox:latest',
  'library/busybox:1.36',
  'dw-test/busybox:latest',
  'docker.io/library/busybox:1.36.1-musl',
  'ghcr.io/org/team/app:v1.2_rc-3',
  'localhost/app',
  'localhost:5000/app:1',
  '127.0.0.1:35421/dw-test/pushed:1',
  '[::1]:5000/app:dev',
  'registry.example.com:5000/team/app@sha256:' + SHA,
  'app:1@sha256:' + SHA,
  'a__b/c-d---e.f_g',
  'Registry.Example.com/app',
  'x'.repeat(128) + ':' + 'y'.repeat(128),
];

const INVALID: [string, string][] = [
  ['', 'the image name is empty'],
  [SHA, 'a 64-character hexadecimal string cannot be a repository name'],
  ['BusyBox', 'repository names must be lower case'],
  ['org/App:1', 'repository names must be lower case'],
  ['busybox:', 'the tag "" is not valid (letters, digits, _, . and -, at most 128)'],
  ['busybox:-1', 'the tag "-1" is not valid (letters, digits, _, . and -, at most 128)'],
  ['busybox:' + 't'.repeat(129), `the tag "${'t'.repeat(77)}..." is not valid (letters, digits, _, . and -, at most 128)`],
  ['busybox@sha256:abc', 'the digest after @ is not valid'],
  ['busybox@md5:' + 'a'.repeat(32), 'unsupported digest algorithm "md5"'],
  ['busybox@sha256:' + 'A'.repeat(64), 'a sha256 digest is 64 lower-case hex digits'],
  ['busybox@sha256:' + 'a'.repeat(63) + 'aa', 'a sha256 digest is 64 lower-case hex digits'],
  ['my app', 'not a valid image reference (lower-case name, optional registry, :tag and @digest)'],
  ['-app', 'not a valid image reference (lower-case name, optional registry, :tag and @digest)'],
  ['app..x', 'not a valid image reference (lower-case name, optional registry, :tag and @digest)'],
  ['app/', 'not a valid image reference (lower-case name, optional registry, :tag and @digest)'],
  ['/app', 'not a valid image reference (lower-case name, optional registry, :tag and @digest)'],
  ['host:port/app', 'not a valid image reference (lower-case name, optional registry, :tag and @digest)'],
  ["$(touch /tmp/x)", 'not a valid image reference (lower-case name, optional registry, :tag and @digest)'],
  ['a/' + 'b'.repeat(254), 'the repository name is longer than 255 characters'],
];

describe('image references: referenceProblem', () => {
  for (const ref of VALID) {
    it(`accepts ${ref.length > 60 ? `${ref.slice(0, 57)}...` : ref}`, () => assert.strictEqual(referenceProblem(ref), undefined));
  }
  for (const [ref, problem] of INVALID) {
    it(`refuses ${JSON.stringify(ref.length > 60 ? `${ref.slice(0, 57)}...` : ref)}: ${problem}`, () => assert.strictEqual(referenceProblem(ref), problem));
  }
});

describe('image references: tagProblem', () => {
  it('accepts a name with or without a tag, with a registry', () => {
    assert.deepStrictEqual(['app', 'app:2', 'localhost:5000/app:2'].map(tagProblem), [undefined, undefined, undefined]);
  });
  it('refuses a digest: an image is tagged with a name and a tag', () => {
    assert.strictEqual(tagProblem(`app@sha256:${SHA}`), 'a tag cannot hold a digest (@sha256:...): use name:tag');
  });
  it('refuses what a reference cannot be', () => {
    assert.strictEqual(tagProblem('App:1'), 'repository names must be lower case');
  });
});

describe('image references: splitReference and withDefaultTag', () => {
  const cases: [string, ReturnType<typeof splitReference>][] = [
    ['busybox', { repository: 'busybox' }],
    ['busybox:1.36', { repository: 'busybox', tag: '1.36' }],
    ['localhost:5000/app', { repository: 'localhost:5000/app' }],
    ['localhost:5000/app:2', { repository: 'localhost:5000/app', tag: '2' }],
    ['[::1]:5000/app:dev', { repository: '[::1]:5000/app', tag: 'dev' }],
    [`app@sha256:${SHA}`, { repository: 'app', digest: `sha256:${SHA}` }],
    [`host:1/app:1@sha256:${SHA}`, { repository: 'host:1/app', tag: '1', digest: `sha256:${SHA}` }],
  ];
  for (const [ref, parts] of cases) it(`splits ${ref.slice(0, 40)}`, () => assert.deepStrictEqual(splitReference(ref), parts));

  it('adds :latest only when there is neither a tag nor a digest', () => {
    assert.deepStrictEqual(
      ['busybox', 'localhost:5000/app', 'busybox:1', `app@sha256:${SHA}`].map(withDefaultTag),
      ['busybox:latest', 'localhost:5000/app:latest', 'busybox:1', `app@sha256:${SHA}`],
    );
  });
});

describe('image references: repositoryFromFolderName', () => {
  const cases: [string, string][] = [
    ['web', 'web'],
    ['My App', 'my-app'],
    ["my shop's app", 'my-shop-s-app'],
    ['api_v2.service', 'api_v2.service'],
    ['a__b', 'a__b'],
    ['a..b', 'a-b'],
    ['a._b', 'a-b'],
    ['--x--', 'x'],
    ['$(rm -rf ~)', 'rm-rf'],
    ['Ünïcode Ördner', 'n-code-rdner'],
    ['!!!', 'image'],
    ['', 'image'],
    [SHA, 'image'],
  ];
  for (const [folder, name] of cases) {
    it(`${JSON.stringify(folder.slice(0, 20))} -> ${name}`, () => {
      assert.strictEqual(repositoryFromFolderName(folder), name);
      assert.strictEqual(referenceProblem(`${name}:latest`), undefined);
    });
  }
});
