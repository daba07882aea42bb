// Every Compose check, in the order their findings are produced (diagnostics are sorted by position later).
import { conflictingKeysCheck } from './conflicts';
import { dependencyCycleCheck } from './cycles';
import { deployRulesCheck } from './deployRules';
import { emptyFileCheck } from './emptyFile';
import { environmentSpacesCheck } from './envSpaces';
import { extendsIncludeCheck } from './extendsInclude';
import { missingFileCheck } from './files';
import { interpolationCheck } from './interpolation';
import { keyTypeCheck } from './keyTypes';
import { deprecatedKeyCheck, duplicateKeyCheck, obsoleteVersionCheck } from './keys';
import { mountsCheck } from './mounts';
import { portsCheck } from './ports';
import { duplicateContainerNameCheck, missingHealthcheckCheck, missingImageOrBuildCheck } from './serviceRules';
import { missingSourceCheck } from './sources';
import { syntaxCheck } from './syntax';
import type { ComposeCheck } from './types';
import { undefinedNameCheck } from './undefined';
import { unreadFileCheck } from './unreadFiles';
import { watchRulesCheck } from './watch';

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
  // Consistency rules Compose applies when it loads a file (issue 13).
  emptyFileCheck,
  keyTypeCheck,
  watchRulesCheck,
  mountsCheck,
  missingSourceCheck,
  deployRulesCheck,
  extendsIncludeCheck,
  environmentSpacesCheck,
];
