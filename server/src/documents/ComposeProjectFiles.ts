// Files around a compose file that its language features read: the project's `.env` (interpolation
// completion and hover) and the Dockerfiles services build from (build.target completion).
import * as path from 'path';
import { parseDotenv } from '../compose/dotenv';
import { parseDockerfile } from '../dockerfile/parser';
import { FileCache, filePath } from './FileCache';

export class ComposeProjectFiles {
  private readonly envFiles = new FileCache(parseDotenv);
  private readonly stages = new FileCache((text) => parseDockerfile(text).stages.flatMap((s) => (s.name ? [s.name.value] : [])));

  /** The variables of `.env` beside the compose file at `uri` (empty when there is none). */
  env(uri: string): ReadonlyMap<string, string> {
    const file = filePath(uri);
    return (file && this.envFiles.get(path.join(path.dirname(file), '.env'))) || new Map();
  }

  /** Stage names of the Dockerfile a build uses, resolved against the compose file's folder. */
  dockerfileStages(uri: string, buildContext: string, dockerfile: string): string[] | undefined {
    const file = filePath(uri);
    if (!file || /\$|:\/\//.test(buildContext + dockerfile)) return undefined;
    const contextDir = path.resolve(path.dirname(file), buildContext);
    return this.stages.get(path.resolve(contextDir, dockerfile));
  }
}
