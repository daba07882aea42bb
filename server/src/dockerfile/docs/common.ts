// Shared bits of the Dockerfile reference tables: where the official pages live, and the instruction names.

/** The Dockerfile reference page; sections are anchors on it. */
export const DOCKERFILE_REFERENCE = 'https://docs.docker.com/reference/dockerfile/';

/** The build checks reference; each rule has its own page below it. */
export const BUILD_CHECKS_REFERENCE = 'https://docs.docker.com/reference/build-checks/';

/** A link to one section of the Dockerfile reference, e.g. `reference('copy---from')`. */
export function reference(anchor: string): string {
  return `${DOCKERFILE_REFERENCE}#${anchor}`;
}

/** Every Dockerfile instruction, upper case. */
export const INSTRUCTION_NAMES = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER',
] as const;

export type InstructionName = (typeof INSTRUCTION_NAMES)[number];

/** The upper-case instruction name, or undefined when `name` is not an instruction (any case accepted). */
export function instructionName(name: string): InstructionName | undefined {
  const upper = name.toUpperCase();
  return (INSTRUCTION_NAMES as readonly string[]).includes(upper) ? (upper as InstructionName) : undefined;
}
