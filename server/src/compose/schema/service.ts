// One service definition: every service key, gathered from the family files.
import { BUILD } from './build';
import { DEPLOY } from './deploy';
import { DEVELOP } from './develop';
import { SERVICE_CONFIGS, SERVICE_SECRETS } from './secretsConfigs';
import { SERVICE_CORE_KEYS } from './serviceCore';
import { SERVICE_LIFECYCLE_KEYS } from './serviceLifecycle';
import { SERVICE_NETWORKING_KEYS } from './serviceNetworking';
import { SERVICE_RESOURCE_KEYS } from './serviceResources';
import { SERVICE_SECURITY_KEYS } from './serviceSecurity';
import { fields, key, KeyDoc, ref } from './types';
import { SERVICE_VOLUMES, VOLUMES_FROM } from './volumes';

/** The definition of one service under the top-level `services` key. */
export const SERVICE_DEFINITION: KeyDoc = key(
  '<service>',
  'object',
  ref('services', 'attributes'),
  'One service of the application: the image or build to run, and how its containers are configured.',
  'services:\n  web:\n    image: nginx:alpine\n    ports:\n      - "8080:80"',
  {
    children: fields(
      ...SERVICE_CORE_KEYS,
      BUILD,
      DEPLOY,
      DEVELOP,
      ...SERVICE_LIFECYCLE_KEYS,
      ...SERVICE_NETWORKING_KEYS,
      ...SERVICE_RESOURCE_KEYS,
      ...SERVICE_SECURITY_KEYS,
      SERVICE_VOLUMES,
      VOLUMES_FROM,
      SERVICE_SECRETS,
      SERVICE_CONFIGS,
    ),
  },
);
