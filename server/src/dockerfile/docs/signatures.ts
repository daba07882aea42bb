// Signature help texts for Dockerfile instructions: each form an instruction accepts, with its parameters,
// written in our own words. Flag parameters come from the flag table (flags.ts).
import { type InstructionName } from './common';
import { type FlagDoc, flagsOf } from './flags';
import { instructionDoc } from './instructions';

/**
 * What a parameter stands for; signatureHelp.ts maps the cursor to one of these.
 * `flag:<name>` for a flag; the others name an operand.
 */
export type ParameterRole =
  | `flag:${string}`
  | 'image' | 'stage-name' | 'command' | 'executable' | 'arg' | 'src' | 'dest' | 'key' | 'value'
  | 'port' | 'protocol' | 'user' | 'group' | 'path' | 'signal' | 'name' | 'keyword' | 'instruction' | 'arguments';

export interface ParameterDoc {
  /** Text of the signature label this parameter covers; parameters appear in label order. */
  label: string;
  role: ParameterRole;
  /** Markdown. */
  documentation: string;
}

/** Which way of writing the instruction a signature shows. */
export type SignatureForm = 'shell' | 'exec' | 'exec-params' | 'pairs' | 'legacy' | 'none' | 'plain';

export interface SignatureDoc {
  form: SignatureForm;
  label: string;
  /** Markdown. */
  documentation: string;
  parameters: ParameterDoc[];
}

function param(label: string, role: ParameterRole, documentation: string): ParameterDoc {
  return { label, role, documentation };
}

const PLACEHOLDERS: Partial<Record<FlagDoc['kind'], string>> = {
  duration: '<duration>', integer: '<n>', platform: '<platform>', 'stage-or-image': '<stage>', chown: '<user>:<group>',
  chmod: '<perms>', mount: '<mount>', device: '<device>', checksum: '<checksum>', glob: '<pattern>', boolean: '<bool>',
};

/** `[--name=<value>]` for a flag of the table, `[--name]` when the flag alone means true, `...` when repeatable. */
function flagParam(flag: FlagDoc): ParameterDoc {
  const value = flag.kind === 'enum' ? `<${(flag.values ?? []).join('|')}>` : PLACEHOLDERS[flag.kind] ?? '<value>';
  const written = flag.kind === 'boolean' && flag.valueOptional ? `--${flag.name}` : `--${flag.name}=${value}`;
  const facts = [flag.default !== undefined ? `Default: \`${flag.default}\`.` : '', flag.repeatable ? 'May be given more than once.' : '']
    .filter((fact) => fact !== '')
    .join(' ');
  return param(`[${written}]${flag.repeatable ? '...' : ''}`, `flag:${flag.name}`, facts ? `${flag.summary}\n\n${facts}` : flag.summary);
}

function flagParams(instruction: InstructionName): ParameterDoc[] {
  return flagsOf(instruction).map(flagParam);
}

/** A signature whose label is the keyword, the flags, then `rest` (which holds the operand parameters). */
function signature(instruction: InstructionName, form: SignatureForm, rest: string, note: string, operands: ParameterDoc[], flags = flagParams(instruction)): SignatureDoc {
  const label = [instruction, ...flags.map((f) => f.label), rest].filter((part) => part !== '').join(' ');
  const summary = instructionDoc(instruction)?.summary ?? '';
  return { form, label, documentation: note ? `${summary}\n\n${note}` : summary, parameters: [...flags, ...operands] };
}

const COMMAND = param('<command>', 'command', 'A command line for the shell, which runs it as `/bin/sh -c <command>` unless SHELL chose another one.');
const EXECUTABLE = param('"<executable>"', 'executable', 'The program to run, as a JSON string: a path or a name looked up in `PATH`. No shell is involved.');
const ARG = param('"<arg>"', 'arg', 'One argument, as a JSON string, passed as it is: no variable expansion or quoting by a shell.');
const EXEC_NOTE = 'Exec form: a JSON array of double-quoted strings, run directly without a shell.';
const SHELL_NOTE = 'Shell form: the text is run by the shell, so pipes, `&&` and `$VARIABLES` work.';

function copyLike(instruction: 'COPY' | 'ADD', srcDoc: string): SignatureDoc[] {
  const src = param('<src>...', 'src', srcDoc);
  const dest = param('<dest>', 'dest', 'Where the sources go in the image. A relative path starts at WORKDIR; end it with `/` to name a directory (required with several sources).');
  return [
    signature(instruction, 'shell', '<src>... <dest>', 'Operands are separated by spaces; the last one is the destination.', [src, dest]),
    signature(instruction, 'exec', '["<src>", ..., "<dest>"]', 'JSON form: every path is a double-quoted string, so paths may contain spaces.', [
      param('"<src>"', 'src', srcDoc),
      param('"<dest>"', 'dest', dest.documentation),
    ]),
  ];
}

function keyValue(instruction: 'LABEL' | 'ENV', key: string, value: string, note: string): SignatureDoc {
  return signature(instruction, 'pairs', '<key>=<value> [<key>=<value>...]', note, [param('<key>', 'key', key), param('<value>', 'value', value)]);
}

export const SIGNATURES: Readonly<Record<InstructionName, readonly SignatureDoc[]>> = {
  FROM: [
    signature('FROM', 'plain', '<image>[:<tag>|@<digest>] [AS <name>]', '', [
      param('<image>[:<tag>|@<digest>]', 'image', 'The base: an image reference such as `debian:bookworm-slim`, the name of an earlier stage, or `scratch` to start empty. Global ARGs may be used. Without tag or digest, `latest` is pulled.'),
      param('[AS <name>]', 'stage-name', 'Names the stage, so that a later `FROM`, `COPY --from` or `RUN --mount=from=` can refer to it and `docker build --target` can stop at it.'),
    ]),
  ],
  RUN: [
    signature('RUN', 'shell', '<command>', SHELL_NOTE, [COMMAND]),
    signature('RUN', 'exec', '["<executable>", "<arg>", ...]', EXEC_NOTE, [EXECUTABLE, ARG]),
  ],
  CMD: [
    signature('CMD', 'exec', '["<executable>", "<arg>", ...]', `${EXEC_NOTE} The container runs this program unless \`docker run\` names another command.`, [EXECUTABLE, ARG]),
    signature('CMD', 'exec-params', '["<arg>", ...]', 'Default arguments for ENTRYPOINT: the array is appended to the exec-form ENTRYPOINT, and arguments given to `docker run` replace it.', [
      param('"<arg>"', 'arg', 'One default argument for ENTRYPOINT, as a JSON string.'),
    ]),
    signature('CMD', 'shell', '<command>', `${SHELL_NOTE} The shell, not the program, is then the container's main process.`, [COMMAND]),
  ],
  LABEL: [
    keyValue('LABEL', 'The label name, often in reverse-DNS style such as `org.opencontainers.image.source`.', 'The label value; quote it when it holds spaces.', 'Several pairs may share one line.'),
  ],
  EXPOSE: [
    signature('EXPOSE', 'plain', '<port>[/<protocol>] [<port>[/<protocol>]...]', 'This documents the ports; `docker run -p` or `-P` publishes them.', [
      param('<port>', 'port', 'A container port number such as `8080`, or a range such as `8000-8010`.'),
      param('<protocol>', 'protocol', '`tcp` (the default) or `udp`.'),
    ]),
  ],
  ENV: [
    keyValue('ENV', 'The variable name.', 'Its value; quote it when it holds spaces. Earlier variables may be used with `$NAME`.', 'Several pairs may share one line.'),
    signature('ENV', 'legacy', '<key> <value>', 'Legacy form: one variable per instruction, the rest of the line is its value. Prefer `<key>=<value>`.', [
      param('<key>', 'key', 'The variable name.'),
      param('<value>', 'value', 'Everything after the name, spaces included.'),
    ]),
  ],
  ADD: copyLike('ADD', 'A path in the build context, an HTTP(S) URL or a Git repository address. Wildcards such as `*.conf` are allowed; local tar archives are extracted.'),
  COPY: copyLike('COPY', 'A path in the build context (or in the `--from` source). Wildcards such as `*.json` are allowed; a directory copies its contents.'),
  ENTRYPOINT: [
    signature('ENTRYPOINT', 'exec', '["<executable>", "<arg>", ...]', `${EXEC_NOTE} CMD and the arguments of \`docker run\` are appended to it.`, [EXECUTABLE, ARG]),
    signature('ENTRYPOINT', 'shell', '<command>', `${SHELL_NOTE} CMD and \`docker run\` arguments are then ignored, and the program does not receive stop signals unless started with \`exec\`.`, [COMMAND]),
  ],
  VOLUME: [
    signature('VOLUME', 'exec', '["<path>", ...]', 'JSON form: each mount point is a double-quoted string.', [param('"<path>"', 'path', 'A path in the container whose content lives in a volume.')]),
    signature('VOLUME', 'shell', '<path> [<path>...]', 'Mount points separated by spaces.', [param('<path>', 'path', 'A path in the container whose content lives in a volume.')]),
  ],
  USER: [
    signature('USER', 'plain', '<user>[:<group>]', '', [
      param('<user>', 'user', 'A user name from the image\'s `/etc/passwd`, or a numeric UID.'),
      param('<group>', 'group', 'Optional: a group name or numeric GID; it replaces the user\'s other groups.'),
    ]),
  ],
  WORKDIR: [signature('WORKDIR', 'plain', '<path>', '', [param('<path>', 'path', 'The directory; created when missing. A relative path continues from the previous WORKDIR.')])],
  ARG: [
    signature('ARG', 'pairs', '<name>[=<default>] [<name>[=<default>]...]', 'Several build arguments may share one line.', [
      param('<name>', 'key', 'The build argument name, set with `docker build --build-arg <name>=<value>`.'),
      param('<default>', 'value', 'Optional: the value used when the build does not set one.'),
    ]),
  ],
  ONBUILD: [
    signature('ONBUILD', 'plain', '<INSTRUCTION> <arguments>', 'The trigger runs in a later build that uses this image as its base, right after its FROM.', [
      param('<INSTRUCTION>', 'instruction', 'Any instruction except FROM, MAINTAINER and ONBUILD.'),
      param('<arguments>', 'arguments', 'The arguments of that instruction, written as usual.'),
    ]),
  ],
  STOPSIGNAL: [signature('STOPSIGNAL', 'plain', '<signal>', '', [param('<signal>', 'signal', 'A signal name such as `SIGQUIT` (the `SIG` prefix is optional) or its number. The default is SIGTERM.')])],
  HEALTHCHECK: [
    signature('HEALTHCHECK', 'shell', 'CMD <command>', 'The check runs through the shell; exit code 0 means healthy, 1 unhealthy.', [
      param('CMD', 'keyword', '`CMD` starts the check command; `NONE` instead turns checks off.'),
      COMMAND,
    ]),
    signature('HEALTHCHECK', 'exec', 'CMD ["<executable>", "<arg>", ...]', 'The check runs without a shell; exit code 0 means healthy, 1 unhealthy.', [
      param('CMD', 'keyword', '`CMD` starts the check command; `NONE` instead turns checks off.'),
      EXECUTABLE,
      ARG,
    ]),
    signature('HEALTHCHECK', 'none', 'NONE', 'Turns off any health check inherited from the base image.', [
      param('NONE', 'keyword', 'Disables the health check; no options may be given.'),
    ], []),
  ],
  SHELL: [signature('SHELL', 'exec', '["<executable>", "<arg>", ...]', 'Only the JSON form is accepted. The command of a shell-form instruction is appended as the last argument.', [
    param('"<executable>"', 'executable', 'The shell program, e.g. `/bin/bash` or `pwsh`.'),
    param('"<arg>"', 'arg', 'Options for the shell, ending with the one that makes it read a command, e.g. `-c`.'),
  ])],
  MAINTAINER: [signature('MAINTAINER', 'plain', '<name>', 'Deprecated: use `LABEL org.opencontainers.image.authors=...` instead.', [param('<name>', 'name', 'The author of the image.')])],
};
