// The .dockerignore that applies to a Dockerfile: `<Dockerfile name>.dockerignore` beside it (BuildKit
// prefers it), else `.dockerignore` in its folder, taken as the build context (the usual layout).
import * as path from 'path';
import { parseDockerignore, type IgnorePattern } from '../dockerfile/dockerignore';
import { filePathOf } from '../util/filePath';
import { FileCache } from './FileCache';

export interface IgnoreFile {
  name: string;
  patterns: IgnorePattern[];
}

export class DockerignoreFiles {
  private readonly files = new FileCache<IgnoreFile>((text, file) => ({ name: path.basename(file), patterns: parseDockerignore(text) }));

  /** The ignore file of the Dockerfile at `uri`, or undefined (no file, or not a file: uri). */
  forDockerfile(uri: string): IgnoreFile | undefined {
    const dockerfile = filePathOf(uri);
    if (!dockerfile) return undefined;
    const folder = path.dirname(dockerfile);
    return this.files.get(path.join(folder, `${path.basename(dockerfile)}.dockerignore`)) ?? this.files.get(path.join(folder, '.dockerignore'));
  }
}
