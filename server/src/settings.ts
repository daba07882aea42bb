// The user's settings as the server reads them (the `docker-workflows` section), and what they mean for
// the diagnostics of each language.
import type { Diagnostic } from 'vscode-languageserver';
import { OWN_CHECKS } from './dockerfile/checks';
import { copyIgnoredFileCheck } from './dockerfile/checks/copyIgnoredFile';
import { diagnoseDockerfile } from './dockerfile/diagnostics';
import type { DockerfileModel } from './dockerfile/model';
import { composeChecks } from './compose/checks';
import type { ComposeCheck } from './compose/checks/types';
import { diagnoseCompose, type ComposeDiagnosticContext } from './compose/diagnostics';
import type { ComposeModel } from './compose/model';
import { validateSchemaNode } from './compose/schemaCheck';
import type { Node } from 'yaml';
import type { IgnoreFile } from './documents/DockerignoreFiles';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ServerSettings {
  dockerfile?: {
    /** Per diagnostic code: a new severity, or "off". */
    diagnostics?: Record<string, SeveritySetting>;
  };
  compose?: {
    /** Per diagnostic code: a new severity, or "off". */
    diagnostics?: Record<string, SeveritySetting>;
  };
}

/**
 * BuildKit's rules and our own checks, with the user's severity settings applied; with the Dockerfile's
 * .dockerignore (if any), also BuildKit's experimental CopyIgnoredFile.
 */
export function dockerfileDiagnostics(model: DockerfileModel, settings: ServerSettings, ignore?: IgnoreFile): Diagnostic[] {
  const checks = ignore ? [...OWN_CHECKS, copyIgnoredFileCheck(ignore.patterns, ignore.name)] : OWN_CHECKS;
  return diagnoseDockerfile(model, { severity: settings.dockerfile?.diagnostics }, checks);
}

/** The Compose file's keys and values checked against our metadata of the Compose Specification. */
const schemaCheck: ComposeCheck = ({ model }) => validateSchemaNode(model.root, (node) => model.rangeOf(node as Node));

/** Syntax, schema and cross-reference checks of a compose file, with the user's severity settings applied. */
export function composeDiagnostics(model: ComposeModel, settings: ServerSettings, context: ComposeDiagnosticContext): Diagnostic[] {
  return diagnoseCompose(model, { ...context, severity: settings.compose?.diagnostics }, [...composeChecks, schemaCheck]);
}
