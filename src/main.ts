import { join } from 'node:path';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { warmUpDocuments } from './documents/pdf.ts';
import { startJobs } from './jobs/index.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedIfEmpty } from './seed/demo.ts';
import { buildApp } from './server/app.ts';
import type { AppContext } from './server/context.ts';

const started = performance.now();
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
await migrate(db);
const seeded = await seedIfEmpty(db, config);
const ctx: AppContext = { db, config };
const app = await buildApp(ctx);
await app.listen({ port: config.port, host: config.host });
// The queue starts after the server answers: a mail written before then stays in the outbox,
// and the queue's first sweep delivers it.
const jobs = await startJobs(db, config);
ctx.jobs = jobs.queue;

const ms = Math.round(performance.now() - started);
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${join(config.dataDir, 'pglite')}`;
console.log(`\nSamverka is running at ${config.publicUrl} (ready in ${ms} ms, database: ${where})`);
console.log(`API documentation: ${config.publicUrl}/api/docs`);
if (config.localMailbox) {
  const who = config.mailboxFromAnywhere ? 'open to every address (MAILBOX_FROM_ANYWHERE=true)' : 'readable only from this machine';
  console.log(`No SMTP_URL: mails go to the local mailbox at ${config.publicUrl}/mailbox, ${who}`);
}
if (seeded) console.log('Loaded the demo data.');
console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(34)} ${l.what}`);
console.log('');
// After the server answers: the first document anyone asks for is then as quick as the rest.
await warmUpDocuments();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await jobs.stop();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
