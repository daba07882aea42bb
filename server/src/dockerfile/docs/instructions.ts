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
}

export const REFERENCE_URL = 'https://docs.docker.com/reference/dockerfile/';

export function referenceLink(name: string): string {
  return `${REFERENCE_URL}#${name.toLowerCase()}`;
}

export const INSTRUCTIONS: readonly InstructionDoc[] = [
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
