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
}
