// What Connect and Disconnect offer (the networks a container can join or leave, the containers a network can take)
// and how the aliases and address typed in read. Pure, no vscode: unit-tested in plain Node. Names and ids come
// from the engine and are untrusted: a network or container whose name or id is not one an engine can report is
// not offered.
import { connectOptionsProblem, isNetworkName, type NetworkConnectOptions } from '../../engine/containerOptions';
import type { ContainerSummary, NetworkSummary } from '../../engine/types';
import { containerProblem } from '../../engine/validate';
import { naturalCollator } from '../../format/text';
import type { Parsed } from '../../util/parsed';

/** Networks no container joins or leaves by `docker network connect`: the host's own stack and none. */
const FIXED_DRIVERS = new Set(['host', 'null']);
const NETWORK_ID = /^[0-9a-f]{64}$/;

export interface Choice<T> {
  label: string;
  value: T;
}

/** Whether containers can be connected to the network at all (not host or none), and its name and id are sound. */
export function isJoinable(network: NetworkSummary): boolean {
  return !FIXED_DRIVERS.has(network.driver) && network.name !== 'host' && network.name !== 'none' && isNetworkName(network.name) && NETWORK_ID.test(network.id);
}

/** The networks the container is not on and can join, by name (with the id's start when two share a name). */
export function networksToJoin(container: Pick<ContainerSummary, 'networks'>, networks: readonly NetworkSummary[]): Choice<NetworkSummary>[] {
  const joinable = networks.filter((n) => isJoinable(n) && !Object.prototype.hasOwnProperty.call(container.networks, n.name));
  return labelled(joinable);
}

/** The networks the container is on, by name, sorted. */
export function networksToLeave(container: Pick<ContainerSummary, 'networks'>): string[] {
  return Object.keys(container.networks).filter(isNetworkName).sort(naturalCollator.compare);
}

/** The containers not yet attached to the network (by id), whose id and name are sound, by name. */
export function containersToJoin(attached: readonly string[], containers: readonly ContainerSummary[]): Choice<ContainerSummary>[] {
  return containers
    .filter((c) => !attached.includes(c.id) && containerProblem(c) === undefined)
    .sort((a, b) => naturalCollator.compare(a.name, b.name))
    .map((c) => ({ label: c.name, value: c }));
}

/** Aliases separated by commas (blanks around them ignored); "" for none. */
export function parseAliases(text: string): Parsed<string[]> {
  const aliases = text.split(',').map((a) => a.trim()).filter(Boolean);
  const problem = connectOptionsProblem({ aliases });
  return problem ? { problem } : { value: [...new Set(aliases)] };
}

/** A fixed IPv4 address, "" for one the engine assigns; inside the network's IPv4 subnet when it has one. */
export function parseAddress(text: string, subnet?: string): Parsed<string | undefined> {
  const address = text.trim();
  if (address === '') return { value: undefined };
  const problem = connectOptionsProblem({ aliases: [], ipv4Address: address });
  if (problem) return { problem };
  if (subnet && !inSubnet(address, subnet)) return { problem: `${address} is not in the network's subnet ${subnet}.` };
  return { value: address };
}

/** The options of a connection from the two answers. */
export function connectOptions(aliases: string[], address: string | undefined): NetworkConnectOptions {
  return { aliases, ...(address !== undefined ? { ipv4Address: address } : {}) };
}

/** Whether an IPv4 address is inside an IPv4 CIDR subnet; true when the subnet is not IPv4 (the engine judges). */
export function inSubnet(address: string, subnet: string): boolean {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(subnet);
  const bits = Number(match?.[2]);
  if (!match || bits > 32) return true;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((toNumber(address) & mask) >>> 0) === ((toNumber(match[1]) & mask) >>> 0);
}

function toNumber(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function labelled(networks: readonly NetworkSummary[]): Choice<NetworkSummary>[] {
  const sorted = [...networks].sort((a, b) => naturalCollator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  return sorted.map((n) => ({
    label: sorted.filter((other) => other.name === n.name).length > 1 ? `${n.name} (${n.id.slice(0, 12)})` : n.name,
    value: n,
  }));
}
