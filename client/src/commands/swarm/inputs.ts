// Checks of what the user types for the swarm commands, and names suggested to them. Pure, no vscode: unit-tested.
import * as path from 'path';

/** The most replicas the input accepts (a typo of a few more digits should not start a thousand tasks). */
export const MAX_REPLICAS = 1000;
/** An IPv4 or IPv6 address, or a network interface name such as eth0 (what `--advertise-addr` takes), without a port. */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+|[a-zA-Z][a-zA-Z0-9_.-]{0,14})$/;

export function replicasProblem(value: string): string | undefined {
  if (!/^\d+$/.test(value)) return 'Give a whole number of replicas (0 stops every task).';
  return Number(value) > MAX_REPLICAS ? `At most ${MAX_REPLICAS} replicas.` : undefined;
}

export function advertiseAddressProblem(value: string): string | undefined {
  return ADDRESS.test(value) ? undefined : 'Give an IP address (e.g. 192.168.1.10) or a network interface name (e.g. eth0), without a port.';
}

/** A secret's or config's name suggested from a file's name: the characters a name may have, "-" for the others. */
export function suggestedName(file: string): string {
  return path.basename(file).replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '').slice(0, 64);
}
