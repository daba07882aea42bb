// The Dockerfile grammar on instruction flags (--mount, --from, ...). Helpers: ./support/grammar.
import * as assert from 'assert';
import {
  ASSIGN, COMMA, CONT, FLAG, FLAG_VALUE, KW, MOUNT_KEY, PLAIN, STAGE, type Tokenized, VAR, VAR_BEGIN, VAR_END, at,
  describeGrammar, fixture, grammar,
} from './support/grammar';

describeGrammar(() => {
  describe('flags', () => {
    let file: Tokenized;
    before(() => {
      file = fixture(grammar, 'flags.dockerfile');
    });

    it('marks --mount option keys and values, and other flags, up to the first other word', () => {
      assert.deepStrictEqual(at(file, 1), [
        ['RUN', KW],
        [' ', PLAIN],
        ['--mount', FLAG],
        ['=', ASSIGN],
        ['type', MOUNT_KEY],
        ['=', ASSIGN],
        ['cache', FLAG_VALUE],
        [',', COMMA],
        ['target', MOUNT_KEY],
        ['=', ASSIGN],
        ['/root/.cache', FLAG_VALUE],
        [',', COMMA],
        ['sharing', MOUNT_KEY],
        ['=', ASSIGN],
        ['locked', FLAG_VALUE],
        [' ', PLAIN],
        ['--network', FLAG],
        ['=', ASSIGN],
        ['none', FLAG_VALUE],
        [' go build', PLAIN],
      ]);
    });

    it('follows flags across continuation lines; later --options belong to the command', () => {
      assert.deepStrictEqual(at(file, 2).slice(-3), [['required', MOUNT_KEY], [' ', PLAIN], ['\\', CONT]]);
      assert.deepStrictEqual(at(file, 3), [
        ['    ', PLAIN],
        ['--mount', FLAG],
        ['=', ASSIGN],
        ['type', MOUNT_KEY],
        ['=', ASSIGN],
        ['bind', FLAG_VALUE],
        [',', COMMA],
        ['from', MOUNT_KEY],
        ['=', ASSIGN],
        ['build', FLAG_VALUE],
        [',', COMMA],
        ['source', MOUNT_KEY],
        ['=', ASSIGN],
        ['/out', FLAG_VALUE],
        [',', COMMA],
        ['target', MOUNT_KEY],
        ['=', ASSIGN],
        ['/in', FLAG_VALUE],
        [' ', PLAIN],
        ['\\', CONT],
      ]);
      assert.deepStrictEqual(at(file, 4), [['    apt-get install --no-install-recommends -y curl', PLAIN]]);
    });

    it('marks --from as a stage, variables in values, and flags without a value', () => {
      assert.deepStrictEqual(at(file, 5), [
        ['COPY', KW],
        [' ', PLAIN],
        ['--from', FLAG],
        ['=', ASSIGN],
        ['build', STAGE],
        [' ', PLAIN],
        ['--chmod', FLAG],
        ['=', ASSIGN],
        ['755', FLAG_VALUE],
        [' ', PLAIN],
        ['--chown', FLAG],
        ['=', ASSIGN],
        ['${', VAR_BEGIN],
        ['UID', VAR],
        ['}', VAR_END],
        [':0', FLAG_VALUE],
        [' /out/app /usr/bin/', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 6), [
        ['ADD', KW],
        [' ', PLAIN],
        ['--link', FLAG],
        [' ', PLAIN],
        ['--checksum', FLAG],
        ['=', ASSIGN],
        ['sha256:0123abc', FLAG_VALUE],
        [' https://example.com/x.tgz /x', PLAIN],
      ]);
      assert.deepStrictEqual(at(file, 7), [
        ['FROM', KW],
        [' ', PLAIN],
        ['--platform', FLAG],
        ['=', ASSIGN],
        ['linux/amd64', FLAG_VALUE],
        [' alpine', PLAIN],
      ]);
    });
  });
});
