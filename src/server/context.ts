import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { JobQueue } from '../jobs/queue.ts';

export type { JobQueue };

export interface AppContext {
  db: Database;
  config: Config;
  jobs?: JobQueue;
}
