// The `.env` reader is shared with the extension (which reads COMPOSE_PROJECT_NAME from it): see common/src/dotenv.ts.
export { parseDotenv } from '../../../common/src/dotenv';
