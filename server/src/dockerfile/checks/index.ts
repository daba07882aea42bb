// Our own checks (kebab-case codes, see DESIGN.md "Diagnostic codes"): what makes `docker build` fail, or
// surely misbehave, beyond BuildKit's named lint rules (checks/buildkit*.ts). diagnostics.ts runs OWN_CHECKS.
import { checkFlags } from './flags';
import { checkMounts } from './flagsMount';
import { checkStageNames, checkStageReferences } from './stages';
import { checkDirectives, checkHeredocs, checkNoFrom, checkOnbuild, checkUnknownInstructions } from './syntax';
import {
  checkCopyDestination, checkCopyQuotes, checkCopySources, checkFromShape, checkHealthcheckShape, checkMissingArguments, checkPairs,
  checkSingleValue,
} from './syntaxArgs';
import { indexInstructions, type IndexedCheck } from './syntaxCommon';
import { checkJsonForm } from './syntaxJson';
import type { Check, Finding } from './types';
import { checkExpose, checkHealthcheckValues, checkStopSignal } from './values';
import { checkFromReference } from './valuesReference';

/** Every own check, by family. Each one also works alone, e.g. in a test. */
export const OWN_CHECK_LIST: readonly IndexedCheck[] = [
  // syntax.ts: structure
  checkDirectives, checkUnknownInstructions, checkNoFrom, checkHeredocs, checkOnbuild,
  // syntaxArgs.ts, syntaxJson.ts: arguments
  checkMissingArguments, checkFromShape, checkSingleValue, checkHealthcheckShape, checkPairs,
  checkCopySources, checkCopyQuotes, checkCopyDestination, checkJsonForm,
  // flags.ts, flagsMount.ts
  checkFlags, checkMounts,
  // values.ts, valuesReference.ts
  checkExpose, checkStopSignal, checkHealthcheckValues, checkFromReference,
  // stages.ts
  checkStageNames, checkStageReferences,
];

/** All own checks in one run: the instructions are grouped by name once and each check visits only its own. */
export const runOwnChecks: Check = (model) => {
  const index = indexInstructions(model);
  const out: Finding[] = [];
  for (const check of OWN_CHECK_LIST) {
    for (const found of check(model, index)) out.push(found);
  }
  return out;
};

export const OWN_CHECKS: readonly Check[] = [runOwnChecks];
