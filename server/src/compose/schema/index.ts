// Typed metadata of every key of the Compose Specification, and the lookups over it.
//
// Audited key by key (2026-12-07) against the Compose Specification's JSON schema, compose-spec/compose-spec
// schema/compose-spec.json at commit 00655e2 (the newest copy we could read: it has top-level `models`, service
// `models`, `provider`, `gpus`, `use_api_socket`, `label_file`, `post_start` / `pre_stop` hooks, `develop.watch`
// with `include` and `exec`, build `entitlements` and `platforms`, image mounts). Every key and value form of it is
// here; we also know a few keys newer than that copy, from the reference pages (build `provenance` / `sbom`,
// `develop.watch[].initial_sync`, `models.<name>.model_var`). Not in the specification, so still unknown keys:
// `build.no_cache_filter` (a Bake / buildx option, not a Compose one).
export { COMPOSE_ROOT } from './root';
export { allowsExtensions, childOf, EXTENSION_KEY, forEachKey, hasInterpolation, keyAt, MERGE_KEY, valueAccepts } from './lookup';
export { COMPOSE_REFERENCE, RESOURCE_NAME_PATTERN, VALUE_TYPES } from './types';
export type { KeyDoc, Scalar, ValueType } from './types';
