// npm run audit:verify — checks every audit chain (the platform's and each funder's): every link, and that each ends where its head says.
import { type ChainReport, PLATFORM_CHAIN, verifyAuditTrail } from '../db/audit.ts';
import type { Database } from '../db/connection.ts';
import { openConfiguredDatabase } from './open.ts';

/** Problems printed one per line; past that, a count, since one tampering can touch many entries. */
const SHOWN = 20;

export interface AuditReport {
  exitCode: 0 | 1;
  /** For standard output when intact, standard error when not. */
  text: string;
}

const NAME_OF = (c: ChainReport) => (c.chain === PLATFORM_CHAIN ? 'the platform' : (c.funderName ?? `funder ${c.chain}`));

/** What the command says about the database's audit trail (every chain), and the exit code it ends with. */
export async function auditReport(db: Database): Promise<AuditReport> {
  const trails = await verifyAuditTrail(db);
  const lines: string[] = [];
  if (trails.ok) {
    lines.push(`Audit trail intact: ${trails.count} entries in ${trails.chains.length} chains, each ending where its head says`);
    for (const c of trails.chains)
      if (c.verdict.ok) lines.push(`  - ${NAME_OF(c)}: ${c.verdict.count} entries, ending at entry ${c.verdict.seq}, head ${c.verdict.head}`);
    return { exitCode: 0, text: lines.join('\n') };
  }
  const broken = trails.chains.filter((c) => !c.verdict.ok);
  lines.push(`Audit trail BROKEN in ${broken.length} of ${trails.chains.length} chains (${broken.map(NAME_OF).join(', ')})`);
  for (const c of trails.chains) {
    const v = c.verdict;
    if (v.ok) {
      lines.push(`${NAME_OF(c)}: intact, ${v.count} entries, ending at entry ${v.seq}`);
      continue;
    }
    const where = v.brokenAt === null ? 'at its head' : `at entry #${v.brokenAt}${v.entryId ? ` (id ${v.entryId})` : ''}`;
    lines.push(`${NAME_OF(c)}: BROKEN ${where}: ${v.problem}. ${v.count} entries before it hold.`);
    if (v.problems.length > 1) {
      lines.push(`  ${v.problems.length} problems:`);
      for (const p of v.problems.slice(0, SHOWN)) lines.push(`  - ${p.message}${p.entryId ? ` (id ${p.entryId})` : ''}`);
      if (v.problems.length > SHOWN) lines.push(`  … and ${v.problems.length - SHOWN} more`);
    }
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
