// Dockerfile semantic tokens, encoded against service/semanticLegend.ts; linear in the file. Pure.
// (Stub of the contract: to be built.)
import type { DockerfileModel } from './model';

export function semanticTokens(_model: DockerfileModel): number[] {
  return [];
}
