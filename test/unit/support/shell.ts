// The real /bin/sh as the judge of quoting: the words it reads from a command line.
import { execFileSync } from 'child_process';

/** The words /bin/sh reads from `line` (printed NUL-terminated, so blanks and line breaks in them survive). */
export function shellReads(line: string): string[] {
  return execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' }).split('\0').slice(0, -1);
}
