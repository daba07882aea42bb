// Messages between the extension (client) and the language server beyond LSP. Plain data only:
// both sides import this file; neither side's libraries leak into it.

/** An image the local engine has, as the server needs it for completion and hover. */
export interface LocalImage {
  /** e.g. ["python:3.12-slim"]; empty for a dangling image. */
  repoTags: string[];
  /** sha256:... */
  id: string;
  /** Bytes. */
  size: number;
  /** Milliseconds since the epoch. */
  created: number;
}

/** Client -> server: the images of the local engine, sent on connect and after image events; [] while it is down. */
export namespace LocalImagesNotification {
  export const method = 'dockerWorkflows/localImages';
  export interface Params {
    images: LocalImage[];
  }
}
