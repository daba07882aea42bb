// The top level of a Compose file: name, include, services, networks, volumes, secrets, configs, models, and the obsolete version.
import { NETWORK_DEFINITION } from './networks';
import { CONFIG_DEFINITION, SECRET_DEFINITION } from './secretsConfigs';
import { SERVICE_DEFINITION } from './service';
import { stringList, stringOrList } from './shared';
import { COMPOSE_REFERENCE, deepFreeze, fields, key, KeyDoc, ref, RESOURCE_NAME_PATTERN } from './types';
import { VOLUME_DEFINITION } from './volumes';

const INCLUDE_ENTRY: KeyDoc = key('include[]', 'object', ref('include', 'long-syntax'),
  'One Compose application to include: the path of its Compose file, or a mapping with its files, project directory and environment files.',
  '- path: ../commons/compose.yaml\n  project_directory: ..', {
    alternatives: ['string'],
    extensions: false,
    children: fields(
      stringOrList('path', ref('include', 'path'),
        'The Compose file to include, or a list of files merged together. Required.',
        'path:\n  - ../commons/compose.yaml\n  - ./commons-override.yaml', 'One Compose file.', '- ../commons/compose.yaml'),
      key('project_directory', 'string', ref('include', 'project_directory'),
        'The directory relative paths of the included files are resolved from; by default the folder of the included file.',
        'project_directory: ..'),
      stringOrList('env_file', ref('include', 'env_file'),
        'Environment files with default values for interpolating the included files; by default `.env` in its project directory.',
        'env_file:\n  - ../another/.env', 'One environment file.', '- ../another/dev.env'),
    ),
  });

const MODEL_DEFINITION: KeyDoc = key('<model>', 'object', ref('models', 'attributes'),
  'One AI model of the application, pulled as an OCI artifact and served by a model runner.',
  'models:\n  llm:\n    model: ai/smollm2\n    context_size: 4096', {
    children: fields(
      key('model', 'string', ref('models', 'attributes'), 'The OCI artifact of the model to pull and run. Required.', 'model: ai/smollm2', { required: true }),
      key('name', 'string', ref('models', 'attributes'), 'A custom name for the model.', 'name: my-llm'),
      key('context_size', 'integer', ref('models', 'attributes'), 'The largest context, in tokens, the model runs with.', 'context_size: 1024', { min: 0 }),
      stringList('runtime_flags', ref('models', 'attributes'),
        'Raw command-line flags for the inference engine that runs the model.',
        'runtime_flags:\n  - "--temp"\n  - "0.1"', 'One flag or flag value.', '- "--threads=4"'),
    ),
  });

function resources(name: string, page: string, definition: KeyDoc, description: string, example: string): KeyDoc {
  return key(name, 'map', ref(page), description, example, { keyPattern: RESOURCE_NAME_PATTERN, additional: definition });
}

export const COMPOSE_ROOT: KeyDoc = deepFreeze(key(
  '<compose file>',
  'object',
  COMPOSE_REFERENCE,
  'A Compose file: the services, networks, volumes, secrets, configs and models of a multi-container application.',
  'services:\n  web:\n    image: nginx:alpine',
  {
    children: fields(
      key('version', 'string', ref('version-and-name', 'version-top-level-element-obsolete'),
        'Obsolete: Compose ignores it (with a warning) and always validates against the latest specification. Remove it.',
        'version: "3.8"', { obsolete: true }),
      key('name', 'string', ref('version-and-name', 'name-top-level-element'),
        'The project name, used unless one is given on the command line or in the environment; it is available as `COMPOSE_PROJECT_NAME`. Lower-case letters, digits, `-` and `_`.',
        'name: myapp', { pattern: '^[a-z0-9][a-z0-9_-]*$' }),
      key('include', 'list', ref('include'),
        'Other Compose applications to load into this one, each with its own project directory; their resources become usable here.',
        'include:\n  - ../commons/compose.yaml', { items: INCLUDE_ENTRY }),
      resources('services', 'services', SERVICE_DEFINITION,
        'The services of the application, by name: what each runs and how its containers are configured.',
        'services:\n  web:\n    image: nginx:alpine'),
      resources('networks', 'networks', NETWORK_DEFINITION,
        'The networks services can join, by name; `default` is created implicitly.',
        'networks:\n  front-tier: {}\n  back-tier:\n    internal: true'),
      resources('volumes', 'volumes', VOLUME_DEFINITION,
        'The named volumes services can mount, by name.',
        'volumes:\n  db-data: {}'),
      resources('secrets', 'secrets', SECRET_DEFINITION,
        'The secrets services can be granted, by name.',
        'secrets:\n  db_password:\n    file: ./db_password.txt'),
      resources('configs', 'configs', CONFIG_DEFINITION,
        'The configs services can be granted, by name.',
        'configs:\n  nginx_conf:\n    file: ./nginx.conf'),
      resources('models', 'models', MODEL_DEFINITION,
        'The AI models services can use, by name.',
        'models:\n  llm:\n    model: ai/smollm2'),
    ),
  },
));
