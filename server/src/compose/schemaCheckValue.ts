// The words of the schema check: what a value type expects, what a value is, and why a scalar is rejected.
// Pure helpers of schemaCheck.ts; nothing here walks the YAML tree.
import { valueAccepts } from './schema';
import type { KeyDoc, Scalar, ValueType } from './schema';

/** Value types that take a mapping, a sequence, or a scalar. */
const MAP_FORMS: ReadonlySet<ValueType> = new Set(['object', 'map', 'list-or-map', 'any']);
const SEQ_FORMS: ReadonlySet<ValueType> = new Set(['list', 'list-or-map', 'string-or-list', 'any']);
/** Collections whose empty (null) value Compose rejects, but which an editor sees empty all the time. */
const ENTRY_FORMS: ReadonlySet<ValueType> = new Set(['list', 'list-or-map', 'string-or-list']);

function forms(doc: KeyDoc): readonly ValueType[] {
  return doc.alternatives ? [doc.type, ...doc.alternatives] : [doc.type];
}

/** Whether a mapping may stand where `doc` is. */
export function takesMap(doc: KeyDoc): boolean {
  return MAP_FORMS.has(doc.type) || (doc.alternatives?.some((form) => MAP_FORMS.has(form)) ?? false);
}

/** Whether a sequence may stand where `doc` is. */
export function takesSeq(doc: KeyDoc): boolean {
  return SEQ_FORMS.has(doc.type) || (doc.alternatives?.some((form) => SEQ_FORMS.has(form)) ?? false);
}

/**
 * How an empty (null) value is judged where `doc` is: `ok` for nullable keys, extensions, objects and maps
 * (`volumes: { data: }`); `warning` where entries are expected (Compose rejects the empty value, but it is
 * what a list looks like while all its entries are commented out); `error` for everything else.
 */
export function emptyVerdict(doc: KeyDoc): 'ok' | 'warning' | 'error' {
  if (doc.nullable || doc.type === 'any' || doc.type === 'object' || doc.type === 'map') return 'ok';
  return ENTRY_FORMS.has(doc.type) ? 'warning' : 'error';
}

const FORM_WORDS: Record<ValueType, string> = {
  string: 'a string',
  boolean: 'a boolean (`true` or `false`)',
  integer: 'an integer',
  number: 'a number',
  duration: 'a duration such as `30s` or `1m30s`',
  'byte-size': 'a byte size such as `512m` or `1g`',
  'port-spec': 'a port such as `8080:80`',
  'port-range': 'a port or a port range such as `8000-8010`',
  enum: 'one of the allowed values',
  scalar: 'a string, number or boolean',
  'list-or-map': 'a list or a mapping',
  'string-or-list': 'a string or a list',
  object: 'a mapping',
  list: 'a list',
  map: 'a mapping',
  any: 'any value',
};

/** "a list or a mapping", "a mapping or a string" ... what the key takes, in words. */
export function expected(doc: KeyDoc): string {
  const words = forms(doc).map((form) => (form === 'enum' && doc.values ? `one of ${quoteAll(doc.values)}` : FORM_WORDS[form]));
  return [...new Set(words)].join(' or ');
}

/** "a mapping", "a list", "the string `x`", "an empty value" ... what the value is, in words. */
export function actual(value: 'map' | 'seq' | Scalar): string {
  if (value === 'map') return 'a mapping';
  if (value === 'seq') return 'a list';
  if (value === null) return 'an empty value';
  return `the ${typeof value} ${quote(String(value))}`;
}

/** A value in backquotes, shortened when long. */
export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `\`${short.replace(/`/g, "'")}\``;
}

function quoteAll(values: readonly string[]): string {
  return values.map(quote).join(', ');
}

/** A scalar as `valueAccepts` takes it: other values a YAML tag might produce count as their text. */
export function scalarOf(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

const SYNTAX: Partial<Record<ValueType, string>> = {
  duration: 'is not a valid duration: write numbers with units (`ns`, `us`, `ms`, `s`, `m`, `h`), such as `30s`, `1m30s` or `500ms`',
  'byte-size': 'is not a valid byte size: write a number of bytes, or a number with a unit (`b`, `k`, `m`, `g`), such as `512m` or `1.5g`',
  'port-spec': 'is not a valid port: use `[[IP:][HOST:]]CONTAINER[/PROTOCOL]` with ports from 0 to 65535, such as `8080:80` or `127.0.0.1:5432:5432/tcp`',
  'port-range': 'is not a valid port: use a port from 0 to 65535 or a range such as `8000-8010`, optionally with `/tcp`, `/udp` or `/sctp`',
};

/** Why the scalar breaks a constraint of a form whose shape it has (enum values, pattern, bounds); undefined when it has not. */
function constraint(doc: KeyDoc, form: ValueType, value: string | number | boolean): string | undefined {
  if (!valueAccepts(form, value)) {
    const syntax = SYNTAX[form];
    const shaped = typeof value === 'string' || (typeof value === 'number' && form !== 'duration');
    return syntax && shaped ? syntax : undefined;
  }
  if (form === 'enum' || form === 'string') {
    const choices: string[] = [];
    if (doc.values) choices.push(`use one of ${quoteAll(doc.values)}`);
    if (doc.pattern) choices.push(`${choices.length ? 'or a value matching' : 'it must match'} ${quote(doc.pattern)}`);
    if (choices.length === 0) return undefined;
    return `is not a valid value: ${choices.join(' ')}`;
  }
  if (form === 'integer' || form === 'number') {
    if (doc.min !== undefined && doc.max !== undefined) return `is out of range: it must be between ${doc.min} and ${doc.max}`;
    if (doc.min !== undefined) return `is out of range: it must be at least ${doc.min}`;
    if (doc.max !== undefined) return `is out of range: it must be at most ${doc.max}`;
  }
  return undefined;
}

export interface ScalarProblem {
  code: 'invalid-type' | 'invalid-value';
  message: string;
}

/**
 * Why a non-null scalar that `valueAccepts` rejected is wrong: `invalid-value` when it has the shape of a
 * form of the key but breaks its rules (an enum value outside the set, a bad duration, byte size or port,
 * a number out of bounds), `invalid-type` otherwise (a string where an integer is, a non-boolean ...).
 * `subject` names the place, e.g. "`restart`" or "an entry of `ports`".
 */
export function scalarProblem(doc: KeyDoc, value: string | number | boolean, subject: string): ScalarProblem {
  for (const form of forms(doc)) {
    const why = constraint(doc, form, value);
    if (why) {
      const others = forms(doc).filter((other) => other !== form && other !== 'enum' && !SYNTAX[other]);
      const alternatives = others.length ? ` (or ${others.map((other) => FORM_WORDS[other]).join(' or ')})` : '';
      return { code: 'invalid-value', message: `${quote(String(value))} for ${subject} ${why}${alternatives}.` };
    }
  }
  return { code: 'invalid-type', message: `${capitalize(subject)} expects ${expected(doc)}, not ${actual(value)}.` };
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
