// Every Compose check, in the order their findings are produced (diagnostics are sorted by position later).
import { conflictingKeysCheck } from './conflicts';
import { dependencyCycleCheck } from './cycles';
import { missingFileCheck } from './files';
import { interpolationCheck } from './interpolation';
import { deprecatedKeyCheck, duplicateKeyCheck, obsoleteVersionCheck } from './keys';
import { portsCheck } from './ports';
import { duplicateContainerNameCheck, missingHealthcheckCheck, missingImageOrBuildCheck } from './serviceRules';
import { syntaxCheck } from './syntax';
import type { ComposeCheck } from './types';
import { undefinedNameCheck } from './undefined';
import { unreadFileCheck } from './unreadFiles';

export const composeChecks: readonly ComposeCheck[] = [
  syntaxCheck,
  duplicateKeyCheck,
  obsoleteVersionCheck,
  deprecatedKeyCheck,
  undefinedNameCheck,
  dependencyCycleCheck,
  portsCheck,
  interpolationCheck,
  missingImageOrBuildCheck,
  duplicateContainerNameCheck,
  missingHealthcheckCheck,
  conflictingKeysCheck,
  missingFileCheck,
  unreadFileCheck,
];
