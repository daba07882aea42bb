// Dockerfile instructions, described in our own words from the facts of the Dockerfile reference.

export interface InstructionDoc {
  name: string;
  /** One line for the completion list. */
  summary: string;
  /** A short example of typical use. */
  example: string;
  /** Snippet inserted on completion (after the keyword). */
  snippet: string;
  deprecated?: boolean;
  /** A longer explanation for hover: 2-5 sentences in our own words. */
  description?: string;
  /** The syntax forms the instruction accepts, one per entry. */
  forms?: readonly string[];
}

/** An InstructionDoc whose hover fields are always present. */
export interface InstructionReference extends InstructionDoc {
  description: string;
  forms: readonly string[];
}

export const REFERENCE_URL = 'https://docs.docker.com/reference/dockerfile/';

/** Reference sections whose anchor is not simply the lower-case name. */
const ANCHORS: Readonly<Record<string, string>> = { MAINTAINER: 'maintainer-deprecated' };

export function referenceLink(name: string): string {
  return `${REFERENCE_URL}#${ANCHORS[name.toUpperCase()] ?? name.toLowerCase()}`;
}

const SUMMARIES: readonly InstructionDoc[] = [
  { name: 'FROM', summary: 'Starts a build stage on top of a base image (or scratch).', example: 'FROM debian:bookworm-slim AS build', snippet: '${1:image}:${2:tag}' },
  { name: 'RUN', summary: 'Runs a command in a new layer while the image is built.', example: 'RUN apt-get update && apt-get install -y curl', snippet: '${1:command}' },
  { name: 'CMD', summary: 'Sets the default command (or default ENTRYPOINT arguments) of a container.', example: 'CMD ["nginx", "-g", "daemon off;"]', snippet: '["${1:executable}"]' },
  { name: 'LABEL', summary: 'Adds key=value metadata to the image.', example: 'LABEL org.opencontainers.image.source="https://example.com/repo"', snippet: '${1:key}="${2:value}"' },
  { name: 'EXPOSE', summary: 'Records which ports the container listens on (it does not publish them).', example: 'EXPOSE 8080/tcp', snippet: '${1:port}' },
  { name: 'ENV', summary: 'Sets environment variables for later instructions and for the running container.', example: 'ENV NODE_ENV=production', snippet: '${1:name}=${2:value}' },
  { name: 'ADD', summary: 'Copies files, URLs or git repositories into the image; unpacks local tar archives.', example: 'ADD --checksum=sha256:... https://example.com/app.tar.gz /opt/', snippet: '${1:source} ${2:destination}' },
  { name: 'COPY', summary: 'Copies files from the build context or another stage into the image.', example: 'COPY --from=build /app/bin /usr/local/bin/', snippet: '${1:source} ${2:destination}' },
  { name: 'ENTRYPOINT', summary: 'Sets the executable that a container always runs; CMD supplies its default arguments.', example: 'ENTRYPOINT ["/docker-entrypoint.sh"]', snippet: '["${1:executable}"]' },
  { name: 'VOLUME', summary: 'Marks paths whose data lives outside the container filesystem, in a volume.', example: 'VOLUME /var/lib/data', snippet: '${1:/path}' },
  { name: 'USER', summary: 'Sets the user (and group) that later instructions and the container run as.', example: 'USER 1000:1000', snippet: '${1:user}' },
  { name: 'WORKDIR', summary: 'Sets the working directory for later instructions and the container, creating it if needed.', example: 'WORKDIR /app', snippet: '${1:/path}' },
  { name: 'ARG', summary: 'Declares a build argument that `docker build --build-arg` can set.', example: 'ARG VERSION=1.0', snippet: '${1:name}' },
  { name: 'ONBUILD', summary: 'Registers an instruction to run when another build uses this image as its base.', example: 'ONBUILD COPY . /app', snippet: '${1:INSTRUCTION}' },
  { name: 'STOPSIGNAL', summary: 'Sets the signal sent to the container to stop it.', example: 'STOPSIGNAL SIGTERM', snippet: '${1:SIGTERM}' },
  { name: 'HEALTHCHECK', summary: 'Sets how the engine checks that the container still works (or disables an inherited check).', example: 'HEALTHCHECK --interval=30s CMD wget -q -O- http://localhost/ || exit 1', snippet: '--interval=${1:30s} CMD ${2:command}' },
  { name: 'SHELL', summary: 'Changes the shell that shell-form RUN, CMD and ENTRYPOINT use.', example: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', snippet: '["${1:/bin/bash}", "-c"]' },
  { name: 'MAINTAINER', summary: 'Deprecated: names the image author; use a LABEL instead.', example: 'LABEL org.opencontainers.image.authors="me@example.com"', snippet: '${1:name}', deprecated: true },
];

// Hover text: what each instruction does and the forms it takes, in our own words.
const DETAILS: Readonly<Record<string, Pick<InstructionReference, 'description' | 'forms'>>> = {
  FROM: {
    forms: ['FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]'],
    description: 'Begins a new build stage whose filesystem and configuration start from the given image, or from nothing with `scratch`. Only ARG instructions (and parser directives and comments) may come before the first FROM, and FROM can expand those global ARGs. `AS <name>` names the stage so that later FROM, `COPY --from` and `RUN --mount=from=` can refer to it; without a tag or digest, `latest` is assumed.',
  },
  RUN: {
    forms: ['RUN [--mount=...] [--network=...] [--security=...] [--device=...] <command>', 'RUN [OPTIONS] ["<executable>", "<arg>", ...]', 'RUN [OPTIONS] <<EOF ... EOF'],
    description: 'Runs a command at build time and stores the resulting filesystem changes as a new layer. The shell form goes through the SHELL (`/bin/sh -c` by default) so it can use pipes, `&&` and shell variables; the exec (JSON) form runs the program directly with no shell processing. A heredoc can hold a multi-line script. Its cache entry is reused as long as the instruction text and its inputs are unchanged, even if the command would now give another result.',
  },
  CMD: {
    forms: ['CMD ["<executable>", "<arg>", ...]', 'CMD ["<arg>", ...]   (default arguments for ENTRYPOINT)', 'CMD <command>'],
    description: 'Sets what a container runs by default; nothing is executed at build time. With an ENTRYPOINT, the CMD array becomes its default arguments, which `docker run <image> <args>` replaces. Only the last CMD of the final stage counts. Prefer the exec (JSON) form, so the program is process 1 and receives the stop signal.',
  },
  LABEL: {
    forms: ['LABEL <key>=<value> [<key>=<value> ...]'],
    description: 'Adds metadata key/value pairs to the image configuration. Quote values that contain spaces (double quotes, so that variables are still expanded); several pairs may share one instruction. Labels of the base image are inherited and a later value for the same key replaces the earlier one.',
  },
  EXPOSE: {
    forms: ['EXPOSE <port>[/<protocol>] [<port>[/<protocol>] ...]'],
    description: 'Documents the ports the application listens on, TCP unless `/udp` is given. It does not publish anything: `docker run -p` maps ports, and `docker run -P` publishes every exposed port on a random host port. Write only the container port, not an address or host mapping.',
  },
  ENV: {
    forms: ['ENV <key>=<value> [<key>=<value> ...]', 'ENV <key> <value>   (legacy)'],
    description: 'Sets environment variables for the rest of the stage, for stages built on it, and for containers run from the image. Values may refer to other variables and may be quoted. Because they persist in the image, use ARG (or set the variable on the RUN line) for values only the build needs, and never put secrets here.',
  },
  ADD: {
    forms: ['ADD [OPTIONS] <src> ... <dest>', 'ADD [OPTIONS] ["<src>", ... "<dest>"]'],
    description: 'Copies files into the image like COPY, but a source may also be an HTTP(S) URL or a Git repository, and local tar archives are extracted. With several sources the destination must end in `/`. `--checksum` pins remote content, `--unpack` controls extraction, and `--keep-git-dir` keeps the `.git` directory of a cloned repository. Prefer COPY for plain files from the context.',
  },
  COPY: {
    forms: ['COPY [OPTIONS] <src> ... <dest>', 'COPY [OPTIONS] ["<src>", ... "<dest>"]', 'COPY [OPTIONS] <<EOF <dest> ... EOF'],
    description: 'Copies files and directories from the build context, or with `--from` from another stage, a named context or an image, to a path in the image. Sources may use wildcards; a directory source copies its contents. A relative destination is taken from WORKDIR, and a trailing `/` marks it as a directory. The JSON form allows paths with spaces.',
  },
  ENTRYPOINT: {
    forms: ['ENTRYPOINT ["<executable>", "<arg>", ...]', 'ENTRYPOINT <command>'],
    description: 'Sets the program a container always runs; CMD and `docker run` arguments are appended to it in exec form. The shell form runs under `/bin/sh -c`, ignores CMD and run arguments, and keeps the program from receiving signals unless it is started with `exec`. Setting ENTRYPOINT clears a CMD inherited from the base image. Only the last one counts.',
  },
  VOLUME: {
    forms: ['VOLUME ["<path>", ...]', 'VOLUME <path> [<path> ...]'],
    description: 'Declares mount points whose data should live in a volume rather than in the container\'s writable layer. When a container starts, each new volume is filled with what the image has at that path. The host side cannot be chosen in the Dockerfile; it is given at `docker run` time.',
  },
  USER: {
    forms: ['USER <user>[:<group>]', 'USER <uid>[:<gid>]'],
    description: 'Sets the user, and optionally the group, that later RUN instructions and the container\'s CMD and ENTRYPOINT run as. Naming a group replaces the user\'s other group memberships; a user without a primary group runs with group root. On Windows the user must exist first.',
  },
  WORKDIR: {
    forms: ['WORKDIR <path>'],
    description: 'Sets the working directory for later RUN, CMD, ENTRYPOINT, COPY and ADD, creating it when missing. A relative path is resolved against the previous WORKDIR, so start with an absolute one. Variables set with ENV or ARG are expanded.',
  },
  ARG: {
    forms: ['ARG <name>[=<default>] [<name>[=<default>] ...]'],
    description: 'Declares a build argument that `docker build --build-arg <name>=<value>` may set, with an optional default. It is visible from its own line to the end of the stage, and to RUN commands as an environment variable, but is not stored in the image. ARGs before the first FROM are global: usable in FROM, and inside a stage after an `ARG <name>` without value. Do not pass secrets this way.',
  },
  ONBUILD: {
    forms: ['ONBUILD <INSTRUCTION> <arguments>'],
    description: 'Stores an instruction as a trigger in the image; it runs later, right after the FROM of a build that uses this image as its base, and is not inherited further. Useful for builder images that expect the downstream project\'s sources. FROM, MAINTAINER and ONBUILD itself cannot be triggers.',
  },
  STOPSIGNAL: {
    forms: ['STOPSIGNAL <signal>'],
    description: 'Sets the signal `docker stop` sends to the container\'s main process, by name (`SIGQUIT`, with or without the `SIG` prefix) or by number. Without it, SIGTERM is sent. It does not change what Ctrl+C sends, and `docker run --stop-signal` overrides it.',
  },
  HEALTHCHECK: {
    forms: ['HEALTHCHECK [--interval=<d>] [--timeout=<d>] [--start-period=<d>] [--start-interval=<d>] [--retries=<n>] CMD <command>', 'HEALTHCHECK NONE'],
    description: 'Tells the engine how to test that the container still works: the command runs periodically, exit code 0 means healthy and 1 unhealthy. After `--retries` failures in a row the container is marked unhealthy. `HEALTHCHECK NONE` turns off a check inherited from the base image. Only the last HEALTHCHECK counts.',
  },
  SHELL: {
    forms: ['SHELL ["<executable>", "<arg>", ...]'],
    description: 'Replaces the shell used by the shell form of RUN, CMD and ENTRYPOINT, by default `["/bin/sh", "-c"]` on Linux and `["cmd", "/S", "/C"]` on Windows. It must be written as a JSON array and applies to the instructions after it. Common uses: `bash -o pipefail -c`, or PowerShell on Windows.',
  },
  MAINTAINER: {
    forms: ['MAINTAINER <name>'],
    description: 'Deprecated. It fills the author field of the image; set `LABEL org.opencontainers.image.authors=...` instead, which any tool can read like other labels.',
  },
};

export const INSTRUCTIONS: readonly InstructionReference[] = SUMMARIES.map((doc) => ({ ...doc, ...DETAILS[doc.name] }));

/** The documentation of one instruction, any case. */
export function instructionDoc(name: string): InstructionReference | undefined {
  const upper = name.toUpperCase();
  return INSTRUCTIONS.find((doc) => doc.name === upper);
}
