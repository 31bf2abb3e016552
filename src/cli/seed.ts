// npm run seed — loads the demo data into an empty database (the server also does this at first start).
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { seedIfEmpty } from '../seed/demo.ts';
import { openConfiguredDatabase } from './open.ts';

const db = await openConfiguredDatabase();
try {
  await migrate(db);
  console.log((await seedIfEmpty(db, loadConfig())) ? 'Loaded the demo data.' : 'The database already has data; nothing loaded.');
} finally {
  await db.close();
}
