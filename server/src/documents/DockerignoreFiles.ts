// The .dockerignore that applies to a Dockerfile: `<Dockerfile name>.dockerignore` beside it (BuildKit
// prefers it), else `.dockerignore` in its folder, taken as the build context (the usual layout).
import * as path from 'path';
import { parseDockerignore, type IgnorePattern } from '../dockerfile/dockerignore';
import { filePathOf } from '../util/filePath';
import type { FileAccess } from './FileAccess';
import { FileCache } from './FileCache';

export interface IgnoreFile {
  name: string;
  patterns: IgnorePattern[];
}

export class DockerignoreFiles {
  private readonly files: FileCache<IgnoreFile>;

  constructor(access: FileAccess) {
    this.files = new FileCache<IgnoreFile>((text, file) => ({ name: path.basename(file), patterns: parseDockerignore(text) }), access);
  }

  /** The ignore file of the Dockerfile at `uri`, or undefined (no file, or not a file: uri). */
  forDockerfile(uri: string): IgnoreFile | undefined {
    const dockerfile = filePathOf(uri);
    if (!dockerfile) return undefined;
    const folder = path.dirname(dockerfile);
    const own = this.files.read(path.join(folder, `${path.basename(dockerfile)}.dockerignore`), folder);
    if ('value' in own) return own.value;
    // While the Dockerfile's own ignore file is loading (or cannot be read), .dockerignore is not what applies.
    if (own.refused !== 'missing') return undefined;
    return this.files.get(path.join(folder, '.dockerignore'), folder);
  }
}
