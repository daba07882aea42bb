// Secrets and configs: the top-level definitions, and a service's grants to them.
import { externalKey, grantItem } from './shared';
import { fields, key, KeyDoc, listOrMap, optionsMap, ref } from './types';

const SECRETS_PAGE = ref('secrets');
const CONFIGS_PAGE = ref('configs');

export const SECRET_DEFINITION: KeyDoc = key(
  '<secret>',
  'object',
  SECRETS_PAGE,
  'One secret of the project: where its sensitive value comes from (a file, an environment variable) or that it already exists.',
  'secrets:\n  db_password:\n    file: ./db_password.txt',
  {
    children: fields(
      key('name', 'string', SECRETS_PAGE, 'The actual name of the secret on the platform, used as is (not prefixed with the project name).', 'secrets:\n  token:\n    name: prod-token'),
      key('file', 'string', SECRETS_PAGE, 'Creates the secret from the content of this file.', 'secrets:\n  cert:\n    file: ./server.cert'),
      key('environment', 'string', SECRETS_PAGE, 'Creates the secret from the value of this environment variable (its name, not `${...}`).', 'secrets:\n  token:\n    environment: OAUTH_TOKEN'),
      externalKey(SECRETS_PAGE, 'secret'),
      listOrMap('labels', SECRETS_PAGE, 'Metadata labels for the secret.', 'secrets:\n  token:\n    labels:\n      com.example.scope: "api"', 'label'),
      key('driver', 'string', SECRETS_PAGE, 'The secret driver the platform should use for this secret.', 'secrets:\n  token:\n    driver: vault'),
      optionsMap('driver_opts', SECRETS_PAGE, 'Options for the secret driver, as key-value pairs.', 'secrets:\n  token:\n    driver_opts:\n      path: secret/app'),
      key('template_driver', 'string', SECRETS_PAGE, 'The templating engine used to render the secret\'s value, such as `golang`.', 'secrets:\n  conf:\n    template_driver: golang'),
    ),
  },
);

export const CONFIG_DEFINITION: KeyDoc = key(
  '<config>',
  'object',
  CONFIGS_PAGE,
  'One config of the project: where its content comes from (a file, an environment variable, inline text) or that it already exists.',
  'configs:\n  http_config:\n    file: ./httpd.conf',
  {
    children: fields(
      key('name', 'string', CONFIGS_PAGE, 'The actual name of the config on the platform, used as is (not prefixed with the project name).', 'configs:\n  app:\n    name: app-config-v2'),
      key('file', 'string', CONFIGS_PAGE, 'Creates the config from the content of this file.', 'configs:\n  nginx:\n    file: ./nginx.conf'),
      key('environment', 'string', CONFIGS_PAGE, 'Creates the config from the value of this environment variable (its name, not `${...}`).', 'configs:\n  flags:\n    environment: FEATURE_FLAGS'),
      key('content', 'string', CONFIGS_PAGE, 'The content of the config, inline; variables in it are interpolated.', 'configs:\n  app:\n    content: |\n      debug=${DEBUG}'),
      externalKey(CONFIGS_PAGE, 'config'),
      listOrMap('labels', CONFIGS_PAGE, 'Metadata labels for the config.', 'configs:\n  app:\n    labels:\n      com.example.app: "web"', 'label'),
      key('template_driver', 'string', CONFIGS_PAGE, 'The templating engine used to render the config\'s content, such as `golang`.', 'configs:\n  app:\n    template_driver: golang'),
    ),
  },
);

export const SERVICE_SECRETS: KeyDoc = key(
  'secrets',
  'list',
  ref('services', 'secrets'),
  'Secrets the service may read, mounted as files under `/run/secrets/` by default. Each must be declared under the top-level `secrets` key.',
  'secrets:\n  - db_password\n  - source: api_key\n    target: api.key',
  {
    items: grantItem('secrets', ref('services', 'secrets'),
      'The file name under `/run/secrets/`, or an absolute path; defaults to the source name.',
      'The permission bits of the mounted file, in octal (default 0444).'),
  },
);

export const SERVICE_CONFIGS: KeyDoc = key(
  'configs',
  'list',
  ref('services', 'configs'),
  'Configs the service may read, mounted as files (at `/<name>` by default). Each must be declared under the top-level `configs` key.',
  'configs:\n  - my_config\n  - source: nginx\n    target: /etc/nginx/nginx.conf',
  {
    items: grantItem('configs', ref('services', 'configs'),
      'The path of the mounted file in the container; defaults to `/<source>`.',
      'The permission bits of the mounted file, in octal (default 0444).'),
  },
);
