// The compose files a document is read together with (its base file or overlays, the files of `include` and
// of `extends.file`), for the features that cross files.
import type { ComposeModel } from './model';

/**
 * How a related file belongs to the document's project:
 * - `base`: the file the document is merged onto (`compose.yaml` for `compose.override.yaml`);
 * - `overlay`: a file merged onto the document or onto its base (`compose.prod.yaml` ...);
 * - `include`: named under `include:` by the document or another file of the project;
 * - `includer`: a file whose `include:` names the document;
 * - `extends`: only named by `extends: { file }`: its names are not the project's, only the services that
 *   `extends` picks from it are linked;
 * - `extender`: a compose file whose services extend the document's (`extends: { file: <the document> }`): its
 *   names are its own project's, only its `extends` entries are linked.
 * All but `extends` and `extender` share the project's names (a service `db` is the same service in each of them).
 */
export type ComposeRelation = 'base' | 'overlay' | 'include' | 'includer' | 'extends' | 'extender';

export interface ComposeFile {
  uri: string;
  model: ComposeModel;
  /** How the file belongs to the project of the current document; undefined: it shares its names. */
  relation?: ComposeRelation;
}

/** The document and the files of its project, as the providers that cross files see them. */
export interface ComposeProject {
  /** The document the request is about. */
  current: ComposeFile;
  /** The other compose files of its project (never `current`), each once. */
  related(): readonly ComposeFile[];
}
