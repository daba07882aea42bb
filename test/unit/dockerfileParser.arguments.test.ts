// The Dockerfile parser on arguments: exec (JSON) form, flags, ARG/ENV/LABEL pairs. Helpers: ./support/parser.
import * as assert from 'assert';
import { only, plain, rng, tok } from './support/parser';

describe('Dockerfile parser', () => {
  describe('exec (JSON) form', () => {
    it('gives each string with its exact range (quotes included) and decoded value', () => {
      const cmd = only('CMD [ "a b", "q\\"x\\u00e9\\\\", "" ]');
      assert.deepStrictEqual(plain(cmd.json), [tok('a b', 0, 6, 0, 11), tok('q"xé\\', 0, 13, 0, 27), tok('', 0, 29, 0, 31)]);
      assert.strictEqual(cmd.jsonMalformed, false);
    });

    it('follows a JSON array over continuation lines, after flags', () => {
      const run = only('RUN --network=none [ "sh", \\\n  "-c", "echo" ]');
      assert.deepStrictEqual(plain(run.json), [tok('sh', 0, 21, 0, 25), tok('-c', 1, 2, 1, 6), tok('echo', 1, 8, 1, 14)]);
      assert.deepStrictEqual(run.flags.map((f) => f.name), ['network']);
    });

    it('falls back to the shell form when the array is malformed', () => {
      for (const bad of ['CMD ["a", ]', 'CMD [a]', 'CMD ["a"', 'ENTRYPOINT [1, 2]', "COPY ['a', 'b']", 'CMD ["a\tb"]']) {
        const instruction = only(bad);
        assert.strictEqual(instruction.json, undefined, bad);
        assert.strictEqual(instruction.jsonMalformed, true, bad);
        assert.ok(instruction.args.length > 0);
      }
      const shell = only('CMD echo [a]');
      assert.strictEqual(shell.jsonMalformed, false);
    });

    it('ignores what follows the array, as BuildKit decodes one JSON value', () => {
      assert.deepStrictEqual(only('CMD ["a"] b').json?.map((j) => j.value), ['a']);
    });

    it('applies only to instructions with an exec form, and to HEALTHCHECK after its type', () => {
      assert.strictEqual(only('EXPOSE ["80"]').json, undefined);
      assert.strictEqual(only('EXPOSE ["80"]').jsonMalformed, false);
      const health = only('HEALTHCHECK --interval=5s CMD ["curl", "-f"]');
      assert.deepStrictEqual(plain(health.json), [tok('curl', 0, 31, 0, 37), tok('-f', 0, 39, 0, 43)]);
      assert.deepStrictEqual(only('SHELL ["pwsh", "-c"]').json?.map((j) => j.value), ['pwsh', '-c']);
      assert.deepStrictEqual(only('VOLUME ["/a"]').json?.map((j) => j.value), ['/a']);
    });
  });

  describe('flags', () => {
    it('reads flags with name and value ranges, before the first other word', () => {
      const copy = only('COPY --from=builder --link --chown="1000:1000" src --x=y dest');
      assert.deepStrictEqual(plain(copy.flags), [
        { name: 'from', value: 'builder', range: rng(0, 5, 0, 19), nameRange: rng(0, 7, 0, 11), valueRange: rng(0, 12, 0, 19) },
        { name: 'link', range: rng(0, 20, 0, 26), nameRange: rng(0, 22, 0, 26) },
        { name: 'chown', value: '1000:1000', range: rng(0, 27, 0, 46), nameRange: rng(0, 29, 0, 34), valueRange: rng(0, 35, 0, 46) },
      ]);
      assert.deepStrictEqual(copy.args.map((a) => a.value), ['src', '--x=y', 'dest']);
      assert.deepStrictEqual(copy.argsText?.range, rng(0, 47, 0, 61));
    });

    it('reads FROM --platform, an empty value, and stops at a bare --', () => {
      const from = only('FROM --platform=$BUILDPLATFORM golang AS build');
      assert.deepStrictEqual(plain(from.flags), [
        { name: 'platform', value: '$BUILDPLATFORM', range: rng(0, 5, 0, 30), nameRange: rng(0, 7, 0, 15), valueRange: rng(0, 16, 0, 30) },
      ]);
      assert.deepStrictEqual(from.variables.map((v) => [v.name, v.range]), [['BUILDPLATFORM', rng(0, 16, 0, 30)]]);
      const empty = only('RUN --mount= -- --not-a-flag');
      assert.deepStrictEqual(plain(empty.flags), [{ name: 'mount', value: '', range: rng(0, 4, 0, 12), nameRange: rng(0, 6, 0, 11), valueRange: rng(0, 12, 0, 12) }]);
      assert.deepStrictEqual(empty.args.map((a) => a.value), ['--not-a-flag']);
    });

    it('reads flags across a continuation', () => {
      const run = only('RUN --mount=type=cache,target=/root/.cache \\\n    --network=host pip install x');
      assert.deepStrictEqual(run.flags.map((f) => [f.name, f.value, f.valueRange]), [
        ['mount', 'type=cache,target=/root/.cache', rng(0, 12, 0, 42)],
        ['network', 'host', rng(1, 14, 1, 18)],
      ]);
      assert.strictEqual(run.argsText?.value, 'pip install x');
    });
  });

  describe('ARG, ENV and LABEL pairs', () => {
    it('reads ARG names with and without defaults', () => {
      const arg = only('ARG A B=2 C=');
      assert.deepStrictEqual(plain(arg.pairs), [
        { key: tok('A', 0, 4, 0, 5), legacy: false },
        { key: tok('B', 0, 6, 0, 7), value: tok('2', 0, 8, 0, 9), legacy: false },
        { key: tok('C', 0, 10, 0, 11), value: tok('', 0, 12, 0, 12), legacy: false },
      ]);
    });

    it('reads ENV key=value pairs with quotes kept in the value', () => {
      const env = only('ENV A=1 B="x y" \\\n    C=\'$z\'');
      assert.deepStrictEqual(plain(env.pairs), [
        { key: tok('A', 0, 4, 0, 5), value: tok('1', 0, 6, 0, 7), legacy: false },
        { key: tok('B', 0, 8, 0, 9), value: tok('"x y"', 0, 10, 0, 15), legacy: false },
        { key: tok('C', 1, 4, 1, 5), value: tok("'$z'", 1, 6, 1, 10), legacy: false },
      ]);
      assert.deepStrictEqual(env.variables, []);
    });

    it('reads the legacy `ENV NAME value` form as one pair', () => {
      const env = only('ENV PATH  /usr/bin:$PATH more');
      assert.deepStrictEqual(plain(env.pairs), [{ key: tok('PATH', 0, 4, 0, 8), value: tok('/usr/bin:$PATH more', 0, 10, 0, 29), legacy: true }]);
      const label = only('LABEL maintainer "Jane Doe <jane@example.com>"');
      assert.deepStrictEqual(plain(label.pairs), [{ key: tok('maintainer', 0, 6, 0, 16), value: tok('"Jane Doe <jane@example.com>"', 0, 17, 0, 46), legacy: true }]);
      assert.deepStrictEqual(plain(only('ENV ALONE').pairs), [{ key: tok('ALONE', 0, 4, 0, 9), legacy: true }]);
    });

    it('reads LABEL pairs and gives other instructions none', () => {
      assert.deepStrictEqual(only('LABEL a.b=c "d e"=f').pairs.map((p) => [p.key.value, p.value?.value]), [['a.b', 'c'], ['"d e"', 'f']]);
      assert.deepStrictEqual(only('RUN A=1').pairs, []);
    });
  });
});
