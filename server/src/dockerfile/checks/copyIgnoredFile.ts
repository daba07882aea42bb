// CopyIgnoredFile (BuildKit, experimental): a COPY/ADD source from the build context that .dockerignore
// leaves out, so the build copies nothing or fails. Needs the ignore file, so the server makes the check.
import { cleanPath, isIgnored, type IgnorePattern } from '../dockerignore';
import type { Instruction } from '../model';
import type { Check, Finding } from './types';

export function copyIgnoredFileCheck(patterns: readonly IgnorePattern[], ignoreFileName: string): Check {
  return (model) => {
    const findings: Finding[] = [];
    for (const instruction of model.instructions) {
      const copy = instruction.trigger ?? instruction;
      if (copy.name !== 'COPY' && copy.name !== 'ADD') continue;
      if (copy.flags.some((f) => f.name === 'from')) continue;
      for (const source of sources(copy)) {
        // Sources with variables or wildcards, URLs and git remotes are not plain context paths.
        if (/[$*?[\]]/.test(source.value) || /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(source.value)) continue;
        if (!isIgnored(patterns, cleanPath(source.value))) continue;
        findings.push({
          code: 'CopyIgnoredFile',
          message: `"${source.value}" is excluded from the build context by ${ignoreFileName}, so ${copy.name} cannot copy it.`,
          range: source.range,
          severity: 'warning',
        });
      }
    }
    return findings;
  };
}

/** Every argument but the destination (heredoc sources are inline, not context files). */
function sources(instruction: Instruction): { value: string; range: Instruction['args'][number]['range'] }[] {
  const words = instruction.json ?? instruction.args;
  const inline = new Set(instruction.heredocs.map((h) => h.openerRange.start.character));
  return words.slice(0, -1).filter((w) => !w.value.startsWith('<<') && !inline.has(w.range.start.character));
}
