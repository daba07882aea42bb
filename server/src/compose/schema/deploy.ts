// The `deploy` section of a service: the Compose Deploy Specification, and the device requests it shares with `gpus`.
import { stringList } from './shared';
import { fields, key, KeyDoc, listOrMap, ref } from './types';

const at = (anchor?: string): string => ref('deploy', anchor);

/** One device request, as in `deploy.resources.reservations.devices` and the long form of `gpus`. */
export function deviceRequest(name: string, link: (anchor: string) => string, what: string): KeyDoc {
  return key(name, 'object', link('devices'), `One ${what} request: the capabilities, driver, count or IDs of the devices to reserve.`,
    '- driver: nvidia\n  count: 1\n  capabilities: [gpu]', {
      children: fields(
        stringList('capabilities', link('capabilities'),
          'Capabilities every reserved device must have, such as `gpu` or `tpu`; driver-specific ones carry the driver name as prefix.',
          'capabilities: [gpu, compute]', 'One capability the device must offer.', '- gpu'),
        key('driver', 'string', link('driver'), 'The device driver to ask for, such as `nvidia`.', 'driver: nvidia'),
        key('count', 'integer', link('count'),
          'How many devices to reserve, or `all`. Cannot be combined with `device_ids`.',
          'count: 2', { alternatives: ['enum'], values: ['all'] }),
        stringList('device_ids', link('device_ids'),
          'The IDs of the devices to reserve. Cannot be combined with `count`.',
          'device_ids: ["0", "3"]', 'One device ID.', '- "GPU-f123d1c9"'),
        listOrMap('options', link('options'), 'Driver-specific options, as key-value pairs.', 'options:\n  virtualization: false', 'option'),
      ),
    });
}

function rolloutConfig(name: 'update_config' | 'rollback_config'): KeyDoc {
  const link = at(name);
  const verb = name === 'update_config' ? 'update' : 'roll back';
  const failure = name === 'update_config' ? ['continue', 'rollback', 'pause'] : ['continue', 'pause'];
  return key(name, 'object', link,
    name === 'update_config'
      ? 'How a running service is updated: how many containers at once, the pause between batches, and what to do on failure.'
      : 'How the service is rolled back when an update fails.',
    `deploy:\n  ${name}:\n    parallelism: 2\n    delay: 10s\n    order: stop-first`, {
      children: fields(
        key('parallelism', 'integer', link, `How many containers to ${verb} at a time; 0 means all at once.`, 'parallelism: 2'),
        key('delay', 'duration', link, `How long to wait between two batches of containers to ${verb}.`, 'delay: 10s'),
        key('failure_action', 'enum', link, `What to do when the ${verb === 'update' ? 'update' : 'rollback'} fails (default \`pause\`).`,
          'failure_action: pause', { values: failure }),
        key('monitor', 'duration', link, 'How long to watch each new task for failure after it starts.', 'monitor: 30s'),
        key('max_failure_ratio', 'number', link, 'The share of failed tasks (0 to 1) to tolerate.', 'max_failure_ratio: 0.1'),
        key('order', 'enum', link,
          '`stop-first` stops the old task before starting the new one (default); `start-first` lets them overlap briefly.',
          'order: start-first', { values: ['start-first', 'stop-first'] }),
      ),
    });
}

function resourceSet(name: 'limits' | 'reservations'): KeyDoc {
  const limit = name === 'limits';
  const cpus = key('cpus', 'number', at('cpus'),
    limit ? 'The most CPU, in cores, a container may use (e.g. `0.5`).' : 'The CPU, in cores, guaranteed to a container.',
    "cpus: '0.50'");
  const memory = key('memory', 'byte-size', at('memory'),
    limit ? 'The most memory a container may allocate, such as `512M`.' : 'The memory guaranteed to a container.',
    'memory: 512M');
  const children = limit
    ? fields(cpus, memory, key('pids', 'integer', at('pids'), 'The most processes (PIDs) a container may run.', 'pids: 100'))
    : fields(
      cpus,
      memory,
      key('generic_resources', 'list', at('resources'),
        'User-defined resources to reserve, such as a number of GPUs or SSDs announced by the nodes.',
        'generic_resources:\n  - discrete_resource_spec:\n      kind: gpu\n      value: 2', {
          items: key('generic_resources[]', 'object', at('resources'), 'One user-defined resource to reserve.',
            '- discrete_resource_spec:\n    kind: ssd\n    value: 1', {
              children: fields(key('discrete_resource_spec', 'object', at('resources'), 'A countable resource: its kind and how many units.',
                'discrete_resource_spec:\n  kind: gpu\n  value: 2', {
                  children: fields(
                    key('kind', 'string', at('resources'), 'The kind of resource, as the nodes announce it (e.g. `gpu`).', 'kind: gpu'),
                    key('value', 'number', at('resources'), 'How many units of this kind to reserve.', 'value: 2'),
                  ),
                })),
            }),
        }),
      key('devices', 'list', at('devices'),
        'Devices, such as GPUs, to reserve for the containers, by capability, driver, count or ID.',
        'devices:\n  - driver: nvidia\n    count: 1\n    capabilities: [gpu]', { items: deviceRequest('devices[]', at, 'device') }),
    );
  return key(name, 'object', at('resources'),
    limit ? 'Upper bounds the platform must not let the containers exceed.' : 'Amounts the platform must guarantee to the containers.',
    `resources:\n  ${name}:\n    cpus: '0.50'\n    memory: 512M`, { children });
}

export const DEPLOY: KeyDoc = key(
  'deploy',
  'object',
  at('attributes'),
  'How the service is deployed and run: replicas, resource limits and reservations, restart, update and placement policies.',
  'deploy:\n  replicas: 2\n  resources:\n    limits:\n      memory: 512M',
  {
    nullable: true,
    children: fields(
      key('mode', 'enum', at('mode'),
        '`replicated` runs `replicas` tasks (default), `global` one task per node; the `-job` variants run tasks to completion.',
        'deploy:\n  mode: global', { values: ['replicated', 'global', 'replicated-job', 'global-job'] }),
      key('endpoint_mode', 'enum', at('endpoint_mode'),
        'How clients find the service: `vip` gives it one virtual IP, `dnsrr` returns the task IPs by DNS round-robin.',
        'deploy:\n  endpoint_mode: dnsrr', { values: ['vip', 'dnsrr'] }),
      key('replicas', 'integer', at('replicas'),
        'How many containers of a replicated service should be running.',
        'deploy:\n  replicas: 3'),
      listOrMap('labels', at('labels'),
        'Labels set on the service itself, not on its containers.',
        'deploy:\n  labels:\n    com.example.tier: "web"', 'label'),
      key('resources', 'object', at('resources'),
        'Resource limits and reservations for the containers of the service.',
        "deploy:\n  resources:\n    limits:\n      cpus: '1'\n    reservations:\n      memory: 256M", {
          children: fields(resourceSet('limits'), resourceSet('reservations')),
        }),
      key('restart_policy', 'object', at('restart_policy'),
        'Whether and how containers are restarted when they exit; when absent, the service\'s `restart` applies.',
        'deploy:\n  restart_policy:\n    condition: on-failure\n    max_attempts: 3', {
          children: fields(
            key('condition', 'enum', at('restart_policy'),
              '`none` never restarts, `on-failure` restarts after a non-zero exit, `any` always restarts (default).',
              'condition: on-failure', { values: ['none', 'on-failure', 'any'] }),
            key('delay', 'duration', at('restart_policy'), 'How long to wait between restart attempts (default 0).', 'delay: 5s'),
            key('max_attempts', 'integer', at('restart_policy'), 'How many restarts to try before giving up; by default there is no limit.', 'max_attempts: 3'),
            key('window', 'duration', at('restart_policy'), 'How long a restarted container must run before the restart counts as successful.', 'window: 120s'),
          ),
        }),
      rolloutConfig('rollback_config'),
      rolloutConfig('update_config'),
      key('placement', 'object', at('placement'),
        'Constraints and preferences for choosing the nodes that run the containers.',
        'deploy:\n  placement:\n    constraints:\n      - node.role == manager', {
          children: fields(
            stringList('constraints', at('constraints'),
              'Conditions a node must meet to run the containers, such as `node.role == manager` or a node label.',
              'constraints:\n  - node.labels.disk == ssd', 'One placement constraint.', '- node.role == worker'),
            key('preferences', 'list', at('preferences'),
              'Strategies for spreading the containers over the nodes.',
              'preferences:\n  - spread: node.labels.zone', {
                items: key('preferences[]', 'object', at('preferences'), 'One placement preference.', '- spread: node.labels.zone', {
                  children: fields(key('spread', 'string', at('preferences'), 'Spreads the tasks evenly over the values of this node label.', 'spread: node.labels.zone')),
                }),
              }),
            key('max_replicas_per_node', 'integer', at('placement'), 'The most replicas of the service one node may run.', 'max_replicas_per_node: 1'),
          ),
        }),
    ),
  },
);
