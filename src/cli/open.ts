import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/connection.ts';

/** Opens the database the server would use (DATABASE_URL, or the embedded one in DATA_DIR). */
export function openConfiguredDatabase(): Promise<Database> {
  const config = loadConfig();
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), poolSize: 2 });
}
