// Words as a POSIX shell reads and writes them, without any expansion. Pure, no vscode.
//
// splitWords reads what a user types where several values go in one box (`A=1 "B=two words"`): blanks separate
// words; single quotes keep everything up to the next one; double quotes keep everything but `\"` and `\\`, which a
// backslash escapes; outside quotes a backslash keeps the next character. Nothing is expanded: `$HOME`, `*` and
// `$(...)` stay as they are typed. quoteWord writes a word back so that a POSIX shell reads it as exactly that word.

/** The words of `text`, or why it cannot be read (an unclosed quote, a trailing backslash). */
export function splitWords(text: string): { words: string[] } | { problem: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i];
      else word += c;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (c === "'" || c === '"') quote = c;
      else if (c === '\\') {
        if (i + 1 >= text.length) return { problem: 'A backslash at the end escapes nothing.' };
        word += text[++i];
      } else word += c;
    }
  }
  if (quote) return { problem: `A ${quote === '"' ? 'double' : 'single'} quote is not closed.` };
  if (inWord) words.push(word);
  return { words };
}

/** Characters a POSIX shell reads as themselves anywhere in a word. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** The word as a POSIX shell reads it back exactly: as it is when plain, else in single quotes. */
export function quoteWord(word: string): string {
  if (PLAIN.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line of the words, each quoted for a POSIX shell. */
export function commandLine(words: readonly string[]): string {
  return words.map(quoteWord).join(' ');
}
