// npm run audit:verify — checks the whole audit chain: every link, and that it ends where the head says.
import { verifyAuditTrail } from '../db/audit.ts';
import type { Database } from '../db/connection.ts';
import { openConfiguredDatabase } from './open.ts';

/** Problems printed one per line; past that, a count, since one tampering can touch many entries. */
const SHOWN = 20;

export interface AuditReport {
  exitCode: 0 | 1;
  /** For standard output when intact, standard error when not. */
  text: string;
}

/** What the command says about the database's audit trail, and the exit code it ends with. */
export async function auditReport(db: Database): Promise<AuditReport> {
  const verdict = await verifyAuditTrail(db);
  if (verdict.ok)
    return { exitCode: 0, text: `Audit trail intact: ${verdict.count} entries, ending at entry ${verdict.seq} as the head says, head ${verdict.head}` };
  const where = verdict.brokenAt === null ? 'at its head' : `at entry #${verdict.brokenAt}${verdict.entryId ? ` (id ${verdict.entryId})` : ''}`;
  const lines = [`Audit trail BROKEN ${where}: ${verdict.problem}. ${verdict.count} entries before it hold.`];
  if (verdict.problems.length > 1) {
    lines.push(`${verdict.problems.length} problems:`);
    for (const p of verdict.problems.slice(0, SHOWN)) lines.push(`  - ${p.message}${p.entryId ? ` (id ${p.entryId})` : ''}`);
    if (verdict.problems.length > SHOWN) lines.push(`  … and ${verdict.problems.length - SHOWN} more`);
  }
  return { exitCode: 1, text: lines.join('\n') };
}

if (import.meta.main) {
  const db = await openConfiguredDatabase();
  try {
    const report = await auditReport(db);
    if (report.exitCode === 0) console.log(report.text);
    else console.error(report.text);
    process.exitCode = report.exitCode;
  } finally {
    await db.close();
  }
}
