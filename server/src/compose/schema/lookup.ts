// Walking the Compose key tree by path, and checking a scalar against a value type.
import { COMPOSE_ROOT } from './root';
import { key, KeyDoc, ref, Scalar, ValueType } from './types';

/** The YAML merge key; `keyAt` looks through it (and through the index of a `<<: [*a, *b]` list). */
export const MERGE_KEY = '<<';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What `keyAt` answers for an `x-` extension field and for anything below one: Compose ignores their content. */
export const EXTENSION_KEY: KeyDoc = (() => {
  const doc: Mutable<KeyDoc> = key(
    'x-<name>',
    'any',
    ref('extension'),
    'An extension field: Compose ignores it, so it can hold anything, typically a YAML anchor reused with `<<: *name`.',
    'x-common: &common\n  restart: unless-stopped\nservices:\n  web:\n    <<: *common\n    image: nginx',
    { nullable: true },
  );
  doc.items = doc;
  doc.additional = doc;
  return Object.freeze(doc);
})();

const patterns = new Map<string, RegExp>();
function matches(pattern: string, text: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) patterns.set(pattern, (regex = new RegExp(pattern)));
  return regex.test(text);
}

/** Whether `x-` keys may appear in this object (the tree marks the few objects that reject them). */
export function allowsExtensions(doc: KeyDoc): boolean {
  return doc.children !== undefined && doc.extensions !== false;
}

/** The doc of key `name` inside a mapping described by `doc`: a known child, a free key of a map, or an extension. */
export function childOf(doc: KeyDoc, name: string): KeyDoc | undefined {
  if (doc.type === 'any') return doc;
  if (doc.children && Object.prototype.hasOwnProperty.call(doc.children, name)) return doc.children[name];
  if (doc.additional && (doc.keyPattern === undefined || matches(doc.keyPattern, name))) return doc.additional;
  if (name.startsWith('x-') && allowsExtensions(doc)) return EXTENSION_KEY;
  return undefined;
}

/**
 * The doc of the key at `path` from the top of a Compose file: strings are mapping keys, numbers index
 * sequence entries, free keys of maps (service names, variables ...) go through `additional`, `x-` keys
 * answer EXTENSION_KEY. Undefined when the path leaves the specification.
 *   keyAt(['services', 'web', 'healthcheck', 'interval']).type === 'duration'
 */
export function keyAt(path: readonly (string | number)[], root: KeyDoc = COMPOSE_ROOT): KeyDoc | undefined {
  let doc: KeyDoc | undefined = root;
  for (let i = 0; i < path.length && doc; i++) {
    const segment = path[i];
    if (segment === MERGE_KEY) {
      if (typeof path[i + 1] === 'number') i++;
      continue;
    }
    doc = typeof segment === 'number' ? doc.items : childOf(doc, segment);
  }
  return doc;
}

/** Every doc of the tree below `root` (itself included) with its path; free keys appear as their placeholder name. */
export function forEachKey(visit: (doc: KeyDoc, path: readonly string[]) => void, root: KeyDoc = COMPOSE_ROOT): void {
  const seen = new Set<KeyDoc>();
  const walk = (doc: KeyDoc, path: string[]): void => {
    if (seen.has(doc)) return;
    seen.add(doc);
    visit(doc, path);
    for (const [name, child] of Object.entries(doc.children ?? {})) walk(child, [...path, name]);
    if (doc.items) walk(doc.items, [...path, '[]']);
    if (doc.additional) walk(doc.additional, [...path, doc.additional.name]);
  };
  walk(root, []);
}

/** True when the text holds a `${...}` or `$NAME` interpolation; `$$` is an escaped, literal dollar. */
export function hasInterpolation(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') continue;
    const next = text[i + 1];
    if (next === '$') i++;
    else if (next !== undefined && /[{A-Za-z_]/.test(next)) return true;
  }
  return false;
}

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n']);
const INTEGER = /^[-+]?(\d+|0o[0-7]+|0x[0-9a-f]+)$/i;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
// The micro signs as escapes (U+00B5, U+03BC): one character above U+00FF would make V8 keep the whole bundle's
// source in two bytes per character.
const DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h|d|w))+)$/;
const BYTE_SIZE = /^\d+(\.\d+)*\s?[kmgtp]?i?b?$/i;
const PORT_RANGE = /^(\d+)(?:-(\d+))?$/;
const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 65535;
}

function isRange(text: string): boolean {
  const m = PORT_RANGE.exec(text);
  return !!m && isPort(Number(m[1])) && (m[2] === undefined || (isPort(Number(m[2])) && Number(m[1]) <= Number(m[2])));
}

function isIp(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) || (text.includes(':') && /^[0-9a-f:.]+(%\w+)?$/i.test(text));
}

function splitProtocol(text: string): string | undefined {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return text;
  return PROTOCOLS.has(text.slice(slash + 1).toLowerCase()) ? text.slice(0, slash) : undefined;
}

/** `[[IP:][HOST]:]CONTAINER[/PROTOCOL]`, ports or ranges, IPv6 addresses bare or in brackets. */
function isPortSpec(text: string): boolean {
  let rest = splitProtocol(text);
  if (rest === undefined) return false;
  let ip: string | undefined;
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    if (end < 0 || rest[end + 1] !== ':') return false;
    ip = rest.slice(1, end);
    rest = rest.slice(end + 2);
  }
  const parts = rest.split(':');
  const container = parts.pop() as string;
  const host = parts.pop();
  if (parts.length > 0) {
    if (ip !== undefined) return false;
    ip = parts.join(':');
  }
  return isRange(container) && (host === undefined || host === '' || isRange(host)) && (ip === undefined || isIp(ip));
}

/** Whether a non-null scalar has the form of `type` (enum values and bounds are checked by the doc). */
function fits(type: ValueType, value: string | number | boolean): boolean {
  switch (type) {
    case 'any':
    case 'scalar':
    case 'enum':
      return true;
    case 'string':
    case 'string-or-list':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean' || (typeof value === 'string' && BOOLEAN_WORDS.has(value.toLowerCase()));
    case 'integer':
      return typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && INTEGER.test(value);
    case 'number':
      return typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && NUMBER.test(value);
    case 'duration':
      return value === 0 || (typeof value === 'string' && DURATION.test(value));
    case 'byte-size':
      return typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && BYTE_SIZE.test(value);
    case 'port-spec':
      return typeof value === 'number' ? isPort(value) : typeof value === 'string' && isPortSpec(value);
    case 'port-range': {
      if (typeof value === 'number') return isPort(value);
      const range = typeof value === 'string' ? splitProtocol(value) : undefined;
      return range !== undefined && isRange(range);
    }
    case 'list-or-map':
    case 'object':
    case 'list':
    case 'map':
      return false;
  }
}

function numeric(value: string | number | boolean): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  const octal = /^([-+]?)0o([0-7]+)$/i.exec(value);
  return octal ? (octal[1] === '-' ? -1 : 1) * parseInt(octal[2], 8) : Number(value);
}

function holds(doc: KeyDoc, form: ValueType, value: string | number | boolean): boolean {
  if (form === 'enum' || (form === 'string' && typeof value === 'string')) {
    if (doc.values === undefined && doc.pattern === undefined) return true;
    const text = String(value);
    return (doc.values?.includes(text) ?? false) || (doc.pattern !== undefined && matches(doc.pattern, text));
  }
  if (form === 'integer' || form === 'number') {
    const n = numeric(value);
    return !(doc.min !== undefined && n < doc.min) && !(doc.max !== undefined && n > doc.max);
  }
  return true;
}

/**
 * Whether a scalar value is acceptable for a value type, or for a key (then also its alternatives,
 * enum values, pattern, bounds and nullability). Strings with interpolation are always accepted,
 * as their value is only known at run time; `$$` is a literal `$` and does not count.
 */
export function valueAccepts(type: ValueType | KeyDoc, scalar: Scalar): boolean {
  if (typeof scalar === 'string' && hasInterpolation(scalar)) return true;
  const value = typeof scalar === 'string' ? scalar.replace(/\$\$/g, '$') : scalar;
  if (typeof type === 'string') return value === null ? type === 'any' : fits(type, value);
  if (value === null) return type.nullable === true || type.type === 'any';
  return [type.type, ...(type.alternatives ?? [])].some((form) => fits(form, value) && holds(type, form, value));
}
