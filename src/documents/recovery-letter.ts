import type { AppealInfo } from '../domain/assessment/decisions.ts';
import { formatKronor, type Ore } from '../domain/money.ts';
import { appealSection } from './decision-letter.ts';
import { isolate, startPdf } from './pdf.ts';

export type RecoveryGrounds = 'unused' | 'unreported' | 'misused';

export interface RecoveryLetterData {
  /** The recovery's own number ("SN R2023/00001"). */
  number: string;
  funderName: string;
  decisionBody: string;
  decidedOn: string;
  letterDate: string;
  /** Who made the decision (a committee's chair, or the official with delegation). */
  decidedBy: string;
  organisationName: string;
  orgNumber: string;
  caseNumber: string;
  agreementNumber: string;
  applicationTitle: string;
  granted: Ore;
  paid: Ore;
  /** What is reclaimed; may be part of what was paid. */
  amount: Ore;
  grounds: RecoveryGrounds;
  reasons: string;
  payBy: string;
  payTo: { kind: 'bankgiro' | 'plusgiro'; number: string; reference: string };
  appeal: AppealInfo;
}

const T = {
  sv: {
    title: 'Beslut om återkrav',
    letterDate: 'Datum',
    number: 'Beslutsnummer',
    caseNumber: 'Diarienummer',
    agreement: 'Avtal',
    parties: 'Parter',
    funder: 'Beslutande',
    recipient: 'Mottagare',
    application: 'Ansökan',
    decision: 'Beslut',
    decisionText: (body: string, date: string, org: string, amount: string) => `${body} beslutade ${date} att kräva tillbaka ${amount} av ${org}.`,
    decidedBy: 'Beslutet fattades av',
    amounts: 'Belopp',
    granted: 'Beviljat bidrag',
    paid: 'Utbetalt',
    reclaimed: 'Återkrävs',
    reasons: 'Skäl för beslutet',
    grounds: 'Grund',
    groundsLabel: { unused: 'Outnyttjade medel', unreported: 'Ingen redovisning', misused: 'Medlen har använts till annat än uppdraget' },
    pay: 'Så betalar ni',
    payText: (amount: string, by: string, giro: string, reference: string) =>
      `Betala ${amount} senast ${by} till ${giro}. Ange referensen ${reference} vid betalningen, så att den kan kopplas till detta beslut.`,
    giro: { bankgiro: 'bankgiro', plusgiro: 'plusgiro' },
    giroLabel: { bankgiro: 'Bankgiro', plusgiro: 'Plusgiro' },
    reference: 'Referens',
    payBy: 'Betalas senast',
    unpaid: 'Om beloppet inte betalas',
    unpaidText: (funder: string, by: string) =>
      `Har beloppet inte kommit in senast ${by} skickar ${funder} en påminnelse. Betalas det ändå inte kan fordran lämnas till inkasso eller till Kronofogdemyndigheten, och dröjsmålsränta enligt räntelagen (1975:635) kan tillkomma. Kan ni inte betala i tid, hör av er före förfallodagen så kan en avbetalningsplan diskuteras.`,
  },
  en: {
    title: 'Decision on recovery',
    letterDate: 'Date',
    number: 'Decision number',
    caseNumber: 'Case number',
    agreement: 'Agreement',
    parties: 'Parties',
    funder: 'Decided by',
    recipient: 'Recipient',
    application: 'Application',
    decision: 'Decision',
    decisionText: (body: string, date: string, org: string, amount: string) => `${body} decided on ${date} to reclaim ${amount} from ${org}.`,
    decidedBy: 'The decision was made by',
    amounts: 'Amounts',
    granted: 'Grant awarded',
    paid: 'Paid out',
    reclaimed: 'Reclaimed',
    reasons: 'Reasons for the decision',
    grounds: 'Grounds',
    groundsLabel: { unused: 'Unused funds', unreported: 'No report submitted', misused: 'The funds were used for other than the assignment' },
    pay: 'How to pay',
    payText: (amount: string, by: string, giro: string, reference: string) =>
      `Pay ${amount} no later than ${by} to ${giro}. Give the reference ${reference} with the payment, so that it can be matched to this decision.`,
    giro: { bankgiro: 'bankgiro', plusgiro: 'plusgiro' },
    giroLabel: { bankgiro: 'Bankgiro', plusgiro: 'Plusgiro' },
    reference: 'Reference',
    payBy: 'Pay by',
    unpaid: 'If the amount is not paid',
    unpaidText: (funder: string, by: string) =>
      `If the amount has not been received by ${by}, ${funder} sends a reminder. If it is still not paid, the claim may be passed to debt collection or to the Swedish Enforcement Authority (Kronofogden), and late-payment interest under the Interest Act (1975:635) may be added. If you cannot pay in time, contact us before the due date to discuss a payment plan.`,
  },
};

/** The decision to reclaim a grant, in whole or part: what and why, how and by when to pay, what happens otherwise, and how to appeal. */
export function recoveryLetterPdf(lang: 'sv' | 'en', d: RecoveryLetterData): Promise<Buffer> {
  const t = T[lang];
  const kr = (n: Ore) => formatKronor(n, lang);
  const { text, heading, field, gap, finish } = startPdf(`${t.title} ${d.number}`, d.funderName, lang);
  gap(0.3);
  field(t.letterDate, d.letterDate);
  field(t.number, d.number);
  field(t.caseNumber, d.caseNumber);
  field(t.agreement, d.agreementNumber);

  heading(t.parties);
  field(t.funder, `${isolate(d.funderName)}${d.decisionBody && d.decisionBody !== d.funderName ? ` (${isolate(d.decisionBody)})` : ''}`);
  field(t.recipient, `${isolate(d.organisationName)}${d.orgNumber ? `, ${d.orgNumber}` : ''}`);
  field(t.application, d.applicationTitle);

  heading(t.decision);
  text(t.decisionText(isolate(d.decisionBody || d.funderName), d.decidedOn, isolate(d.organisationName), kr(d.amount)), { bold: true });
  if (d.decidedBy.trim()) field(t.decidedBy, isolate(d.decidedBy));

  heading(t.amounts);
  field(t.granted, kr(d.granted));
  field(t.paid, kr(d.paid));
  field(t.reclaimed, kr(d.amount));

  heading(t.reasons);
  field(t.grounds, t.groundsLabel[d.grounds]);
  text(d.reasons);

  heading(t.pay);
  text(t.payText(kr(d.amount), d.payBy, `${t.giro[d.payTo.kind]} ${d.payTo.number}`, d.payTo.reference));
  gap(0.3);
  field(t.giroLabel[d.payTo.kind], d.payTo.number);
  field(t.reference, d.payTo.reference);
  field(t.payBy, d.payBy);

  heading(t.unpaid);
  text(t.unpaidText(isolate(d.funderName), d.payBy));

  const appeal = appealSection(lang, d.appeal);
  heading(appeal.heading);
  text(appeal.text);
  return finish();
}
