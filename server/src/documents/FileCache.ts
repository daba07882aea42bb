// Files of the user's project that the server reads from disk (.dockerignore, .env, a service's Dockerfile,
// a base compose file): each parsed once per modification time. Missing or unreadable files are undefined.
import * as fs from 'fs';

export class FileCache<T> {
  private readonly cache = new Map<string, { mtimeMs: number; value: T }>();

  constructor(private readonly parse: (text: string, file: string) => T) {}

  get(file: string): T | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.cache.delete(file);
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs) return hit.value;
    try {
      const value = this.parse(fs.readFileSync(file, 'utf8'), file);
      this.cache.set(file, { mtimeMs: stat.mtimeMs, value });
      return value;
    } catch {
      return undefined;
    }
  }
}
