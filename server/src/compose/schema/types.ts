// The shape of our Compose-file key metadata, and the small builders the family files use.
// Facts follow the Compose Specification (compose-spec JSON schema and docs.docker.com/reference/compose-file/);
// the descriptions are our own words.

/**
 * What a key's value may be. Any scalar may also be a string with `${VAR}` / `$VAR` interpolation,
 * which `valueAccepts` lets through for every type.
 * - `scalar`: any string, number, boolean or null (map values of environment, labels, driver_opts ...).
 * - `duration`: a Go duration such as `1m30s` or `500ms` (units ns, us, ms, s, m, h; Compose also takes d, w).
 * - `byte-size`: an integer count of bytes, or a string such as `512m`, `1gb`, `2.5G`.
 * - `port-spec`: the short port syntax `[[IP:][HOST]:]CONTAINER[/PROTOCOL]`, or a bare port number.
 * - `port-range`: a port number or a `START-END` range.
 * - `enum`: one of `values` (or matching `pattern`).
 * - `list-or-map`: a sequence (entries described by `items`) or a mapping (values described by `additional`).
 * - `string-or-list`: a single string or a sequence of them (`items`).
 * - `object`: a mapping with known keys (`children`); `map`: a mapping with free keys (`additional`).
 * - `any`: anything (extension fields).
 */
export type ValueType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'duration'
  | 'byte-size'
  | 'port-spec'
  | 'port-range'
  | 'enum'
  | 'scalar'
  | 'list-or-map'
  | 'string-or-list'
  | 'object'
  | 'list'
  | 'map'
  | 'any';

export const VALUE_TYPES: readonly ValueType[] = [
  'string', 'boolean', 'integer', 'number', 'duration', 'byte-size', 'port-spec', 'port-range', 'enum',
  'scalar', 'list-or-map', 'string-or-list', 'object', 'list', 'map', 'any',
];

/** A YAML scalar as a parser hands it over. */
export type Scalar = string | number | boolean | null;

export interface KeyDoc {
  /** The key as written in the file; placeholders such as `<service>` for free keys and `ports[]` for list entries. */
  readonly name: string;
  /** The main form of the value. */
  readonly type: ValueType;
  /** Other forms the value may take, e.g. `build` is an object or a context path string. */
  readonly alternatives?: readonly ValueType[];
  /** One or two sentences, our own words. */
  readonly description: string;
  /** A short YAML snippet showing the key in place. */
  readonly example: string;
  /** The reference page (and anchor) on docs.docker.com. */
  readonly link: string;
  /** Set when the key still works but should be replaced: says what to use instead. */
  readonly deprecated?: string;
  /** Set when Compose ignores the key altogether (it only warns). */
  readonly obsolete?: boolean;
  /** The schema requires this key in its parent object. */
  readonly required?: boolean;
  /** A null value (an empty YAML value) is accepted. */
  readonly nullable?: boolean;
  /** Allowed values of an enum (or of the `enum` alternative). */
  readonly values?: readonly string[];
  /** A regular expression (source) that further values of an enum may match, e.g. `every_12h`. */
  readonly pattern?: string;
  /** Inclusive bounds of a numeric value. */
  readonly min?: number;
  readonly max?: number;
  /** Known keys of an object. */
  readonly children?: Readonly<Record<string, KeyDoc>>;
  /** The shape of one entry when the value is a sequence. */
  readonly items?: KeyDoc;
  /** The shape of the value under any free key of a map (services, environment, labels ...). */
  readonly additional?: KeyDoc;
  /** A regular expression (source) free keys of a map must match. */
  readonly keyPattern?: string;
  /** False when the object rejects `x-` extension keys; objects accept them otherwise. */
  readonly extensions?: boolean;
}

/** Everything of a KeyDoc but the five fields every key has. */
export type KeyExtra = Omit<KeyDoc, 'name' | 'type' | 'description' | 'example' | 'link'>;

/** Names of services, networks, volumes, secrets, configs and models (free keys of those maps). */
export const RESOURCE_NAME_PATTERN = '^[a-zA-Z0-9._-]+$';

/** The Compose file reference; each top-level element and specification has a page below it. */
export const COMPOSE_REFERENCE = 'https://docs.docker.com/reference/compose-file/';

/** A link to a page of the Compose file reference, e.g. `ref('services', 'cap_add')`. */
export function ref(page: string, anchor?: string): string {
  return `${COMPOSE_REFERENCE}${page}/${anchor ? `#${anchor}` : ''}`;
}

/** One key. */
export function key(
  name: string,
  type: ValueType,
  link: string,
  description: string,
  example: string,
  extra: KeyExtra = {},
): KeyDoc {
  return { name, type, description, example, link, ...extra };
}

/** The children record of an object, keyed by name; a name given twice is a bug in the tables. */
export function fields(...docs: KeyDoc[]): Readonly<Record<string, KeyDoc>> {
  const out: Record<string, KeyDoc> = Object.create(null);
  for (const doc of docs) {
    if (Object.prototype.hasOwnProperty.call(out, doc.name)) throw new Error(`duplicate Compose key: ${doc.name}`);
    out[doc.name] = doc;
  }
  return out;
}

/** The same key under another name, link or extra fields (shared shapes such as ulimits). */
export function renamed(doc: KeyDoc, name: string, changes: Partial<KeyDoc> = {}): KeyDoc {
  return { ...doc, name, ...changes };
}

/** A plain string entry of a list. */
export function stringItem(parent: string, link: string, description: string, example: string): KeyDoc {
  return key(`${parent}[]`, 'string', link, description, example);
}

/**
 * A `list-or-map` key such as environment or labels: `- KEY=VALUE` entries, or `KEY: value` pairs
 * whose values are any scalar (null meaning "no value").
 */
export function listOrMap(
  name: string,
  link: string,
  description: string,
  example: string,
  entry = 'variable',
  extra: KeyExtra = {},
): KeyDoc {
  return key(name, 'list-or-map', link, description, example, {
    items: key(`${name}[]`, 'string', link, `One \`${entry.toUpperCase()}=value\` entry of \`${name}\` in list form.`, `- ${entry.toUpperCase()}=value`),
    additional: key(`<${entry}>`, 'scalar', link, `The value of one \`${name}\` entry: a string, number or boolean; left empty, the entry has no value of its own.`, `${entry.toUpperCase()}: value`, { nullable: true }),
    ...extra,
  });
}

/** A `map` of driver-specific options whose values are strings or numbers. */
export function optionsMap(name: string, link: string, description: string, example: string, nullableValues = false): KeyDoc {
  return key(name, 'map', link, description, example, {
    additional: key('<option>', 'scalar', link, `The value of one option of \`${name}\`.`, 'com.example.option: "value"', {
      nullable: nullableValues,
    }),
  });
}

/** Freezes a doc tree in place (shared sub-trees and cycles are fine) and returns it. */
export function deepFreeze(doc: KeyDoc): KeyDoc {
  if (Object.isFrozen(doc)) return doc;
  Object.freeze(doc);
  if (doc.children) {
    Object.freeze(doc.children);
    for (const child of Object.values(doc.children)) deepFreeze(child);
  }
  if (doc.values) Object.freeze(doc.values);
  if (doc.alternatives) Object.freeze(doc.alternatives);
  if (doc.items) deepFreeze(doc.items);
  if (doc.additional) deepFreeze(doc.additional);
  return doc;
}
