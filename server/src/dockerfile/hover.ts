// Dockerfile hover: pure (model, position, context) -> markdown. Instructions, directives, flags, --mount
// types and keys, variables (value and where defined), stage names (their FROM line), and base images
// (what the local engine knows of them).
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { LocalImage } from '../../../common/src/protocol';
import { findLocalImage, localImageMarkdown } from '../util/localImages';
import { predefinedArg } from './docs/args';
import { directiveDoc } from './docs/directives';
import { flagDoc } from './docs/flags';
import { instructionDoc, referenceLink } from './docs/instructions';
import { MOUNT_KEYS, canonicalMountKey, mountKey, mountType } from './docs/mounts';
import { contains, instructionAt, listItems, stageNamed, tokenAt } from './locate';
import type { DockerfileModel, Instruction, Range, Stage } from './model';
import { variablesInScope } from './scope';

export interface HoverContext {
  images: readonly LocalImage[];
}

export function hoverDockerfile(model: DockerfileModel, position: Position, context: HoverContext): Hover | null {
  const directive = model.directives.find((d) => contains(d.range, position));
  if (directive) {
    const doc = directiveDoc(directive.name);
    return doc ? reply(`**# ${doc.name}=**${directive.value ? ` ${code(directive.value)}` : ''}\n\n${doc.description}\n\n[Reference](${doc.link})`, directive.range) : null;
  }
  const located = instructionAt(model, position);
  if (!located || located.heredoc) return null;
  const { instruction } = located;
  if (contains(instruction.keyword.range, position)) return keywordHover(instruction);
  if (located.top !== instruction && contains(located.top.keyword.range, position)) return keywordHover(located.top);
  const variable = tokenAt(instruction.variables, position);
  if (variable) return variableHover(model, instruction, variable.name, variable.range);
  const flag = tokenAt(instruction.flags, position);
  if (flag) return flagHover(model, instruction, flag, position);
  if (instruction.name === 'FROM') return fromHover(model, instruction, position, context);
  return null;
}

function keywordHover(instruction: Instruction): Hover | null {
  const doc = instructionDoc(instruction.name);
  if (!doc) return null;
  const forms = doc.forms.map((f) => `    ${f}`).join('\n');
  return reply(`**${doc.name}**${doc.deprecated ? ' (deprecated)' : ''}\n\n${doc.description}\n\n${forms}\n\n[Dockerfile reference](${referenceLink(doc.name)})`, instruction.keyword.range);
}

function flagHover(model: DockerfileModel, instruction: Instruction, flag: Instruction['flags'][number], position: Position): Hover | null {
  const doc = flagDoc(instruction.name, flag.name);
  if (!doc) return null;
  if (flag.valueRange && contains(flag.valueRange, position)) {
    if (doc.kind === 'mount') return mountHover(model, instruction, flag, position);
    if (doc.kind === 'stage-or-image' && flag.value) return stageHover(model, instruction, flag.value, flag.valueRange);
  }
  return reply(`**--${doc.name}** (${doc.instruction})\n\n${doc.description}\n\n\`\`\`dockerfile\n${doc.example}\n\`\`\`\n\n[Reference](${doc.link})`, flag.nameRange);
}

function mountHover(model: DockerfileModel, instruction: Instruction, flag: Instruction['flags'][number], position: Position): Hover | null {
  const items = listItems(flag);
  const type = items.find((i) => i.key.value === 'type')?.value?.value ?? 'bind';
  for (const item of items) {
    if (contains(item.key.range, position)) {
      const resolved = mountKey(type, item.key.value);
      const general = MOUNT_KEYS[canonicalMountKey(item.key.value) ?? ''];
      const doc = resolved ?? general;
      if (!doc) return null;
      const extra = resolved ? `${resolved.note ? `\n\n${resolved.note}` : ''}${resolved.default ? `\n\nDefault for ${type}: \`${resolved.default}\`` : ''}` : `\n\nNot an option of ${type} mounts.`;
      return reply(`**${item.key.value}** (--mount option)\n\n${doc.description}${extra}`, item.key.range);
    }
    if (item.value && contains(item.value.range, position)) {
      if (item.key.value === 'type') {
        const doc = mountType(item.value.value);
        return doc ? reply(`**type=${doc.name}**\n\n${doc.description}\n\n\`\`\`dockerfile\n${doc.example}\n\`\`\`\n\n[Reference](${doc.link})`, item.value.range) : null;
      }
      if (item.key.value === 'from') return stageHover(model, instruction, item.value.value, item.value.range);
      return null;
    }
  }
  return null;
}

function fromHover(model: DockerfileModel, instruction: Instruction, position: Position, context: HoverContext): Hover | null {
  const stage = model.stages.find((s) => s.from === instruction);
  if (!stage) return null;
  if (stage.name && contains(stage.name.range, position)) return reply(stageText(stage), stage.name.range);
  if (!stage.image || !contains(stage.image.range, position)) return null;
  const base = stageNamed(model, stage.image.value, instruction.range.start.line);
  if (base) return reply(stageText(base), stage.image.range);
  return imageHover(stage.image.value, stage.image.range, context);
}

function stageHover(model: DockerfileModel, instruction: Instruction, name: string, range: Range): Hover | null {
  const stage = stageNamed(model, name, instruction.range.start.line);
  return stage ? reply(stageText(stage), range) : null;
}

function stageText(stage: Stage): string {
  const from = stage.from;
  const text = `FROM ${from.flags.map((f) => `--${f.name}${f.value !== undefined ? `=${f.value}` : ''} `).join('')}${from.argsText?.value ?? ''}`;
  return `**Stage ${stage.index}${stage.name ? ` \`${stage.name.value}\`` : ''}**, line ${from.range.start.line + 1}\n\n\`\`\`dockerfile\n${text}\n\`\`\``;
}

function imageHover(reference: string, range: Range, context: HoverContext): Hover | null {
  const found = findLocalImage(context.images, reference);
  return found ? reply(localImageMarkdown(found.tag, found.image), range) : null;
}

function variableHover(model: DockerfileModel, instruction: Instruction, name: string, range: Range): Hover | null {
  const declaration = variablesInScope(model, instruction).get(name);
  if (declaration?.instruction) {
    const where = `${declaration.kind} on line ${declaration.instruction.range.start.line + 1}`;
    const inherited = declaration.instruction.stage !== instruction.stage && declaration.instruction.stage >= 0 ? ` of stage ${stageLabel(model, declaration.instruction.stage)} (inherited)` : '';
    const value =
      declaration.value !== undefined
        ? code(declaration.value)
        : declaration.predefined
          ? `set by the builder (for example \`${declaration.predefined.example}\`)`
          : 'no default (set with `--build-arg`)';
    return reply(`**${name}** = ${value}\n\nDeclared by ${where}${inherited}.`, range);
  }
  const predefined = declaration?.predefined ?? predefinedArg(name);
  if (predefined) {
    const unset = declaration ? '' : `\n\nNot set here: ${predefined.scope === 'run' ? 'only RUN commands get it' : `declare \`ARG ${name}\` in this stage to read it`}.`;
    return reply(`**${name}** (predefined build argument)\n\n${predefined.description}\n\nExample: \`${predefined.example}\`${unset}\n\n[Reference](${predefined.link})`, range);
  }
  return reply(`**${name}** is not declared in this stage.`, range);
}

function stageLabel(model: DockerfileModel, index: number): string {
  const name = model.stages[index]?.name?.value;
  return name ? `\`${name}\`` : String(index);
}

/** Inline code that may itself hold backticks. */
function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function reply(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}
