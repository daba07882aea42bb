// Dockerfile completion: pure (text, position) -> items.
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { INSTRUCTIONS, referenceLink } from './docs/instructions';

export function completeDockerfile(text: string, position: Position): CompletionItem[] {
  const lines = text.split(/\r?\n/);
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  // Only the keyword position of an instruction: nothing but an (optional) partial word before the cursor,
  // and not the continuation of the previous instruction.
  if (!/^\s*[A-Za-z]*$/.test(before) || continuesPreviousLine(lines, position.line)) return [];
  const typed = before.trim();
  const lower = typed.length > 0 && typed === typed.toLowerCase();
  return INSTRUCTIONS.map((doc, index) => {
    const keyword = lower ? doc.name.toLowerCase() : doc.name;
    return {
      label: keyword,
      kind: CompletionItemKind.Keyword,
      detail: doc.summary,
      documentation: {
        kind: MarkupKind.Markdown,
        value: `${doc.summary}\n\n\`\`\`dockerfile\n${doc.example}\n\`\`\`\n\n[Dockerfile reference](${referenceLink(doc.name)})`,
      },
      insertText: `${keyword} ${doc.snippet}`,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: String(index).padStart(2, '0'),
      tags: doc.deprecated ? [CompletionItemTag.Deprecated] : undefined,
    };
  });
}

/** True when the line is inside the previous instruction: a line ending in the escape character. */
function continuesPreviousLine(lines: string[], lineNumber: number): boolean {
  const escape = escapeCharacter(lines);
  for (let i = lineNumber - 1; i >= 0; i--) {
    const previous = lines[i].trimEnd();
    // Comment and blank lines inside a continuation do not end it.
    if (previous.trim() === '' || /^\s*#/.test(previous)) continue;
    return previous.endsWith(escape);
  }
  return false;
}

/** The escape parser directive (a backtick, on Windows images), else the backslash. */
function escapeCharacter(lines: string[]): string {
  for (const line of lines) {
    const directive = /^\s*#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) return directive[2];
  }
  return '\\';
}
