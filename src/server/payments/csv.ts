// The run's payments as a CSV file for people: UTF-8 with a byte order mark and semicolons, which is
// what Excel with Swedish settings opens without an import dialogue. Layout: docs/payments-csv.md.
import { addOre, decimalKronor, type Ore, ZERO_ORE } from '../../domain/money.ts';
import type { RunHeader, RunPayment } from '../../domain/payments/types.ts';
import { csvLine } from '../exports.ts';

/** The columns in order; the header row is these names. docs/payments-csv.md describes each. */
export const PAYMENTS_CSV_COLUMNS = [
  'Utbetalningsomgång',
  'Betalningsdag',
  'End-to-end-id',
  'Mottagare',
  'Organisationsnummer',
  'Kontotyp',
  'Kontonummer',
  'Belopp (öre)',
  'Belopp (kr)',
  'Meddelande',
  'Avtal',
  'Konto',
  'Ansvar',
  'Verksamhet',
  'Projekt',
] as const;

// Every cell goes through the service's one CSV writer, so a payee's name can never run as a formula.
const row = (fields: (string | number)[]): string => csvLine(fields);

/**
 * Streams the run as CSV text, one row per chunk (the first chunk starts with the BOM). Throws at
 * the end when the payments' count or sum differ from the header's.
 */
export async function* paymentsCsv(header: RunHeader, payments: AsyncIterable<RunPayment> | Iterable<RunPayment>): AsyncGenerator<string> {
  yield `\uFEFF${row([...PAYMENTS_CSV_COLUMNS])}`;
  let count = 0;
  let total: Ore = ZERO_ORE;
  for await (const p of payments) {
    count += 1;
    total = addOre(total, p.amount);
    yield row([
      header.runNumber,
      header.executionDate,
      p.endToEndId,
      p.payeeName,
      p.payeeOrgNumber,
      p.account.kind,
      p.account.number,
      p.amount,
      decimalKronor(p.amount),
      p.remittance,
      p.agreementNumber,
      p.accounting.account,
      p.accounting.responsibility ?? '',
      p.accounting.activity ?? '',
      p.accounting.project ?? '',
    ]);
  }
  if (count !== header.count || total !== header.total) {
    throw new Error(`run ${header.runNumber}: ${count} payments of ${total} öre written, the header says ${header.count} of ${header.total}`);
  }
}
