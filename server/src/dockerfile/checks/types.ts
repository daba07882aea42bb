// What a check reports. Checks are pure: (model) -> findings; diagnostics.ts turns findings into LSP
// diagnostics (severity overrides, `# check=` directive, code links).
import type { DockerfileModel, Range } from '../model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  /** A BuildKit rule name (e.g. "FromAsCasing") or one of our kebab-case codes (e.g. "unknown-instruction"). */
  code: string;
  /** One sentence in plain words; names the offending text and, where it helps, suggests the fix. */
  message: string;
  range: Range;
  severity: Severity;
  /** Fades the range (e.g. an unused stage) or strikes it through (e.g. MAINTAINER). */
  tags?: ('unnecessary' | 'deprecated')[];
  /** Data for a later quick fix, e.g. the replacement text. */
  fix?: { title: string; range: Range; newText: string };
}

export type Check = (model: DockerfileModel) => Finding[];
