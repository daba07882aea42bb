// Typed metadata of every key of the Compose Specification, and the lookups over it.
export { COMPOSE_ROOT } from './root';
export { allowsExtensions, childOf, EXTENSION_KEY, forEachKey, hasInterpolation, keyAt, MERGE_KEY, valueAccepts } from './lookup';
export { COMPOSE_REFERENCE, RESOURCE_NAME_PATTERN, VALUE_TYPES } from './types';
export type { KeyDoc, Scalar, ValueType } from './types';
