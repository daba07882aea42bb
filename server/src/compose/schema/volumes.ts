// Volumes: a service's mounts (short and long syntax), `volumes_from`, and the top-level volume definition.
import { externalKey, stringList } from './shared';
import { fields, key, KeyDoc, listOrMap, optionsMap, ref } from './types';

const svc = (anchor: string): string => ref('services', anchor);
const top = (anchor?: string): string => ref('volumes', anchor);
const LONG = svc('volumes');

const MOUNT: KeyDoc = key(
  'volumes[]',
  'object',
  LONG,
  'One mount: either the short syntax `SOURCE:TARGET[:MODE]` (a host path or volume name, the path in the container, and options such as `ro`), or a mapping in the long syntax.',
  '- type: bind\n  source: ./config\n  target: /etc/app\n  read_only: true',
  {
    alternatives: ['string'],
    children: fields(
      key('type', 'enum', LONG,
        'The kind of mount: `volume`, `bind`, `tmpfs`, `image`, `npipe` or `cluster`. Required.',
        'type: volume', { required: true, values: ['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'] }),
      key('source', 'string', LONG,
        'What to mount: a host path for `bind`, a volume declared at the top level for `volume`, an image reference for `image`. Not used by `tmpfs`.',
        'source: db-data'),
      key('target', 'string', LONG, 'The path in the container where the mount appears.', 'target: /var/lib/postgresql/data'),
      key('read_only', 'boolean', LONG, 'Mounts the source read-only in the container.', 'read_only: true'),
      key('consistency', 'string', LONG,
        'The consistency requirements of the mount; the values depend on the platform (e.g. `cached`, `delegated`).',
        'consistency: cached'),
      key('bind', 'object', LONG, 'Options of a `bind` mount.', 'bind:\n  create_host_path: false', {
        children: fields(
          key('propagation', 'enum', LONG, 'How mounts below the bind are propagated between host and container.',
            'propagation: rshared', { values: ['shared', 'slave', 'private', 'rshared', 'rslave', 'rprivate'] }),
          key('create_host_path', 'boolean', LONG,
            'Creates the host directory when nothing exists at the source path (default true).',
            'create_host_path: false'),
          key('recursive', 'enum', LONG, 'How mounts below the source directory are carried into the container.',
            'recursive: readonly', { values: ['enabled', 'disabled', 'writable', 'readonly'] }),
          key('selinux', 'enum', LONG,
            'SELinux relabeling of the host content: `z` shares it among containers, `Z` keeps it private to this one.',
            'selinux: z', { values: ['z', 'Z'] }),
        ),
      }),
      key('volume', 'object', LONG, 'Options of a `volume` mount.', 'volume:\n  nocopy: true', {
        children: fields(
          listOrMap('labels', LONG, 'Labels to set on the volume.', 'labels:\n  com.example.owner: "db"', 'label'),
          key('nocopy', 'boolean', LONG, 'Does not copy the image\'s content at the target into a newly created volume.', 'nocopy: true'),
          key('subpath', 'string', LONG, 'Mounts this path inside the volume instead of its root.', 'subpath: sub/dir'),
        ),
      }),
      key('tmpfs', 'object', LONG, 'Options of a `tmpfs` mount.', 'tmpfs:\n  size: 64m', {
        children: fields(
          key('size', 'byte-size', LONG, 'The size of the tmpfs, as bytes or a value such as `64m`.', 'size: 64m', { min: 0 }),
          key('mode', 'integer', LONG, 'The file mode of the tmpfs, as Unix permission bits in octal.', 'mode: 0o1777'),
        ),
      }),
      key('image', 'object', LONG, 'Options of an `image` mount.', 'image:\n  subpath: usr/share/data', {
        children: fields(
          key('subpath', 'string', LONG, 'Mounts this path inside the image instead of its root.', 'subpath: app/static'),
        ),
      }),
    ),
  },
);

export const SERVICE_VOLUMES: KeyDoc = key(
  'volumes',
  'list',
  svc('volumes'),
  'Host paths, named volumes and other mounts for the containers of the service. A named volume must be declared under the top-level `volumes` key.',
  'volumes:\n  - db-data:/var/lib/postgresql/data\n  - ./config:/etc/app:ro',
  { items: MOUNT },
);

export const VOLUMES_FROM: KeyDoc = stringList(
  'volumes_from',
  svc('volumes_from'),
  'Mounts all volumes of another service, or of a container with the `container:` prefix, optionally read-only with `:ro`.',
  'volumes_from:\n  - data-service:ro\n  - container:legacy-data',
  'One source: `SERVICE[:ro|rw]` or `container:NAME[:ro|rw]`.',
  '- data-service:ro',
);

/** The definition of one volume under the top-level `volumes` key. */
export const VOLUME_DEFINITION: KeyDoc = key(
  '<volume>',
  'object',
  top('attributes'),
  'One named volume of the project. An empty entry creates a volume with the platform defaults.',
  'volumes:\n  db-data:\n    driver: local',
  {
    nullable: true,
    children: fields(
      key('name', 'string', top('name'),
        'The actual name of the volume on the platform, used as is (not prefixed with the project name). Often combined with `external`.',
        'volumes:\n  data:\n    name: my-app-data'),
      key('driver', 'string', top('driver'),
        'The volume driver; Compose fails when the platform lacks it.',
        'volumes:\n  data:\n    driver: local'),
      optionsMap('driver_opts', top('driver_opts'),
        'Driver-specific options, as key-value pairs (e.g. an NFS mount for the `local` driver).',
        'volumes:\n  nfs:\n    driver_opts:\n      type: nfs\n      o: "addr=10.0.0.1,rw"\n      device: ":/exports/data"'),
      externalKey(top('external'), 'volume'),
      listOrMap('labels', top('labels'),
        'Metadata labels for the volume. Reverse-DNS names avoid clashes with other tools.',
        'volumes:\n  data:\n    labels:\n      com.example.backup: "daily"', 'label'),
    ),
  },
);
