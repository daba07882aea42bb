// Shapes the Compose Specification uses in more than one place: commands, ulimits, extra hosts,
// lifecycle hooks, and the secret/config grants of a service or a build.
import { fields, key, KeyDoc, listOrMap, stringItem } from './types';

/** `command`-like keys: a shell-form string, an exec-form list, or null for the image default. */
export function commandKey(name: string, link: string, description: string, example: string): KeyDoc {
  return key(name, 'string-or-list', link, description, example, {
    nullable: true,
    items: stringItem(name, link, `One argument of \`${name}\` in exec form; the first is the executable.`, '- echo'),
  });
}

/** A list of plain strings. */
export function stringList(name: string, link: string, description: string, example: string, item: string, itemExample = '- value'): KeyDoc {
  return key(name, 'list', link, description, example, { items: stringItem(name, link, item, itemExample) });
}

/** A single string or a list of strings. */
export function stringOrList(name: string, link: string, description: string, example: string, item: string, itemExample = '- value'): KeyDoc {
  return key(name, 'string-or-list', link, description, example, { items: stringItem(name, link, item, itemExample) });
}

/** `ulimits` of a service or of a build. */
export function ulimitsKey(link: string, description: string, example: string): KeyDoc {
  return key('ulimits', 'map', link, description, example, {
    keyPattern: '^[a-z]+$',
    additional: key(
      '<ulimit>',
      'object',
      link,
      'One resource limit, named like `nofile` or `nproc`: a single number sets soft and hard limit alike, a mapping sets them apart.',
      'nofile:\n  soft: 20000\n  hard: 40000',
      {
        alternatives: ['integer'],
        children: fields(
          key('soft', 'integer', link, 'The limit the kernel enforces; a process may raise it up to the hard limit.', 'soft: 20000', { required: true }),
          key('hard', 'integer', link, 'The ceiling an unprivileged process may raise its soft limit to.', 'hard: 40000', { required: true }),
        ),
      },
    ),
  });
}

/** `extra_hosts` of a service or of a build: `host=IP` entries or a host-to-IP mapping. */
export function extraHostsKey(link: string, description: string, example: string): KeyDoc {
  return key('extra_hosts', 'list-or-map', link, description, example, {
    items: stringItem('extra_hosts', link, 'One `HOSTNAME=IP` entry (`HOSTNAME:IP` works too); IPv6 addresses may be in brackets.', '- "somehost=162.242.195.82"'),
    additional: key('<hostname>', 'string-or-list', link, 'The IP address, or list of addresses, this host name resolves to.', 'somehost: "162.242.195.82"', {
      items: stringItem('<hostname>', link, 'One IP address of the host name.', '- "::1"'),
    }),
  });
}

/** The object of a lifecycle hook (`post_start`, `pre_stop` entries) and of `develop.watch[].exec`. */
export function hookObject(name: string, link: string, description: string, example: string): KeyDoc {
  return key(name, 'object', link, description, example, {
    children: fields(
      { ...commandKey('command', link, 'The command to run inside the container, in shell form or exec form. Required.', 'command: ./on-start.sh'), required: true },
      key('user', 'string', link, 'The user to run the command as; by default the user of the main process.', 'user: root'),
      key('privileged', 'boolean', link, 'Runs the command with extended privileges.', 'privileged: true'),
      key('working_dir', 'string', link, 'The directory to run the command in; by default the working directory of the main process.', 'working_dir: /app'),
      listOrMap('environment', link, 'Extra or overriding environment variables for this command only; it inherits those of the service.', 'environment:\n  - MODE=hook'),
    ),
  });
}

/** One entry of a service's (or build's) `secrets` / `configs` list: a name, or the long syntax. */
export function grantItem(list: 'secrets' | 'configs', link: string, targetText: string, modeText: string): KeyDoc {
  const what = list === 'secrets' ? 'secret' : 'config';
  return key(
    `${list}[]`,
    'object',
    link,
    `The name of a ${what} declared under the top-level \`${list}\` key, or a mapping that also sets where and how it is mounted.`,
    `- source: my_${what}\n  target: /etc/app/${what}\n  mode: 0o440`,
    {
      alternatives: ['string'],
      children: fields(
        key('source', 'string', link, `The name of the ${what} as declared under the top-level \`${list}\` key.`, `source: my_${what}`),
        key('target', 'string', link, targetText, `target: /etc/app/${what}`),
        key('uid', 'string', link, 'The numeric user ID that owns the mounted file.', 'uid: "103"'),
        key('gid', 'string', link, 'The numeric group ID that owns the mounted file.', 'gid: "103"'),
        key('mode', 'integer', link, modeText, 'mode: 0o440'),
      ),
    },
  );
}

/** `external` of a top-level network, volume, secret or config. */
export function externalKey(link: string, what: 'network' | 'volume' | 'secret' | 'config'): KeyDoc {
  return key('external', 'boolean', link,
    `When true, the ${what} already exists outside the project: Compose looks it up (by \`name\` if set) instead of creating it, and errors when it is missing. Only \`name\` may accompany it.`,
    `${what}s:\n  shared:\n    external: true\n    name: shared-${what}`, {
      alternatives: ['object'],
      children: fields(
        key('name', 'string', link, `The name of the existing ${what} (legacy form).`, 'external:\n  name: shared', {
          deprecated: `set \`name\` on the ${what} itself, next to \`external: true\``,
        }),
      ),
    });
}
