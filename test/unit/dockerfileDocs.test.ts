import * as assert from 'assert';
import { BASE_ENVIRONMENT_VARIABLES, PREDEFINED_ARGS, isBaseEnvironmentVariable, predefinedArg } from '../../server/src/dockerfile/docs/args';
import { CHECK_RULES, FORMER_CHECK_NAMES, UNDOCUMENTED_CHECK_NAMES, checkRule, checkRuleIgnoringCase } from '../../server/src/dockerfile/docs/checks';
import { INSTRUCTION_NAMES, instructionName } from '../../server/src/dockerfile/docs/common';
import { CHECK_OPTIONS, DIRECTIVES, directiveDoc, parseCheckDirective } from '../../server/src/dockerfile/docs/directives';
import { FLAGS, flagDoc, flagsOf } from '../../server/src/dockerfile/docs/flags';
import { INSTRUCTIONS, REFERENCE_URL, instructionDoc, referenceLink } from '../../server/src/dockerfile/docs/instructions';
import { MOUNT_KEYS, MOUNT_TYPES, canonicalMountKey, mountKey, mountType } from '../../server/src/dockerfile/docs/mounts';
import {
  FORBIDDEN_ONBUILD_TRIGGERS, INSTRUCTION_FACTS, RESERVED_STAGE_NAMES, STAGE_NAME_PATTERN, STOP_SIGNALS,
  VARIABLE_EXPANSION_INSTRUCTIONS, instructionFacts, isValidStopSignal, stopSignal,
} from '../../server/src/dockerfile/docs/signals';

const DOCS_LINK = /^https:\/\/docs\.docker\.com\/[^\s#]*(#[a-z0-9-]+)?$/;

function duplicates(names: readonly string[]): string[] {
  return names.filter((name, i) => names.indexOf(name) !== i);
}

describe('Dockerfile reference tables', () => {
  describe('instructions', () => {
    it('has every instruction once, each with a description, forms and a docs link', () => {
      assert.deepStrictEqual(INSTRUCTIONS.map((i) => i.name), [...INSTRUCTION_NAMES]);
      for (const doc of INSTRUCTIONS) {
        assert.ok(doc.description.length > 80, `${doc.name} description`);
        assert.ok(doc.forms.length > 0 && doc.forms.every((f) => f.toUpperCase().startsWith(doc.name)), `${doc.name} forms`);
        assert.match(referenceLink(doc.name), DOCS_LINK);
      }
    });

    it('keeps the completion fields and links each instruction to its section', () => {
      assert.strictEqual(REFERENCE_URL, 'https://docs.docker.com/reference/dockerfile/');
      assert.strictEqual(referenceLink('run'), 'https://docs.docker.com/reference/dockerfile/#run');
      assert.strictEqual(referenceLink('MAINTAINER'), 'https://docs.docker.com/reference/dockerfile/#maintainer-deprecated');
      assert.strictEqual(instructionDoc('healthcheck')?.snippet, '--interval=${1:30s} CMD ${2:command}');
      assert.strictEqual(instructionDoc('MAINTAINER')?.deprecated, true);
      assert.strictEqual(instructionName('copy'), 'COPY');
      assert.strictEqual(instructionName('COPYX'), undefined);
    });
  });

  describe('flags', () => {
    it('is consistent: unique per instruction, enums have values, links go to the reference', () => {
      const keys = FLAGS.map((f) => `${f.instruction} --${f.name}`);
      assert.deepStrictEqual(duplicates(keys), []);
      for (const flag of FLAGS) {
        assert.strictEqual(flag.kind === 'enum', (flag.values?.length ?? 0) > 0, `${flag.name} values`);
        if (flag.default !== undefined && flag.values) assert.ok(flag.values.includes(flag.default), `${flag.name} default`);
        assert.ok(flag.labsSince === undefined || flag.labs, `${flag.name} labsSince without labs`);
        assert.ok(flag.summary && flag.description && flag.example.startsWith(flag.instruction), `${flag.instruction} ${flag.name}`);
        assert.ok(flag.example.includes(`--${flag.name}`), `${flag.instruction} ${flag.name} example`);
        assert.match(flag.link, /^https:\/\/docs\.docker\.com\/reference\/dockerfile\/#[a-z-]+$/);
      }
    });

    it('lists the flags of each instruction', () => {
      assert.deepStrictEqual(flagsOf('from').map((f) => f.name), ['platform']);
      assert.deepStrictEqual(flagsOf('RUN').map((f) => f.name), ['mount', 'network', 'security', 'device']);
      assert.deepStrictEqual(flagsOf('COPY').map((f) => f.name), ['from', 'chown', 'chmod', 'link', 'parents', 'exclude']);
      assert.deepStrictEqual(flagsOf('ADD').map((f) => f.name), ['checksum', 'keep-git-dir', 'unpack', 'link', 'chown', 'chmod', 'exclude']);
      assert.deepStrictEqual(flagsOf('HEALTHCHECK').map((f) => f.name), ['interval', 'timeout', 'start-period', 'start-interval', 'retries']);
      assert.deepStrictEqual(flagsOf('CMD'), []);
      assert.deepStrictEqual(flagsOf('NOPE'), []);
    });

    it('answers exact lookups', () => {
      assert.strictEqual(flagDoc('COPY', 'from')?.kind, 'stage-or-image');
      assert.strictEqual(flagDoc('copy', '--from')?.link, 'https://docs.docker.com/reference/dockerfile/#copy---from');
      assert.deepStrictEqual(flagDoc('RUN', 'network')?.values, ['default', 'none', 'host']);
      assert.deepStrictEqual(flagDoc('RUN', 'security')?.values, ['sandbox', 'insecure']);
      assert.strictEqual(flagDoc('RUN', 'mount')?.repeatable, true);
      assert.strictEqual(flagDoc('COPY', 'exclude')?.repeatable, true);
      assert.strictEqual(flagDoc('COPY', 'parents')?.minVersion, '1.20');
      assert.strictEqual(flagDoc('COPY', 'parents')?.labs, true);
      assert.strictEqual(flagDoc('ADD', 'exclude')?.minVersion, '1.19');
      assert.strictEqual(flagDoc('ADD', 'chown')?.link, 'https://docs.docker.com/reference/dockerfile/#add---chown');
      assert.strictEqual(flagDoc('ADD', 'link')?.valueOptional, true);
      assert.strictEqual(flagDoc('ADD', 'from'), undefined);
      assert.strictEqual(flagDoc('HEALTHCHECK', 'interval')?.default, '30s');
      assert.strictEqual(flagDoc('HEALTHCHECK', 'retries')?.kind, 'integer');
      assert.strictEqual(flagDoc('FROM', 'platform')?.kind, 'platform');
    });
  });

  describe('mounts', () => {
    it('is consistent: every key a type lists exists, enums have values, no duplicates', () => {
      assert.deepStrictEqual(MOUNT_TYPES.map((t) => t.name), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
      assert.deepStrictEqual(MOUNT_KEYS.type.values, MOUNT_TYPES.map((t) => t.name));
      assert.deepStrictEqual(MOUNT_TYPES.filter((t) => t.isDefault).map((t) => t.name), ['bind']);
      const allSpellings = Object.values(MOUNT_KEYS).flatMap((k) => [k.name, ...k.aliases]);
      assert.deepStrictEqual(duplicates(allSpellings), []);
      for (const [name, key] of Object.entries(MOUNT_KEYS)) {
        assert.strictEqual(key.name, name);
        assert.strictEqual(key.kind === 'enum', (key.values?.length ?? 0) > 0, `${name} values`);
      }
      for (const type of MOUNT_TYPES) {
        const names = [...type.keys.map((k) => k.key), ...type.alsoAccepted];
        assert.deepStrictEqual(duplicates(names), [], type.name);
        for (const key of names) assert.ok(MOUNT_KEYS[key], `${type.name}: ${key}`);
        assert.strictEqual(type.keys[0].key, 'type');
        assert.ok(type.keys.some((k) => k.key === 'target'), `${type.name} target`);
        assert.ok(type.example.includes(`type=${type.name}`), `${type.name} example`);
        assert.match(type.link, /^https:\/\/docs\.docker\.com\/reference\/dockerfile\/#run---mounttype[a-z]+$/);
      }
    });

    it('answers exact lookups, aliases included', () => {
      assert.deepStrictEqual(mountKey('cache', 'sharing')?.values, ['shared', 'private', 'locked']);
      assert.strictEqual(mountKey('cache', 'sharing')?.default, 'shared');
      assert.strictEqual(mountKey('secret', 'sharing'), undefined);
      assert.strictEqual(mountKey('CACHE', 'dst')?.name, 'target');
      assert.strictEqual(mountKey('cache', 'mode')?.default, '0755');
      assert.strictEqual(mountKey('secret', 'mode')?.default, '0400');
      assert.strictEqual(mountKey('ssh', 'mode')?.default, '0600');
      assert.strictEqual(mountKey('ssh', 'id')?.default, 'default');
      assert.strictEqual(mountKey('tmpfs', 'size')?.kind, 'size');
      assert.strictEqual(mountKey('bind', 'size'), undefined);
      assert.strictEqual(mountKey('bind', 'rw')?.documented, true);
      assert.strictEqual(mountKey('bind', 'ro')?.documented, false);
      assert.strictEqual(mountKey('secret', 'env')?.minVersion, '1.10');
      assert.strictEqual(mountKey('nope', 'target'), undefined);
      assert.strictEqual(canonicalMountKey('src'), 'source');
      assert.strictEqual(canonicalMountKey('destination'), 'target');
      assert.strictEqual(canonicalMountKey('bind-propagation'), undefined);
      assert.strictEqual(mountType('Secret')?.name, 'secret');
    });
  });

  describe('predefined arguments', () => {
    it('has each name once, with a description, example and docs link', () => {
      assert.deepStrictEqual(duplicates(PREDEFINED_ARGS.map((a) => a.name)), []);
      assert.deepStrictEqual(duplicates(BASE_ENVIRONMENT_VARIABLES.map((v) => v.name)), []);
      for (const arg of PREDEFINED_ARGS) {
        assert.ok(arg.description && arg.example, arg.name);
        assert.match(arg.link, DOCS_LINK);
      }
      assert.deepStrictEqual(
        PREDEFINED_ARGS.filter((a) => a.group === 'platform').map((a) => a.name),
        ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'],
      );
      assert.strictEqual(PREDEFINED_ARGS.filter((a) => a.group === 'proxy').length, 10);
    });

    it('answers exact lookups', () => {
      assert.strictEqual(predefinedArg('TARGETARCH')?.scope, 'global');
      assert.strictEqual(predefinedArg('no_proxy')?.scope, 'run');
      assert.strictEqual(predefinedArg('NO_PROXY')?.group, 'proxy');
      assert.strictEqual(predefinedArg('Http_Proxy'), undefined);
      assert.strictEqual(predefinedArg('SOURCE_DATE_EPOCH')?.kind, 'integer');
      assert.strictEqual(predefinedArg('BUILDKIT_INLINE_CACHE')?.kind, 'boolean');
      assert.ok(isBaseEnvironmentVariable('PATH') && isBaseEnvironmentVariable('HOME') && isBaseEnvironmentVariable('HOSTNAME'));
      assert.ok(!isBaseEnvironmentVariable('TARGETARCH'));
    });
  });

  describe('parser directives', () => {
    it('documents syntax, escape and check', () => {
      assert.deepStrictEqual(DIRECTIVES.map((d) => d.name), ['syntax', 'escape', 'check']);
      assert.deepStrictEqual(directiveDoc(' Escape ')?.values, ['\\', '`']);
      assert.deepStrictEqual(CHECK_OPTIONS.map((o) => o.name), ['skip', 'error', 'experimental']);
      for (const d of DIRECTIVES) {
        assert.ok(d.example.startsWith(`# ${d.name}=`), d.name);
        assert.match(d.link, /^https:\/\/docs\.docker\.com\/reference\/dockerfile\/#(syntax|escape|check)$/);
      }
    });

    it('parses check directive values', () => {
      assert.deepStrictEqual(parseCheckDirective('skip=JSONArgsRecommended, StageNameCasing;error=true'), {
        skip: ['JSONArgsRecommended', 'StageNameCasing'], error: true, problems: [],
      });
      assert.deepStrictEqual(parseCheckDirective('skip=all'), { skip: 'all', problems: [] });
      assert.deepStrictEqual(parseCheckDirective('experimental=all;error=false'), { experimental: 'all', error: false, problems: [] });
      assert.deepStrictEqual(parseCheckDirective('error=yes;warn=1;oops').problems, [
        'error expects true or false, not "yes"',
        'unknown check option "warn" (expected skip, error or experimental)',
        '"oops" is not of the form option=value',
      ]);
    });
  });

  describe('build checks', () => {
    it('has every rule once, with its reference page and a warning severity', () => {
      assert.strictEqual(CHECK_RULES.length, 21);
      assert.deepStrictEqual(duplicates(CHECK_RULES.map((r) => r.name)), []);
      for (const rule of CHECK_RULES) {
        const kebab = rule.name.replace(/^JSON/, 'Json').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
        assert.strictEqual(rule.slug, kebab, rule.name);
        assert.strictEqual(rule.url, `https://docs.docker.com/reference/build-checks/${kebab}/`);
        assert.strictEqual(rule.defaultSeverity, 'warning');
        assert.strictEqual(rule.enabledByDefault, !rule.experimental);
        assert.ok(rule.summary && rule.description.length > rule.summary.length, rule.name);
      }
      assert.deepStrictEqual(CHECK_RULES.filter((r) => r.experimental).map((r) => r.name), ['InvalidDefinitionDescription']);
      for (const current of Object.values(FORMER_CHECK_NAMES)) assert.ok(checkRule(current), current);
      for (const name of UNDOCUMENTED_CHECK_NAMES) assert.strictEqual(checkRule(name), undefined);
    });

    it('answers exact lookups', () => {
      assert.strictEqual(checkRule('JSONArgsRecommended')?.url, 'https://docs.docker.com/reference/build-checks/json-args-recommended/');
      assert.strictEqual(checkRule('FromAsCasing')?.url, 'https://docs.docker.com/reference/build-checks/from-as-casing/');
      assert.strictEqual(checkRule('CopyIgnoredFile')?.experimental, false);
      assert.strictEqual(checkRule('InvalidDefinitionDescription')?.experimental, true);
      assert.strictEqual(checkRule('jsonargsrecommended'), undefined);
      assert.strictEqual(checkRuleIgnoringCase('jsonargsrecommended')?.name, 'JSONArgsRecommended');
      assert.deepStrictEqual(checkRule('MultipleInstructionsDisallowed')?.instructions, ['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
    });
  });

  describe('signals and instruction facts', () => {
    it('knows the stop signals by name, without prefix, in any case and by number', () => {
      assert.deepStrictEqual(duplicates(STOP_SIGNALS.map((s) => s.name)), []);
      assert.strictEqual(STOP_SIGNALS.filter((s) => s.name.startsWith('SIGRT')).length, 31);
      assert.strictEqual(stopSignal('SIGTERM')?.number, 15);
      assert.strictEqual(stopSignal('term')?.name, 'SIGTERM');
      assert.strictEqual(stopSignal('9')?.name, 'SIGKILL');
      assert.strictEqual(stopSignal('6')?.name, 'SIGABRT');
      assert.strictEqual(stopSignal('SIGRTMIN+3')?.number, 37);
      assert.strictEqual(stopSignal('RTMAX-1')?.number, 63);
      for (const ok of ['SIGQUIT', 'quit', 'SIGWINCH', '15', '40', '$STOP', '${SIG:-SIGTERM}']) assert.ok(isValidStopSignal(ok), ok);
      for (const bad of ['SIGFOO', '0', 'TERM QUIT', '', 'SIG']) assert.ok(!isValidStopSignal(bad), bad);
    });

    it('has facts for every instruction, matching the reference lists', () => {
      assert.deepStrictEqual(INSTRUCTION_FACTS.map((f) => f.name), [...INSTRUCTION_NAMES]);
      assert.deepStrictEqual(VARIABLE_EXPANSION_INSTRUCTIONS, ['ADD', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ONBUILD']);
      for (const f of INSTRUCTION_FACTS) {
        assert.strictEqual(f.inEnvironmentReplacementList, VARIABLE_EXPANSION_INSTRUCTIONS.includes(f.name), f.name);
        assert.strictEqual(f.onbuildTrigger, !FORBIDDEN_ONBUILD_TRIGGERS.includes(f.name), f.name);
        assert.ok(f.maxArgs === undefined || f.maxArgs >= f.minArgs, f.name);
      }
      assert.deepStrictEqual(INSTRUCTION_FACTS.filter((f) => f.lastOneWins).map((f) => f.name), ['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
      assert.deepStrictEqual(INSTRUCTION_FACTS.filter((f) => f.beforeFrom).map((f) => f.name), ['ARG']);
      assert.strictEqual(instructionFacts('shell')?.jsonForm, 'required');
      assert.deepStrictEqual(instructionFacts('FROM')?.argCounts, [1, 3]);
      assert.strictEqual(instructionFacts('COPY')?.minArgs, 2);
      assert.strictEqual(instructionFacts('RUN')?.expansion, 'shell');
      assert.deepStrictEqual(FORBIDDEN_ONBUILD_TRIGGERS, ['ONBUILD', 'FROM', 'MAINTAINER']);
      assert.deepStrictEqual(RESERVED_STAGE_NAMES, ['scratch', 'context']);
      assert.ok(STAGE_NAME_PATTERN.test('build-env_2.x') && !STAGE_NAME_PATTERN.test('2build'));
    });
  });
});
