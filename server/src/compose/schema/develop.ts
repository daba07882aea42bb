// The `develop` section of a service: the Compose Develop Specification (watch rules).
import { hookObject, stringOrList } from './shared';
import { fields, key, KeyDoc, ref } from './types';

const at = (anchor?: string): string => ref('develop', anchor);

const WATCH_RULE: KeyDoc = key(
  'watch[]',
  'object',
  at('watch'),
  'One watch rule: a path to watch and the action to take when files under it change.',
  '- path: ./src\n  action: sync\n  target: /app/src',
  {
    children: fields(
      key('path', 'string', at('path'),
        'The file or directory to watch, relative to the project directory. Required.',
        'path: ./web/html', { required: true }),
      key('action', 'enum', at('action'),
        'What to do on a change: `rebuild` the image and recreate the container, `restart` it, `sync` the files into it, or sync and then restart (`sync+restart`) or run a command (`sync+exec`). Required.',
        'action: sync+restart', { required: true, values: ['rebuild', 'restart', 'sync', 'sync+restart', 'sync+exec'] }),
      key('target', 'string', at('target'),
        'Where the changed files go inside the container, for the `sync` actions.',
        'target: /var/www'),
      stringOrList('ignore', at('ignore'),
        'Patterns, in `.dockerignore` syntax and relative to `path`, whose changes do not trigger the rule.',
        'ignore:\n  - node_modules/', 'One ignore pattern.', '- "*.tmp"'),
      stringOrList('include', at('include'),
        'Patterns selecting the only files whose changes trigger the rule; quote patterns that start with `*`.',
        'include: "*.go"', 'One include pattern.', '- "*.go"'),
      hookObject('exec', at('exec'),
        'The command to run inside the container after syncing, for the `sync+exec` action.',
        'exec:\n  command: app reload'),
      key('initial_sync', 'boolean', at('initial_sync'),
        'For the `sync` actions: when a watch session starts on existing containers, first brings the files under `path` up to date in them.',
        'initial_sync: true'),
    ),
  },
);

export const DEVELOP: KeyDoc = key(
  'develop',
  'object',
  at('attributes'),
  'Development-time settings of the service, used by `docker compose watch` to keep containers in step with the source.',
  'develop:\n  watch:\n    - path: ./src\n      action: rebuild',
  {
    nullable: true,
    children: fields(
      key('watch', 'list', at('watch'),
        'Rules that update the service automatically when local files change.',
        'develop:\n  watch:\n    - path: ./web\n      action: sync\n      target: /app/web',
        { items: WATCH_RULE }),
    ),
  },
);
