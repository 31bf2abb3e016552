// npm run migrate — applies pending migrations (the server also does this at start).
import { migrate } from '../db/migrate.ts';
import { openConfiguredDatabase } from './open.ts';

const db = await openConfiguredDatabase();
try {
  const applied = await migrate(db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.close();
}
