// Dockerfile diagnostics: runs BuildKit's build checks and any extra checks, applies the file's
// `# check=skip=...;error=true;experimental=...` directive as BuildKit does (to BuildKit rules only), merged
// with a `# check=` comment attached to the instruction a finding starts in (see checks/instructionComments.ts),
// then the user's severity settings (to any code), and turns findings into LSP diagnostics sorted by position.
// Pure.
import type { Diagnostic } from 'vscode-languageserver-types';
import { byPosition, SEVERITIES, toDiagnostic } from '../diagnostics/findings';
import { buildkitChecks } from './checks/buildkit';
import type { Check, Finding, Severity } from './checks/types';
import { CHECK_RULES, UNDOCUMENTED_CHECK_NAMES } from './docs/checks';
import { attachedComments, checkComment, instructionCheckConfig } from './checks/instructionComments';
import { parseCheckDirective, type CheckDirectiveValue } from './docs/directives';
import type { DockerfileModel } from './model';

export interface DockerfileDiagnosticSettings {
  /** Per code: a different severity, or 'off' to hide it. Applied after the `# check=` directive. */
  severity?: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
}

const RULE_URLS: ReadonlyMap<string, string> = new Map(CHECK_RULES.map((r) => [r.name, r.url]));
const EXPERIMENTAL: ReadonlySet<string> = new Set(CHECK_RULES.filter((r) => r.experimental).map((r) => r.name));

function isBuildkitRule(code: string): boolean {
  return RULE_URLS.has(code) || UNDOCUMENTED_CHECK_NAMES.includes(code);
}

/** What the file's `# check=` directive asks for (BuildKit reads the first one). */
interface CheckConfig {
  skipAll: boolean;
  skip: Set<string>;
  error: boolean;
  /** Experimental rules turned on by `experimental=`. */
  experimentalAll: boolean;
  experimental: Set<string>;
}

function emptyConfig(): CheckConfig {
  return { skipAll: false, skip: new Set(), error: false, experimentalAll: false, experimental: new Set() };
}

function addOptions(config: CheckConfig, parsed: CheckDirectiveValue): CheckConfig {
  if (parsed.skip === 'all') config.skipAll = true;
  else if (parsed.skip) for (const name of parsed.skip) config.skip.add(name);
  if (parsed.error === true) config.error = true;
  if (parsed.experimental === 'all') config.experimentalAll = true;
  else if (parsed.experimental) for (const name of parsed.experimental) config.experimental.add(name);
  return config;
}

function checkConfig(model: DockerfileModel): CheckConfig {
  const directive = model.directives.find((d) => d.name === 'check');
  return directive ? addOptions(emptyConfig(), parseCheckDirective(directive.value)) : emptyConfig();
}

/**
 * The configuration for each line that starts an instruction's findings: the file's, merged with the
 * instruction's own `# check=` comment. Lines without an entry use the file's configuration.
 */
function configByLine(model: DockerfileModel, file: CheckConfig): Map<number, CheckConfig> {
  const byLine = new Map<number, CheckConfig>();
  // Most files have no `# check=` comment above an instruction: then no instruction has its own configuration.
  if (!checkComment(model.comments)) return byLine;
  const attached = attachedComments(model);
  for (let i = 0; i < attached.length; i++) {
    const { instruction, comments } = attached[i];
    if (comments.length === 0) continue;
    const own = instructionCheckConfig(comments);
    if (!own) continue;
    const merged = addOptions({
      skipAll: file.skipAll, skip: new Set(file.skip), error: file.error,
      experimentalAll: file.experimentalAll, experimental: new Set(file.experimental),
    }, own);
    for (let line = instruction.range.start.line; line <= instruction.range.end.line; line++) byLine.set(line, merged);
  }
  return byLine;
}

/** True when an experimental rule can be reported: the file, an instruction's comment or a setting turns it on. */
function experimentalWanted(file: CheckConfig, byLine: ReadonlyMap<number, CheckConfig>, overrides: Record<string, string>): boolean {
  const on = (config: CheckConfig) => config.experimentalAll || config.experimental.size > 0;
  if (on(file)) return true;
  for (const config of byLine.values()) if (on(config)) return true;
  for (const code of EXPERIMENTAL) if (overrides[code] !== undefined && overrides[code] !== 'off') return true;
  return false;
}

export function diagnoseDockerfile(
  model: DockerfileModel,
  settings?: DockerfileDiagnosticSettings,
  extraChecks: readonly Check[] = [],
): Diagnostic[] {
  const fileConfig = checkConfig(model);
  const byLine = configByLine(model, fileConfig);
  const overrides = settings?.severity ?? {};
  const findings: Finding[] = buildkitChecks(model, experimentalWanted(fileConfig, byLine, overrides));
  for (const check of extraChecks) {
    try {
      for (const finding of check(model)) findings.push(finding);
    } catch {
      // One broken check must not take the other diagnostics down with it.
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const buildkit = isBuildkitRule(finding.code);
    let severity: Severity = finding.severity;
    const override = overrides[finding.code];
    if (buildkit) {
      const config = byLine.get(finding.range.start.line) ?? fileConfig;
      if (EXPERIMENTAL.has(finding.code)) {
        // Experimental rules run only when `experimental=` (or a severity setting) turns them on, and then
        // `skip` does not apply to them, as in BuildKit.
        const enabled = config.experimentalAll || config.experimental.has(finding.code) || (override !== undefined && override !== 'off');
        if (!enabled) continue;
      } else if (config.skipAll || config.skip.has(finding.code)) continue;
      if (config.error) severity = 'error';
    }
    if (override === 'off') continue;
    if (override && override in SEVERITIES) severity = override;
    diagnostics.push(toDiagnostic(finding, severity, RULE_URLS.get(finding.code)));
  }
  return byPosition(diagnostics);
}

