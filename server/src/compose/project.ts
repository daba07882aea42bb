// The compose files a document is read together with (its base file or overlays, the files of `include` and
// of `extends.file`), for the features that cross files. (Stub of the contract: to be built.)
import type { ComposeModel } from './model';

export interface ComposeFile {
  uri: string;
  model: ComposeModel;
}

/** The document and the files of its project, as the providers that cross files see them. */
export interface ComposeProject {
  /** The document the request is about. */
  current: ComposeFile;
  /** The other compose files of its project (never `current`), each once. */
  related(): readonly ComposeFile[];
}
