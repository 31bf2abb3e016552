import type { Reservation } from '../domain/assessment/types.ts';
import { formatKronor, type Ore, subtractOre } from '../domain/money.ts';
import { isolate, startPdf } from './pdf.ts';

export interface BasisRow {
  caseNumber: string;
  organisationName: string;
  title: string;
  amountRequested: Ore;
  screening: { outcome: string } | null;
  scores: { count: number; mean: number | null; spread: number | null };
  proposal: { amount: Ore; reasons: string } | null;
  decision: { outcome: string; amount: Ore; decidedOn: string; paragraph: string } | null;
}

export interface BasisData {
  funderName: string;
  decisionBody: string;
  callTitle: string;
  budget: { amount: Ore; granted: Ore; remaining: Ore; proposedUndecided: Ore };
  rows: BasisRow[];
  printedOn: string;
}

const T = {
  sv: {
    title: 'Beslutsunderlag',
    call: 'Utlysning',
    body: 'Till',
    printed: 'Utskrivet',
    budget: 'Budget',
    granted: 'Redan beviljat',
    proposed: 'Föreslaget, ej beslutat',
    left: 'Kvar om förslagen bifalls',
    requested: 'Sökt',
    screening: { eligible: 'Uppfyller villkoren', ineligible: 'Uppfyller inte villkoren', none: 'Ej prövad' },
    scores: (n: number, mean: string, spread: string) => (n ? `Bedömning: ${mean} i snitt (spridning ${spread}, ${n} bedömare)` : 'Bedömning: ingen ännu'),
    proposal: 'Förslag',
    noProposal: 'Inget förslag ännu',
    reasons: 'Motivering',
    decided: 'Beslutat',
  },
  en: {
    title: 'Decision basis',
    call: 'Call',
    body: 'For',
    printed: 'Printed',
    budget: 'Budget',
    granted: 'Already granted',
    proposed: 'Proposed, not decided',
    left: 'Left if the proposals are adopted',
    requested: 'Applied for',
    screening: { eligible: 'Meets the conditions', ineligible: 'Does not meet the conditions', none: 'Not screened' },
    scores: (n: number, mean: string, spread: string) => (n ? `Assessment: ${mean} on average (spread ${spread}, ${n} reviewers)` : 'Assessment: none yet'),
    proposal: 'Proposal',
    noProposal: 'No proposal yet',
    reasons: 'Reasons',
    decided: 'Decided',
  },
};

const decimal = (n: number | null, lang: 'sv' | 'en') =>
  n === null ? '—' : n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** The committee's decision basis: every proposal with its scores, amounts and reasons, and the budget left. */
export function decisionBasisPdf(lang: 'sv' | 'en', d: BasisData): Promise<Buffer> {
  const t = T[lang];
  const kr = (n: Ore) => formatKronor(n, lang);
  const { text, heading, field, table, gap, finish } = startPdf(`${t.title}: ${d.callTitle}`, d.funderName, lang);
  gap(0.3);
  field(t.body, d.decisionBody || d.funderName);
  field(t.printed, d.printedOn);
  heading(t.budget);
  table(
    [
      [t.budget, kr(d.budget.amount)],
      [t.granted, kr(d.budget.granted)],
      [t.proposed, kr(d.budget.proposedUndecided)],
      [t.left, kr(subtractOre(d.budget.remaining, d.budget.proposedUndecided))],
    ],
    [2, 1],
  );
  for (const r of d.rows) {
    heading(`${r.caseNumber} ${isolate(r.organisationName)}`);
    text(r.title);
    field(t.requested, kr(r.amountRequested));
    text(t.screening[(r.screening?.outcome as 'eligible' | 'ineligible' | undefined) ?? 'none']);
    text(t.scores(r.scores.count, decimal(r.scores.mean, lang), decimal(r.scores.spread, lang)));
    if (r.decision) field(t.decided, `${r.decision.decidedOn} ${r.decision.paragraph}: ${kr(r.decision.amount)}`);
    else if (r.proposal) {
      field(t.proposal, kr(r.proposal.amount));
      field(t.reasons, r.proposal.reasons);
    } else text(t.noProposal);
  }
  return finish();
}

export interface MinutesRow {
  paragraph: string;
  caseNumber: string;
  organisationName: string;
  outcome: string;
  amount: Ore;
  reasons: string;
  reservations: Reservation[];
}

const M = {
  sv: {
    title: 'Protokollsutdrag',
    meeting: 'Sammanträde',
    outcome: { approved: 'Beviljas', partially_approved: 'Beviljas delvis', rejected: 'Avslås' } as Record<string, string>,
    reservation: 'reserverar sig',
    dissent: 'anmäler avvikande mening',
    attest: 'Utdragsbestyrkande',
  },
  en: {
    title: 'Extract from the minutes',
    meeting: 'Meeting',
    outcome: { approved: 'Approved', partially_approved: 'Partly approved', rejected: 'Rejected' } as Record<string, string>,
    reservation: 'enters a reservation',
    dissent: 'records a dissenting opinion',
    attest: 'Certified extract',
  },
};

/** The record of a meeting's grant decisions (protokollsutdrag), paragraph by paragraph. */
export function minutesPdf(
  lang: 'sv' | 'en',
  d: { funderName: string; decisionBody: string; callTitle: string; decidedOn: string; rows: MinutesRow[] },
): Promise<Buffer> {
  const t = M[lang];
  const { text, heading, field, gap, finish } = startPdf(t.title, d.funderName, lang);
  gap(0.3);
  field(t.meeting, `${isolate(d.decisionBody || d.funderName)}, ${d.decidedOn}`);
  text(d.callTitle);
  for (const r of d.rows) {
    heading(`${r.paragraph} ${r.caseNumber} ${isolate(r.organisationName)}`);
    field(t.outcome[r.outcome] ?? r.outcome, formatKronor(r.amount, lang));
    text(r.reasons);
    for (const x of r.reservations)
      text(`${isolate(x.by)} ${x.kind === 'reservation' ? t.reservation : t.dissent}${x.text.trim() ? `: ${isolate(x.text)}` : '.'}`);
  }
  gap(2);
  text(`${t.attest}: ____________________`);
  return finish();
}
