// `RUN --mount=...`: the comma-separated options, read the way BuildKit's parseMount reads them (CSV fields,
// keys case-insensitive, `type` before the keys that depend on it), then its validateMount rules.
import { closest } from '../../util/closest';
import { MOUNT_KEYS, MOUNT_TYPES, type MountTypeName } from '../docs/mounts';
import type { DockerfileModel, Flag, Range } from '../model';
import {
  errorUnlessTrigger, finding, flagValueToken, forEachNamed, hasVariable, indexInstructions, quoted, subRange, triggerNote, type IndexedCheck,
} from './syntaxCommon';
import type { Finding, Severity } from './types';

/** Every key BuildKit's parser accepts (any type), with aliases. */
const ALL_KEYS = ['type', 'from', 'source', 'src', 'target', 'dst', 'destination', 'readonly', 'ro', 'readwrite', 'rw', 'id', 'sharing', 'required', 'size', 'mode', 'uid', 'gid', 'env'];
const TYPES: readonly MountTypeName[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING = ['shared', 'private', 'locked'];
const CANONICAL: Record<string, string> = { src: 'source', dst: 'target', destination: 'target', ro: 'readonly', rw: 'readwrite' };
/** Per type, the canonical keys the reference documents or BuildKit accepts without complaint. */
const TYPE_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map(MOUNT_TYPES.map((t) => [t.name, new Set([...t.keys.map((k) => k.key), ...t.alsoAccepted])]));

export interface MountField {
  key: string;
  /** undefined for a bare key (`ro`). */
  value?: string;
  /** Offsets of the field in the flag value. */
  start: number;
  end: number;
  valueStart: number;
}

/** Go's encoding/csv on one record: fields split on commas, `"..."` quoting with `""`. Undefined on a syntax error. */
export function splitMountFields(text: string): MountField[] | undefined {
  if (text.indexOf('"') < 0) return splitPlain(text);
  const fields: MountField[] = [];
  let k = 0;
  for (;;) {
    const start = k;
    let raw = '';
    if (text[k] === '"') {
      k++;
      for (;;) {
        if (k >= text.length) return undefined;
        if (text[k] === '"') {
          if (text[k + 1] === '"') {
            raw += '"';
            k += 2;
            continue;
          }
          k++;
          break;
        }
        raw += text[k++];
      }
      if (k < text.length && text[k] !== ',') return undefined;
    } else {
      while (k < text.length && text[k] !== ',') {
        if (text[k] === '"') return undefined;
        raw += text[k++];
      }
    }
    const eq = raw.indexOf('=');
    const quotedField = text[start] === '"';
    fields.push({
      key: (eq < 0 ? raw : raw.slice(0, eq)).toLowerCase(),
      value: eq < 0 ? undefined : raw.slice(eq + 1),
      start,
      end: k,
      valueStart: eq < 0 ? k : quotedField ? start + 1 + eq + 1 : start + eq + 1,
    });
    if (k >= text.length) return fields;
    k++;
  }
}

/** The common case without quotes: plain comma splitting. */
function splitPlain(text: string): MountField[] {
  const fields: MountField[] = [];
  let start = 0;
  for (;;) {
    let end = text.indexOf(',', start);
    if (end < 0) end = text.length;
    const eq = text.indexOf('=', start);
    const hasValue = eq >= 0 && eq < end;
    fields.push({
      key: text.slice(start, hasValue ? eq : end).toLowerCase(),
      value: hasValue ? text.slice(eq + 1, end) : undefined,
      start,
      end,
      valueStart: hasValue ? eq + 1 : end,
    });
    if (end >= text.length) return fields;
    start = end + 1;
  }
}

function parseBool(value: string): boolean {
  return /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(value);
}

/** `unknown-mount-type`, `unknown-mount-key`, `invalid-mount-value`, `missing-mount-key`. */
export const checkMounts: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  forEachNamed(index, ['RUN'], (instruction, inTrigger) => {
    for (const flag of instruction.flags) {
      if (flag.name === 'mount' && flag.value) out.push(...checkMount(model, flag, errorUnlessTrigger(inTrigger), triggerNote(inTrigger)));
    }
  });
  return out;
};

function checkMount(model: DockerfileModel, flag: Flag, severity: Severity, note: string): Finding[] {
  const out: Finding[] = [];
  const text = flag.value ?? '';
  const token = flagValueToken(flag);
  const fields = splitMountFields(text);
  if (!fields) {
    return [finding('invalid-mount-value', severity, token.range, `--mount options are comma-separated key=value pairs; a quote is misplaced in ${quoted(text)}${note}.`)];
  }
  const at = (from: number, to: number): Range => subRange(model, token, from, to);
  // A fix needs the exact place of the text it replaces: an unquoted field of a value written as is.
  const exactAt = (field: MountField, from: number, to: number): Range | undefined => {
    const r = at(from, to);
    const exact = text[field.start] !== '"' && r.start.line === r.end.line && r.end.character - r.start.character === to - from;
    return exact ? r : undefined;
  };
  // undefined once `type` comes from a variable: the rules that depend on it cannot be applied.
  let type: MountTypeName | undefined = 'bind';
  const present = new Map<string, MountField>();
  for (const field of fields) {
    const { key, value } = field;
    const canonical = CANONICAL[key] ?? key;
    const keyRange = (): Range => at(field.start, value === undefined ? field.end : field.valueStart - 1);
    const valueRange = (): Range => at(field.valueStart, field.end);
    if (value === undefined) {
      if (key === 'readonly' || key === 'ro' || key === 'readwrite' || key === 'rw') {
        present.set(canonical, field);
        continue;
      }
      if (key === 'required') {
        if (type === undefined || type === 'secret' || type === 'ssh') present.set(canonical, field);
        else out.push(requiredProblem(fields, field, type, keyRange(), severity, note));
        continue;
      }
      if (key === '') {
        out.push(finding('invalid-mount-value', severity, token.range, `--mount has an empty option (two commas in a row, or a comma at the end)${note}.`));
        continue;
      }
      const isType = (TYPES as readonly string[]).includes(key);
      const asType = isType ? ` (did you mean type=${key}?)` : '';
      const insertAt = isType ? exactAt(field, field.start, field.start) : undefined;
      out.push(finding(ALL_KEYS.includes(key) ? 'invalid-mount-value' : 'unknown-mount-key', severity, keyRange(),
        `Mount option ${quoted(field.key)} needs a value: write key=value${asType}${note}.`,
        insertAt ? { title: `Change to type=${key}`, range: insertAt, newText: 'type=' } : undefined));
      continue;
    }
    if (!ALL_KEYS.includes(key)) {
      const suggestion = closest(key, ALL_KEYS);
      const keyAt = suggestion ? exactAt(field, field.start, field.valueStart - 1) : undefined;
      out.push(finding('unknown-mount-key', severity, keyRange(),
        `${quoted(key)} is not a --mount option${suggestion ? ` (did you mean ${suggestion}?)` : ''}${note}.`,
        suggestion && keyAt ? { title: `Change to ${suggestion}`, range: keyAt, newText: suggestion } : undefined));
      continue;
    }
    present.set(canonical, field);
    if (canonical === 'from') {
      if (/\$./.test(value)) {
        out.push(finding('invalid-mount-value', severity, valueRange(), `from= does not expand variables; name a stage defined with FROM instead${note}.`));
      }
      continue;
    }
    if (hasVariable(value)) {
      if (canonical === 'type') type = undefined;
      continue;
    }
    const problem = valueProblem(canonical, key, value, type);
    if (problem) {
      const valueAt = problem.suggestion ? exactAt(field, field.valueStart, field.end) : undefined;
      out.push(finding(problem.code, severity, problem.onKey ? keyRange() : valueRange(), `${problem.message}${note}.`,
        problem.suggestion && valueAt ? { title: `Change to ${problem.suggestion}`, range: valueAt, newText: problem.suggestion } : undefined));
    }
    if (canonical === 'type') type = problem ? undefined : (value.toLowerCase() as MountTypeName);
    if (canonical === 'required' && type !== undefined && type !== 'secret' && type !== 'ssh') out.push(requiredProblem(fields, field, type, keyRange(), severity, note));
  }
  if (type !== undefined) out.push(...typeRules(type, present, at, token.range, severity, note));
  return out;
}

function requiredProblem(fields: MountField[], field: MountField, type: string, range: Range, severity: Severity, note: string): Finding {
  const later = fields.find((f) => f.start > field.start && f.key === 'type' && /^(secret|ssh)$/i.test(f.value ?? ''));
  const message = later
    ? `required must come after type=${later.value}: BuildKit reads the options in order, and the mount is still ${type} here${note}.`
    : `required only applies to secret and ssh mounts, not to a ${type} mount${note}.`;
  return finding('unknown-mount-key', severity, range, message);
}

interface ValueProblem {
  code: string;
  message: string;
  onKey?: boolean;
  /** The value most probably meant ("did you mean"), for the quick fix. */
  suggestion?: string;
}

function valueProblem(canonical: string, key: string, value: string, type: MountTypeName | undefined): ValueProblem | undefined {
  switch (canonical) {
    case 'type': {
      if ((TYPES as readonly string[]).includes(value.toLowerCase())) return undefined;
      const suggestion = closest(value, TYPES);
      return { code: 'unknown-mount-type', message: `${quoted(value)} is not a mount type: use bind, cache, tmpfs, secret or ssh${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, suggestion };
    }
    case 'readonly':
    case 'readwrite':
    case 'required':
      return parseBool(value) ? undefined : { code: 'invalid-mount-value', message: `${key} takes true or false, not ${quoted(value)}` };
    case 'size':
      if (type !== undefined && type !== 'tmpfs') return { code: 'unknown-mount-key', message: `size only applies to tmpfs mounts, not to a ${type} mount (type=tmpfs must come first)`, onKey: true };
      return /^\d+(\.\d+)* ?[kKmMgGtTpP]?[iI]?[bB]?$/.test(value) ? undefined : { code: 'invalid-mount-value', message: `size takes a size such as 64m or 1g, not ${quoted(value)}` };
    case 'sharing': {
      if (SHARING.includes(value.toLowerCase())) return undefined;
      const suggestion = closest(value, SHARING);
      return { code: 'invalid-mount-value', message: `sharing takes shared, private or locked, not ${quoted(value)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, suggestion };
    }
    case 'mode':
      return /^[0-7]+$/.test(value) && parseInt(value, 8) <= 0xffffffff ? undefined : { code: 'invalid-mount-value', message: `mode takes octal permission bits such as 0755, not ${quoted(value)}` };
    case 'uid':
    case 'gid':
      return /^\d+$/.test(value) && Number(value) <= 0xffffffff ? undefined : { code: 'invalid-mount-value', message: `${key} takes a numeric id, not ${quoted(value)}` };
    case 'target':
      return /^\/+\.?\/*$/.test(value) ? { code: 'invalid-mount-value', message: 'A mount cannot replace the root directory: choose another target' } : undefined;
    default:
      return undefined;
  }
}

/** validateMount: which keys a type refuses, plus keys that are accepted but have no effect for the type. */
function typeRules(type: MountTypeName, present: Map<string, MountField>, at: (from: number, to: number) => Range, whole: Range, severity: Severity, note: string): Finding[] {
  const out: Finding[] = [];
  const keyRange = (field: MountField): Range => at(field.start, field.value === undefined ? field.end : field.valueStart - 1);
  for (const [canonical, field] of present) {
    if (canonical === 'type' || canonical === 'required' || canonical === 'size') continue;
    if ((canonical === 'mode' || canonical === 'uid' || canonical === 'gid') && (type === 'bind' || type === 'tmpfs')) {
      out.push(finding('unknown-mount-key', severity, keyRange(field), `${canonical} is not allowed on a ${type} mount${note}.`));
    } else if (canonical === 'sharing' && type !== 'cache') {
      out.push(finding('unknown-mount-key', severity, keyRange(field), `sharing only applies to cache mounts, not to a ${type} mount${note}.`));
    } else if (canonical === 'from' && type === 'secret') {
      out.push(finding('unknown-mount-key', severity, keyRange(field), `A secret mount cannot have from=${note}.`));
    } else if (MOUNT_KEYS[canonical] && !TYPE_KEYS.get(type)?.has(canonical)) {
      out.push(finding('unknown-mount-key', 'warning', keyRange(field), `${field.key} has no effect on a ${type} mount.`));
    }
  }
  if (type === 'secret') {
    if (present.has('source') && present.has('id')) {
      out.push(finding('invalid-mount-value', severity, keyRange(present.get('source')!), `A secret mount takes either source or id, not both${note}.`));
    }
    if (!present.has('source') && !present.has('target') && !present.has('id') && !present.has('env')) {
      out.push(finding('missing-mount-key', severity, whole, `A secret mount needs id= (or target=) to say which secret to mount${note}.`));
    }
  }
  return out;
}
