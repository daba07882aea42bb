// BuildKit build check rules, in our own words from the facts of https://docs.docker.com/reference/build-checks/.
import { BUILD_CHECKS_REFERENCE, type InstructionName } from './common';

export interface CheckRuleDoc {
  /** The rule name as BuildKit reports it and as `# check=skip=` takes it (case-sensitive). */
  name: string;
  /** The last path segment of its page. */
  slug: string;
  url: string;
  /** One line. */
  summary: string;
  /** What is reported and what to write instead. */
  description: string;
  /** Experimental rules only run when turned on (`# check=experimental=<name>|all`). */
  experimental: boolean;
  enabledByDefault: boolean;
  /** Violations are warnings; `# check=error=true` turns them into a build failure. */
  defaultSeverity: 'warning';
  /** The instructions the rule looks at (none: the file as a whole). */
  instructions: readonly InstructionName[];
}

function rule(
  name: string,
  slug: string,
  instructions: readonly InstructionName[],
  summary: string,
  description: string,
  experimental = false,
): CheckRuleDoc {
  return {
    name, slug, url: `${BUILD_CHECKS_REFERENCE}${slug}/`, summary, description,
    experimental, enabledByDefault: !experimental, defaultSeverity: 'warning', instructions,
  };
}

export const CHECK_RULES: readonly CheckRuleDoc[] = [
  rule('StageNameCasing', 'stage-name-casing', ['FROM'],
    'A stage name should be written in lower case.',
    'Lower-case stage names keep them apart from the upper-case instruction keywords around them. Reported for an `AS` name that contains upper-case letters, like `AS BuildEnv`; write `AS build-env`.'),
  rule('FromAsCasing', 'from-as-casing', ['FROM'],
    'The `AS` keyword should have the same case as `FROM`.',
    'Keywords may be upper or lower case, but mixing them in one line reads badly. Reported when `FROM` and `AS` differ in case, like `FROM node as build`; write `FROM node AS build` or `from node as build`.'),
  rule('NoEmptyContinuation', 'no-empty-continuation', [],
    'An empty line inside a continued instruction will become an error.',
    'A blank line in the middle of an instruction that is continued with the escape character is accepted today but is planned to be rejected. Reported once per instruction, on the line where its continuation ends (where BuildKit reports it). Remove the blank line, or put a comment line there instead.'),
  rule('ConsistentInstructionCasing', 'consistent-instruction-casing', [],
    'All instructions of the file should use the same case.',
    'Instructions may be upper or lower case, but one Dockerfile should stick to one style. Reported for each instruction whose case differs from the case most instructions of the file use; an instruction written in mixed case (like `Run`) is also reported.'),
  rule('DuplicateStageName', 'duplicate-stage-name', ['FROM'],
    'Two stages should not have the same name.',
    'References to a stage name (`FROM`, `COPY --from`, `--mount=from=`) would be ambiguous. Give every stage a distinct name; names are compared case-insensitively.'),
  rule('ReservedStageName', 'reserved-stage-name', ['FROM'],
    'Do not name a stage `scratch` or `context`.',
    '`scratch` (the empty image) and `context` (the build context) already have a meaning where stages are referenced, so a stage with one of these names cannot be told apart from them.'),
  rule('JSONArgsRecommended', 'json-args-recommended', ['CMD', 'ENTRYPOINT'],
    'Write CMD and ENTRYPOINT in exec (JSON array) form.',
    'In shell form the command runs under `/bin/sh -c`, so the shell, not your program, is process 1 and receives the stop signal; the program may never see SIGTERM and be killed after the timeout. Use `CMD ["program", "arg"]`. When a shell is really needed, say so explicitly with a JSON array or with SHELL.'),
  rule('MaintainerDeprecated', 'maintainer-deprecated', ['MAINTAINER'],
    'MAINTAINER is deprecated; set the author with a LABEL.',
    'The MAINTAINER instruction only fills a deprecated image field. Use `LABEL org.opencontainers.image.authors="..."` instead, which tools read like any other label.'),
  rule('UndefinedArgInFrom', 'undefined-arg-in-from', ['FROM'],
    'A variable used in FROM must be an ARG declared before the first FROM.',
    'FROM can only expand global build arguments (and the automatic platform ones). Reported for a `$NAME` in FROM that no `ARG` above the first FROM declares; the message suggests a close name when the variable looks misspelled.'),
  rule('WorkdirRelativePath', 'workdir-relative-path', ['WORKDIR'],
    'Use an absolute WORKDIR before any relative one.',
    'A relative WORKDIR is resolved against the working directory of the base image, which can change when the base image does. Reported for a relative WORKDIR in a stage that has not set an absolute one yet.'),
  rule('UndefinedVar', 'undefined-var', ['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ONBUILD'],
    'A variable should be declared with ARG or ENV before it is used.',
    'Using an undeclared variable does not fail the build; it expands to an empty string, which often gives a wrong path or value. Reported for references the builder expands (not those inside RUN, which the shell expands); a close declared name is suggested for likely typos.'),
  rule('MultipleInstructionsDisallowed', 'multiple-instructions-disallowed', ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'],
    'Only one CMD, ENTRYPOINT and HEALTHCHECK per stage.',
    'An image keeps a single value of each, so earlier ones in the same stage have no effect. Reported for each one that a later one of the same kind overrides. The CMD inside a HEALTHCHECK does not count.'),
  rule('LegacyKeyValueFormat', 'legacy-key-value-format', ['ENV', 'ARG', 'LABEL'],
    'Write `KEY=value`, not the old `KEY value` form.',
    'The space-separated form sets a single variable whose value is the whole rest of the line, which is easy to misread (`ENV A B=1` sets A to "B=1"). It is deprecated; use `ENV KEY=value`, which also allows several pairs per line.'),
  rule('RedundantTargetPlatform', 'redundant-target-platform', ['FROM'],
    '`FROM --platform=$TARGETPLATFORM` is the default and can be dropped.',
    'Stages already use the target platform unless told otherwise, so setting it to `$TARGETPLATFORM` changes nothing. Remove the flag.'),
  rule('SecretsUsedInArgOrEnv', 'secrets-used-in-arg-or-env', ['ARG', 'ENV'],
    'Do not pass secrets through ARG or ENV.',
    'ARG and ENV values end up in the image history or configuration, where anyone with the image can read them. Reported when a variable name looks like it holds a secret (token, password, key and the like). Use a secret mount (`RUN --mount=type=secret`) instead.'),
  rule('InvalidDefaultArgInFrom', 'invalid-default-arg-in-from', ['FROM'],
    'With the ARG defaults, FROM would name an empty or invalid image.',
    'When a base image is built from global ARGs, their default values alone must give a valid image reference, so that the build works without `--build-arg`. Give the ARG a usable default (`ARG TAG=latest`) or use a `${VAR:-default}` form.'),
  rule('FromPlatformFlagConstDisallowed', 'from-platform-flag-const-disallowed', ['FROM'],
    '`FROM --platform` should not be a constant.',
    'A fixed platform like `linux/amd64` ties the stage to one platform and prevents a multi-platform build. Leave the flag out and choose platforms with `docker build --platform`, or use a variable such as `$BUILDPLATFORM`. A stage named after its platform (e.g. `build_amd64`) is not reported.'),
  rule('CopyIgnoredFile', 'copy-ignored-file', ['COPY', 'ADD'],
    'A COPY or ADD source is excluded by .dockerignore.',
    'Files matched by the ignore file are not sent with the build context, so copying them fails or copies nothing. The ignore file is `<Dockerfile name>.dockerignore` beside the Dockerfile when there is one, else `.dockerignore` at the root of the context. Reported for a source that a pattern excludes (the source itself or a folder above it); the context root (`COPY . .`) only when a pattern such as `*` excludes everything in it. Not reported at all when the ignore file has exceptions (`!pattern`), since a file inside an ignored folder may be brought back. Fix the path or the ignore file. On by default since BuildKit 0.27 (experimental before).'),
  rule('InvalidDefinitionDescription', 'invalid-definition-description', ['FROM', 'ARG'],
    'A comment right above a named stage or an ARG should start with its name.',
    '`docker build --call=outline` and `--call=targets` show the comment attached to a `FROM ... AS name` or an `ARG` as its description when the comment starts with that name, like `# VERSION selects the release` above `ARG VERSION`. The comment lines above the instruction are attached to it up to the previous instruction, across blank lines; only the last one is compared, by its first word, case-sensitively (an ARG with several names accepts any of them). Reported for other comments in that place: start the comment with the name, or put an empty comment line (`#` alone) between the comment and the instruction. Experimental: turn it on with `# check=experimental=InvalidDefinitionDescription`.',
    true),
  rule('ExposeProtoCasing', 'expose-proto-casing', ['EXPOSE'],
    'Write the EXPOSE protocol in lower case.',
    'The protocol after the port should be `tcp` or `udp` in lower case, like `EXPOSE 53/udp`.'),
  rule('ExposeInvalidFormat', 'expose-invalid-format', ['EXPOSE'],
    'EXPOSE takes a port, not an IP address or host mapping.',
    'EXPOSE only records which container port the application listens on (optionally with `/tcp` or `/udp`). Addresses and host:container mappings like `127.0.0.1:8080:80` or `8080:80` belong to `docker run -p`; this is planned to become an error.'),
];

/** A rule by its exact (case-sensitive) name. */
export function checkRule(name: string): CheckRuleDoc | undefined {
  return CHECK_RULES.find((r) => r.name === name);
}

/** A rule whatever the case of `name`, to suggest the right spelling in `# check=skip=`. */
export function checkRuleIgnoringCase(name: string): CheckRuleDoc | undefined {
  const lower = name.toLowerCase();
  return CHECK_RULES.find((r) => r.name.toLowerCase() === lower);
}

/**
 * Names earlier BuildKit releases used for rules that were renamed, with the current name.
 * Useful to recognise old `# check=skip=` lists.
 */
export const FORMER_CHECK_NAMES: Readonly<Record<string, string>> = {
  NoEmptyContinuations: 'NoEmptyContinuation',
  FileConsistentCommandCasing: 'ConsistentInstructionCasing',
  SelfConsistentCommandCasing: 'ConsistentInstructionCasing',
  UndeclaredArgInFrom: 'UndefinedArgInFrom',
};

/** Rules BuildKit can report that have no page on the reference (so no link). */
export const UNDOCUMENTED_CHECK_NAMES: readonly string[] = ['InvalidBaseImagePlatform'];
