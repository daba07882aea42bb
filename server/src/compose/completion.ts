// Compose completion: pure (model, position, context) -> items. Keys at every level as snippets (from our
// key metadata), enum and boolean values, names defined in the file where a value refers to one, images the
// local engine has, build targets read from the service's Dockerfile, and `.env` variables inside `${`.
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { type YAMLMap } from 'yaml';
import { isMap } from './yamlKinds';
import type { LocalImage } from '../../../common/src/protocol';
import { scalarText, type ComposeModel, type NameKind } from './model';
import { referenceKind } from './references';
import { keyAt, type KeyDoc } from './schema';

export interface ComposeContext {
  images: readonly LocalImage[];
  /** Variables of the project's `.env` file, by name. */
  env: ReadonlyMap<string, string>;
  /** Stage names of the Dockerfile that a build (context, dockerfile) uses, when it can be read. */
  dockerfileStages(context: string, dockerfile: string): string[] | undefined;
}

const NETWORK_MODES = ['bridge', 'host', 'none'];

export function completeCompose(model: ComposeModel, position: Position, context: ComposeContext): CompletionItem[] {
  const before = model.lineText(position.line).slice(0, position.character);
  if (/\$\{[A-Za-z0-9_]*$/.test(before)) return variables(context);
  const at = model.pathAt(position);
  switch (at.kind) {
    case 'key':
    case 'newKey': {
      const parent = at.kind === 'key' ? at.path.slice(0, -1) : at.path;
      const reference = referenceKind([...parent, '\u0000'], 'key');
      if (reference) return names(model, reference, parent);
      const doc = keyAt(parent);
      if (!doc?.children) return [];
      const present = isMap(at.collection) ? new Set(model.entries(at.collection as YAMLMap).map((e) => e.key)) : new Set<string>();
      const typed = at.kind === 'key' ? scalarText(at.node) : undefined;
      return Object.values(doc.children)
        .filter((child) => !child.obsolete && (!present.has(child.name) || child.name === typed))
        .map((child) => keyItem(child));
    }
    case 'value':
      return values(model, at.path, context);
    case 'newItem': {
      const item = [...at.path, 0];
      const reference = referenceKind(item, 'value');
      if (reference) return names(model, reference, at.path);
      return enumItems(keyAt(item));
    }
    default:
      return [];
  }
}

function values(model: ComposeModel, path: (string | number)[], context: ComposeContext): CompletionItem[] {
  const reference = referenceKind(path, 'value');
  if (reference) return names(model, reference, path);
  const doc = keyAt(path);
  const key = path[path.length - 1];
  if (path[0] === 'services' && path.length === 3) {
    if (key === 'image') return [...new Set(context.images.flatMap((i) => i.repoTags))].sort().map((tag) => ({ label: tag, kind: CompletionItemKind.Module, detail: 'local image' }));
    if (key === 'network_mode') {
      const services = [...model.names.services.keys()].filter((s) => s !== path[1]).map((s) => `service:${s}`);
      return [...NETWORK_MODES, ...services].map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
    }
  }
  if (path[0] === 'services' && path[2] === 'build' && key === 'target' && path.length === 4) return buildTargets(model, String(path[1]), context);
  return enumItems(doc);
}

function enumItems(doc: KeyDoc | undefined): CompletionItem[] {
  if (!doc) return [];
  const values = doc.values ?? (doc.type === 'boolean' || doc.alternatives?.includes('boolean') ? ['true', 'false'] : []);
  return values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail: doc.name }));
}

/** Names defined in the file (a service does not depend on or link to itself). */
function names(model: ComposeModel, kind: NameKind, path: (string | number)[]): CompletionItem[] {
  const self = kind === 'services' && path[0] === 'services' ? path[1] : undefined;
  const defined = [...model.names[kind].values()].filter((d) => d.name !== self);
  const items: CompletionItem[] = defined.map((d) => ({
    label: d.name,
    kind: CompletionItemKind.Reference,
    detail: `${kind.slice(0, -1)} defined on line ${d.range.start.line + 1}`,
  }));
  if (kind === 'networks' && !model.names.networks.has('default')) items.push({ label: 'default', kind: CompletionItemKind.Reference, detail: 'the network Compose creates for the project' });
  return items;
}

function buildTargets(model: ComposeModel, service: string, context: ComposeContext): CompletionItem[] {
  const definition = model.names.services.get(service);
  const build = isMap(definition?.value) ? model.get(definition.value as YAMLMap, 'build') : undefined;
  let buildContext = '.';
  let dockerfile = 'Dockerfile';
  if (build && isMap(build.value)) {
    buildContext = scalarText(model.get(build.value as YAMLMap, 'context')?.value) ?? '.';
    dockerfile = scalarText(model.get(build.value as YAMLMap, 'dockerfile')?.value) ?? 'Dockerfile';
  } else if (build) buildContext = scalarText(build.value) ?? '.';
  const stages = context.dockerfileStages(buildContext, dockerfile) ?? [];
  return stages.map((stage) => ({ label: stage, kind: CompletionItemKind.Reference, detail: `stage of ${dockerfile}` }));
}

function variables(context: ComposeContext): CompletionItem[] {
  return [...context.env].map(([name, value]) => ({ label: name, kind: CompletionItemKind.Variable, detail: `${name}=${value}`, documentation: 'From the project\'s .env file' }));
}

function keyItem(doc: KeyDoc): CompletionItem {
  return {
    label: doc.name,
    kind: doc.children || doc.additional ? CompletionItemKind.Module : CompletionItemKind.Property,
    detail: firstSentence(doc.description),
    documentation: { kind: MarkupKind.Markdown, value: keyMarkdown(doc) },
    insertText: `${doc.name}:${snippetFor(doc)}`,
    insertTextFormat: InsertTextFormat.Snippet,
    tags: doc.deprecated ? [CompletionItemTag.Deprecated] : undefined,
    sortText: `${doc.deprecated ? 1 : 0}${doc.name}`,
  };
}

/** What follows `key:` in the inserted snippet, by the value's type. */
function snippetFor(doc: KeyDoc): string {
  if (doc.values?.length) return ` \${1|${doc.values.map((v) => v.replace(/[,|]/g, '\\$&')).join(',')}|}`;
  switch (doc.type) {
    case 'boolean':
      return ' ${1|true,false|}';
    case 'object':
    case 'map':
    case 'list-or-map':
      return '\n\t$0';
    case 'list':
      return '\n\t- $0';
    default:
      return ' $0';
  }
}

export function keyMarkdown(doc: KeyDoc): string {
  const deprecated = doc.deprecated ? `\n\n**Deprecated:** ${doc.deprecated}` : doc.obsolete ? '\n\n**Obsolete:** Compose ignores it.' : '';
  return `${doc.description}${deprecated}\n\n\`\`\`yaml\n${doc.example}\n\`\`\`\n\n[Compose file reference](${doc.link})`;
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}
