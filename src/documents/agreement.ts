import type { AgreementContact, AgreementContent, AgreementKind, Involvement } from '../domain/agreements.ts';
import { ZONE } from '../domain/deadlines.ts';
import { formatKronor, type Ore } from '../domain/money.ts';
import { label, TARGET_GROUP_LABELS } from '../i18n/labels.ts';
import { isolate, startPdf } from './pdf.ts';

export type InstalmentCondition = 'on_signing' | 'after_interim_report' | 'on_date';

export interface AgreementDocumentData {
  /** The agreement's own number ("SN A2022/00002"). */
  number: string;
  kind: AgreementKind;
  funderName: string;
  funderOrgNumber: string;
  organisationName: string;
  orgNumber: string;
  caseNumber: string;
  callTitle: string;
  applicationTitle: string;
  decidedOn: string;
  decisionParagraph: string;
  /** The assignment grant (uppdragsbidrag). */
  amount: Ore;
  content: AgreementContent;
  /** The catalogue's names of activities, in the document's language, by key; an activity not named stands as written. */
  activityLabels?: Record<string, string>;
  instalments: { number: number; amount: Ore; condition: InstalmentCondition; dueOn: string | null }[];
  /** Empty in a draft. */
  signatures: { party: 'funder' | 'organisation'; name: string; role: string; signedAt: Date }[];
  amendments: { version: number; reason: string; createdAt: Date; by: string }[];
  /** The SHA-256 of the content's canonical form: what was signed. */
  contentSha256: string;
  draft: boolean;
}

const T = {
  sv: {
    kind: { assignment: 'Uppdragsavtal', iop: 'Överenskommelse om idéburet offentligt partnerskap (IOP)' },
    draft: 'UTKAST',
    draftMark: 'UTKAST — inte undertecknat',
    number: 'Avtalsnummer',
    caseNumber: 'Diarienummer',
    parties: 'Parter',
    funder: 'Bidragsgivare',
    organisation: 'Organisation',
    background: 'Bakgrund',
    backgroundText: (funder: string, date: string, paragraph: string, org: string, application: string, call: string, iop: boolean) =>
      `${funder} beslutade ${date}${paragraph ? `, ${paragraph},` : ''} att bevilja ${org} bidrag för ansökan ”${application}” inom utlysningen ”${call}”. ${iop ? 'Denna överenskommelse' : 'Detta avtal'} anger hur uppdraget genomförs och följs upp.`,
    assignment: 'Uppdraget',
    activities: 'Aktiviteter',
    areas: 'Områden',
    targetGroups: 'Målgrupper',
    participants: 'Förväntat antal deltagare',
    period: 'Avtalsperiod',
    periodText: (from: string, to: string) => `Uppdraget genomförs från och med ${from} till och med ${to}.`,
    payment: 'Uppdragsbidrag och utbetalning',
    amountText: (a: string) => `Uppdragsbidraget är ${a}. Det betalas ut enligt planen nedan.`,
    schedule: ['Utbetalning', 'Belopp', 'Villkor', 'Förfallodag'],
    condition: {
      on_signing: 'När avtalet undertecknats',
      after_interim_report: 'När delredovisningen lämnats',
      on_date: 'På angivet datum',
    },
    conditions: 'Villkor',
    standardConditions: [
      'Bidraget får bara användas till uppdraget enligt detta avtal.',
      'Organisationen lämnar en uppföljningsrapport efter avtalsperiodens slut: vad som genomförts, för vilka, och vad bidraget använts till.',
      'Medel som inte används, eller som används till annat än uppdraget, kan krävas tillbaka (återkrav). Detsamma gäller om uppföljningsrapporten inte lämnas.',
    ],
    responsibilities: 'Ansvarsfördelning',
    task: 'Uppgift',
    involvement: { responsible: 'Ansvarar', takes_part: 'Deltar', informed: 'Informeras' } as Record<Involvement, string>,
    contacts: 'Kontaktpersoner',
    iop: 'Egen insats och gemensam uppföljning',
    ownContribution: 'Föreningens egen insats',
    jointFollowUp: 'Gemensam uppföljning',
    signatures: 'Underskrifter',
    unsigned: 'Utkastet är inte undertecknat av någon part.',
    signedBy: 'Undertecknat av (svensk tid):',
    signature: (party: string, name: string, role: string, at: string) => `För ${party}: ${name}${role ? `, ${role}` : ''}, ${at}`,
    amendments: 'Ändringar',
    amendedBy: 'Ändringar efter undertecknandet (tider i svensk tid):',
    amendment: (version: number, at: string, by: string, reason: string) => `Version ${version}, ${at}, ${by}: ${reason}`,
    hash: 'Innehållets kontrollsumma (SHA-256)',
  },
  en: {
    kind: { assignment: 'Assignment agreement', iop: 'Idea-based public partnership agreement (IOP)' },
    draft: 'DRAFT',
    draftMark: 'DRAFT — not signed',
    number: 'Agreement number',
    caseNumber: 'Case number',
    parties: 'Parties',
    funder: 'Funder',
    organisation: 'Organisation',
    background: 'Background',
    backgroundText: (funder: string, date: string, paragraph: string, org: string, application: string, call: string, _iop: boolean) =>
      `${funder} decided on ${date}${paragraph ? `, ${paragraph},` : ''} to award ${org} a grant for the application “${application}” in the call “${call}”. This agreement sets out how the assignment is carried out and followed up.`,
    assignment: 'The assignment',
    activities: 'Activities',
    areas: 'Areas',
    targetGroups: 'Target groups',
    participants: 'Expected participants',
    period: 'Agreement period',
    periodText: (from: string, to: string) => `The assignment runs from ${from} up to and including ${to}.`,
    payment: 'Assignment grant and payments',
    amountText: (a: string) => `The assignment grant is ${a}. It is paid according to the schedule below.`,
    schedule: ['Instalment', 'Amount', 'Condition', 'Due date'],
    condition: {
      on_signing: 'On signing',
      after_interim_report: 'After the interim report',
      on_date: 'On the date given',
    },
    conditions: 'Conditions',
    standardConditions: [
      'The grant may only be used for the assignment under this agreement.',
      'The organisation submits a follow-up report after the agreement period ends: what was done, for whom, and what the grant was used for.',
      'Money not used, or used for other than the assignment, may be reclaimed (återkrav). The same applies if the follow-up report is not submitted.',
    ],
    responsibilities: 'Responsibilities',
    task: 'Task',
    involvement: { responsible: 'Responsible', takes_part: 'Takes part', informed: 'Informed' } as Record<Involvement, string>,
    contacts: 'Contact persons',
    iop: 'Own contribution and joint follow-up',
    ownContribution: "The association's own contribution",
    jointFollowUp: 'Joint follow-up',
    signatures: 'Signatures',
    unsigned: 'The draft has not been signed by either party.',
    signedBy: 'Signed by (Swedish time):',
    signature: (party: string, name: string, role: string, at: string) => `For ${party}: ${name}${role ? `, ${role}` : ''}, ${at}`,
    amendments: 'Amendments',
    amendedBy: 'Amendments after signing (times in Swedish time):',
    amendment: (version: number, at: string, by: string, reason: string) => `Version ${version}, ${at}, ${by}: ${reason}`,
    hash: 'Checksum of the content (SHA-256)',
  },
};

const MINUTE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2022-04-12 14:03", Swedish time, whatever the server's zone. */
export function stockholmMinute(at: Date): string {
  const p = Object.fromEntries(MINUTE.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * The agreement (or, for an IOP, the partnership agreement) as the parties sign it: parties, the
 * decision it rests on, the assignment, period, grant and payments, conditions, who does what,
 * contacts, signatures, amendments, and the checksum of the content that was signed. A draft says
 * so in its title and at the top of every page.
 */
export function agreementPdf(lang: 'sv' | 'en', d: AgreementDocumentData): Promise<Buffer> {
  const t = T[lang];
  const c = d.content;
  const kr = (n: Ore) => formatKronor(n, lang);
  const title = `${t.kind[d.kind]} ${d.number}${d.draft ? ` — ${t.draft}` : ''}`;
  const { text, heading, field, list, table, gap, finish } = startPdf(title, d.funderName, lang, d.draft ? { pageMark: t.draftMark } : {});
  const withNumber = (name: string, number: string) => `${isolate(name)}${number ? `, ${number}` : ''}`;
  gap(0.3);
  field(t.number, d.number);
  field(t.caseNumber, d.caseNumber);

  heading(t.parties);
  field(t.funder, withNumber(d.funderName, d.funderOrgNumber));
  field(t.organisation, withNumber(d.organisationName, d.orgNumber));

  heading(t.background);
  text(
    t.backgroundText(
      isolate(d.funderName),
      d.decidedOn,
      d.decisionParagraph,
      isolate(d.organisationName),
      isolate(d.applicationTitle),
      isolate(d.callTitle),
      d.kind === 'iop',
    ),
  );

  heading(t.assignment);
  text(c.description);
  if (c.activities.length) {
    text(t.activities, { bold: true });
    list(c.activities.map((a) => d.activityLabels?.[a] ?? a));
  }
  if (c.areas.length) field(t.areas, c.areas.map(isolate).join(', '));
  if (c.targetGroups.length) field(t.targetGroups, c.targetGroups.map((g) => label(TARGET_GROUP_LABELS, g, lang)).join(', '));
  if (c.expectedParticipants !== null) field(t.participants, String(c.expectedParticipants));

  heading(t.period);
  text(t.periodText(c.periodFrom, c.periodTo));

  heading(t.payment);
  text(t.amountText(kr(d.amount)));
  gap(0.3);
  table([t.schedule, ...d.instalments.map((i) => [String(i.number), kr(i.amount), t.condition[i.condition], i.dueOn ?? '–'])], [1.2, 1.5, 2.5, 1.3], {
    header: true,
  });

  heading(t.conditions);
  if (c.conditions.trim()) text(c.conditions);
  list(t.standardConditions);

  heading(t.responsibilities);
  table(
    [
      [t.task, ...c.parties.map((p) => p.label)],
      ...c.responsibilities.map((r) => [r.task, ...c.parties.map((p) => (r.roles[p.key] ? t.involvement[r.roles[p.key]] : '–'))]),
    ],
    [3, ...c.parties.map(() => 1.4)],
    { header: true },
  );

  heading(t.contacts);
  const contact = (x: AgreementContact) => [isolate(x.name), x.role && isolate(x.role), x.email, x.phone].filter(Boolean).join(', ');
  for (const side of ['funder', 'organisation'] as const) {
    const contacts = c.contacts.filter((x) => x.party === side);
    if (!contacts.length) continue;
    text(side === 'funder' ? d.funderName : d.organisationName, { bold: true });
    list(contacts.map(contact));
  }

  if (d.kind === 'iop') {
    heading(t.iop);
    field(t.ownContribution, c.ownContribution === null ? '' : kr(c.ownContribution));
    field(t.jointFollowUp, c.jointFollowUp);
  }

  heading(t.signatures);
  if (d.signatures.length) {
    text(t.signedBy);
    list(
      d.signatures.map((s) =>
        t.signature(isolate(s.party === 'funder' ? d.funderName : d.organisationName), isolate(s.name), s.role && isolate(s.role), stockholmMinute(s.signedAt)),
      ),
    );
  } else text(t.unsigned);

  if (d.amendments.length) {
    heading(t.amendments);
    text(t.amendedBy);
    list(d.amendments.map((a) => t.amendment(a.version, stockholmMinute(a.createdAt), isolate(a.by), isolate(a.reason))));
  }

  gap(0.8);
  field(t.hash, d.contentSha256);
  return finish();
}
