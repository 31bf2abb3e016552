import type { AppealInfo } from '../domain/assessment/decisions.ts';
import type { DecisionOutcome, Reservation } from '../domain/assessment/types.ts';
import { formatKronor, type Ore } from '../domain/money.ts';
import { isolate, startPdf } from './pdf.ts';

export interface DecisionLetterData {
  funderName: string;
  decisionBody: string;
  madeBy: 'committee' | 'delegate';
  paragraph: string;
  decidedOn: string;
  letterDate: string;
  caseNumber: string;
  organisationName: string;
  orgNumber: string;
  callTitle: string;
  applicationTitle: string;
  outcome: DecisionOutcome;
  amount: Ore;
  amountRequested: Ore;
  grantFrom: string | null;
  grantTo: string | null;
  conditions: string;
  reasons: string;
  reportDueMonths: number;
  reportingDuties: { financial: boolean; survey: boolean };
  reservations: Reservation[];
  appeal: AppealInfo;
  supersedes: { decidedOn: string; paragraph: string } | null;
}

/** How to appeal, as every decision the funder sends says it (the grant decision, a recovery decision). */
const APPEAL = {
  sv: {
    heading: 'Hur man överklagar',
    kommunallagen: (from: string, deadline: string) =>
      `Beslutet kan överklagas genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725). Alla kommunmedlemmar får överklaga. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då det tillkännagavs på kommunens anslagstavla att protokollet justerats (${from}), det vill säga senast ${deadline}. I överklagandet ska anges vilket beslut som överklagas och skälen till att beslutet strider mot lag.`,
    forvaltningslagen: (_from: string, deadline: string) =>
      `Beslutet kan överklagas enligt 40–45 §§ förvaltningslagen (2017:900). Överklagandet ska vara skriftligt och ha kommit in till myndigheten inom tre veckor från den dag ni fick del av beslutet; räknat från detta brevs datum senast ${deadline}. Ange vilket beslut som överklagas och vilken ändring ni begär.`,
  },
  en: {
    heading: 'How to appeal',
    kommunallagen: (from: string, deadline: string) =>
      `The decision can be appealed by a judicial review of legality (laglighetsprövning) under chapter 13 of the Local Government Act (2017:725). Any resident of the municipality may appeal. The appeal must reach the administrative court within three weeks of the day the approval of the minutes was announced on the municipality's notice board (${from}), that is no later than ${deadline}. State which decision is appealed and why it is unlawful.`,
    forvaltningslagen: (_from: string, deadline: string) =>
      `The decision can be appealed under sections 40–45 of the Administrative Procedure Act (2017:900). The appeal must be in writing and reach the authority within three weeks of the day you were notified of the decision; counted from the date of this letter, no later than ${deadline}. State which decision is appealed and what change you ask for.`,
  },
};

/** The heading and paragraph on how to appeal a decision, by the law it is appealed under. */
export function appealSection(lang: 'sv' | 'en', appeal: AppealInfo): { heading: string; text: string } {
  const a = APPEAL[lang];
  return { heading: a.heading, text: a[appeal.law](appeal.from, appeal.deadline) };
}

const T = {
  sv: {
    title: 'Beslut om bidrag',
    parties: 'Parter',
    funder: 'Beslutande',
    applicant: 'Sökande',
    caseNumber: 'Diarienummer',
    call: 'Utlysning',
    application: 'Ansökan',
    decision: 'Beslut',
    decidedBy: (body: string, committee: boolean, paragraph: string, date: string) =>
      committee ? `${body} beslutade ${date}${paragraph ? `, ${paragraph}` : ''}:` : `Beslut fattat på delegation av ${body} ${date}:`,
    outcome: {
      approved: (a: string) => `Ansökan beviljas. Bidrag lämnas med ${a}.`,
      partially_approved: (a: string, r: string) => `Ansökan beviljas delvis. Bidrag lämnas med ${a} av sökta ${r}.`,
      rejected: () => 'Ansökan avslås.',
    },
    period: 'Bidragsperiod',
    conditions: 'Villkor',
    duties: 'Redovisning',
    dutyText: (months: number, financial: boolean, survey: boolean) =>
      [
        `Bidraget ska redovisas senast ${months} månader efter bidragsperiodens slut.`,
        financial ? 'Redovisningen ska visa vad bidraget använts till och vilka aktiviteter som erbjudits.' : '',
        survey ? 'Deltagarna ska ges möjlighet att anonymt besvara en enkät om sina erfarenheter.' : '',
        'Bidrag som inte används för det beviljade ändamålet, eller inte redovisas, kan krävas tillbaka.',
      ]
        .filter(Boolean)
        .join(' '),
    reasons: 'Skäl för beslutet',
    reservations: 'Reservationer och avvikande meningar',
    reservation: 'reserverade sig mot beslutet',
    dissent: 'anmälde avvikande mening',
    supersedes: (date: string, p: string) => `Detta beslut ersätter beslutet ${date}${p ? ` ${p}` : ''} i samma ärende.`,
    letterDate: 'Datum',
  },
  en: {
    title: 'Grant decision',
    parties: 'Parties',
    funder: 'Decided by',
    applicant: 'Applicant',
    caseNumber: 'Case number',
    call: 'Call',
    application: 'Application',
    decision: 'Decision',
    decidedBy: (body: string, committee: boolean, paragraph: string, date: string) =>
      committee ? `${body} decided on ${date}${paragraph ? `, ${paragraph}` : ''}:` : `Decided under delegation by ${body} on ${date}:`,
    outcome: {
      approved: (a: string) => `The application is approved. A grant of ${a} is awarded.`,
      partially_approved: (a: string, r: string) => `The application is partly approved. A grant of ${a} is awarded of the ${r} applied for.`,
      rejected: () => 'The application is rejected.',
    },
    period: 'Grant period',
    conditions: 'Conditions',
    duties: 'Reporting',
    dutyText: (months: number, financial: boolean, survey: boolean) =>
      [
        `The grant must be reported on no later than ${months} months after the grant period ends.`,
        financial ? 'The report shows what the grant was used for and which activities were offered.' : '',
        survey ? 'Participants are to be offered an anonymous survey about their experience.' : '',
        'A grant not used for its purpose, or not reported on, may be reclaimed.',
      ]
        .filter(Boolean)
        .join(' '),
    reasons: 'Reasons for the decision',
    reservations: 'Reservations and dissenting opinions',
    reservation: 'entered a reservation against the decision',
    dissent: 'recorded a dissenting opinion',
    supersedes: (date: string, p: string) => `This decision replaces the decision of ${date}${p ? ` ${p}` : ''} in the same case.`,
    letterDate: 'Date',
  },
};

/** The decision letter to the applicant: parties, case, decision, amount, period, conditions, duties, reasons and how to appeal. */
export function decisionLetterPdf(lang: 'sv' | 'en', d: DecisionLetterData): Promise<Buffer> {
  const t = T[lang];
  const kr = (n: Ore) => formatKronor(n, lang);
  const { text, heading, field, list, gap, finish } = startPdf(`${t.title} ${d.caseNumber}`, d.funderName, lang);
  gap(0.3);
  field(t.letterDate, d.letterDate);
  field(t.caseNumber, d.caseNumber);

  heading(t.parties);
  field(t.funder, `${isolate(d.funderName)}${d.decisionBody && d.decisionBody !== d.funderName ? ` (${isolate(d.decisionBody)})` : ''}`);
  field(t.applicant, `${isolate(d.organisationName)}${d.orgNumber ? `, ${d.orgNumber}` : ''}`);
  field(t.call, d.callTitle);
  field(t.application, d.applicationTitle);

  heading(t.decision);
  text(t.decidedBy(isolate(d.decisionBody), d.madeBy === 'committee', d.paragraph, d.decidedOn));
  gap(0.3);
  text(t.outcome[d.outcome](kr(d.amount), kr(d.amountRequested)), { bold: true });
  if (d.supersedes) {
    gap(0.3);
    text(t.supersedes(d.supersedes.decidedOn, d.supersedes.paragraph));
  }
  if (d.outcome !== 'rejected') {
    field(t.period, `${d.grantFrom ?? '?'} – ${d.grantTo ?? '?'}`);
    if (d.conditions.trim()) {
      heading(t.conditions);
      text(d.conditions);
    }
    heading(t.duties);
    text(t.dutyText(d.reportDueMonths, d.reportingDuties.financial, d.reportingDuties.survey));
  }

  heading(t.reasons);
  text(d.reasons);
  if (d.reservations.length) {
    heading(t.reservations);
    list(d.reservations.map((r) => `${isolate(r.by)} ${r.kind === 'reservation' ? t.reservation : t.dissent}${r.text.trim() ? `: ${isolate(r.text)}` : '.'}`));
  }

  const appeal = appealSection(lang, d.appeal);
  heading(appeal.heading);
  text(appeal.text);
  return finish();
}
