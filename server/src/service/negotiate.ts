// What the client can show, read from its capabilities once, and the conversions that turn the services' rich
// answers into plainer ones for clients that lack a feature (Neovim, Helix, Emacs, ... or a bare client):
// flat symbols, commands instead of code-action literals, plain text instead of markdown and snippets. Pure.
import {
  InsertTextFormat,
  MarkupKind,
  type CodeAction,
  type Command,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
  type SignatureHelp,
  type SignatureInformation,
  type SymbolInformation,
} from 'vscode-languageserver-types';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';

export interface ClientFeatures {
  hierarchicalSymbols: boolean;
  codeActionLiterals: boolean;
  snippets: boolean;
  completionMarkdown: boolean;
  hoverMarkdown: boolean;
  signatureMarkdown: boolean;
  /** Parameter labels as [start, end] offsets into the signature's label (else as the label's text). */
  signatureLabelOffsets: boolean;
  /** A signature may name its own active parameter (else only the answer's `activeParameter` counts). */
  signatureActiveParameter: boolean;
  prepareRename: boolean;
  /** The client applies edits the server sends (workspace/applyEdit): what the commands of fixes need. */
  applyEdit: boolean;
}

export function clientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const text = capabilities.textDocument ?? {};
  const markdown = (formats: MarkupKind[] | undefined) => !!formats?.includes(MarkupKind.Markdown);
  return {
    hierarchicalSymbols: !!text.documentSymbol?.hierarchicalDocumentSymbolSupport,
    codeActionLiterals: !!text.codeAction?.codeActionLiteralSupport,
    snippets: !!text.completion?.completionItem?.snippetSupport,
    completionMarkdown: markdown(text.completion?.completionItem?.documentationFormat),
    hoverMarkdown: markdown(text.hover?.contentFormat),
    signatureMarkdown: markdown(text.signatureHelp?.signatureInformation?.documentationFormat),
    signatureLabelOffsets: !!text.signatureHelp?.signatureInformation?.parameterInformation?.labelOffsetSupport,
    signatureActiveParameter: !!text.signatureHelp?.signatureInformation?.activeParameterSupport,
    prepareRename: !!text.rename?.prepareSupport,
    applyEdit: !!capabilities.workspace?.applyEdit,
  };
}

/** The command a client without code-action literals runs for a fix: the server applies the edit it carries. */
export const APPLY_EDIT_COMMAND = 'dockerWorkflows.server.applyEdit';

/** Code actions as commands (title + APPLY_EDIT_COMMAND with the action's edit); actions without an edit keep their command. */
export function actionsAsCommands(actions: readonly CodeAction[]): Command[] {
  return actions.flatMap((action): Command[] => {
    if (action.edit) return [{ title: action.title, command: APPLY_EDIT_COMMAND, arguments: [action.edit] }];
    return action.command ? [action.command] : [];
  });
}

/** Hierarchical symbols flattened in document order, each child naming its parent in containerName. */
export function flattenSymbols(symbols: readonly DocumentSymbol[], uri: string): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  const visit = (symbol: DocumentSymbol, container?: string) => {
    const information: SymbolInformation = { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range } };
    if (container !== undefined) information.containerName = container;
    if (symbol.tags) information.tags = symbol.tags;
    flat.push(information);
    for (const child of symbol.children ?? []) visit(child, symbol.name);
  };
  for (const symbol of symbols) visit(symbol);
  return flat;
}

/**
 * A snippet's text as plain text: placeholders keep their default (the first choice), tab stops vanish. A last
 * line that a tab indents and that holds nothing but an item marker (`key:` then `\t- $0`) goes too: a snippet's
 * tab is one level deeper than the line it starts on, which plain text cannot say (a tab there would be a literal
 * tab, which YAML refuses as indentation), and the editor indents the next line itself.
 */
export function snippetToPlain(snippet: string): string {
  const plain = snippetText(snippet);
  return plain.replace(/\r?\n\t[\t ]*(?:- ?)?$/, '');
}

function snippetText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\|,'.includes(snippet[i + 1])) {
      out += snippet[++i];
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (c === '$' && snippet[i + 1] === '{') {
      const parsed = placeholder(snippet, i + 2);
      out += parsed.text;
      i = parsed.end;
    } else {
      out += c;
    }
  }
  return out;
}

/** `${1:default}`, `${1|a,b|}`, `${1}` or `${NAME:default}` from after `${`: its plain text and the index of its `}`. */
function placeholder(snippet: string, from: number): { text: string; end: number } {
  let i = from;
  while (i < snippet.length && /[\w]/.test(snippet[i])) i++;
  if (snippet[i] === '}') return { text: '', end: i };
  if (snippet[i] === '|') {
    let choice = '';
    let first = true;
    for (i++; i < snippet.length && snippet[i] !== '|'; i++) {
      if (snippet[i] === '\\' && i + 1 < snippet.length) choice += first ? snippet[++i] : (i++, '');
      else if (snippet[i] === ',') first = false;
      else if (first) choice += snippet[i];
    }
    // Skip "|}".
    return { text: choice, end: Math.min(snippet.length - 1, i + 1) };
  }
  if (snippet[i] !== ':') return { text: '', end: i };
  let text = '';
  let depth = 0;
  for (i++; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) text += snippet[++i];
    else if (c === '$' && snippet[i + 1] === '{') {
      const inner = placeholder(snippet, i + 2);
      text += inner.text;
      i = inner.end;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (c === '}' && depth === 0) return { text, end: i };
    else text += c;
  }
  return { text, end: snippet.length - 1 };
}

/** Markdown as readable plain text: no emphasis or code marks, links as "text (url)", fences dropped. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*\n?/gm, '')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, label: string, url: string) => (label ? `${label} (${url})` : url))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\|(?:\s*-+\s*\|)+\s*$\n?/gm, '')
    .replace(/^\|\s*\|\s*\|\s*$\n?/gm, '');
}

function plainMarkup(content: MarkupContent): MarkupContent {
  return content.kind === MarkupKind.Markdown ? { kind: MarkupKind.PlainText, value: markdownToPlain(content.value) } : content;
}

/** Completion items for a client without snippets and/or markdown documentation. */
export function adaptCompletion(items: CompletionItem[], features: ClientFeatures): CompletionItem[] {
  if (features.snippets && features.completionMarkdown) return items;
  return items.map((item) => {
    const adapted: CompletionItem = { ...item };
    if (!features.snippets && item.insertTextFormat === InsertTextFormat.Snippet) {
      adapted.insertTextFormat = InsertTextFormat.PlainText;
      if (adapted.insertText !== undefined) adapted.insertText = snippetToPlain(adapted.insertText);
      if (adapted.textEdit) adapted.textEdit = { ...adapted.textEdit, newText: snippetToPlain(adapted.textEdit.newText) };
    }
    if (!features.completionMarkdown && typeof item.documentation === 'object') adapted.documentation = plainMarkup(item.documentation);
    return adapted;
  });
}

/** A hover for a client that shows only plain text. */
export function adaptHover(hover: Hover | null, features: ClientFeatures): Hover | null {
  if (!hover || features.hoverMarkdown) return hover;
  const contents = hover.contents;
  if (typeof contents === 'object' && 'kind' in contents) return { ...hover, contents: plainMarkup(contents) };
  return hover;
}

/**
 * Signature help for a plainer client: plain text documentation, parameter labels as text instead of offsets, and
 * the active parameter on the answer instead of on each signature, when the client does not take those.
 */
export function adaptSignatureHelp(help: SignatureHelp | null, features: ClientFeatures): SignatureHelp | null {
  if (!help || (features.signatureMarkdown && features.signatureLabelOffsets && features.signatureActiveParameter)) return help;
  const plain = <T extends { documentation?: string | MarkupContent }>(item: T): T =>
    !features.signatureMarkdown && typeof item.documentation === 'object' ? { ...item, documentation: plainMarkup(item.documentation) } : item;
  const adapted: SignatureHelp = { ...help };
  adapted.signatures = help.signatures.map((signature, index) => {
    const out: SignatureInformation = { ...plain(signature) };
    if (signature.parameters) {
      out.parameters = signature.parameters.map((parameter) => {
        const label = parameter.label;
        return typeof label === 'string' || features.signatureLabelOffsets ? plain(parameter) : { ...plain(parameter), label: signature.label.slice(label[0], label[1]) };
      });
    }
    if (!features.signatureActiveParameter && out.activeParameter !== undefined) {
      if (index === (help.activeSignature ?? 0)) adapted.activeParameter = out.activeParameter;
      delete out.activeParameter;
    }
    return out;
  });
  return adapted;
}
