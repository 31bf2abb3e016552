import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Database } from './connection.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_calls.ts';
import * as m0003 from './migrations/0003_applications.ts';
import * as m0004 from './migrations/0004_assessment.ts';
import * as m0005 from './migrations/0005_decision_letters.ts';
import * as m0006 from './migrations/0006_draft_comments.ts';
import * as m0007 from './migrations/0007_submitted_documents.ts';
import * as m0008 from './migrations/0008_idempotency_keys.ts';
import * as m0009 from './migrations/0009_numbered_series.ts';
import * as m0010 from './migrations/0010_audit_chains.ts';
import * as m0011 from './migrations/0011_notification_preferences.ts';
import * as m0012 from './migrations/0012_agreements_payments.ts';
import * as m0013 from './migrations/0013_follow_up.ts';
import * as m0014 from './migrations/0014_survey_release.ts';

/** Migrations are listed here, in order, so that bundlers and test runners see them. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_calls': m0002,
  '0003_applications': m0003,
  '0004_assessment': m0004,
  '0005_decision_letters': m0005,
  '0006_draft_comments': m0006,
  '0007_submitted_documents': m0007,
  '0008_idempotency_keys': m0008,
  '0009_numbered_series': m0009,
  '0010_audit_chains': m0010,
  '0011_notification_preferences': m0011,
  '0012_agreements_payments': m0012,
  '0013_follow_up': m0013,
  '0014_survey_release': m0014,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: false });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
