import * as assert from 'assert';
import { parseAllDocuments } from 'yaml';
import {
  COMPOSE_ROOT,
  EXTENSION_KEY,
  forEachKey,
  hasInterpolation,
  keyAt,
  KeyDoc,
  valueAccepts,
  VALUE_TYPES,
} from '../../server/src/compose/schema';
import { fields, key, ref } from '../../server/src/compose/schema/types';

const SERVICE_KEYS = [
  'annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command', 'configs',
  'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares', 'cpus',
  'cpuset', 'credential_spec', 'depends_on', 'deploy', 'develop', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search',
  'domainname', 'entrypoint', 'env_file', 'environment', 'expose', 'extends', 'external_links', 'extra_hosts', 'gpus', 'group_add',
  'healthcheck', 'hostname', 'image', 'init', 'ipc', 'isolation', 'label_file', 'labels', 'links', 'logging', 'mac_address',
  'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'models', 'network_mode', 'networks', 'oom_kill_disable',
  'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start', 'pre_stop', 'privileged', 'profiles', 'provider',
  'pull_policy', 'pull_refresh_after', 'read_only', 'restart', 'runtime', 'scale', 'secrets', 'security_opt', 'shm_size',
  'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs', 'tty', 'ulimits', 'use_api_socket', 'user',
  'userns_mode', 'uts', 'volumes', 'volumes_from', 'working_dir',
];

function childNames(path: (string | number)[]): string[] {
  const doc = keyAt(path);
  assert.ok(doc?.children, `${path.join('.')} has children`);
  return Object.keys(doc.children).sort();
}

function all(): { doc: KeyDoc; where: string }[] {
  const out: { doc: KeyDoc; where: string }[] = [];
  forEachKey((doc, path) => out.push({ doc, where: path.join('.') || '<root>' }));
  return out;
}

describe('Compose schema: consistency of the key tree', () => {
  const docs = all();

  it('has hundreds of documented keys', () => {
    assert.ok(docs.length > 400, `${docs.length} docs`);
  });

  it('gives every key a known type, a description, an example and a docs.docker.com link', () => {
    for (const { doc, where } of docs) {
      assert.ok(VALUE_TYPES.includes(doc.type), `${where}: type ${doc.type}`);
      for (const alt of doc.alternatives ?? []) assert.ok(VALUE_TYPES.includes(alt) && alt !== doc.type, `${where}: alternative ${alt}`);
      assert.ok(doc.name.length > 0, `${where}: name`);
      assert.ok(doc.description.length >= 12 && /[.)]$/.test(doc.description), `${where}: description ${JSON.stringify(doc.description)}`);
      assert.ok(doc.example.trim().length > 0, `${where}: example`);
      assert.match(doc.link, /^https:\/\/docs\.docker\.com\/reference\/compose-file\/([a-z-]+\/(#[a-z0-9_-]+)?)?$/, `${where}: link ${doc.link}`);
    }
  });

  it('writes every example as valid YAML', () => {
    for (const { doc, where } of docs) {
      for (const parsed of parseAllDocuments(doc.example)) {
        assert.deepStrictEqual(parsed.errors.map((e) => e.message), [], `${where}: example ${JSON.stringify(doc.example)}`);
      }
    }
  });

  it('gives every enum its values, and only enums have values or patterns', () => {
    for (const { doc, where } of docs) {
      const isEnum = doc.type === 'enum' || (doc.alternatives?.includes('enum') ?? false);
      if (isEnum) assert.ok((doc.values?.length ?? 0) > 0, `${where}: enum without values`);
      else assert.strictEqual(doc.values, undefined, `${where}: values on a non-enum`);
      if (doc.pattern !== undefined) assert.ok(isEnum || doc.type === 'string', `${where}: pattern on a ${doc.type}`);
      if (doc.values) assert.strictEqual(new Set(doc.values).size, doc.values.length, `${where}: duplicate values`);
    }
  });

  it('describes the inside of every collection', () => {
    for (const { doc, where } of docs) {
      const forms = [doc.type, ...(doc.alternatives ?? [])];
      if (forms.includes('object')) assert.ok(doc.children && Object.keys(doc.children).length > 0, `${where}: object without children`);
      if (forms.includes('list') || forms.includes('string-or-list') || forms.includes('list-or-map')) assert.ok(doc.items, `${where}: no items`);
      if (forms.includes('map') || forms.includes('list-or-map')) assert.ok(doc.additional, `${where}: no additional`);
      if (doc.children) for (const [name, child] of Object.entries(doc.children)) assert.strictEqual(child.name, name, `${where}: child ${name}`);
      if (doc.keyPattern !== undefined) assert.doesNotThrow(() => new RegExp(doc.keyPattern as string), `${where}: keyPattern`);
      if (doc.pattern !== undefined) assert.doesNotThrow(() => new RegExp(doc.pattern as string), `${where}: pattern`);
    }
  });

  it('rejects a key given twice in one object', () => {
    const a = key('a', 'string', ref('services', 'a'), 'One key of a test object.', 'a: 1');
    assert.throws(() => fields(a, key('b', 'string', a.link, a.description, a.example), a), /duplicate Compose key: a/);
    assert.deepStrictEqual(Object.keys(fields(a)), ['a']);
  });

  it('is frozen', () => {
    assert.ok(Object.isFrozen(COMPOSE_ROOT) && Object.isFrozen(COMPOSE_ROOT.children));
    assert.ok(Object.isFrozen(keyAt(['services', 'x', 'depends_on', 'db', 'condition'])?.values));
  });
});

describe('Compose schema: the keys of the specification', () => {
  it('knows the top level, with version obsolete', () => {
    assert.deepStrictEqual(childNames([]), ['configs', 'include', 'models', 'name', 'networks', 'secrets', 'services', 'version', 'volumes']);
    assert.strictEqual(keyAt(['version'])?.obsolete, true);
    assert.strictEqual(keyAt(['version'])?.link, 'https://docs.docker.com/reference/compose-file/version-and-name/#version-top-level-element-obsolete');
    assert.strictEqual(keyAt(['name'])?.obsolete, undefined);
  });

  it('knows every service key of the compose-spec schema', () => {
    assert.deepStrictEqual(childNames(['services', 'web']), SERVICE_KEYS);
  });

  it('knows the nested objects', () => {
    assert.deepStrictEqual(childNames(['services', 's', 'build']), [
      'additional_contexts', 'args', 'cache_from', 'cache_to', 'context', 'dockerfile', 'dockerfile_inline', 'entitlements', 'extra_hosts',
      'isolation', 'labels', 'network', 'no_cache', 'platforms', 'privileged', 'provenance', 'pull', 'sbom', 'secrets', 'shm_size', 'ssh',
      'tags', 'target', 'ulimits',
    ]);
    assert.deepStrictEqual(childNames(['services', 's', 'deploy']), [
      'endpoint_mode', 'labels', 'mode', 'placement', 'replicas', 'resources', 'restart_policy', 'rollback_config', 'update_config',
    ]);
    assert.deepStrictEqual(childNames(['services', 's', 'deploy', 'resources', 'reservations']), ['cpus', 'devices', 'generic_resources', 'memory']);
    assert.deepStrictEqual(childNames(['services', 's', 'deploy', 'resources', 'limits']), ['cpus', 'memory', 'pids']);
    assert.deepStrictEqual(childNames(['services', 's', 'develop', 'watch', 0]), ['action', 'exec', 'ignore', 'include', 'initial_sync', 'path', 'target']);
    assert.deepStrictEqual(childNames(['services', 's', 'healthcheck']), ['disable', 'interval', 'retries', 'start_interval', 'start_period', 'test', 'timeout']);
    assert.deepStrictEqual(childNames(['services', 's', 'ports', 0]), ['app_protocol', 'host_ip', 'mode', 'name', 'protocol', 'published', 'target']);
    assert.deepStrictEqual(childNames(['services', 's', 'volumes', 3]), ['bind', 'consistency', 'image', 'read_only', 'source', 'target', 'tmpfs', 'type', 'volume']);
    assert.deepStrictEqual(childNames(['services', 's', 'networks', 'back']), [
      'aliases', 'driver_opts', 'gw_priority', 'interface_name', 'ipv4_address', 'ipv6_address', 'link_local_ips', 'mac_address', 'priority',
    ]);
    assert.deepStrictEqual(childNames(['networks', 'back']), [
      'attachable', 'driver', 'driver_opts', 'enable_ipv4', 'enable_ipv6', 'external', 'internal', 'ipam', 'labels', 'name',
    ]);
    assert.deepStrictEqual(childNames(['networks', 'back', 'ipam', 'config', 0]), ['aux_addresses', 'gateway', 'ip_range', 'subnet']);
    assert.deepStrictEqual(childNames(['volumes', 'data']), ['driver', 'driver_opts', 'external', 'labels', 'name']);
    assert.deepStrictEqual(childNames(['secrets', 'token']), ['driver', 'driver_opts', 'environment', 'external', 'file', 'labels', 'name', 'template_driver']);
    assert.deepStrictEqual(childNames(['configs', 'app']), ['content', 'environment', 'external', 'file', 'labels', 'name', 'template_driver']);
    assert.deepStrictEqual(childNames(['include', 0]), ['env_file', 'path', 'project_directory']);
    assert.deepStrictEqual(childNames(['models', 'llm']), ['context_size', 'model', 'name', 'runtime_flags']);
    assert.deepStrictEqual(childNames(['services', 's', 'extends']), ['file', 'service']);
    assert.deepStrictEqual(childNames(['services', 's', 'blkio_config']), [
      'device_read_bps', 'device_read_iops', 'device_write_bps', 'device_write_iops', 'weight', 'weight_device',
    ]);
  });
});

describe('Compose schema: keyAt', () => {
  it('answers exact docs along paths', () => {
    assert.strictEqual(keyAt(['services', 'web', 'healthcheck', 'interval'])?.type, 'duration');
    assert.deepStrictEqual(keyAt(['services', 'x', 'depends_on', 'db', 'condition'])?.values, [
      'service_started', 'service_healthy', 'service_completed_successfully',
    ]);
    assert.strictEqual(keyAt(['services', 'x', 'depends_on', 'db', 'condition'])?.required, true);
    assert.strictEqual(keyAt(['services', 'x', 'depends_on', 0])?.type, 'string');
    assert.strictEqual(keyAt(['services', 's', 'build', 'target'])?.link, 'https://docs.docker.com/reference/compose-file/build/#target');
    assert.deepStrictEqual(keyAt(['services', 's', 'build'])?.alternatives, ['string']);
    assert.strictEqual(keyAt(['services', 's', 'cap_add'])?.link, 'https://docs.docker.com/reference/compose-file/services/#cap_add');
    assert.strictEqual(keyAt(['services', 's', 'environment'])?.type, 'list-or-map');
    assert.strictEqual(keyAt(['services', 's', 'environment', 'DEBUG'])?.type, 'scalar');
    assert.strictEqual(keyAt(['services', 's', 'environment', 2])?.type, 'string');
    assert.strictEqual(keyAt(['services', 's', 'command'])?.type, 'string-or-list');
    assert.strictEqual(keyAt(['services', 's', 'mem_limit'])?.type, 'byte-size');
    assert.strictEqual(keyAt(['services', 's', 'ports', 0])?.alternatives?.[0], 'port-spec');
    assert.strictEqual(keyAt(['services', 's', 'ports', 0, 'published'])?.type, 'port-range');
    assert.deepStrictEqual(keyAt(['services', 's', 'volumes', 0, 'type'])?.values, ['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image']);
    assert.deepStrictEqual(keyAt(['services', 's', 'volumes', 0, 'bind', 'selinux'])?.values, ['z', 'Z']);
    assert.strictEqual(keyAt(['services', 's', 'volumes', 0, 'tmpfs', 'size'])?.type, 'byte-size');
    assert.strictEqual(keyAt(['services', 's', 'deploy', 'resources', 'reservations', 'devices', 0, 'capabilities', 0])?.type, 'string');
    assert.deepStrictEqual(keyAt(['services', 's', 'deploy', 'update_config', 'failure_action'])?.values, ['continue', 'rollback', 'pause']);
    assert.deepStrictEqual(keyAt(['services', 's', 'deploy', 'rollback_config', 'failure_action'])?.values, ['continue', 'pause']);
    assert.deepStrictEqual(keyAt(['services', 's', 'develop', 'watch', 0, 'action'])?.values, ['rebuild', 'restart', 'sync', 'sync+restart', 'sync+exec']);
    assert.strictEqual(keyAt(['services', 's', 'develop', 'watch', 0, 'exec', 'command'])?.required, true);
    assert.strictEqual(keyAt(['services', 's', 'post_start', 0, 'environment', 'A'])?.type, 'scalar');
    assert.strictEqual(keyAt(['services', 's', 'ulimits', 'nofile', 'soft'])?.type, 'integer');
    assert.deepStrictEqual(keyAt(['services', 's', 'ulimits', 'nproc'])?.alternatives, ['integer']);
    assert.strictEqual(keyAt(['services', 's', 'build', 'ulimits', 'nofile', 'hard'])?.link, 'https://docs.docker.com/reference/compose-file/build/#ulimits');
    assert.strictEqual(keyAt(['networks', 'n', 'ipam', 'config', 0, 'aux_addresses', 'host1'])?.type, 'string');
    assert.strictEqual(keyAt(['volumes', 'v', 'external', 'name'])?.deprecated, 'set `name` on the volume itself, next to `external: true`');
    assert.strictEqual(keyAt(['include', 0, 'path'])?.required, undefined);
    assert.strictEqual(keyAt(['models', 'm', 'model'])?.required, true);
    assert.strictEqual(keyAt(['services', 's', 'gpus'])?.values?.[0], 'all');
    assert.strictEqual(keyAt(['services', 's', 'restart'])?.pattern, '^on-failure:[0-9]+$');
  });

  it('answers undefined off the specification', () => {
    assert.strictEqual(keyAt(['services', 's', 'imagee']), undefined);
    assert.strictEqual(keyAt(['services', 's', 'driver_opts']), undefined);
    assert.strictEqual(keyAt(['services', 's', 'build', 'context', 'x']), undefined);
    assert.strictEqual(keyAt(['services', 's', 'constructor']), undefined);
    assert.strictEqual(keyAt(['services', 's', '__proto__']), undefined);
    assert.strictEqual(keyAt(['services', 's', 'image', 0]), undefined);
    assert.strictEqual(keyAt(['services', 'bad name!']), undefined);
    assert.strictEqual(keyAt(['jobs']), undefined);
  });

  it('answers the extension doc for x- keys where objects allow them, and below them', () => {
    assert.strictEqual(keyAt(['x-common']), EXTENSION_KEY);
    assert.strictEqual(keyAt(['x-common', 'anything', 3, 'deeper']), EXTENSION_KEY);
    assert.strictEqual(keyAt(['services', 's', 'x-aws-role']), EXTENSION_KEY);
    assert.strictEqual(keyAt(['services', 's', 'deploy', 'placement', 'x-region']), EXTENSION_KEY);
    assert.strictEqual(keyAt(['services', 's', 'extends', 'x-note']), undefined);
    assert.strictEqual(keyAt(['services', 's', 'environment', 'x-var'])?.type, 'scalar');
  });

  it('looks through YAML merge keys', () => {
    assert.strictEqual(keyAt(['services', 's', '<<', 'image']), keyAt(['services', 's', 'image']));
    assert.strictEqual(keyAt(['services', 's', '<<', 1, 'restart']), keyAt(['services', 's', 'restart']));
    assert.strictEqual(keyAt(['services', 's', 'environment', '<<', 'A']), keyAt(['services', 's', 'environment', 'A']));
  });
});

describe('Compose schema: valueAccepts', () => {
  it('lets interpolation through, but not an escaped dollar', () => {
    assert.strictEqual(hasInterpolation('${PORT:-80}'), true);
    assert.strictEqual(hasInterpolation('$HOME/x'), true);
    assert.strictEqual(hasInterpolation('$$HOME'), false);
    assert.strictEqual(hasInterpolation('a $ b $1'), false);
    assert.strictEqual(hasInterpolation('$$${X}'), true);
    for (const type of VALUE_TYPES) assert.strictEqual(valueAccepts(type, '${X}'), true, type);
    assert.strictEqual(valueAccepts('integer', '${REPLICAS:-2}'), true);
    assert.strictEqual(valueAccepts('integer', '$$2'), false);
    assert.strictEqual(valueAccepts('string', '$$HOME'), true);
    assert.strictEqual(valueAccepts(keyAt(['services', 's', 'restart']) as KeyDoc, '$RESTART'), true);
  });

  it('checks scalars against the types', () => {
    const cases: [Parameters<typeof valueAccepts>[0], Parameters<typeof valueAccepts>[1], boolean][] = [
      ['string', 'nginx', true], ['string', 5, false], ['string', null, false],
      ['boolean', true, true], ['boolean', 'false', true], ['boolean', 'yes', true], ['boolean', 'maybe', false], ['boolean', 1, false],
      ['integer', 3, true], ['integer', '-1', true], ['integer', '0o440', true], ['integer', 1.5, false], ['integer', '1.5', false],
      ['number', 0.5, true], ['number', '0.50', true], ['number', '1e3', true], ['number', 'half', false],
      ['duration', '1m30s', true], ['duration', '10ms', true], ['duration', '1h5m30s20ms', true], ['duration', '1.5s', true],
      ['duration', '400us', true], ['duration', '2d', true], ['duration', 0, true], ['duration', '0', true],
      ['duration', 30, false], ['duration', '30', false], ['duration', '1 m', false], ['duration', 's', false],
      ['byte-size', '512m', true], ['byte-size', '1gb', true], ['byte-size', '2.5G', true], ['byte-size', 1073741824, true],
      ['byte-size', -1, true], ['byte-size', '1024kb', true], ['byte-size', '2b', true], ['byte-size', '12 MiB', true],
      ['byte-size', 'lots', false], ['byte-size', '1x', false], ['byte-size', 1.5, false],
      ['port-spec', 8080, true], ['port-spec', '3000', true], ['port-spec', '8000:8000', true], ['port-spec', '9090-9091:8080-8081', true],
      ['port-spec', '127.0.0.1:8001:8001', true], ['port-spec', '127.0.0.1::80', true], ['port-spec', '::1:6000:6000', true],
      ['port-spec', '[::1]:6001:6001', true], ['port-spec', '6060:6060/udp', true], ['port-spec', '127.0.0.1:5000-5010:5000-5010', true],
      ['port-spec', '80:80/http', false], ['port-spec', 'abc', false], ['port-spec', 70000, false], ['port-spec', '5010-5000', false],
      ['port-spec', 'localhost:80:80', false],
      ['port-range', 8080, true], ['port-range', '8000-9000', true], ['port-range', '8080-8085/tcp', true], ['port-range', '80:80', false],
      ['enum', 'anything', true], ['scalar', false, true], ['scalar', null, false], ['any', null, true],
      ['string-or-list', 'a b', true], ['list', 'a', false], ['object', 'a', false], ['map', 1, false], ['list-or-map', 'a=b', false],
    ];
    for (const [type, value, expected] of cases) assert.strictEqual(valueAccepts(type, value), expected, `${String(type)} ${JSON.stringify(value)}`);
  });

  it('checks scalars against keys: enums, patterns, alternatives, bounds, null', () => {
    const at = (...path: (string | number)[]): KeyDoc => keyAt(path) as KeyDoc;
    const cases: [KeyDoc, Parameters<typeof valueAccepts>[1], boolean][] = [
      [at('services', 's', 'restart'), 'unless-stopped', true], [at('services', 's', 'restart'), 'no', true],
      [at('services', 's', 'restart'), 'on-failure:3', true], [at('services', 's', 'restart'), 'sometimes', false],
      [at('services', 's', 'restart'), false, false],
      [at('services', 's', 'pull_policy'), 'every_12h', true], [at('services', 's', 'pull_policy'), 'every_1w2d', true],
      [at('services', 's', 'pull_policy'), 'if_not_present', true], [at('services', 's', 'pull_policy'), 'hourly', false],
      [at('services', 's', 'depends_on', 'db', 'condition'), 'service_healthy', true],
      [at('services', 's', 'depends_on', 'db', 'condition'), 'service_ready', false],
      [at('services', 's', 'build'), './app', true], [at('services', 's', 'build'), 3, false],
      [at('services', 's', 'ports', 0), '8080:80', true], [at('services', 's', 'ports', 0), 8080, true], [at('services', 's', 'ports', 0), 'x', false],
      [at('services', 's', 'gpus'), 'all', true], [at('services', 's', 'gpus'), 'some', false],
      [at('services', 's', 'deploy', 'resources', 'reservations', 'devices', 0, 'count'), 'all', true],
      [at('services', 's', 'deploy', 'resources', 'reservations', 'devices', 0, 'count'), 2, true],
      [at('services', 's', 'oom_score_adj'), -1000, true], [at('services', 's', 'oom_score_adj'), 1001, false],
      [at('services', 's', 'cpu_percent'), '50', true], [at('services', 's', 'cpu_percent'), 150, false],
      [at('services', 's', 'blkio_config', 'weight'), 5, false], [at('services', 's', 'blkio_config', 'weight'), 500, true],
      [at('services', 's', 'cpu_rt_runtime'), '400ms', true], [at('services', 's', 'cpu_rt_runtime'), 95000, true],
      [at('services', 's', 'container_name'), 'my-web', true], [at('services', 's', 'container_name'), '-bad', false],
      [at('name'), 'myapp', true], [at('name'), 'MyApp', false],
      [at('services', 's', 'environment', 'USER_INPUT'), null, true], [at('services', 's', 'environment'), null, false],
      [at('services', 's', 'command'), null, true], [at('networks', 'front'), null, true], [at('services', 's', 'networks', 'front'), null, true],
      [at('services', 's', 'build', 'provenance'), 'mode=max', true], [at('services', 's', 'build', 'provenance'), true, true],
      [at('volumes', 'v', 'external'), true, true], [at('services', 's', 'ulimits', 'nofile'), 65535, true],
      [at('x-anything'), null, true],
    ];
    for (const [doc, value, expected] of cases) assert.strictEqual(valueAccepts(doc, value), expected, `${doc.name} ${JSON.stringify(value)}`);
  });
});
