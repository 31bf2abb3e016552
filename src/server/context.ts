import type { Config } from '../config.ts';
import type { Database, Tx } from '../db/connection.ts';

/** Background work the request path can hand over inside its own transaction. */
export interface JobQueue {
  sendInTx(tx: Tx, queue: string, data: object[]): Promise<void>;
}

export interface AppContext {
  db: Database;
  config: Config;
  jobs?: JobQueue;
}
