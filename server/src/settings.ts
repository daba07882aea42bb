// The user's settings as the server reads them (the `docker-workflows` section of VS Code's settings, or the
// `settings` initialization option of another editor). Shared by both languages' services.

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ServerSettings {
  dockerfile?: {
    /** Per diagnostic code: a new severity, or "off". */
    diagnostics?: Record<string, SeveritySetting>;
    format?: {
      /** Instruction keywords: the file's dominant case (default), or always upper case. */
      keywordCase?: 'dominant' | 'upper';
    };
  };
  compose?: {
    /** Per diagnostic code: a new severity, or "off". */
    diagnostics?: Record<string, SeveritySetting>;
  };
  /** Files the language server reads around a document (.dockerignore, .env, included and extended compose files). */
  files?: {
    /** Largest file read, in MiB (default 4). */
    maxSizeMiB?: number;
    /** Read referenced files outside the workspace folders and the document's own folder too (default false). */
    readOutsideWorkspace?: boolean;
  };
}
