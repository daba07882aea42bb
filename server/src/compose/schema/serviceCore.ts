// Service keys about what runs: image, command, environment, labels, and where the definition comes from.
import { commandKey, stringList, stringOrList } from './shared';
import { fields, key, KeyDoc, listOrMap, ref, RESOURCE_NAME_PATTERN } from './types';

const at = (anchor: string): string => ref('services', anchor);

const ENV_FILE_ENTRY: KeyDoc = key('env_file[]', 'object', at('env_file'),
  'One environment file: its path, or a mapping with the path and how to read it.',
  '- path: ./override.env\n  required: false', {
    alternatives: ['string'],
    extensions: false,
    children: fields(
      key('path', 'string', at('env_file'), 'The path of the file, relative to the Compose file\'s folder. Required.', 'path: ./default.env', { required: true }),
      key('required', 'boolean', at('required'), 'When false, a missing file is skipped silently (default true).', 'required: false'),
      key('format', 'string', at('format'),
        'An alternative file format; `raw` takes each value as is, without interpolation or unquoting.',
        'format: raw'),
    ),
  });

const PROVIDER_OPTION: KeyDoc = key('<option>', 'scalar', at('options'),
  'The value of one provider option: a string, number or boolean, or a list of them.',
  'region: eu-west-1', {
    alternatives: ['list'],
    items: key('<option>[]', 'scalar', at('options'), 'One value of a list option.', '- value'),
  });

export const SERVICE_CORE_KEYS: readonly KeyDoc[] = [
  key('image', 'string', at('image'),
    'The image to run, as `[REGISTRY/][PROJECT/]NAME[:TAG|@DIGEST]`. It may be left out when `build` is set; it then also names the built image.',
    'image: postgres:16-alpine'),
  commandKey('command', at('command'),
    'Overrides the image\'s default command (`CMD`): a string, or a list in exec form. It does not run in a shell by itself; null keeps the image default, an empty value clears it.',
    'command: ["bundle", "exec", "thin", "-p", "3000"]'),
  commandKey('entrypoint', at('entrypoint'),
    'Overrides the image\'s `ENTRYPOINT`, as a string or a list; setting it also drops the image\'s default command. Null keeps the image default.',
    'entrypoint: /code/entrypoint.sh'),
  key('container_name', 'string', at('container_name'),
    'A fixed name for the container instead of the generated one; the service then cannot scale beyond one container.',
    'container_name: my-web-container', { pattern: '^[a-zA-Z0-9][a-zA-Z0-9_.-]+$' }),
  listOrMap('environment', at('environment'),
    'Environment variables of the containers, as a mapping or `KEY=VALUE` entries. A variable without a value is taken from the shell, or left out. It wins over `env_file`.',
    'environment:\n  RACK_ENV: development\n  SHOW: "true"'),
  key('env_file', 'string-or-list', at('env_file'),
    'Files of `KEY=VALUE` lines adding environment variables, read in order (later files win); `environment` wins over them.',
    'env_file:\n  - ./common.env\n  - path: ./local.env\n    required: false', { items: ENV_FILE_ENTRY }),
  stringOrList('label_file', at('label_file'),
    'Files of `KEY=VALUE` lines adding labels, read in order; `labels` wins over them.',
    'label_file: ./app.labels', 'The path of one label file.', '- ./extra.labels'),
  listOrMap('labels', at('labels'),
    'Metadata labels of the containers, as a mapping or `KEY=VALUE` entries. The `com.docker.compose` prefix is reserved.',
    'labels:\n  com.example.description: "Accounting webapp"', 'label'),
  listOrMap('annotations', at('annotations'),
    'OCI annotations of the containers, as a mapping or `KEY=VALUE` entries.',
    'annotations:\n  com.example.foo: bar', 'annotation'),
  key('working_dir', 'string', at('working_dir'), 'The working directory of the container process; overrides the image\'s `WORKDIR`.', 'working_dir: /app'),
  key('platform', 'string', at('platform'),
    'The platform the containers run on, `os[/arch[/variant]]`; it selects the image variant to pull or build.',
    'platform: linux/arm64/v8'),
  stringList('profiles', at('profiles'),
    'Profiles the service belongs to; a service with profiles starts only when one of them is active.',
    'profiles: ["debug"]', 'One profile name.', '- tools'),
  key('attach', 'boolean', at('attach'), 'When false, Compose does not follow the service\'s logs unless asked to (default true).', 'attach: false'),
  key('stdin_open', 'boolean', at('stdin_open'), 'Keeps standard input open, like `docker run -i`.', 'stdin_open: true'),
  key('tty', 'boolean', at('tty'), 'Allocates a pseudo-terminal, like `docker run -t`.', 'tty: true'),
  key('extends', 'object', at('extends'),
    'Starts from another service\'s definition, in this file or another one, and merges this one over it.',
    'extends:\n  file: common.yml\n  service: webapp', {
      alternatives: ['string'],
      extensions: false,
      children: fields(
        key('service', 'string', at('extends'), 'The name of the service to extend. Required.', 'service: webapp', { required: true }),
        key('file', 'string', at('extends'), 'The Compose file defining that service; the current file when absent.', 'file: ../common/compose.yaml'),
      ),
    }),
  key('provider', 'object', at('provider'),
    'Hands the service\'s lifecycle to an external provider instead of running a container; dependent services receive the variables it produces.',
    'provider:\n  type: awesomecloud\n  options:\n    type: mysql', {
      children: fields(
        key('type', 'string', at('type'), 'The provider component that sets the service up and tears it down. Required.', 'type: model', { required: true }),
        key('options', 'map', at('options'), 'Provider-specific options; Compose passes them on without checking them.', 'options:\n  model: ai/smollm2', {
          additional: PROVIDER_OPTION,
        }),
      ),
    }),
  key('models', 'list-or-map', at('models'),
    'AI models, declared under the top-level `models` key, the service uses; Compose injects variables with their endpoint and name.',
    'models:\n  llm:\n    endpoint_var: MODEL_URL\n    model_var: MODEL_NAME', {
      keyPattern: RESOURCE_NAME_PATTERN,
      items: key('models[]', 'string', at('models'), 'The name of a model the service uses.', '- llm'),
      additional: key('<model>', 'object', at('models'), 'The names of the variables that carry this model\'s details.',
        'llm:\n  endpoint_var: MODEL_URL', {
          children: fields(
            key('endpoint_var', 'string', at('models'), 'The variable that receives the model runner\'s URL (default: the model key in upper case plus `_URL`).', 'endpoint_var: MODEL_URL'),
            key('model_var', 'string', at('models'), 'The variable that receives the model\'s name.', 'model_var: MODEL_NAME'),
          ),
        }),
    }),
];
