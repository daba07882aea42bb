// missing-key: a top-level secret or config that says nowhere where its content comes from. Compose requires
// one of `file` or `environment` for a secret, and one of `file`, `environment` or `content` for a config,
// unless the definition is `external` or names a `driver` (which supplies the content its own way). `name`
// alone is not enough. In a file that other files complete (an overlay, an include we could not read ...) the
// source may come from them: a warning there.
import { isMap } from '../yamlKinds';
import type { ComposeModel, NameDefinition } from '../model';
import { mergedWithOthers } from './undefined';
import type { ComposeCheck, ComposeCheckContext, Finding } from './types';

const SOURCES = { secrets: ['file', 'environment'], configs: ['file', 'environment', 'content'] } as const;

function hasKey(model: ComposeModel, definition: NameDefinition, key: string): boolean {
  const value = model.resolve(definition.value);
  return !!value && isMap(value) && model.get(value, key) !== undefined;
}

/** A base file or included file defines the same name: the definitions are merged, the source may be there. */
function completedElsewhere(context: ComposeCheckContext, kind: 'secrets' | 'configs', name: string): boolean {
  return [...context.baseModels, ...context.included].some((other) => other.names[kind].has(name));
}

export const missingSourceCheck: ComposeCheck = (context) => {
  const { model } = context;
  const findings: Finding[] = [];
  for (const kind of ['secrets', 'configs'] as const) {
    const singular = kind === 'secrets' ? 'secret' : 'config';
    const keys = SOURCES[kind];
    for (const definition of model.names[kind].values()) {
      const value = model.resolve(definition.value);
      if (value && !isMap(value)) continue; // not a map at all: the schema check says so
      if (keys.some((key) => hasKey(model, definition, key))) continue;
      if (hasKey(model, definition, 'external') || hasKey(model, definition, 'driver')) continue;
      if (completedElsewhere(context, kind, definition.name)) continue;
      const list = keys.map((k) => `"${k}"`).join(kind === 'secrets' ? ' or ' : ', ');
      const merged = mergedWithOthers(context);
      findings.push({
        code: 'missing-key',
        message: `The ${singular} "${definition.name}" has no source: set ${list}, or mark it "external". Compose refuses a ${singular} without one${merged ? ', unless another file merged with this one sets it' : ''}.`,
        range: definition.range,
        severity: merged ? 'warning' : 'error',
      });
    }
  }
  return findings;
};
