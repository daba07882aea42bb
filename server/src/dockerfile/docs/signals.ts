// STOPSIGNAL values, and the per-instruction facts a checker needs (forms, variable expansion, argument counts,
// ONBUILD triggers, reserved stage names). In our own words from the facts of the Dockerfile reference; the
// signal names are those Docker accepts on Linux.
import { instructionName, reference, type InstructionName } from './common';

export interface SignalDoc {
  /** With the SIG prefix, upper case. */
  name: string;
  /** The Linux signal number. */
  number: number;
  /** Another name of the same signal, when this one is an alias. */
  aliasOf?: string;
  description: string;
}

const NAMED_SIGNALS: readonly SignalDoc[] = [
  { name: 'SIGHUP', number: 1, description: 'Hang-up; many daemons reload their configuration on it.' },
  { name: 'SIGINT', number: 2, description: 'Interrupt, as sent by Ctrl+C.' },
  { name: 'SIGQUIT', number: 3, description: 'Quit, often with a core dump; some servers (nginx) shut down gracefully on it.' },
  { name: 'SIGILL', number: 4, description: 'Illegal instruction.' },
  { name: 'SIGTRAP', number: 5, description: 'Trace or breakpoint trap.' },
  { name: 'SIGABRT', number: 6, description: 'Abort.' },
  { name: 'SIGIOT', number: 6, aliasOf: 'SIGABRT', description: 'Old name of SIGABRT.' },
  { name: 'SIGBUS', number: 7, description: 'Bus error.' },
  { name: 'SIGFPE', number: 8, description: 'Arithmetic error.' },
  { name: 'SIGKILL', number: 9, description: 'Kills at once; cannot be caught, so the process gets no chance to clean up.' },
  { name: 'SIGUSR1', number: 10, description: 'User-defined signal 1.' },
  { name: 'SIGSEGV', number: 11, description: 'Invalid memory access.' },
  { name: 'SIGUSR2', number: 12, description: 'User-defined signal 2.' },
  { name: 'SIGPIPE', number: 13, description: 'Write to a pipe with no reader.' },
  { name: 'SIGALRM', number: 14, description: 'Timer alarm.' },
  { name: 'SIGTERM', number: 15, description: 'Polite request to terminate; the default stop signal.' },
  { name: 'SIGSTKFLT', number: 16, description: 'Coprocessor stack fault (unused on modern Linux).' },
  { name: 'SIGCHLD', number: 17, description: 'A child process stopped or ended.' },
  { name: 'SIGCLD', number: 17, aliasOf: 'SIGCHLD', description: 'Old name of SIGCHLD.' },
  { name: 'SIGCONT', number: 18, description: 'Continue a stopped process.' },
  { name: 'SIGSTOP', number: 19, description: 'Stops (pauses) the process; cannot be caught.' },
  { name: 'SIGTSTP', number: 20, description: 'Stop from the terminal, as sent by Ctrl+Z.' },
  { name: 'SIGTTIN', number: 21, description: 'Background read from the terminal.' },
  { name: 'SIGTTOU', number: 22, description: 'Background write to the terminal.' },
  { name: 'SIGURG', number: 23, description: 'Urgent data on a socket.' },
  { name: 'SIGXCPU', number: 24, description: 'CPU time limit exceeded.' },
  { name: 'SIGXFSZ', number: 25, description: 'File size limit exceeded.' },
  { name: 'SIGVTALRM', number: 26, description: 'Virtual timer alarm.' },
  { name: 'SIGPROF', number: 27, description: 'Profiling timer alarm.' },
  { name: 'SIGWINCH', number: 28, description: 'Terminal window size changed; Apache httpd stops gracefully on it.' },
  { name: 'SIGIO', number: 29, description: 'Input/output possible.' },
  { name: 'SIGPOLL', number: 29, aliasOf: 'SIGIO', description: 'Other name of SIGIO.' },
  { name: 'SIGPWR', number: 30, description: 'Power failure.' },
  { name: 'SIGSYS', number: 31, description: 'Bad system call.' },
];

function realtimeSignals(): SignalDoc[] {
  const result: SignalDoc[] = [{ name: 'SIGRTMIN', number: 34, description: 'First real-time signal.' }];
  for (let i = 1; i <= 15; i++) result.push({ name: `SIGRTMIN+${i}`, number: 34 + i, description: `Real-time signal ${i} after SIGRTMIN.` });
  for (let i = 14; i >= 1; i--) result.push({ name: `SIGRTMAX-${i}`, number: 64 - i, description: `Real-time signal ${i} before SIGRTMAX.` });
  result.push({ name: 'SIGRTMAX', number: 64, description: 'Last real-time signal.' });
  return result;
}

/** Every signal name STOPSIGNAL accepts (with the SIG prefix; it may also be written without it, in any case). */
export const STOP_SIGNALS: readonly SignalDoc[] = [...NAMED_SIGNALS, ...realtimeSignals()];

/** The signal a container gets on `docker stop` when the image sets none. */
export const DEFAULT_STOP_SIGNAL = 'SIGTERM';

export const STOPSIGNAL_LINK = reference('stopsignal');

/**
 * The signal a STOPSIGNAL value names: `SIGTERM`, `TERM`, `sigterm` and `15` all give SIGTERM. A number without
 * a name of its own gives undefined here; use `isValidStopSignal` to validate.
 */
export function stopSignal(value: string): SignalDoc | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return STOP_SIGNALS.find((s) => s.number === n && !s.aliasOf);
  }
  const upper = text.toUpperCase();
  const name = upper.startsWith('SIG') ? upper : `SIG${upper}`;
  return STOP_SIGNALS.find((s) => s.name === name);
}

/**
 * Whether Docker accepts the value: a known name (prefix optional, any case) or a positive number.
 * A value containing `$` is only known after expansion and counts as valid.
 */
export function isValidStopSignal(value: string): boolean {
  const text = value.trim();
  if (text.includes('$')) return true;
  if (/^\d+$/.test(text)) return Number(text) > 0;
  return stopSignal(text) !== undefined;
}

/** Facts about one instruction that checks and completion need. */
export interface InstructionFacts {
  name: InstructionName;
  /**
   * The exec/JSON array form: `required` (SHELL), `optional` (RUN, CMD, ENTRYPOINT, ADD, COPY, VOLUME, and the
   * command of HEALTHCHECK CMD), or `no`.
   */
  jsonForm: 'required' | 'optional' | 'no';
  /**
   * Who expands `$VAR` in its arguments: `builder` (the Dockerfile's environment replacement), `shell` (left to the
   * shell of the shell form at run time), or `none`. Flag values are a separate matter: the builder expands
   * FROM `--platform`, the `--chown`/`--chmod` of COPY and ADD, and RUN `--mount` options other than `from`.
   */
  expansion: 'builder' | 'shell' | 'none';
  /** Listed under "Environment replacement" in the reference (ONBUILD: through its trigger). */
  inEnvironmentReplacementList: boolean;
  /** Fewest arguments after the flags (a JSON array counts as one). */
  minArgs: number;
  /** Most arguments; undefined when unlimited. */
  maxArgs?: number;
  /** The only counts allowed, when not every count between min and max is. */
  argCounts?: readonly number[];
  /** The rest of the line is taken as one argument, spaces included. */
  wholeLine: boolean;
  /** May follow `ONBUILD`. */
  onbuildTrigger: boolean;
  /** Only the last one in a stage takes effect. */
  lastOneWins: boolean;
  /** May appear before the first FROM. */
  beforeFrom: boolean;
}

function facts(name: InstructionName, jsonForm: InstructionFacts['jsonForm'], expansion: InstructionFacts['expansion'], minArgs: number, extra: Partial<InstructionFacts> = {}): InstructionFacts {
  return {
    name, jsonForm, expansion, minArgs,
    inEnvironmentReplacementList: VARIABLE_EXPANSION_INSTRUCTIONS.includes(name),
    wholeLine: false, onbuildTrigger: true, lastOneWins: false, beforeFrom: false,
    ...extra,
  };
}

/**
 * The instructions the reference lists under "Environment replacement": the builder substitutes `$VAR` and
 * `${VAR...}` in their arguments. (RUN, CMD and ENTRYPOINT leave it to the shell.)
 */
export const VARIABLE_EXPANSION_INSTRUCTIONS: readonly InstructionName[] = [
  'ADD', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ONBUILD',
];

export const ENVIRONMENT_REPLACEMENT_LINK = reference('environment-replacement');

export const INSTRUCTION_FACTS: readonly InstructionFacts[] = [
  facts('FROM', 'no', 'builder', 1, { maxArgs: 3, argCounts: [1, 3], onbuildTrigger: false }),
  facts('RUN', 'optional', 'shell', 1),
  facts('CMD', 'optional', 'shell', 1, { lastOneWins: true }),
  facts('LABEL', 'no', 'builder', 1),
  facts('EXPOSE', 'no', 'builder', 1),
  facts('ENV', 'no', 'builder', 1),
  facts('ADD', 'optional', 'builder', 2),
  facts('COPY', 'optional', 'builder', 2),
  facts('ENTRYPOINT', 'optional', 'shell', 1, { lastOneWins: true }),
  facts('VOLUME', 'optional', 'builder', 1),
  facts('USER', 'no', 'builder', 1, { maxArgs: 1, wholeLine: true }),
  facts('WORKDIR', 'no', 'builder', 1, { maxArgs: 1, wholeLine: true }),
  // BuildKit expands ARG default values too, although the reference's list leaves ARG out.
  facts('ARG', 'no', 'builder', 1, { beforeFrom: true }),
  facts('ONBUILD', 'no', 'builder', 1, { onbuildTrigger: false }),
  facts('STOPSIGNAL', 'no', 'builder', 1, { maxArgs: 1, wholeLine: true }),
  facts('HEALTHCHECK', 'optional', 'shell', 1, { lastOneWins: true }),
  facts('SHELL', 'required', 'none', 1),
  facts('MAINTAINER', 'no', 'none', 1, { maxArgs: 1, wholeLine: true, onbuildTrigger: false }),
];

export function instructionFacts(name: string): InstructionFacts | undefined {
  const upper = instructionName(name);
  return upper ? INSTRUCTION_FACTS.find((f) => f.name === upper) : undefined;
}

/** Instructions that cannot follow ONBUILD (chaining ONBUILD ONBUILD is not allowed either). */
export const FORBIDDEN_ONBUILD_TRIGGERS: readonly InstructionName[] = ['ONBUILD', 'FROM', 'MAINTAINER'];

export const ONBUILD_LIMITATIONS_LINK = reference('onbuild-limitations');

/** Names a stage must not take: they already mean the empty image and the build context. */
export const RESERVED_STAGE_NAMES: readonly string[] = ['scratch', 'context'];

/** What BuildKit accepts as a stage name once lower-cased: a letter, then letters, digits, `-`, `_` or `.`. */
export const STAGE_NAME_PATTERN = /^[a-z][a-z0-9-_.]*$/;

/** HEALTHCHECK takes `NONE` (no arguments, no flags) or `CMD` followed by a command. */
export const HEALTHCHECK_TYPES: readonly string[] = ['CMD', 'NONE'];
