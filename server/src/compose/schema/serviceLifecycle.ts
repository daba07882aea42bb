// Service keys about the lifecycle: dependencies, health, restarts, pulls, stopping, hooks and logging.
import { hookObject } from './shared';
import { fields, key, KeyDoc, optionsMap, ref, RESOURCE_NAME_PATTERN } from './types';

const at = (anchor: string): string => ref('services', anchor);
const HEALTH = at('healthcheck');

const DEPENDENCY: KeyDoc = key('<service>', 'object', at('depends_on'),
  'How the service waits for this dependency: the condition to meet, whether to restart with it, and whether it is required.',
  'db:\n  condition: service_healthy\n  restart: true', {
    children: fields(
      key('condition', 'enum', at('depends_on'),
        'When the dependency counts as ready: `service_started` once it runs, `service_healthy` once its healthcheck passes, `service_completed_successfully` once it has exited with code 0. Required.',
        'condition: service_healthy',
        { required: true, values: ['service_started', 'service_healthy', 'service_completed_successfully'] }),
      key('restart', 'boolean', at('depends_on'),
        'Restarts this service after Compose updates or restarts the dependency.',
        'restart: true'),
      key('required', 'boolean', at('depends_on'),
        'When false, Compose only warns if the dependency is not started or not available (default true).',
        'required: false'),
    ),
  });

function hooks(name: 'post_start' | 'pre_stop', description: string, example: string): KeyDoc {
  return key(name, 'list', at(name), description, example, {
    items: hookObject(`${name}[]`, at(name), 'One hook: a command to run in the container, with optional user, privileges, directory and environment.',
      '- command: ./hook.sh\n  user: root'),
  });
}

export const SERVICE_LIFECYCLE_KEYS: readonly KeyDoc[] = [
  key('depends_on', 'list-or-map', at('depends_on'),
    'Services this one depends on: Compose starts them first and stops them last. The mapping form also says what to wait for.',
    'depends_on:\n  db:\n    condition: service_healthy\n  redis:\n    condition: service_started', {
      keyPattern: RESOURCE_NAME_PATTERN,
      items: key('depends_on[]', 'string', at('depends_on'), 'The name of a service to start first.', '- db'),
      additional: DEPENDENCY,
    }),
  key('healthcheck', 'object', HEALTH,
    'How to check whether a container is healthy, overriding the image\'s `HEALTHCHECK`.',
    'healthcheck:\n  test: ["CMD", "curl", "-f", "http://localhost"]\n  interval: 30s\n  retries: 3', {
      children: fields(
        key('test', 'string-or-list', HEALTH,
          'The check to run: a list starting with `CMD` (exec form), `CMD-SHELL` (shell form) or `NONE` (off), or a string run by the shell.',
          'test: ["CMD-SHELL", "pg_isready -U postgres"]', {
            items: key('test[]', 'string', HEALTH, 'One element of the check: first `CMD`, `CMD-SHELL` or `NONE`, then the command.', '- CMD'),
          }),
        key('interval', 'duration', HEALTH, 'How long to wait between two checks (default 30s).', 'interval: 1m30s'),
        key('timeout', 'duration', HEALTH, 'How long one check may take before it counts as failed (default 30s).', 'timeout: 10s'),
        key('retries', 'integer', HEALTH, 'How many failures in a row make the container unhealthy (default 3).', 'retries: 5'),
        key('start_period', 'duration', HEALTH,
          'Time the container gets to start up, during which failures do not count (default 0s).',
          'start_period: 40s'),
        key('start_interval', 'duration', HEALTH,
          'How long to wait between checks during the start period.',
          'start_interval: 5s'),
        key('disable', 'boolean', HEALTH, 'Turns off any healthcheck, including the image\'s.', 'disable: true'),
      ),
    }),
  key('restart', 'enum', at('restart'),
    'What the platform does when a container exits: `no` (default), `always`, `on-failure[:MAX_RETRIES]`, or `unless-stopped`. Quote `"no"`.',
    'restart: unless-stopped', { values: ['no', 'always', 'on-failure', 'unless-stopped'], pattern: '^on-failure:[0-9]+$' }),
  key('pull_policy', 'enum', at('pull_policy'),
    'When to pull the image: `always`, `never`, `missing` (alias `if_not_present`), `build`, `daily`, `weekly`, or `every_<duration>` such as `every_12h`.',
    'pull_policy: missing', {
      values: ['always', 'never', 'missing', 'if_not_present', 'build', 'daily', 'weekly', 'refresh'],
      pattern: '^every_([0-9]+[wdhms])+$',
    }),
  key('pull_refresh_after', 'string', at('pull_policy'),
    'How long after the last pull Compose pulls the image again, for the `refresh` pull policy.',
    'pull_refresh_after: 24h'),
  key('scale', 'integer', at('scale'),
    'How many containers to run for the service by default. Must agree with `deploy.replicas`.',
    // No minimum: the Compose Specification's schema has none, so compose-go loads `scale: -1` (checks/deployRules.ts
    // warns about it).
    'scale: 3'),
  key('stop_grace_period', 'duration', at('stop_grace_period'),
    'How long to wait after the stop signal before killing the container with SIGKILL (default 10s).',
    'stop_grace_period: 1m30s'),
  key('stop_signal', 'string', at('stop_signal'), 'The signal that stops the containers (default SIGTERM).', 'stop_signal: SIGUSR1'),
  hooks('post_start', 'Commands to run in the container after it has started; the exact moment is not guaranteed.',
    'post_start:\n  - command: ./warm-cache.sh\n    user: root'),
  hooks('pre_stop', 'Commands to run in the container before it is stopped; they do not run when it stops by itself or is killed.',
    'pre_stop:\n  - command: ./drain.sh'),
  key('logging', 'object', at('logging'),
    'The logging driver of the containers and its options.',
    'logging:\n  driver: json-file\n  options:\n    max-size: "10m"', {
      children: fields(
        key('driver', 'string', at('logging'), 'The logging driver, such as `json-file`, `local`, `syslog` or `none`; the default depends on the platform.', 'driver: syslog'),
        optionsMap('options', at('logging'), 'Options of the logging driver, as key-value pairs.', 'options:\n  syslog-address: "tcp://192.168.0.42:123"', true),
      ),
    }),
];
