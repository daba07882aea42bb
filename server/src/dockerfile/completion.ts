// Dockerfile completion: pure (model, position, context) -> items. Contexts: instruction keywords (also
// after ONBUILD), parser directives and their values, flags and their values (enums, stages, platforms,
// --mount types, keys and values), variables after `$`, FROM images and stages, HEALTHCHECK CMD/NONE, signals.
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { LocalImage } from '../../../common/src/protocol';
import { CHECK_RULES } from './docs/checks';
import { DIRECTIVES } from './docs/directives';
import { flagDoc, flagsOf } from './docs/flags';
import { INSTRUCTIONS, referenceLink } from './docs/instructions';
import { MOUNT_KEYS, MOUNT_TYPES, mountKey, mountType } from './docs/mounts';
import { FORBIDDEN_ONBUILD_TRIGGERS, HEALTHCHECK_TYPES, STOP_SIGNALS } from './docs/signals';
import { instructionAt, listItems } from './locate';
import type { DockerfileModel, Flag, Instruction } from './model';
import { variablesInScope } from './scope';

export interface CompletionContext {
  /** Images of the local engine (empty without an engine). */
  images: readonly LocalImage[];
}

const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64', 'windows/amd64'];
const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function completeDockerfile(model: DockerfileModel, position: Position, context: CompletionContext): CompletionItem[] {
  const line = model.lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const located = instructionAt(model, position);
  if (!located) {
    if (/^\s*#/.test(before)) return inDirectiveArea(model, position.line) ? completeDirective(before) : [];
    if (continuesPreviousLine(model, position.line)) return [];
    return /^\s*[A-Za-z]*$/.test(before) ? keywords(before.trim(), false) : [];
  }
  if (located.heredoc) return [];
  const { instruction, top } = located;
  const keyword = instruction.keyword.range;
  if (position.line === keyword.start.line && position.character >= keyword.start.character && position.character <= keyword.end.character) {
    return keywords(before.slice(keyword.start.character), instruction !== top);
  }
  if (instruction.name === 'ONBUILD' && !instruction.trigger && /ONBUILD\s+[A-Za-z]*$/i.test(before)) {
    return keywords(/([A-Za-z]*)$/.exec(before)![1], true);
  }
  return completeArguments(model, instruction, position, before, context);
}

function completeArguments(model: DockerfileModel, instruction: Instruction, position: Position, before: string, context: CompletionContext): CompletionItem[] {
  const word = /\S*$/.exec(before)![0];
  const variable = /\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(word);
  if (variable) return variables(model, instruction);
  const flag = instruction.flags.find((f) => f.range.start.line === position.line && f.range.start.character <= position.character - word.length && f.range.end.character >= position.character);
  const beforeArgs = !instruction.args.some((a) => a.range.start.line < position.line || (a.range.start.line === position.line && a.range.end.character < position.character - word.length));
  if (word.startsWith('-') && !word.includes('=') && beforeArgs) return flags(instruction, word);
  const valued = /^--([A-Za-z-]+)=(.*)$/.exec(word);
  if (valued) return flagValues(model, instruction, valued[1], valued[2], flag, context);
  const argIndex = instruction.args.filter((a) => a.range.end.line < position.line || (a.range.end.line === position.line && a.range.end.character < position.character - word.length)).length;
  switch (instruction.name) {
    case 'FROM':
      if (argIndex === 0) return images(model, instruction, context, true);
      if (argIndex === 1) return [{ label: 'AS', kind: CompletionItemKind.Keyword, detail: 'Names this stage', insertText: 'AS ${1:name}', insertTextFormat: InsertTextFormat.Snippet }];
      return [];
    case 'HEALTHCHECK':
      return argIndex === 0 ? HEALTHCHECK_TYPES.map((t) => ({ label: t, kind: CompletionItemKind.Keyword, detail: t === 'CMD' ? 'The command that checks the container' : 'Turns off a check inherited from the base image' })) : [];
    case 'STOPSIGNAL':
      return argIndex === 0 ? STOP_SIGNALS.filter((s) => !s.aliasOf && !/^SIGRTM/.test(s.name)).map((s) => ({ label: s.name, kind: CompletionItemKind.EnumMember, detail: s.description })) : [];
    default:
      return [];
  }
}

function keywords(typed: string, onbuildTrigger: boolean): CompletionItem[] {
  const lower = typed.length > 0 && typed === typed.toLowerCase();
  return INSTRUCTIONS.filter((doc) => !onbuildTrigger || !FORBIDDEN_ONBUILD_TRIGGERS.includes(doc.name as never)).map((doc, index) => {
    const keyword = lower ? doc.name.toLowerCase() : doc.name;
    return {
      label: keyword,
      kind: CompletionItemKind.Keyword,
      detail: doc.summary,
      documentation: { kind: MarkupKind.Markdown, value: `${doc.summary}\n\n\`\`\`dockerfile\n${doc.example}\n\`\`\`\n\n[Dockerfile reference](${referenceLink(doc.name)})` },
      insertText: `${keyword} ${doc.snippet}`,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: String(index).padStart(2, '0'),
      tags: doc.deprecated ? [CompletionItemTag.Deprecated] : undefined,
    };
  });
}

/** True on a line that the previous instruction continues into (it ends with the escape character). */
function continuesPreviousLine(model: DockerfileModel, line: number): boolean {
  for (let i = line - 1; i >= 0; i--) {
    const previous = (model.lines[i] ?? '').trimEnd();
    // Comment and empty lines inside a continuation do not end it.
    if (previous.trim() === '' || /^\s*#/.test(previous)) continue;
    return previous.endsWith(model.escape);
  }
  return false;
}

/** Directives are only read above the first instruction, in an unbroken run of comment lines. */
function inDirectiveArea(model: DockerfileModel, line: number): boolean {
  for (let i = 0; i < line; i++) if (!/^\s*#/.test(model.lines[i] ?? '')) return false;
  return true;
}

function completeDirective(before: string): CompletionItem[] {
  const value = /^\s*#\s*([a-zA-Z]+)\s*=\s*(.*)$/.exec(before);
  if (!value) {
    return DIRECTIVES.map((d) => ({ label: d.name, kind: CompletionItemKind.Property, detail: d.summary, insertText: `${d.name}=`, command: RETRIGGER, documentation: md(`${d.description}\n\n[Reference](${d.link})`) }));
  }
  const name = value[1].toLowerCase();
  if (name === 'syntax') return ['docker/dockerfile:1', 'docker/dockerfile:1-labs'].map((v) => ({ label: v, kind: CompletionItemKind.Value }));
  if (name === 'escape') return ['\\', '`'].map((v) => ({ label: v, kind: CompletionItemKind.Value }));
  if (name !== 'check') return [];
  const skip = /(^|;)\s*skip=([^;]*)$/.exec(value[2]);
  if (skip) return CHECK_RULES.map((r) => ({ label: r.name, kind: CompletionItemKind.EnumMember, detail: r.summary, documentation: md(`[${r.name}](${r.url})`) }));
  return ['skip=', 'error=true', 'experimental='].map((v) => ({ label: v, kind: CompletionItemKind.Property }));
}

function flags(instruction: Instruction, word: string): CompletionItem[] {
  const used = new Set(instruction.flags.filter((f) => `--${f.name}` !== word).map((f) => f.name));
  return flagsOf(instruction.name)
    .filter((f) => f.repeatable || !used.has(f.name))
    .map((f) => {
      const takesValue = !(f.kind === 'boolean' && f.valueOptional);
      return {
        label: `--${f.name}`,
        kind: CompletionItemKind.Property,
        detail: f.summary,
        documentation: md(`${f.description}\n\n\`\`\`dockerfile\n${f.example}\n\`\`\`\n\n[Reference](${f.link})`),
        insertText: takesValue ? `--${f.name}=` : `--${f.name}`,
        command: takesValue ? RETRIGGER : undefined,
        filterText: `--${f.name}`,
      };
    });
}

function flagValues(model: DockerfileModel, instruction: Instruction, name: string, typed: string, flag: Flag | undefined, context: CompletionContext): CompletionItem[] {
  const doc = flagDoc(instruction.name, name);
  if (!doc) return [];
  switch (doc.kind) {
    case 'enum':
    case 'boolean':
      return (doc.values ?? ['true', 'false']).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail: doc.default === v ? 'default' : undefined }));
    case 'platform':
      return [...PLATFORMS, '$BUILDPLATFORM', '$TARGETPLATFORM'].map((p) => ({ label: p, kind: CompletionItemKind.Value }));
    case 'stage-or-image':
      return images(model, instruction, context, false);
    case 'mount':
      return mountOptions(model, instruction, typed, flag, context);
    default:
      return [];
  }
}

function mountOptions(model: DockerfileModel, instruction: Instruction, typed: string, flag: Flag | undefined, context: CompletionContext): CompletionItem[] {
  const parts = typed.split(',');
  const current = parts[parts.length - 1];
  const items = flag ? listItems(flag) : [];
  const type = items.find((i) => i.key.value === 'type')?.value?.value ?? parts.find((p) => p.startsWith('type='))?.slice(5) ?? 'bind';
  const equals = current.indexOf('=');
  if (equals >= 0) {
    const key = current.slice(0, equals);
    if (key === 'type') return MOUNT_TYPES.map((t) => ({ label: t.name, kind: CompletionItemKind.EnumMember, detail: t.summary, documentation: md(`${t.description}\n\n\`\`\`dockerfile\n${t.example}\n\`\`\`\n\n[Reference](${t.link})`) }));
    const resolved = mountKey(type, key);
    if (!resolved) return [];
    if (resolved.kind === 'stage-or-image') return images(model, instruction, context, false);
    const values = resolved.values ?? (resolved.kind === 'boolean' ? ['true', 'false'] : []);
    return values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail: resolved.default === v ? 'default' : undefined }));
  }
  const used = new Set(parts.slice(0, -1).map((p) => p.split('=')[0]));
  const typeDoc = mountType(type);
  if (!typeDoc) return [];
  return typeDoc.keys
    .filter((k) => !used.has(k.key))
    .map((k) => {
      const doc = MOUNT_KEYS[k.key];
      const bare = doc?.valueOptional;
      return {
        label: k.key,
        kind: CompletionItemKind.Property,
        detail: doc?.summary,
        documentation: doc ? md(`${doc.description}${k.note ? `\n\n${k.note}` : ''}${k.default ? `\n\nDefault for ${type}: \`${k.default}\`` : ''}`) : undefined,
        insertText: bare ? k.key : `${k.key}=`,
        command: bare ? undefined : RETRIGGER,
      };
    });
}

/** Stage names defined before the instruction, then the local engine's images (FROM also gets `scratch`). */
function images(model: DockerfileModel, instruction: Instruction, context: CompletionContext, isFrom: boolean): CompletionItem[] {
  const line = instruction.range.start.line;
  const stages: CompletionItem[] = model.stages
    // A stage cannot copy from itself (nor be its own base).
    .filter((s) => s.name && s.from.range.start.line < line && s.index !== instruction.stage)
    .map((s) => ({ label: s.name!.value, kind: CompletionItemKind.Reference, detail: `stage ${s.index}: FROM ${s.image?.value ?? ''}`, sortText: `0${s.name!.value}` }));
  const tags = new Set(context.images.flatMap((i) => i.repoTags));
  const local: CompletionItem[] = [...tags].sort().map((tag) => ({ label: tag, kind: CompletionItemKind.Module, detail: 'local image', sortText: `1${tag}` }));
  const scratch: CompletionItem[] = isFrom ? [{ label: 'scratch', kind: CompletionItemKind.Keyword, detail: 'An empty base image', sortText: '2scratch' }] : [];
  return [...stages, ...local, ...scratch];
}

function variables(model: DockerfileModel, instruction: Instruction): CompletionItem[] {
  return [...variablesInScope(model, instruction).values()].map((v) => ({
    label: v.name,
    kind: CompletionItemKind.Variable,
    detail: v.value !== undefined ? `${v.kind} ${v.name}=${v.value}` : v.predefined ? `${v.kind} ${v.name} (set by the builder, e.g. ${v.predefined.example})` : `${v.kind} ${v.name}`,
    sortText: `${v.kind === 'predefined' ? 1 : 0}${v.name}`,
  }));
}

function md(value: string) {
  return { kind: MarkupKind.Markdown, value };
}
