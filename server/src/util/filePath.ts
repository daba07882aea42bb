import * as path from 'path';
import { fileURLToPath } from 'url';

/** The absolute file path of a `file:` URI or of a path; undefined for other schemes (untitled: ...). */
export function filePathOf(uri: string): string | undefined {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(uri)) return undefined;
  return path.isAbsolute(uri) ? uri : undefined;
}
