// npm run audit:verify — checks the whole audit chain and names the first broken entry.
import { verifyAuditTrail } from '../db/audit.ts';
import { openConfiguredDatabase } from './open.ts';

const db = await openConfiguredDatabase();
try {
  const verdict = await verifyAuditTrail(db);
  if (verdict.ok) {
    console.log(`Audit trail intact: ${verdict.count} entries, head ${verdict.head}`);
  } else {
    console.error(`Audit trail BROKEN at entry #${verdict.brokenAt} (id ${verdict.entryId}): ${verdict.problem}. ${verdict.count} entries before it hold.`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
