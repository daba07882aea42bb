// The `.env` reader is shared with the extension (which reads COMPOSE_PROJECT_NAME from it): see common/src/dotenv.ts.
// Here its values are interpolated as Compose does (unquoted and double-quoted values may use the variables above).
import { parseDotenv as readDotenv } from '../../../common/src/dotenv';
import { interpolate } from './interpolate';

export function parseDotenv(text: string): Map<string, string> {
  return readDotenv(text, interpolate);
}
