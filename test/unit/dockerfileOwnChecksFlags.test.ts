// Our own checks of instruction flags and of RUN --mount options.
import * as assert from 'assert';
import { fires, fixOf, none, rangeOf } from './support/ownChecks';

describe('Own Dockerfile checks: flags', () => {
  it('unknown-flag: a flag the instruction does not have, with the closest one and a fix', () => {
    const text = 'FROM alpine\nCOPY --chmood=755 /out /app/\n';
    fires(text, 'unknown-flag', {
      severity: 'error', message: 'COPY has no flag --chmood (did you mean --chmod?).', at: '--chmood',
    });
    assert.deepStrictEqual(fixOf(text, 'unknown-flag'), { title: 'Change to --chmod', range: rangeOf(text, 'chmood'), newText: 'chmod' });
    fires('FROM alpine\nCOPY --form=build /out /app/\n', 'unknown-flag', {
      severity: 'error', message: 'COPY has no flag --form (did you mean --from?).', at: '--form',
    });
    fires('FROM alpine\nCOPY --quiet=build /out /app/\n', 'unknown-flag', {
      severity: 'error', message: 'COPY has no flag --quiet; it accepts --from, --chown, --chmod, --link, --parents, --exclude.', at: '--quiet',
    });
    none('FROM --platform=$BUILDPLATFORM alpine\nCOPY --from=0 --chown=1:1 --chmod=755 --link /a /b/\nADD --keep-git-dir --checksum=sha256:1500c1f56fa9e26b9b8f42452a553675796ade0807cdce11975eb98170b3a570 https://x/y.tgz /z/\nRUN --mount=type=cache,target=/c --network=none --security=sandbox make\nHEALTHCHECK --interval=5s --timeout=3s --start-period=1m --start-interval=1s --retries=3 CMD true\n', 'unknown-flag');
  });

  it('unknown-flag: an instruction without flags, and flag names are case-sensitive', () => {
    fires('FROM alpine\nWORKDIR --parents /app\nCOPY --FROM=build a /b/\n', 'unknown-flag',
      { severity: 'error', message: 'WORKDIR takes no flags; --parents is unknown.', at: '--parents' },
      { severity: 'error', message: 'COPY has no flag --FROM (did you mean --from?).', at: '--FROM' });
  });

  it('ignored-flag: STOPSIGNAL and HEALTHCHECK NONE never read their flags', () => {
    fires('FROM alpine\nSTOPSIGNAL --now SIGINT\n', 'ignored-flag', {
      severity: 'warning', message: 'STOPSIGNAL does not read flags, so --now has no effect.', at: '--now',
    });
    none('FROM alpine\nSTOPSIGNAL SIGINT\nHEALTHCHECK NONE\n', 'ignored-flag');
  });

  it('duplicate-flag: a flag that may appear only once', () => {
    fires('FROM alpine\nCOPY --chown=1 --chown=2 a /b/\n', 'duplicate-flag', {
      severity: 'error', message: '--chown is given more than once.', at: '--chown', occurrence: 1,
    });
    none('FROM alpine\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b make\nCOPY --exclude=*.md --exclude=*.txt . /app/\n', 'duplicate-flag');
  });

  it('flag-missing-value: a value flag without "=value", or an empty boolean', () => {
    fires('FROM alpine\nCOPY --from builder /out /app/\nCOPY --link= a /b/\n', 'flag-missing-value',
      { severity: 'error', message: '--from needs a stage or image, written --from=<value> without spaces.', at: '--from' },
      { severity: 'error', message: '--link= needs true or false after "=".', at: '--link=' });
    none('FROM alpine\nCOPY --link a /b/\nADD --keep-git-dir https://github.com/a/b.git /src\n', 'flag-missing-value');
  });

  it('flag-missing-value: an empty string value only warns', () => {
    fires('FROM alpine\nCOPY --chmod= a /b/\n', 'flag-missing-value', {
      severity: 'warning', message: '--chmod= has an empty value, so it has no effect.', at: '--chmod=',
    });
  });

  it('invalid-flag-value: booleans, enums, platforms, modes and checksums', () => {
    const text = [
      'FROM --platform=linux/amd64,linux/arm64 alpine',
      'COPY --link=yes --chmod=0999 a /b/',
      'RUN --network=hosts make',
      'ADD --checksum=sha256:abc https://example.com/x /x',
      '',
    ].join('\n');
    fires(text, 'invalid-flag-value',
      { severity: 'error', message: '--platform=linux/amd64,linux/arm64 is not a platform: "amd64,linux" contains characters a platform cannot have (FROM takes a single platform).', at: 'linux/amd64,linux/arm64' },
      { severity: 'error', message: '--link takes true or false, not "yes".', at: 'yes' },
      { severity: 'error', message: '--chmod=0999 is not a file mode: use octal digits such as 0755, or a symbolic mode such as u+x or u=rwX,go=rX.', at: '0999' },
      { severity: 'error', message: '--checksum=sha256:abc is not a valid digest: write sha256: followed by 64 lower-case hex digits.', at: 'sha256:abc' },
      { severity: 'error', message: '--network takes default, none, host, not "hosts" (did you mean host?).', at: 'hosts' });
    none('FROM --platform=${BUILDPLATFORM:-linux/amd64} alpine\nFROM --platform=windows(10.0.17763)/amd64 x\nFROM --platform=linux/arm/v7 alpine\nCOPY --link=TRUE --chmod=u=rwX,go=rX a /b/\nCOPY --chmod=+x a /b/\nRUN --network=none true\n', 'invalid-flag-value');
  });

  it('invalid-flag-value: --network is not expanded, and --checksum takes one source', () => {
    fires('FROM alpine\nRUN --network=$NET make\nADD --checksum=sha256:1500c1f56fa9e26b9b8f42452a553675796ade0807cdce11975eb98170b3a570 a b /z/\n', 'invalid-flag-value',
      { severity: 'error', message: '--checksum can only be used with a single source.', at: '--checksum' },
      { severity: 'warning', message: '--network does not expand variables; "$NET" is used as written.', at: '$NET' });
  });
});

describe('Own Dockerfile checks: RUN --mount', () => {
  it('unknown-mount-type, with the closest type', () => {
    fires('FROM alpine\nRUN --mount=type=cach,target=/root/.cache make\n', 'unknown-mount-type', {
      severity: 'error', message: '"cach" is not a mount type: use bind, cache, tmpfs, secret or ssh (did you mean cache?).', at: 'cach',
    });
    none('FROM alpine\nRUN --mount=type=Cache,target=/c --mount=type=tmpfs,target=/t --mount=type=ssh --mount=type=secret,id=x make\n', 'unknown-mount-type');
  });

  it('unknown-mount-key: not an option at all', () => {
    fires('FROM alpine\nRUN --mount=type=cache,targte=/root/.cache make\n', 'unknown-mount-key', {
      severity: 'error', message: '"targte" is not a --mount option (did you mean target?).', at: 'targte',
    });
    none('FROM alpine\nRUN --mount=type=bind,src=a,dst=/a,rw --mount=type=cache,destination=/c,ro,id=x,sharing=locked,mode=0700,uid=1,gid=1 make\n', 'unknown-mount-key');
  });

  it('unknown-mount-key: an option the type refuses, or one that has no effect', () => {
    fires('FROM alpine\nRUN --mount=type=bind,target=/a,mode=0755,id=x make\n', 'unknown-mount-key',
      { severity: 'error', message: 'mode is not allowed on a bind mount.', at: 'mode' },
      { severity: 'warning', message: 'id has no effect on a bind mount.', at: 'id' });
  });

  it('unknown-mount-key: required must follow type=secret', () => {
    fires('FROM alpine\nRUN --mount=required,type=secret,id=npm npm ci\n', 'unknown-mount-key', {
      severity: 'error', message: 'required must come after type=secret: BuildKit reads the options in order, and the mount is still bind here.', at: 'required',
    });
    none('FROM alpine\nRUN --mount=type=secret,id=npm,required npm ci\nRUN --mount=type=ssh,required=true git clone x\n', 'unknown-mount-key');
  });

  it('invalid-mount-value: sharing, booleans, sizes and the root target', () => {
    fires('FROM alpine\nRUN --mount=type=cache,target=/c,sharing=lockd --mount=type=tmpfs,target=/,size=lots make\n', 'invalid-mount-value',
      { severity: 'error', message: 'sharing takes shared, private or locked, not "lockd" (did you mean locked?).', at: 'lockd' },
      { severity: 'error', message: 'A mount cannot replace the root directory: choose another target.', at: '/', occurrence: 1 },
      { severity: 'error', message: 'size takes a size such as 64m or 1g, not "lots".', at: 'lots' });
    none('FROM alpine\nRUN --mount=type=tmpfs,target=/t,size=512m --mount=type=cache,target=/c,sharing=private,ro=false make\n', 'invalid-mount-value');
  });

  it('invalid-mount-value: from= does not expand variables', () => {
    fires('FROM alpine\nRUN --mount=from=$TOOLS,target=/t make\n', 'invalid-mount-value', {
      severity: 'error', message: 'from= does not expand variables; name a stage defined with FROM instead.', at: '$TOOLS',
    });
    none('FROM alpine AS tools\nFROM alpine\nRUN --mount=from=tools,target=/t,source=$SRC make\n', 'invalid-mount-value');
  });

  it('missing-mount-key: a secret mount that names no secret', () => {
    fires('FROM alpine\nRUN --mount=type=secret make\n', 'missing-mount-key', {
      severity: 'error', message: 'A secret mount needs id= (or target=) to say which secret to mount.', at: 'type=secret',
    });
    none('FROM alpine\nRUN --mount=type=secret,id=token --mount=type=secret,target=/run/secrets/x --mount=type=secret,id=t,env=TOKEN make\n', 'missing-mount-key');
  });
});

describe('Own Dockerfile checks: RUN --mount edge cases', () => {
  it('invalid-mount-value: an empty option', () => {
    fires('FROM alpine\nRUN --mount=type=cache,,target=/c make\n', 'invalid-mount-value', {
      severity: 'error', message: '--mount has an empty option (two commas in a row, or a comma at the end).', at: 'type=cache,,target=/c',
    });
  });

  it('an unknown type stops the rules that depend on the type', () => {
    none('FROM alpine\nRUN --mount=type=cahce,target=/c,sharing=locked make\n', 'unknown-mount-key');
    none('FROM alpine\nRUN --mount=type=$KIND,target=/c,sharing=locked,size=1g make\n');
  });
});
