// A run's three files: the bank's credit transfers (pain.001), the bookings (SIE 4I) and a CSV for
// finance systems that take neither. Each is written from the run's stored payments and the settings
// kept at approval, so a file written again later is byte-identical to the one sent; the SHA-256 of
// each, taken at approval, proves it.
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/connection.ts';
import type { RunFiles } from '../../db/schema.ts';
import { pain001 } from '../../domain/payments/pain001.ts';
import { sie4i } from '../../domain/payments/sie.ts';
import type { PayerSettings, RunHeader, RunPayment } from '../../domain/payments/types.ts';
import { paymentsCsv } from './csv.ts';

export const RUN_FILES = {
  pain001: { type: 'application/xml; charset=utf-8', name: (n: string) => `${slug(n)}.pain001.xml` },
  sie: { type: 'application/octet-stream', name: (n: string) => `${slug(n)}.si` },
  csv: { type: 'text/csv; charset=utf-8', name: (n: string) => `${slug(n)}.csv` },
} as const;
export type RunFileKind = keyof typeof RUN_FILES;

const slug = (runNumber: string) => runNumber.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

export const SIE_PROGRAM = { name: 'Samverka', version: '1.0' };

/** The chunks of one file of a run. */
export function runFile(
  kind: RunFileKind,
  header: RunHeader,
  settings: PayerSettings,
  payments: AsyncIterable<RunPayment>,
): AsyncGenerator<string | Uint8Array> {
  if (kind === 'pain001') return pain001(header, settings, payments);
  if (kind === 'sie') return sie4i(header, { ...settings, program: SIE_PROGRAM }, payments);
  return paymentsCsv(header, payments);
}

async function hashOf(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  const h = createHash('sha256');
  for await (const c of chunks) h.update(c);
  return h.digest('hex');
}

/** The SHA-256 of each of a run's files, writing them once without keeping them. */
export async function runFileHashes(header: RunHeader, settings: PayerSettings, payments: () => AsyncIterable<RunPayment>): Promise<RunFiles> {
  return {
    pain001: await hashOf(runFile('pain001', header, settings, payments())),
    sie: await hashOf(runFile('sie', header, settings, payments())),
    csv: await hashOf(runFile('csv', header, settings, payments())),
  };
}

/** Reads through the caller's open transaction (at approval, before commit). */
export const within =
  (tx: Tx) =>
  <T>(fn: (tx: Tx) => Promise<T>) =>
    fn(tx);
