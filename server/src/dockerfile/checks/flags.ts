// Flags after the instruction keyword (`--name=value`), checked the way BuildKit's BFlags reads them: names are
// case-sensitive, only `--name=value` carries a value, a bare `--name` is only fine for booleans, and every flag
// but the repeatable ones (`--mount`, `--exclude`, `--device`) may appear once. Mounts and `--from` are checked
// in flagsMount.ts and stages.ts, HEALTHCHECK durations in values.ts.
import { closest } from '../../util/closest';
import { FLAGS, type FlagDoc } from '../docs/flags';
import type { DockerfileModel, Flag, Instruction, Range, Token } from '../model';
import {
  errorUnlessTrigger, finding, flagNameRange, hasVariable, indexInstructions, isKnownInstruction, quoted, triggerNote, type IndexedCheck,
} from './syntaxCommon';
import type { Finding, Severity } from './types';

/** The flags of each instruction, by upper-case name. */
const FLAGS_OF: ReadonlyMap<string, readonly FlagDoc[]> = FLAGS.reduce((map, doc) => {
  map.set(doc.instruction, [...(map.get(doc.instruction) ?? []), doc]);
  return map;
}, new Map<string, FlagDoc[]>());

/** `unknown-flag`, `duplicate-flag`, `flag-missing-value`, `ignored-flag`, `invalid-flag-value`. */
export const checkFlags: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  const visit = (instruction: Instruction, inTrigger: boolean): void => {
    if (instruction.flags.length === 0 || !isKnownInstruction(instruction.name)) return;
    if (ignoresFlags(instruction)) {
      for (const flag of instruction.flags) {
        out.push(finding('ignored-flag', 'warning', flag.range, `${describe(instruction)} does not read flags, so --${flag.name} has no effect.`,
          { title: `Remove --${flag.name}`, range: removalRange(model, flag), newText: '' }));
      }
      return;
    }
    const docs = FLAGS_OF.get(instruction.name) ?? [];
    const severity = errorUnlessTrigger(inTrigger);
    const note = triggerNote(inTrigger);
    const flags = instruction.flags;
    for (let k = 0; k < flags.length; k++) {
      const flag = flags[k];
      const doc = docs.find((d) => d.name === flag.name);
      if (!doc) {
        out.push(unknownFlag(instruction, flag, docs, severity, note));
        continue;
      }
      const detached = k === flags.length - 1 ? detachedValue(model, instruction) : undefined;
      const earlier = doc.repeatable ? undefined : flags.slice(0, k).find((f) => f.name === flag.name);
      if (earlier) {
        // The same value twice: this one is redundant. Two values: which one was meant is the user's choice.
        const same = earlier.value === (detached?.value ?? flag.value);
        const fix = { title: `Remove this --${flag.name}`, range: removalRange(model, flag, detached), newText: '' };
        out.push(finding('duplicate-flag', severity, flagNameRange(flag), `--${flag.name} is given more than once${note}.`, same ? fix : { ...fix, guess: true }));
      }
      const problem = valueProblem(doc, flag, severity, note);
      if (problem?.code === 'flag-missing-value' && detached) {
        problem.fix = { title: `Change to --${flag.name}=${detached.value}`, range: { start: flag.range.end, end: detached.range.start }, newText: '=' };
      }
      if (problem) out.push(problem);
    }
    out.push(...checksumSources(instruction, severity));
  };
  for (const instruction of index.flagged) visit(instruction, false);
  for (const trigger of index.triggers) visit(trigger, true);
  return out;
};

/** The flag (with its detached value, when given) and the blanks after it on its line: removing that range removes the flag cleanly. */
function removalRange(model: DockerfileModel, flag: Flag, detached?: Token): Range {
  const end = (detached ?? flag).range.end;
  const line = model.lines[end.line] ?? '';
  let character = end.character;
  while (character < line.length && (line[character] === ' ' || line[character] === '\t')) character++;
  return { start: flag.range.start, end: { line: end.line, character } };
}

/**
 * `--chown 1000 a b/`: the value of the last flag written as the next word, which BuildKit reads as an argument (and
 * then fails: the flag has no value). It is taken as the flag's value (by the fix that joins it with `=`, and by the
 * checks that count arguments) when that word is on the same line, after blanks only, and enough arguments remain
 * for the instruction (a source and a destination for COPY and ADD).
 */
export function detachedValue(model: DockerfileModel, instruction: Instruction): Token | undefined {
  const flag = instruction.flags[instruction.flags.length - 1];
  if (!flag || flag.value !== undefined) return undefined;
  const doc = FLAGS_OF.get(instruction.name)?.find((d) => d.name === flag.name);
  if (!doc || doc.kind === 'boolean') return undefined;
  const next = instruction.args[0];
  const needed = instruction.name === 'COPY' || instruction.name === 'ADD' ? 3 : 2;
  if (!next || instruction.json || instruction.args.length < needed || next.value.startsWith('-')) return undefined;
  const from = flag.range.end;
  const to = next.range.start;
  if (from.line !== to.line || next.range.end.line !== to.line) return undefined;
  const gap = (model.lines[from.line] ?? '').slice(from.character, to.character);
  return gap !== '' && /^[ \t]+$/.test(gap) ? next : undefined;
}

/** STOPSIGNAL never parses its flags, and HEALTHCHECK NONE skips them. */
function ignoresFlags(instruction: Instruction): boolean {
  return instruction.name === 'STOPSIGNAL' || (instruction.name === 'HEALTHCHECK' && instruction.args[0]?.value.toUpperCase() === 'NONE');
}

function describe(instruction: Instruction): string {
  return instruction.name === 'HEALTHCHECK' ? 'HEALTHCHECK NONE' : instruction.keyword.value;
}

function unknownFlag(instruction: Instruction, flag: Flag, docs: readonly FlagDoc[], severity: Severity, note: string): Finding {
  const keyword = instruction.keyword.value;
  const suggestion = closest(flag.name, docs.map((d) => d.name));
  const hint = suggestion ? ` (did you mean --${suggestion}?)` : docs.length > 0 ? `; it accepts ${docs.map((d) => `--${d.name}`).join(', ')}` : '';
  const message = docs.length === 0
    ? `${keyword} takes no flags; --${flag.name} is unknown${note}.`
    : `${keyword} has no flag --${flag.name}${hint}${note}.`;
  return finding('unknown-flag', severity, flagNameRange(flag), message,
    suggestion ? { title: `Change to --${suggestion}`, range: flag.nameRange, newText: suggestion } : undefined);
}

const NEEDS: Record<string, string> = {
  'stage-or-image': 'a stage or image', chown: 'a user[:group]', chmod: 'a mode such as 0755', platform: 'a platform such as linux/amd64',
  mount: 'mount options such as type=cache,target=/root/.cache', enum: 'a value', duration: 'a duration such as 30s', integer: 'a number',
  device: 'a device name', checksum: 'a checksum such as sha256:<hex>', glob: 'a pattern', boolean: 'true or false',
};

function valueProblem(doc: FlagDoc, flag: Flag, severity: Severity, note: string): Finding | undefined {
  const value = flag.value;
  // Made only for a finding (most values are fine).
  const range = (): Range => flag.valueRange ?? flag.range;
  if (value === undefined) {
    if (doc.kind === 'boolean') return undefined;
    return finding('flag-missing-value', severity, flagNameRange(flag),
      `--${flag.name} needs ${NEEDS[doc.kind]}, written --${flag.name}=<value> without spaces${note}.`);
  }
  if (value === '') {
    if (doc.kind === 'boolean' || doc.kind === 'mount') {
      return finding('flag-missing-value', severity, flag.range, `--${flag.name}= needs ${NEEDS[doc.kind]} after "="${note}.`);
    }
    return finding('flag-missing-value', 'warning', flag.range, `--${flag.name}= has an empty value, so it has no effect.`);
  }
  switch (doc.kind) {
    case 'boolean': {
      const lower = value.toLowerCase();
      if (lower === 'true' || lower === 'false') return undefined;
      return finding('invalid-flag-value', severity, range(), `--${flag.name} takes true or false, not ${quoted(value)}${note}.`);
    }
    case 'enum': {
      const values = doc.values ?? [];
      if (values.includes(value)) return undefined;
      if (hasVariable(value)) {
        return finding('invalid-flag-value', 'warning', range(), `--${flag.name} does not expand variables; ${quoted(value)} is used as written.`);
      }
      const suggestion = closest(value, values);
      const at = range();
      const exact = at.start.line === at.end.line && at.end.character - at.start.character === value.length;
      return finding('invalid-flag-value', severity, at,
        `--${flag.name} takes ${values.join(', ')}, not ${quoted(value)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}${note}.`,
        suggestion && exact ? { title: `Change to ${suggestion}`, range: at, newText: suggestion } : undefined);
    }
    case 'platform': {
      const problem = hasVariable(value) ? undefined : platformProblem(value);
      return problem ? finding('invalid-flag-value', severity, range(), `--platform=${value} is not a platform: ${problem}${note}.`) : undefined;
    }
    case 'chmod': {
      const problem = hasVariable(value) ? undefined : chmodProblem(value);
      return problem ? finding('invalid-flag-value', severity, range(), `--chmod=${value} is not a file mode: ${problem}${note}.`) : undefined;
    }
    case 'checksum':
      return hasVariable(value) ? undefined : checksumProblem(value, range(), severity, note);
    default:
      return undefined;
  }
}

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'macos', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const KNOWN_ARCH = new Set(['386', 'i386', 'i686', 'x86_64', 'x86-64', 'amd64', 'amd64p32', 'arm', 'armhf', 'armel', 'armbe', 'arm64', 'aarch64', 'arm64be',
  'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);
const PLATFORM_PART = /^[A-Za-z0-9_.-]+$/;

/** containerd's platforms.Parse: `os[(osversion)]/arch[/variant]`, or a known OS or architecture alone. */
export function platformProblem(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 3) return 'expected os/arch[/variant]';
  for (let i = 0; i < parts.length; i++) {
    const part = i === 0 ? parts[i].replace(/\([A-Za-z0-9_.-]*\)$/, '') : parts[i];
    if (part === '') return 'a part is empty';
    if (!PLATFORM_PART.test(part)) return `${quoted(parts[i])} contains characters a platform cannot have${parts[i].includes(',') ? ' (FROM takes a single platform)' : ''}`;
  }
  if (parts.length === 1) {
    const lower = value.toLowerCase();
    if (!KNOWN_OS.has(lower) && !KNOWN_ARCH.has(lower)) return 'unknown operating system or architecture';
  }
  return undefined;
}

const SYMBOLIC_CLAUSE = /^[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+$/;

/** Octal up to 07777, or symbolic clauses like `u=rwX,go=rX` (Dockerfile syntax 1.14+). */
export function chmodProblem(value: string): string | undefined {
  if (/^[0-7]+$/.test(value)) return parseInt(value, 8) > 0o7777 ? 'octal modes go up to 07777' : undefined;
  if (value.split(',').every((clause) => SYMBOLIC_CLAUSE.test(clause))) return undefined;
  return 'use octal digits such as 0755, or a symbolic mode such as u+x or u=rwX,go=rX';
}

function checksumProblem(value: string, range: Flag['range'], severity: Severity, note: string): Finding | undefined {
  if (/^(sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/.test(value)) return undefined;
  if (/^[0-9a-f]{7,64}$/.test(value)) return undefined; // a Git commit, in full or as a prefix
  if (/^[A-Za-z0-9+._-]+:/.test(value)) {
    return finding('invalid-flag-value', severity, range,
      `--checksum=${value} is not a valid digest: write sha256: followed by 64 lower-case hex digits${note}.`);
  }
  return finding('invalid-flag-value', 'warning', range, `--checksum=${value} is neither a sha256:<hex> digest nor a Git commit.`);
}

/** ADD --checksum verifies one download: BuildKit refuses it with several sources. */
function checksumSources(instruction: Instruction, severity: Severity): Finding[] {
  if (instruction.name !== 'ADD') return [];
  const flag = instruction.flags.find((f) => f.name === 'checksum');
  const count = (instruction.json ?? instruction.args).length;
  if (!flag || count <= 2) return [];
  return [finding('invalid-flag-value', severity, flagNameRange(flag), '--checksum can only be used with a single source.')];
}
