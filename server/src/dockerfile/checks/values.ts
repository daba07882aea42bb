// Values BuildKit parses itself: EXPOSE ports (go-connections' nat.ParsePortSpec), the STOPSIGNAL signal
// (moby/sys signal.ParseSignal) and the HEALTHCHECK durations (Go's time.ParseDuration, at least 1ms unless 0)
// and retries. Values holding variables are only known at build time and are left alone, except where BuildKit
// does not expand them at all (HEALTHCHECK flags are read before any expansion).
import { isValidStopSignal } from '../docs/signals';
import { unquote } from '../variables';
import { finding, hasVariable, indexInstructions, named, quoted, subRange, type IndexedCheck } from './syntaxCommon';
import type { Finding } from './types';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

/** `invalid-port` and `invalid-protocol` for EXPOSE `[ip:][hostport:]port[-end][/proto]`. */
export const checkExpose: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of named(index, 'EXPOSE')) {
    for (const token of instruction.args) {
      if (hasVariable(token.value) || /["'\\`]/.test(token.value)) continue;
      const problem = portSpecProblem(token.value);
      if (!problem) continue;
      const range = subRange(model, token, problem.from, problem.to);
      out.push(finding(problem.code, problem.severity, range, problem.message));
    }
  }
  return out;
};

interface PortProblem {
  code: 'invalid-port' | 'invalid-protocol';
  severity: 'error' | 'warning';
  message: string;
  from: number;
  to: number;
}

export function portSpecProblem(spec: string): PortProblem | undefined {
  const colon = spec.lastIndexOf(':');
  const containerPart = spec.slice(colon + 1);
  const slash = containerPart.indexOf('/');
  const port = slash < 0 ? containerPart : containerPart.slice(0, slash);
  const protocol = slash < 0 ? '' : containerPart.slice(slash + 1);
  const portStart = colon + 1;
  if (port === '') {
    return { code: 'invalid-port', severity: 'error', message: `${quoted(spec)} has no port number.`, from: 0, to: spec.length };
  }
  if (protocol !== '' && !PROTOCOLS.includes(protocol.toLowerCase())) {
    const at = portStart + slash + 1;
    return { code: 'invalid-protocol', severity: 'error', message: `${quoted(protocol)} is not a protocol EXPOSE accepts: use tcp, udp or sctp.`, from: at, to: at + protocol.length };
  }
  const rangeProblem = portRangeProblem(port);
  if (rangeProblem) {
    return { code: 'invalid-port', severity: rangeProblem.severity, message: `${quoted(port)} ${rangeProblem.text}.`, from: portStart, to: portStart + port.length };
  }
  if (colon > 0) {
    // ip:hostport:port or hostport:port (BuildKit's ExposeInvalidFormat warns about the form itself).
    const before = spec.slice(0, colon);
    const hostPort = before.slice(before.lastIndexOf(':') + 1);
    const hostProblem = hostPort === '' ? undefined : portRangeProblem(hostPort);
    if (hostProblem && hostProblem.severity === 'error') {
      const at = colon - hostPort.length;
      return { code: 'invalid-port', severity: 'error', message: `Host port ${quoted(hostPort)} ${hostProblem.text}.`, from: at, to: colon };
    }
  }
  return undefined;
}

function portRangeProblem(text: string): { severity: 'error' | 'warning'; text: string } | undefined {
  const dash = text.indexOf('-');
  const parts = dash < 0 ? [text] : [text.slice(0, dash), text.slice(dash + 1)];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return { severity: 'error', text: 'is not a port number or a range such as 8000-8010' };
    if (Number(part) > 65535) return { severity: 'error', text: 'is out of range: ports go from 1 to 65535' };
  }
  if (parts.length === 2 && Number(parts[1]) < Number(parts[0])) return { severity: 'error', text: 'is a range that ends before it starts' };
  if (parts.some((p) => Number(p) === 0)) return { severity: 'warning', text: 'includes port 0, which cannot be reached' };
  return undefined;
}

/** `invalid-signal`: STOPSIGNAL takes the whole rest of the line as one signal name or number. */
export const checkStopSignal: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of named(index, 'STOPSIGNAL')) {
    if (!instruction.argsText) continue;
    const raw = instruction.argsText.value;
    if (hasVariable(raw)) continue;
    const value = unquote(raw, model.escape);
    if (isValidStopSignal(value)) continue;
    const negative = /^-\d+$/.test(value.trim());
    out.push(finding('invalid-signal', negative ? 'warning' : 'error', instruction.argsText.range, negative
      ? `${quoted(value)} is not a signal number: signals are positive.`
      : `${quoted(value)} is not a signal: use a name such as SIGTERM, SIGINT or SIGQUIT, or a positive number.`));
  }
  return out;
};

const DURATION_FLAGS = new Set(['interval', 'timeout', 'start-period', 'start-interval']);
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** Go's time.ParseDuration, in milliseconds; undefined when the text is not a duration. */
export function parseGoDuration(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  const part = /^(\d*)(?:\.(\d*))?([^\d.]+)/;
  while (s !== '') {
    const match = part.exec(s);
    if (!match || (match[1] === '' && (match[2] === undefined || match[2] === ''))) return undefined;
    const unit = UNITS[match[3]];
    if (unit === undefined) return undefined;
    total += Number(`${match[1] || '0'}.${match[2] || '0'}`) * unit;
    s = s.slice(match[0].length);
  }
  return sign * total;
}

/** `invalid-duration` (HEALTHCHECK --interval/--timeout/--start-period/--start-interval) and `--retries`. */
export const checkHealthcheckValues: IndexedCheck = (model, index = indexInstructions(model)) => {
  const out: Finding[] = [];
  for (const instruction of named(index, 'HEALTHCHECK')) {
    if (instruction.args[0]?.value.toUpperCase() === 'NONE') continue;
    for (const flag of instruction.flags) {
      const value = flag.value;
      if (!value) continue;
      const range = flag.valueRange ?? flag.range;
      if (DURATION_FLAGS.has(flag.name)) {
        const ms = parseGoDuration(value);
        if (ms === undefined) {
          out.push(finding('invalid-duration', 'error', range, hasVariable(value)
            ? `HEALTHCHECK does not expand variables: --${flag.name}=${value} must be a literal duration such as 30s.`
            : `--${flag.name}=${value} is not a duration: write a number with a unit, such as 500ms, 30s, 1m30s or 2h.`));
        } else if (ms !== 0 && ms < 1) {
          out.push(finding('invalid-duration', 'error', range, ms < 0
            ? `--${flag.name} cannot be negative.`
            : `--${flag.name} must be at least 1ms (or 0 for the default).`));
        }
      } else if (flag.name === 'retries') {
        if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) > 2147483647) {
          out.push(finding('invalid-flag-value', 'error', range, `--retries takes a whole number, not ${quoted(value)}.`));
        } else if (Number(value) < 0) {
          out.push(finding('invalid-flag-value', 'error', range, '--retries cannot be negative.'));
        }
      }
    }
  }
  return out;
};
