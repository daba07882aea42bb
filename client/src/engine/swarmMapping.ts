// The Engine API's swarm answers (GET /info's Swarm, /services, /tasks, /nodes, /secrets, /configs) mapped to our
// own types. Pure, no dockerode: unit-tested with the shapes the engine sends, including odd and missing fields.
import type { ServiceMode, ServicePort, ServiceSummary, SwarmDataSummary, SwarmNodeSummary, SwarmState, TaskSummary } from './swarmTypes';

export const STACK_LABEL = 'com.docker.stack.namespace';

type Labels = Record<string, string> | null | undefined;

export interface RawSwarmInfo {
  Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean; NodeID?: string; NodeAddr?: string; Error?: string } | null;
}

export interface RawService {
  ID?: string;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: {
    Name?: string;
    Labels?: Labels;
    Mode?: { Replicated?: { Replicas?: number } | null; Global?: object | null; ReplicatedJob?: { TotalCompletions?: number } | null; GlobalJob?: object | null };
    TaskTemplate?: { ContainerSpec?: { Image?: string } | null } | null;
    EndpointSpec?: { Ports?: RawPort[] | null } | null;
  };
  PreviousSpec?: object | null;
  Endpoint?: { Ports?: RawPort[] | null } | null;
  UpdateStatus?: { State?: string } | null;
}

interface RawPort {
  Protocol?: string;
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: string;
}

export interface RawTask {
  ID?: string;
  ServiceID?: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  Status?: { Timestamp?: string; State?: string; Message?: string; Err?: string; ContainerStatus?: { ContainerID?: string } | null } | null;
}

export interface RawNode {
  ID?: string;
  Spec?: { Role?: string; Availability?: string; Labels?: Labels } | null;
  Description?: { Hostname?: string; Engine?: { EngineVersion?: string } | null } | null;
  Status?: { State?: string; Addr?: string } | null;
  ManagerStatus?: { Leader?: boolean; Reachability?: string } | null;
}

export interface RawSwarmData {
  ID?: string;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: { Name?: string; Labels?: Labels } | null;
}

const STATES = new Set<SwarmState['localNodeState']>(['inactive', 'pending', 'active', 'error', 'locked']);

export function toSwarmState(info: RawSwarmInfo): SwarmState {
  const swarm = info.Swarm ?? {};
  const state = String(swarm.LocalNodeState ?? '');
  const localNodeState = STATES.has(state as SwarmState['localNodeState']) ? (state as SwarmState['localNodeState']) : state === '' ? 'inactive' : 'unknown';
  return {
    localNodeState,
    manager: localNodeState === 'active' && swarm.ControlAvailable === true,
    nodeId: String(swarm.NodeID ?? ''),
    nodeAddr: String(swarm.NodeAddr ?? ''),
    error: String(swarm.Error ?? ''),
  };
}

/** Milliseconds of an RFC 3339 time; 0 when missing or unreadable (the engine's zero time too). */
function time(value: string | undefined): number {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

function labels(raw: Labels): Record<string, string> {
  return raw && typeof raw === 'object' ? { ...raw } : {};
}

function modeOf(mode: NonNullable<RawService['Spec']>['Mode']): ServiceMode {
  if (mode?.Global) return 'global';
  if (mode?.ReplicatedJob) return 'replicated-job';
  if (mode?.GlobalJob) return 'global-job';
  return 'replicated';
}

function toPort(port: RawPort): ServicePort {
  const protocol = port.Protocol === 'udp' || port.Protocol === 'sctp' ? port.Protocol : 'tcp';
  return {
    target: Number(port.TargetPort ?? 0),
    ...(port.PublishedPort ? { published: Number(port.PublishedPort) } : {}),
    protocol,
    publishMode: port.PublishMode === 'host' ? 'host' : 'ingress',
  };
}

/** The image without the "@sha256:..." the CLI pins when it resolves an image. */
export function imageWithoutDigest(image: string): string {
  const at = image.indexOf('@');
  return at > 0 ? image.slice(0, at) : image;
}

export function toServiceSummary(raw: RawService): ServiceSummary {
  const spec = raw.Spec ?? {};
  const mode = modeOf(spec.Mode);
  const serviceLabels = labels(spec.Labels);
  // The endpoint's ports are what the engine published (ports it picked included); the spec's before it has.
  const ports = (raw.Endpoint?.Ports ?? spec.EndpointSpec?.Ports ?? []).map(toPort);
  ports.sort((a, b) => (a.published ?? 0) - (b.published ?? 0) || a.target - b.target);
  const replicas = mode === 'replicated' ? spec.Mode?.Replicated?.Replicas : mode === 'replicated-job' ? spec.Mode?.ReplicatedJob?.TotalCompletions : undefined;
  const stack = serviceLabels[STACK_LABEL];
  return {
    id: String(raw.ID ?? ''),
    name: String(spec.Name ?? ''),
    mode,
    ...(replicas !== undefined ? { replicas: Number(replicas) } : {}),
    image: imageWithoutDigest(String(spec.TaskTemplate?.ContainerSpec?.Image ?? '')),
    ports,
    labels: serviceLabels,
    ...(stack ? { stack } : {}),
    created: time(raw.CreatedAt),
    updated: time(raw.UpdatedAt),
    ...(raw.UpdateStatus?.State ? { updateState: String(raw.UpdateStatus.State) } : {}),
    canRollBack: !!raw.PreviousSpec,
  };
}

export function toTaskSummary(raw: RawTask): TaskSummary {
  const status = raw.Status ?? {};
  const container = status.ContainerStatus?.ContainerID;
  return {
    id: String(raw.ID ?? ''),
    serviceId: String(raw.ServiceID ?? ''),
    ...(typeof raw.Slot === 'number' && raw.Slot > 0 ? { slot: raw.Slot } : {}),
    nodeId: String(raw.NodeID ?? ''),
    state: String(status.State ?? 'unknown'),
    desiredState: String(raw.DesiredState ?? 'unknown'),
    message: String(status.Message ?? ''),
    error: String(status.Err ?? ''),
    timestamp: time(status.Timestamp),
    ...(container ? { containerId: String(container) } : {}),
  };
}

export function toNodeSummary(raw: RawNode): SwarmNodeSummary {
  const availability = raw.Spec?.Availability;
  return {
    id: String(raw.ID ?? ''),
    hostname: String(raw.Description?.Hostname ?? ''),
    role: raw.Spec?.Role === 'manager' ? 'manager' : 'worker',
    availability: availability === 'drain' || availability === 'pause' ? availability : 'active',
    status: String(raw.Status?.State ?? 'unknown'),
    addr: String(raw.Status?.Addr ?? ''),
    engineVersion: String(raw.Description?.Engine?.EngineVersion ?? ''),
    leader: raw.ManagerStatus?.Leader === true,
    ...(raw.ManagerStatus?.Reachability ? { reachability: String(raw.ManagerStatus.Reachability) } : {}),
    labels: labels(raw.Spec?.Labels),
  };
}

/** A secret's or config's metadata. Nothing of the value is read, even if an engine sent one. */
export function toSwarmData(raw: RawSwarmData): SwarmDataSummary {
  const dataLabels = labels(raw.Spec?.Labels);
  const stack = dataLabels[STACK_LABEL];
  return {
    id: String(raw.ID ?? ''),
    name: String(raw.Spec?.Name ?? ''),
    created: time(raw.CreatedAt),
    updated: time(raw.UpdatedAt),
    labels: dataLabels,
    ...(stack ? { stack } : {}),
  };
}

/** A secret's inspect answer without its value (the engine never sends it, but an odd engine might). */
export function withoutSecretValue(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const copy = { ...(raw as { Spec?: Record<string, unknown> }) };
  if (copy.Spec && typeof copy.Spec === 'object' && 'Data' in copy.Spec) {
    const { Data: _data, ...rest } = copy.Spec;
    copy.Spec = rest;
  }
  return copy;
}
