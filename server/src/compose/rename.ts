// Compose rename of services, volumes, networks, secrets, configs and anchors across the files of a project.
// Pure: it reads the occurrence index of each model (occurrences.ts) and the project's files
// (occurrencesProject.ts), and edits exactly the characters of the name in each occurrence, so every quote,
// `:ro`, `service:` prefix or `:alias` stays as written. It refuses, with a reason, a name Compose (or YAML)
// would reject or read differently, a name already used by another entry of the same kind, and what cannot
// be renamed (see renameRefusals.ts).
import { parse } from 'yaml';
import { TextEdit, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import { isRefusal, type Refusal } from '../service/LanguageService';
import { namedVolumeSource } from './checks/refs';
import { RESOURCE_NAME_PATTERN } from './schema';
import { scalarText, type NameKind } from './model';
import { unboundAliasKey } from './occurrences';
import { foundRange, nameOccurrences, projectView, symbolAt, symbolOccurrences, type Found, type ProjectSymbol, type ProjectView } from './occurrencesProject';
import type { ComposeProject } from './project';
import { explainNothing, quoted, SINGULAR, symbolRefusal, where } from './renameRefusals';

const NAME = new RegExp(RESOURCE_NAME_PATTERN);

interface Prepared {
  range: Range;
  placeholder: string;
  symbol: ProjectSymbol;
  found: Found[];
}

/** The name's range and current text, a refusal saying why it cannot be renamed, or null where nothing can. */
export function prepareRename(project: ComposeProject, position: Position): { range: Range; placeholder: string } | Refusal | null {
  const prepared = prepare(projectView(project), position);
  return prepared && !isRefusal(prepared) ? { range: prepared.range, placeholder: prepared.placeholder } : prepared;
}

function prepare(view: ProjectView, position: Position): Prepared | Refusal | null {
  const at = symbolAt(view, position);
  if (!at) return explainNothing(view.current.model, position);
  const found = symbolOccurrences(view, at.symbol);
  const refusal = symbolRefusal(view, at.occurrence, at.symbol, found);
  if (refusal) return refusal;
  return { range: foundRange({ file: view.current, occurrence: at.occurrence }), placeholder: at.occurrence.name, symbol: at.symbol, found };
}

export function rename(project: ComposeProject, position: Position, newName: string): WorkspaceEdit | Refusal {
  const view = projectView(project);
  const prepared = prepare(view, position);
  if (!prepared) return { refused: 'You cannot rename this element.' };
  if (isRefusal(prepared)) return prepared;
  const name = typeof newName === 'string' ? newName : '';
  const problem = prepared.symbol.kind === 'anchor' ? anchorNameProblem(view, prepared, name) : nameProblem(view, prepared, name);
  if (problem) return { refused: problem };
  const changes: Record<string, TextEdit[]> = {};
  const ends = new Map<string, number>();
  for (const found of prepared.found) {
    const { file, occurrence } = found;
    const edits = (changes[file.uri] ??= []);
    const end = ends.get(file.uri) ?? -1;
    if (occurrence.start < end) return { refused: 'The occurrences of this name overlap; rename it by hand.' };
    ends.set(file.uri, occurrence.end);
    edits.push(TextEdit.replace(foundRange(found), name));
  }
  return { changes };
}

/** Why `name` cannot replace the name of a service, volume, network, secret or config; undefined when it can. */
function nameProblem(view: ProjectView, prepared: Prepared, name: string): string | undefined {
  const { symbol, found } = prepared;
  const kind = symbol.kind as NameKind;
  const what = SINGULAR[kind];
  if (name.length === 0) return `A ${what} name cannot be empty.`;
  if (!NAME.test(name)) return `${quoted(name)} is not a valid ${what} name: Compose accepts only letters, digits, ".", "_" and "-".`;
  // compose-go reads `x-` entries of services as services, and those of the other sections as extension fields.
  if (name.startsWith('x-') && kind !== 'services') return `${quoted(name)} starts with "x-", which Compose reads as an extension field, not as a ${what}.`;
  if (name === symbol.name) return undefined;
  if (kind === 'networks' && name === 'default') return 'The network "default" is the one Compose creates for every project; choose another name.';
  const plain = found.find((f) => f.occurrence.plain);
  const type = plain ? yamlType(name) : 'string';
  if (plain && type !== 'string') {
    return `${quoted(name)} would be read as ${type} where the name is written without quotes (${where(view, plain.file, plain.occurrence)}); choose another name.`;
  }
  for (const { file, occurrence } of found) {
    if (occurrence.via !== 'volumes' || !occurrence.partial) continue;
    const spec = scalarText(occurrence.node) ?? '';
    const renamed = name + spec.slice(occurrence.name.length);
    if (spec.startsWith(occurrence.name) && namedVolumeSource(renamed) !== name) {
      return `${quoted(name)} would be read as a host path in the short volume syntax (${quoted(renamed)}, ${where(view, file, occurrence)}); choose another name.`;
    }
  }
  const taken = nameOccurrences(view, kind, name, symbol.namespace);
  const declared = taken.find((f) => f.occurrence.declaration);
  if (declared) return `A ${what} named ${quoted(name)} already exists (${where(view, declared.file, declared.occurrence)}); ${what} names must be unique.`;
  if (taken.length > 0) {
    return `${quoted(name)} is already used as a ${what} name (${where(view, taken[0].file, taken[0].occurrence)}) though nothing declares it; renaming would merge the two.`;
  }
  return undefined;
}

/** What YAML reads a plain scalar as: 'string', or 'a number' / 'a boolean' / 'null' / 'a list' ... */
function yamlType(text: string): string {
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return 'something else than a name';
  }
  if (typeof value === 'string') {
    // compose-go's go-yaml also reads YAML 1.1's numbers (`1_000`, `0b101`) and dates (`2024-01-01`) in plain text.
    const older: unknown = parse(text, { version: '1.1' });
    if (typeof older === 'number') return 'a number';
    return older instanceof Date ? 'a date' : 'string';
  }
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return Array.isArray(value) ? 'a list' : 'something else than a name';
}

/** YAML anchor names: any printable characters but spaces and the flow indicators `,[]{}`. */
const ANCHOR_NAME = /^[^\s,[\]{}\u0000-\u001f\u007f]+$/u;

function anchorNameProblem(view: ProjectView, prepared: Prepared, name: string): string | undefined {
  if (name.length === 0) return 'An anchor name cannot be empty.';
  if (!ANCHOR_NAME.test(name)) return `${quoted(name)} is not a valid anchor name: it cannot contain spaces or any of , [ ] { }.`;
  if (name === prepared.symbol.name) return undefined;
  const model = view.current.model;
  const other = model.anchors.get(name)?.[0];
  if (other) {
    const line = model.positionAt(other.offset).line + 1;
    return `There is already an anchor &${name} (its node starts on line ${line}); the aliases of the two would get mixed up.`;
  }
  const alias = view.current.index.byKey.get(unboundAliasKey(name))?.[0];
  if (alias) return `The alias *${name} on line ${model.positionAt(alias.start).line + 1} names no anchor yet; after this rename it would name this one.`;
  return undefined;
}
