// The run's payments as a CSV file for people: UTF-8 with a byte order mark and semicolons, which is
// what Excel with Swedish settings opens without an import dialogue. Layout: docs/payments-csv.md.
import { stringify } from 'csv-stringify/sync';
import { addOre, decimalKronor, type Ore, ZERO_ORE } from '../money.ts';
import type { RunHeader, RunPayment } from './types.ts';

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

const row = (fields: (string | number)[]): string =>
  stringify([fields], {
    delimiter: ';',
    record_delimiter: '\r\n',
    // Given a record delimiter, csv-stringify would otherwise leave a lone \n in a field unquoted.
    quote_record_delimiter: true,
    // Payees name themselves: a name starting with = + - @ must not run as a formula in Excel.
    escape_formulas: true,
  });

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
