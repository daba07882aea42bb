// CopyIgnoredFile (BuildKit; on by default since BuildKit v0.27): a COPY/ADD source from the build context
// that the ignore file leaves out, so the build copies nothing or fails. Needs the ignore file, so the server
// makes the check (service.ts picks `<Dockerfile>.dockerignore` beside the Dockerfile, else `.dockerignore` in
// its folder, taken as the context root). As BuildKit (dockerfile2llb, validateCopySourcePath) does it:
//   - an ignore file with any exclusion (`!pattern`) turns the check off for the whole file: a directory may be
//     ignored while files inside it are brought back, which cannot be told without listing the context;
//   - a source is cleaned like a path and matched with the builder's own matcher, parents included;
//   - the context root (`.`, `./`, `/`) is reported only when a catch-all pattern (`*`, `**`, `**/*` ...)
//     leaves every entry of the root out, not for patterns such as `.*` that only match some names;
//   - sources from another stage or image (`--from`), URLs, git remotes and heredocs are not context paths.
// Sources with variables or wildcards are skipped (BuildKit matches them after expansion; we cannot).
import { cleanPath, isIgnored, type IgnorePattern } from '../dockerignore';
import type { Instruction } from '../model';
import type { Check, Finding } from './types';

export function copyIgnoredFileCheck(patterns: readonly IgnorePattern[], ignoreFileName: string): Check {
  if (patterns.some((p) => p.exclusion)) return () => [];
  const rootIgnored = patterns.some((p) => p.steps !== undefined && isCatchAll(p.pattern));
  return (model) => {
    const findings: Finding[] = [];
    for (const instruction of model.instructions) {
      const copy = instruction.trigger ?? instruction;
      if (copy.name !== 'COPY' && copy.name !== 'ADD') continue;
      if (copy.flags.some((f) => f.name === 'from')) continue;
      for (const source of sources(copy)) {
        if (/[$*?[\]]/.test(source.value) || /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(source.value)) continue;
        const path = cleanPath(source.value);
        const ignored = path === '' ? rootIgnored : isIgnored(patterns, path);
        if (!ignored) continue;
        const what = path === '' ? 'The whole build context' : `"${source.value}"`;
        findings.push({
          code: 'CopyIgnoredFile',
          message: `${what} is excluded from the build context by ${ignoreFileName}, so ${copy.name} cannot copy it.`,
          range: source.range,
          severity: 'warning',
        });
      }
    }
    return findings;
  };
}

// `*`, `**`, `**` + `/*` and the like: a pattern that matches every name at the context root.
function isCatchAll(pattern: string): boolean {
  const parts = pattern.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) return false;
  const last = parts[parts.length - 1];
  return (last === '*' || last === '**') && parts.slice(0, -1).every((p) => p === '**');
}

/** Every argument but the destination (heredoc sources are inline, not context files). */
function sources(instruction: Instruction): { value: string; range: Instruction['args'][number]['range'] }[] {
  const words = instruction.json ?? instruction.args;
  const inline = new Set(instruction.heredocs.map((h) => h.openerRange.start.character));
  return words.slice(0, -1).filter((w) => !w.value.startsWith('<<') && !inline.has(w.range.start.character));
}
