// The .dockerignore that applies to a Dockerfile, read from disk: `<Dockerfile name>.dockerignore` beside it
// (BuildKit prefers it), else `.dockerignore` in its folder, taken as the build context (the usual layout).
// Parsed once per file modification time.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { parseDockerignore, type IgnorePattern } from '../dockerfile/dockerignore';

export interface IgnoreFile {
  name: string;
  patterns: IgnorePattern[];
}

export class DockerignoreFiles {
  private readonly cache = new Map<string, { mtimeMs: number; file: IgnoreFile }>();

  /** The ignore file of the Dockerfile at `uri`, or undefined (no file, or not a file: uri). */
  forDockerfile(uri: string): IgnoreFile | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let dockerfile: string;
    try {
      dockerfile = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const folder = path.dirname(dockerfile);
    for (const candidate of [`${path.basename(dockerfile)}.dockerignore`, '.dockerignore']) {
      const file = this.read(path.join(folder, candidate), candidate);
      if (file) return file;
    }
    return undefined;
  }

  private read(file: string, name: string): IgnoreFile | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.cache.delete(file);
      return undefined;
    }
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs) return hit.file;
    try {
      const parsed = { name, patterns: parseDockerignore(fs.readFileSync(file, 'utf8')) };
      this.cache.set(file, { mtimeMs: stat.mtimeMs, file: parsed });
      return parsed;
    } catch {
      return undefined;
    }
  }
}
