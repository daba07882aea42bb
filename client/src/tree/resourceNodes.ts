// The row shapes of the Images, Volumes and Networks views: the contract between the pure builders
// (imageNodes.ts, volumeNodes.ts, networkNodes.ts) and the commands that act on the rows.
import type { ImageSummary, NetworkSummary, VolumeSummary } from '../engine/types';
import type { DriverGroupNode } from './driverGroups';
import type { NodeBase } from './nodeModel';

/** A repository's group in the Images view (e.g. "python"), or the group of dangling images ("<none>"). */
export interface ImageRepositoryNode extends NodeBase {
  kind: 'imageRepository';
  /** "python", "ghcr.io/org/app"; "<none>" for the dangling images' group. */
  repository: string;
  children: ImageRowNode[];
}

/** One tag of an image (an image with two tags has a row under each), or a dangling image. */
export interface ImageRowNode extends NodeBase {
  kind: 'image';
  image: ImageSummary;
  /** The reference the row stands for, e.g. "python:3.12-slim"; undefined for a dangling image (use image.id). */
  reference?: string;
  /** Names of the containers (running or not) made from this image, sorted. */
  usedBy: string[];
}

export type ImageNodeModel = ImageRepositoryNode | ImageRowNode;

export interface VolumeNode extends NodeBase {
  kind: 'volume';
  volume: VolumeSummary;
  /** Names of the containers (running or not) that mount it, sorted. */
  usedBy: string[];
}

/** The volumes of one driver (docker-workflows.volumes.groupBy: driver). */
export type VolumeGroupNode = DriverGroupNode<'volumeGroup', VolumeNode>;

export type VolumeNodeModel = VolumeNode | VolumeGroupNode;

/** A network; its children are the containers attached to it. */
export interface NetworkNode extends NodeBase {
  kind: 'network';
  network: NetworkSummary;
  /** bridge, host and none cannot be removed. */
  predefined: boolean;
  children: NetworkContainerNode[];
}

/** A container attached to a network, with its address on it. */
export interface NetworkContainerNode extends NodeBase {
  kind: 'networkContainer';
  /** The network the row is under. */
  networkId: string;
  networkName: string;
  containerId: string;
  containerName: string;
  /** "" while it has none. */
  ipAddress: string;
}

/** The networks of one driver (docker-workflows.networks.groupBy: driver). */
export type NetworkGroupNode = DriverGroupNode<'networkGroup', NetworkNode>;

export type NetworkNodeModel = NetworkNode | NetworkContainerNode | NetworkGroupNode;
