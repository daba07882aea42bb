// The parsed form of a Dockerfile that every provider (diagnostics, completion, hover, symbols ...) reads.
// Produced by parser.ts, once per document version. All positions are LSP positions: 0-based line, and
// character = UTF-16 code unit offset in that line, exactly as VS Code counts them.
import type { Range } from 'vscode-languageserver-types';

export type { Position, Range } from 'vscode-languageserver-types';

/** A parser directive at the top of the file: `# syntax=...`, `# escape=...`, `# check=...`. */
export interface Directive {
  /** Lower-cased name: syntax, escape, check. */
  name: string;
  value: string;
  /** The whole comment line. */
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

/** A piece of text of the file, after continuations were joined, with where it came from. */
export interface Token {
  /** The text as written, minus line continuations (escape + newline) and comment lines inside them. */
  value: string;
  /** From the first to the last character of the token in the file (may span lines). */
  range: Range;
}

/** `--name=value`, `--name value` is NOT a flag form BuildKit accepts; `--name` alone is a flag without value. */
export interface Flag {
  /** Without the leading dashes, as written (BuildKit flags are case-sensitive). */
  name: string;
  /** undefined when there is no `=`; "" for `--name=`. */
  value?: string;
  range: Range;
  nameRange: Range;
  valueRange?: Range;
}

/** The body of a heredoc (`<<EOF` ... `EOF`). Its lines are not instructions. */
export interface Heredoc {
  /** The delimiter word, without quotes. */
  delimiter: string;
  /** `<<-EOF`: leading tabs are stripped from the body. */
  stripTabs: boolean;
  /** `<<"EOF"` or `<<'EOF'`: no variable expansion in the body. */
  quoted: boolean;
  /** The `<<EOF` word in the instruction line. */
  openerRange: Range;
  /** The lines between the opener line and the closing delimiter. */
  bodyRange: Range;
  body: string;
  /** The closing delimiter line; undefined when the file ends first (unterminated). */
  closerRange?: Range;
}

/** A `$NAME` or `${NAME...}` reference inside an argument. */
export interface VariableReference {
  name: string;
  /** The whole reference, `$` to `}`. */
  range: Range;
  nameRange: Range;
  /** For `${NAME:-word}` and the like: the operator (`:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/`, `//`). */
  modifier?: string;
  /** The word after the operator, as written. */
  word?: string;
  /** true for `${...}`. */
  braced: boolean;
}

/** `NAME=value` (or the legacy `NAME value` form of ENV/LABEL, or a bare `NAME` in ARG). */
export interface KeyValue {
  key: Token;
  /** undefined for a bare ARG name. Quotes are kept in value.value; unquoted() removes them. */
  value?: Token;
  /** true for the legacy space-separated form `ENV NAME value`. */
  legacy: boolean;
}

export interface Instruction {
  /** Upper-cased keyword, e.g. "RUN" (also for unknown words, e.g. "RUNN"). */
  name: string;
  /** The keyword as written (for casing checks). */
  keyword: Token;
  /** From the keyword to the end of the last continuation line or heredoc. */
  range: Range;
  /** Flags (`--x=y`) directly after the keyword, in order. */
  flags: Flag[];
  /** All the text after the keyword and flags, continuations joined; undefined when there is none. */
  argsText?: Token;
  /** argsText split into words the way the shell form is split for most instructions (quotes respected). */
  args: Token[];
  /** Set when the arguments are a valid JSON array of strings (exec form). */
  json?: Token[];
  /** The arguments start with `[` but are not a valid JSON string array: Docker falls back to shell form. */
  jsonMalformed: boolean;
  /** For ARG, ENV, LABEL: the declared pairs. Empty for other instructions. */
  pairs: KeyValue[];
  heredocs: Heredoc[];
  /** Every variable reference in the arguments (not in heredoc bodies). */
  variables: VariableReference[];
  /** For ONBUILD: the trigger instruction, parsed like a top-level one. */
  trigger?: Instruction;
  /** Lines between `range.start.line` and `range.end.line` that are comments or empty inside a continuation. */
  innerCommentLines: number[];
  /** Index of the stage it belongs to (-1 before the first FROM). */
  stage: number;
}

export interface Stage {
  index: number;
  /** The FROM instruction that starts the stage. */
  from: Instruction;
  /** The base image word (may contain variables, or name an earlier stage). */
  image?: Token;
  /** The `AS name` part. */
  name?: Token;
  /** The `AS` keyword as written. */
  asKeyword?: Token;
  /** Instructions of the stage after FROM. */
  instructions: Instruction[];
  /** From FROM to the end of the stage's last instruction. */
  range: Range;
}

export interface Comment {
  text: string;
  range: Range;
}

export interface DockerfileModel {
  directives: Directive[];
  /** The escape character in force: "\\" or "`". */
  escape: string;
  /** Every instruction, top level, in file order (ONBUILD triggers only inside their ONBUILD). */
  instructions: Instruction[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
  /** Comment lines that are not directives, in file order. */
  comments: Comment[];
  /** The document split into lines, without line terminators. */
  lines: string[];
}
