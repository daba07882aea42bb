// BuildKit's build checks (https://docs.docker.com/reference/build-checks/), reimplemented over our model so
// that the editor shows what `docker build` would warn about. One entry point: the shared scope index is
// built once and every rule family reads it. CopyIgnoredFile needs the .dockerignore, so the server adds it
// (copyIgnoredFile.ts). InvalidDefinitionDescription is experimental: diagnostics.ts drops it unless turned on.
import type { DockerfileModel } from '../model';
import { buildContext } from './buildkitScope';
import { checkDefinitionDescriptions } from './buildkitDescription';
import { checkStages } from './buildkitStages';
import { checkEmptyContinuations, checkInstructionCasing } from './buildkitStyle';
import { checkStageInstructions } from './buildkitVariables';
import type { Finding } from './types';

/** The rules this module reports, by BuildKit's names. */
export const BUILDKIT_RULE_NAMES: readonly string[] = [
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName',
  'ReservedStageName', 'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath',
  'UndefinedVar', 'MultipleInstructionsDisallowed', 'LegacyKeyValueFormat', 'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv', 'InvalidDefaultArgInFrom', 'FromPlatformFlagConstDisallowed', 'ExposeProtoCasing',
  'ExposeInvalidFormat', 'InvalidDefinitionDescription',
];

/**
 * Every BuildKit finding for the model, in no particular order. `experimental` false leaves out the experimental
 * rules (InvalidDefinitionDescription), whose findings would be dropped anyway.
 */
export const buildkitChecks = (model: DockerfileModel, experimental = true): Finding[] => {
  const findings: Finding[] = [];
  if (model.stages.length === 0) {
    checkEmptyContinuations(model, findings);
    return findings;
  }
  const ctx = buildContext(model);
  findings.push(...checkStages(ctx));
  checkEmptyContinuations(model, findings);
  checkInstructionCasing(model, findings);
  checkStageInstructions(ctx, findings);
  if (experimental) checkDefinitionDescriptions(model, findings);
  return findings;
};
