import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BankFileError, parseCamt054, parsePain002 } from '../../src/domain/payments/bank-status.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/bank/${name}`, import.meta.url), 'utf8');

function bankFileError(f: () => unknown): BankFileError {
  try {
    f();
  } catch (e) {
    if (e instanceof BankFileError) return e;
    throw new Error(`expected a BankFileError, got ${String(e)}`);
  }
  throw new Error('expected a BankFileError, got a result');
}

describe('pain.002 payment status report', () => {
  it('reads accepted, rejected and pending payments with their reasons', () => {
    const report = parsePain002(fixture('pain002-mixed.xml'));
    expect(report.originalMessageId).toBe('SN U2026-00003');
    expect(report.groupStatus).toEqual({ status: 'partial', reasonCode: null, reasonText: null });
    expect(report.payments).toEqual([
      { endToEndId: 'SN A2022-00002/1', status: 'accepted', reasonCode: null, reasonText: null },
      { endToEndId: 'SN A2022-00003/1', status: 'rejected', reasonCode: 'AC01', reasonText: 'Incorrect account number' },
      { endToEndId: 'SN A2022-00004/2', status: 'pending', reasonCode: 'CUTOFF', reasonText: 'Received after cut-off, executed next bank day' },
      { endToEndId: 'SN A2022-00005/1', status: 'rejected', reasonCode: 'BE06', reasonText: 'Okänd betalningsmottagare & fel namn' },
    ]);
  });

  it('matches local names whatever the prefix, and a payment without its own status takes its block’s', () => {
    const report = parsePain002(fixture('pain002-prefixed.xml'));
    expect(report.originalMessageId).toBe('SN U2026-00004');
    expect(report.groupStatus).toBeNull();
    expect(report.payments.map((p) => [p.endToEndId, p.status])).toEqual([
      ['SN A2023-00010/1', 'accepted'],
      ['SN A2023-00011/1', 'accepted'],
    ]);
  });

  it('reports a rejected file as a rejected group, with its reason', () => {
    const report = parsePain002(fixture('pain002-group-rejected.xml'));
    expect(report.originalMessageId).toBe('SN U2026-00005');
    expect(report.groupStatus).toEqual({ status: 'rejected', reasonCode: 'AM05', reasonText: 'Duplicate file: message id already received' });
    expect(report.payments).toEqual([]);
  });

  it('rejects every listed payment of a rejected file, whatever its line says', () => {
    const xml = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
      <OrgnlGrpInfAndSts><OrgnlMsgId>SN U2026-00006</OrgnlMsgId><GrpSts>RJCT</GrpSts>
        <StsRsnInf><Rsn><Cd>FF01</Cd></Rsn><AddtlInf>Ogiltigt filformat för Çağla</AddtlInf></StsRsnInf></OrgnlGrpInfAndSts>
      <OrgnlPmtInfAndSts><TxInfAndSts><OrgnlEndToEndId>E1</OrgnlEndToEndId></TxInfAndSts>
        <TxInfAndSts><OrgnlEndToEndId>E2</OrgnlEndToEndId><TxSts>ACCP</TxSts></TxInfAndSts></OrgnlPmtInfAndSts>
    </CstmrPmtStsRpt></Document>`;
    const report = parsePain002(xml);
    expect(report.payments).toEqual([
      { endToEndId: 'E1', status: 'rejected', reasonCode: 'FF01', reasonText: 'Ogiltigt filformat för Çağla' },
      { endToEndId: 'E2', status: 'rejected', reasonCode: 'FF01', reasonText: 'Ogiltigt filformat för Çağla' },
    ]);
  });
});

describe('camt.054 debit notification', () => {
  it('reads each booked payment by its EndToEndId, exact to the öre', () => {
    const { entries } = parseCamt054(fixture('camt054-debits.xml'));
    expect(entries).toEqual([
      { endToEndId: 'SN A2022-00002/1', amount: 100000, bookingDate: '2026-04-02', debit: true },
      { endToEndId: 'SN A2022-00004/2', amount: 250070, bookingDate: '2026-04-02', debit: true },
      { endToEndId: 'SN A2022-00005/1', amount: 50005, bookingDate: '2026-04-02', debit: true },
      // The return: a credit, booked at 01:30 on 7 April in Stockholm.
      { endToEndId: 'SN A2022-00002/1', amount: 100000, bookingDate: '2026-04-07', debit: false },
    ]);
  });

  it('keeps amounts exact where floating point would not', () => {
    const entry = (amt: string) => `<Document><BkToCstmrDbtCdtNtfctn><Ntfctn><Ntry><Amt Ccy="SEK">${amt}</Amt><CdtDbtInd>DBIT</CdtDbtInd>
      <BookgDt><Dt>2026-04-02</Dt></BookgDt><NtryDtls><TxDtls><Refs><EndToEndId>E-1</EndToEndId></Refs></TxDtls></NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    expect(parseCamt054(entry('0.29')).entries[0].amount).toBe(29); // 0.29 * 100 is 28.999999999999996
    expect(parseCamt054(entry('90071992547409.91')).entries[0].amount).toBe(9007199254740991);
    expect(bankFileError(() => parseCamt054(entry('90071992547409.92'))).code).toBe('wrong_message');
    expect(bankFileError(() => parseCamt054(entry('1.005'))).code).toBe('wrong_message');
    expect(bankFileError(() => parseCamt054(entry('-1.00'))).code).toBe('wrong_message');
    expect(bankFileError(() => parseCamt054(entry('1e3'))).code).toBe('wrong_message');
    expect(bankFileError(() => parseCamt054(entry('1.00" Ccy="EUR'))).code).toBe('wrong_message');
    // The funder's account is in kronor: an amount in another currency is not silently read as öre.
    expect(bankFileError(() => parseCamt054(entry('1.00').replace('Ccy="SEK"', 'Ccy="EUR"'))).message).toMatch(/EUR, not SEK/);
  });

  it('reads any amount back exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 3 }), (ore, zeros) => {
        const text = `${Math.trunc(ore / 100)}.${String(ore % 100).padStart(2, '0')}${'0'.repeat(zeros)}`;
        const xml = `<BkToCstmrDbtCdtNtfctn><Ntfctn><Ntry><Amt Ccy="SEK">${text}</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-04-02</Dt></BookgDt>
          <NtryDtls><TxDtls><Refs><EndToEndId>E</EndToEndId></Refs></TxDtls></NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn>`;
        expect(parseCamt054(xml).entries[0].amount).toBe(ore);
      }),
    );
  });
});

describe('what is not a bank answer', () => {
  it('is a BankFileError saying whether it is not XML or another message', () => {
    const garbage = [
      '',
      'not xml at all',
      '{"status":"ok"}',
      '<Document><CstmrPmtStsRpt>',
      '<a></b>',
      '\u0000\uFFFF🌙',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    ];
    for (const input of garbage) {
      expect(bankFileError(() => parsePain002(input)).code).toBe('not_xml');
      expect(bankFileError(() => parseCamt054(input)).code).toBe('not_xml');
    }
    expect(bankFileError(() => parsePain002(fixture('camt054-debits.xml'))).code).toBe('wrong_message');
    expect(bankFileError(() => parseCamt054(fixture('pain002-mixed.xml'))).code).toBe('wrong_message');
    expect(bankFileError(() => parsePain002('<Document xmlns="urn:x"><Föreningen/></Document>')).code).toBe('wrong_message');
  });

  it('never crashes on arbitrary text (property)', () => {
    const xmlish = fc
      .array(fc.constantFrom('<', '>', '/', 'Document', 'CstmrPmtStsRpt', 'TxInfAndSts', 'Ntry', 'Amt', '="', '&', ';', 'å', '🌙', ' '), { maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), xmlish), (input) => {
        for (const parse of [parsePain002, parseCamt054]) {
          try {
            parse(input);
          } catch (e) {
            expect(e).toBeInstanceOf(BankFileError);
          }
        }
      }),
    );
  });
});
