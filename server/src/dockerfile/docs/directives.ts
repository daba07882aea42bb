// Parser directives (`# name=value` lines at the very top of a Dockerfile), in our own words from the facts
// of the Dockerfile reference and of the build checks guide.
import { reference } from './common';

export type DirectiveName = 'syntax' | 'escape' | 'check';

export interface DirectiveDoc {
  name: DirectiveName;
  summary: string;
  description: string;
  /** Values to offer on completion (not the only valid ones for `syntax` and `check`). */
  values: readonly string[];
  /** What applies when the directive is absent. */
  default: string;
  /** The Dockerfile syntax version that introduced it, when it is not as old as the format. */
  since?: string;
  example: string;
  link: string;
}

/** How directives are recognised, for hover on any directive and for checks on misplaced ones. */
export const DIRECTIVE_RULES =
  'A parser directive is a comment of the form `# name=value` that changes how the rest of the file is read. ' +
  'Directives are only recognised at the very top of the file: once a regular comment, an empty line or an instruction ' +
  'has been seen, later `# name=value` lines are plain comments. Each directive may appear once, cannot be continued ' +
  'onto another line, and unknown names are treated as comments. Names are case-insensitive (lower case by convention); ' +
  'values are case-sensitive. Whitespace around the name, the `=` and the value is allowed.';

export const DIRECTIVES: readonly DirectiveDoc[] = [
  {
    name: 'syntax',
    summary: 'Picks the Dockerfile frontend (syntax version) that builds this file.',
    description: 'The value is the image of a Dockerfile frontend. BuildKit pulls it before the build, so new Dockerfile features can be used without upgrading Docker or BuildKit; without it, the frontend bundled with the builder is used. `docker/dockerfile:1` follows the latest stable 1.x release, a version such as `docker/dockerfile:1.9` pins one, and the `-labs` tags add features that are not stable yet.',
    values: ['docker/dockerfile:1', 'docker/dockerfile:1-labs', 'docker/dockerfile-upstream:master', 'docker/dockerfile-upstream:master-labs'],
    default: 'the frontend bundled with the builder',
    example: '# syntax=docker/dockerfile:1',
    link: reference('syntax'),
  },
  {
    name: 'escape',
    summary: 'Sets the escape character: backslash (default) or backtick.',
    description: 'The escape character escapes characters within a line and, at the end of a line, continues the instruction on the next one. Only `\\` and `` ` `` are accepted. A backtick suits Windows images, where `\\` separates path components. Inside RUN commands nothing is escaped by the builder except the line continuation.',
    values: ['\\', '`'],
    default: '\\',
    example: '# escape=`',
    link: reference('escape'),
  },
  {
    name: 'check',
    summary: 'Configures build checks: which to skip, whether they fail the build, which experimental ones to run.',
    description: 'Options are `skip=` (check names separated by commas, or `all`), `error=true|false` (fail the build when a check reports something), and `experimental=` (experimental checks to turn on, or `all`); join several options with `;`. Check names are case-sensitive, e.g. `JSONArgsRecommended`. Pin the `syntax` when using `error=true`, or a newer frontend with new checks may start failing the build. The `BUILDKIT_DOCKERFILE_CHECK` build argument takes the same value. The same comment placed above an instruction (after the directives at the top) applies to that instruction only, on top of the file\'s setting: `# check=skip=SecretsUsedInArgOrEnv` right above one ARG. The comment lines between the previous instruction and this one count (blank lines do not separate them, an empty `#` line does), the first `check=` among them wins, and its value ends at the first space.',
    values: ['skip=all', 'error=true', 'experimental=all'],
    default: 'all stable checks run, and only warn',
    since: '1.8',
    example: '# check=skip=StageNameCasing,FromAsCasing;error=true',
    link: reference('check'),
  },
];

export interface CheckOptionDoc {
  name: 'skip' | 'error' | 'experimental';
  /** What the value is. */
  value: string;
  description: string;
  example: string;
}

export const CHECK_OPTIONS: readonly CheckOptionDoc[] = [
  {
    name: 'skip',
    value: 'check names separated by commas, or `all`',
    description: 'Turns the named checks off, or every check with `all`.',
    example: 'skip=JSONArgsRecommended,LegacyKeyValueFormat',
  },
  {
    name: 'error',
    value: '`true` or `false`',
    description: 'With `true`, a build that has check violations fails instead of only warning.',
    example: 'error=true',
  },
  {
    name: 'experimental',
    value: 'check names separated by commas, or `all`',
    description: 'Turns on experimental checks, which are off by default. It wins over `skip` for the checks it names.',
    example: 'experimental=InvalidDefinitionDescription',
  },
];

export function directiveDoc(name: string): DirectiveDoc | undefined {
  const lower = name.trim().toLowerCase();
  return DIRECTIVES.find((d) => d.name === lower);
}

/** The value of a `# check=` directive, split into its options. */
export interface CheckDirectiveValue {
  skip?: 'all' | string[];
  error?: boolean;
  experimental?: 'all' | string[];
  /** What is wrong with the value, in words; empty when it is fine. */
  problems: string[];
}

function nameList(value: string): 'all' | string[] {
  const trimmed = value.trim();
  return trimmed === 'all' ? 'all' : trimmed.split(',').map((n) => n.trim()).filter((n) => n !== '');
}

/** Splits `skip=A,B;error=true;experimental=all` into its parts; unknown options and bad booleans are reported. */
export function parseCheckDirective(value: string): CheckDirectiveValue {
  const result: CheckDirectiveValue = { problems: [] };
  for (const part of value.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      result.problems.push(`"${part.trim()}" is not of the form option=value`);
      continue;
    }
    const option = part.slice(0, eq).trim();
    const optionValue = part.slice(eq + 1).trim();
    // Booleans are read as Go reads them (strconv.ParseBool).
    if (option === 'skip') result.skip = nameList(optionValue);
    else if (option === 'experimental') result.experimental = nameList(optionValue);
    else if (option === 'error') {
      if (/^(1|t|T|TRUE|true|True)$/.test(optionValue)) result.error = true;
      else if (/^(0|f|F|FALSE|false|False)$/.test(optionValue)) result.error = false;
      else result.problems.push(`error expects true or false, not "${optionValue}"`);
    } else result.problems.push(`unknown check option "${option}" (expected skip, error or experimental)`);
  }
  return result;
}
