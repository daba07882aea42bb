// BuildKit's rules about FROM lines and stages: StageNameCasing, FromAsCasing, DuplicateStageName,
// ReservedStageName, UndefinedArgInFrom, InvalidDefaultArgInFrom, RedundantTargetPlatform and
// FromPlatformFlagConstDisallowed. Behaviour follows moby/buildkit (instructions/parse.go,
// dockerfile2llb/validations.go); the messages are our own.
import { RESERVED_STAGE_NAMES } from '../docs/signals';
import type { Flag, Instruction } from '../model';
import { expandWord } from './buildkitExpand';
import { isValidImageReference, parsePlatform } from './buildkitReference';
import { type BuildkitContext, PLATFORM_ARG_DEFAULTS, isFromWithName, suggestName } from './buildkitScope';
import type { Finding } from './types';

function warning(code: string, message: string, range: Finding['range'], fix?: Finding['fix']): Finding {
  const finding: Finding = { code, message, range, severity: 'warning' };
  if (fix) finding.fix = fix;
  return finding;
}

export function checkStages(ctx: BuildkitContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const stage of ctx.model.stages) {
    const from = stage.from;
    const keyword = from.keyword.value;
    if (isFromWithName(stage)) {
      const name = stage.name!;
      const lower = name.value.toLowerCase();
      if (name.value !== lower) {
        findings.push(warning('StageNameCasing', `Stage name '${name.value}' should be written in lower case, as '${lower}'.`, name.range,
          { title: `Change to '${lower}'`, range: name.range, newText: lower }));
      }
      if (RESERVED_STAGE_NAMES.includes(lower)) {
        findings.push(warning('ReservedStageName', `'${lower}' is reserved (it already means ${lower === 'scratch' ? 'the empty image' : 'the build context'}); give the stage another name.`, name.range));
      }
      if (seen.has(lower)) {
        findings.push(warning('DuplicateStageName', `A stage named '${lower}' is already defined above; stage names must be unique.`, name.range));
      }
      seen.add(lower);
    }
    if (stage.asKeyword && from.args.length >= 3) {
      const as = stage.asKeyword.value;
      const fromLower = keyword === keyword.toLowerCase();
      const fromUpper = keyword === keyword.toUpperCase();
      const wanted = fromLower ? as.toLowerCase() : as.toUpperCase();
      if ((fromLower || fromUpper) && as !== wanted) {
        findings.push(warning('FromAsCasing', `'${as}' does not match the case of '${keyword}'; write '${wanted}'.`, stage.asKeyword.range,
          { title: `Change to '${wanted}'`, range: stage.asKeyword.range, newText: wanted }));
      }
    }
    undefinedArgsInFrom(ctx, from, findings);
    const platform = from.flags.find((f) => f.name === 'platform');
    if (platform?.value !== undefined && platform.valueRange) platformRules(ctx, platform, stage.name && isFromWithName(stage) ? stage.name.value.toLowerCase() : '', findings);
  }
  invalidDefaultArgs(ctx, findings);
  return findings;
}

/** `$NAME` in FROM (image or --platform) that no global ARG declares and that is not an automatic platform ARG. */
function undefinedArgsInFrom(ctx: BuildkitContext, from: Instruction, findings: Finding[]): void {
  const reported = new Set<string>();
  for (const ref of from.variables) {
    const name = ref.name;
    if (ctx.globalNames.has(name) || PLATFORM_ARG_DEFAULTS.has(name) || reported.has(name)) continue;
    reported.add(name);
    const suggestion = suggestName(name, [...ctx.globalNames, ...PLATFORM_ARG_DEFAULTS.keys()]);
    const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
    findings.push(warning('UndefinedArgInFrom',
      `FROM uses $${name}, but no ARG before the first FROM declares it${hint}; it expands to an empty string.`,
      ref.nameRange, suggestion ? { title: `Change to ${suggestion}`, range: ref.nameRange, newText: suggestion } : undefined));
  }
}

function platformRules(ctx: BuildkitContext, flag: Flag, stageName: string, findings: Finding[]): void {
  const range = flag.valueRange!;
  const expanded = expandWord(flag.value!, ctx.fromLookup, ctx.model.escape);
  if (expanded.matched.size === 1 && expanded.unmatched.size === 0 && expanded.matched.has('TARGETPLATFORM') &&
      expanded.value === ctx.fromLookup('TARGETPLATFORM')) {
    findings.push(warning('RedundantTargetPlatform',
      `--platform=${flag.value} changes nothing: stages use the target platform by default.`, range,
      { title: 'Remove the --platform flag', range: flagWithSpace(ctx, flag), newText: '' }));
  }
  if (expanded.matched.size > 0 || expanded.unmatched.size > 0 || expanded.error) return;
  const platform = parsePlatform(expanded.value);
  if (!platform || stageName.includes(platform.os) || stageName.includes(platform.architecture)) return;
  findings.push(warning('FromPlatformFlagConstDisallowed',
    `--platform is fixed to "${expanded.value}", which prevents building this stage for other platforms; leave it out or use a variable such as $BUILDPLATFORM.`,
    range));
}

/** The flag and the blanks after it on the same line, for a fix that removes it. */
function flagWithSpace(ctx: BuildkitContext, flag: Flag): Finding['range'] {
  const end = flag.range.end;
  const line = ctx.model.lines[end.line] ?? '';
  let character = end.character;
  while (character < line.length && (line[character] === ' ' || line[character] === '\t')) character++;
  return { start: flag.range.start, end: { line: end.line, character } };
}

/** With only the ARG defaults (no --build-arg), every base image must still be a valid reference. */
function invalidDefaultArgs(ctx: BuildkitContext, findings: Finding[]): void {
  if (ctx.globalsFailed) return;
  for (const { stage, expansion: expanded } of ctx.bases) {
    const image = stage.image;
    if (!image || !expanded) continue;
    // BuildKit gives up on the whole check at the first expression it cannot expand.
    if (expanded.error) return;
    // A FROM without variables that is not a valid reference fails the build: that is an error of its own.
    if (!image.value.includes('$')) continue;
    if (isValidImageReference(expanded.value)) continue;
    const shown = expanded.value === '' ? 'an empty image name' : `"${expanded.value}", which is not a valid image reference`;
    findings.push(warning('InvalidDefaultArgInFrom',
      `With the default ARG values, ${image.value} gives ${shown}; give the ARG a default that works without --build-arg.`,
      image.range));
  }
}
