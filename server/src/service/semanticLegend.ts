// The one semantic-token legend the server advertises (LSP allows one per server): token types and modifiers
// that every language's semanticTokens provider encodes against. Standard LSP names, so that themes colour them.
import type { SemanticTokensLegend } from 'vscode-languageserver-types';

export const TOKEN_TYPES = [
  'keyword', // instruction keywords, AS, HEALTHCHECK CMD/NONE
  'parameter', // flag names (--from, --mount)
  'property', // keys inside a flag value (type=, target=) and parser directive names
  'variable', // $VAR, ${VAR}, ARG/ENV names
  'string', // quoted strings, flag values
  'comment', // comments
  'macro', // parser directives (# syntax=, # escape=, # check=)
  'class', // stage names
  'type', // image references
  'operator', // heredoc markers (<<EOF and its terminator)
  'number', // numbers (ports, durations)
] as const;

export const TOKEN_MODIFIERS = [
  'declaration', // where a stage or variable is declared
  'readonly', // predefined build arguments
  'defaultLibrary', // predefined build arguments
] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };
