// Dockerfile signature help for instruction arguments and flags (HEALTHCHECK, ONBUILD, shell and exec forms ...).
// Pure. The signature texts live in docs/signatures.ts; signatureSlot.ts finds what the cursor is on.
import type { SignatureHelpContext } from 'vscode-languageserver-protocol';
import type { ParameterInformation, Position, SignatureHelp, SignatureInformation } from 'vscode-languageserver-types';
import { type ParameterRole, SIGNATURES, type SignatureDoc, type SignatureForm } from './docs/signatures';
import { instructionAt } from './locate';
import type { DockerfileModel, Instruction } from './model';
import { type Slot, after, slotAt } from './signatureSlot';

/** Instructions that ONBUILD does not accept as its trigger. */
const NOT_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export function signatureHelp(model: DockerfileModel, position: Position, context?: SignatureHelpContext): SignatureHelp | null {
  try {
    if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0) return null;
    const located = instructionAt(model, position);
    if (!located || located.heredoc) return null;
    const top = located.top;
    if (top.innerCommentLines.includes(position.line) || !after(position, top.keyword.range.end)) return null;
    if (top.name !== 'ONBUILD') return instructionHelp(model, top, top, position, context);
    const trigger = top.trigger;
    const generic = signaturesOf('ONBUILD')!;
    if (!trigger || !after(position, trigger.keyword.range.end)) return build(generic, 0, () => 0, '');
    if (NOT_TRIGGERS.has(trigger.name) || !signaturesOf(trigger.name)) return build(generic, 0, () => 1, '');
    return instructionHelp(model, trigger, top, position, context, 'ONBUILD ');
  } catch {
    return null;
  }
}

function signaturesOf(name: string): readonly SignatureDoc[] | undefined {
  return (SIGNATURES as Readonly<Record<string, readonly SignatureDoc[] | undefined>>)[name];
}

function instructionHelp(
  model: DockerfileModel,
  instruction: Instruction,
  top: Instruction,
  position: Position,
  context: SignatureHelpContext | undefined,
  prefix = '',
): SignatureHelp | null {
  const signatures = signaturesOf(instruction.name);
  if (!signatures) return null;
  const first = instruction.name === 'HEALTHCHECK' ? 1 : 0;
  const slot = slotAt(model, instruction, position, first, top.innerCommentLines);
  let active = signatures.findIndex((signature) => signature.form === formOf(instruction, slot));
  const previous = context?.isRetrigger ? context.activeSignatureHelp : undefined;
  if (undecided(instruction) && previous && sameSignatures(previous, signatures, prefix)) active = Math.min(previous.activeSignature ?? active, signatures.length - 1);
  return build(signatures, Math.max(active, 0), (signature) => parameterFor(signature, instruction, slot), prefix);
}

function build(signatures: readonly SignatureDoc[], active: number, parameter: (signature: SignatureDoc) => number, prefix: string): SignatureHelp {
  const informations = signatures.map((signature) => information(signature, parameter(signature), prefix));
  return { signatures: informations, activeSignature: active, activeParameter: informations[active].activeParameter };
}

/** The LSP form of a signature: parameters as [start, end) offsets into the label, markdown documentation. */
function information(signature: SignatureDoc, activeParameter: number, prefix: string): SignatureInformation {
  const label = prefix + signature.label;
  let from = prefix.length;
  const parameters: ParameterInformation[] = signature.parameters.map((parameter) => {
    const at = label.indexOf(parameter.label, from);
    const start = at < 0 ? from : at;
    from = start + parameter.label.length;
    return { label: [start, from], documentation: { kind: 'markdown', value: parameter.documentation } };
  });
  return { label, documentation: { kind: 'markdown', value: signature.documentation }, parameters, activeParameter };
}

function sameSignatures(previous: SignatureHelp, signatures: readonly SignatureDoc[], prefix: string): boolean {
  return previous.signatures.length === signatures.length && previous.signatures.every((s, i) => s.label === prefix + signatures[i].label);
}

// ---- which form ----

/** The instruction has no operand yet, so its text does not tell which form the user is writing. */
function undecided(instruction: Instruction): boolean {
  return instruction.args.length === 0;
}

function formOf(instruction: Instruction, slot: Slot): SignatureForm {
  const operands = instruction.args;
  const exec = operands[0]?.value.startsWith('[') ?? false;
  switch (instruction.name) {
    case 'HEALTHCHECK': {
      const keyword = operands[0]?.value.toUpperCase() ?? '';
      if (keyword !== '' && 'NONE'.startsWith(keyword)) return 'none';
      return operands[1]?.value.startsWith('[') ? 'exec' : 'shell';
    }
    case 'ENV': {
      const legacy = operands.length > 0 && !operands[0].value.includes('=') && (operands.length > 1 || (slot.kind === 'word' && slot.index > 0));
      return legacy ? 'legacy' : 'pairs';
    }
    case 'CMD':
    case 'ENTRYPOINT':
    case 'VOLUME':
      // With nothing typed yet, the JSON form comes first: BuildKit recommends it for CMD and ENTRYPOINT.
      return exec || operands.length === 0 ? 'exec' : 'shell';
    case 'RUN':
    case 'ADD':
    case 'COPY':
      return exec ? 'exec' : 'shell';
    case 'SHELL':
      return 'exec';
    case 'LABEL':
    case 'ARG':
      return 'pairs';
    default:
      return 'plain';
  }
}

// ---- which parameter ----

/** The index of the parameter the slot stands for in `signature`; parameters.length (none) when it has none. */
function parameterFor(signature: SignatureDoc, instruction: Instruction, slot: Slot): number {
  const parameters = signature.parameters;
  let index = -1;
  if (slot.kind === 'flag') {
    index = parameters.findIndex((p) => p.role === `flag:${slot.name}`);
    if (index < 0) index = parameters.findIndex((p) => p.role.startsWith(`flag:${slot.name}`));
  } else if (slot.kind !== 'none') {
    for (const role of operandRoles(instruction, signature, slot)) {
      index = parameters.findIndex((p) => p.role === role);
      if (index >= 0) break;
    }
  }
  return index < 0 ? parameters.length : index;
}

function operandRoles(instruction: Instruction, signature: SignatureDoc, slot: Exclude<Slot, { kind: 'flag' | 'none' }>): ParameterRole[] {
  const { count } = slot;
  let index = slot.index;
  // Nothing typed yet where an exec-form signature expects its `[`: the first element is next.
  const first = instruction.name === 'HEALTHCHECK' ? 1 : 0;
  const opening = slot.kind === 'word' && slot.text === '' && index === first && (signature.form === 'exec' || signature.form === 'exec-params');
  if (opening) index = 0;
  const json = slot.kind === 'json' || opening;
  const text = slot.kind === 'word' ? slot.text : '';
  const offset = slot.kind === 'word' ? slot.offset : 0;
  const separatorBefore = (separator: string) => {
    const at = text.indexOf(separator);
    return at >= 0 && offset > at;
  };
  switch (instruction.name) {
    case 'FROM':
      return [index === 0 ? 'image' : 'stage-name'];
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      return json ? (index === 0 ? ['executable', 'arg'] : ['arg']) : ['command'];
    case 'HEALTHCHECK':
      if (!json && index === 0) return ['keyword'];
      return json ? (index === 0 ? ['executable', 'arg'] : ['arg']) : ['command'];
    case 'ADD':
    case 'COPY':
      return [index >= 1 && index === count - 1 ? 'dest' : 'src'];
    case 'ENV':
      if (signature.form === 'legacy') return [index === 0 ? 'key' : 'value'];
      return [separatorBefore('=') ? 'value' : 'key'];
    case 'LABEL':
    case 'ARG':
      return [separatorBefore('=') ? 'value' : 'key'];
    case 'EXPOSE':
      return [separatorBefore('/') ? 'protocol' : 'port'];
    case 'USER':
      return [separatorBefore(':') ? 'group' : 'user'];
    case 'VOLUME':
    case 'WORKDIR':
      return ['path'];
    case 'STOPSIGNAL':
      return ['signal'];
    case 'MAINTAINER':
      return ['name'];
    default:
      return [];
  }
}
