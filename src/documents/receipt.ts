import type { ApplicationContent } from '../domain/applications/types.ts';
import type { Question } from '../domain/calls/types.ts';
import { formatKronor } from '../domain/money.ts';
import { ATTACHMENT_KIND_LABELS, label } from '../i18n/labels.ts';
import { isolate, startPdf } from './pdf.ts';

export interface ReceiptData {
  funderName: string;
  callTitle: string;
  caseNumber: string;
  submittedAt: Date;
  organisationName: string;
  content: ApplicationContent;
  questions: Question[];
  /** The catalogue's names of the activity types, in the receipt's language, by key. */
  activityTypes: Record<string, string>;
  /** The names of the files that answer the call's file questions, by id. */
  fileNames?: Record<string, string>;
}

const T = {
  sv: {
    title: 'Mottagningskvitto',
    intro: (f: string) => `${f} har tagit emot ansökan nedan.`,
    caseNumber: 'Diarienummer',
    received: 'Inkom',
    organisation: 'Sökande organisation',
    call: 'Utlysning',
    application: 'Ansökan',
    description: 'Vad uppdraget är',
    complement: 'Hur det kompletterar bidragsgivarens arbete',
    focus: 'Inriktning',
    activities: 'Aktiviteter',
    participants: 'förväntade deltagare',
    swedishTime: 'svensk tid',
    proposedType: 'ny aktivitetstyp, föreslagen',
    budget: 'Budget',
    own: 'Egen insats',
    other: 'Annan finansiering',
    requested: 'Sökt belopp',
    partners: 'Samverkansparter',
    contacts: 'Kontaktpersoner',
    attachments: 'Bilagor',
    file: 'bifogad fil',
    answers: 'Svar på utlysningens frågor',
    declarations:
      'Sökanden har intygat att uppdraget inte är av övervägande religiös eller politisk karaktär, inte bedrivs i vinstsyfte med bidraget och inte redan är genomfört, i den mån utlysningen kräver det.',
    publicRecord: 'Handlingar som kommit in till en myndighet är allmänna handlingar enligt offentlighetsprincipen, om inte sekretess gäller.',
  },
  en: {
    title: 'Receipt',
    intro: (f: string) => `${f} has received the application below.`,
    caseNumber: 'Case number',
    received: 'Received',
    organisation: 'Applicant organisation',
    call: 'Call',
    application: 'Application',
    description: 'What the assignment is',
    complement: "How it complements the funder's own work",
    focus: 'Focus',
    activities: 'Activities',
    participants: 'expected participants',
    swedishTime: 'Swedish time',
    proposedType: 'new activity type, proposed',
    budget: 'Budget',
    own: 'Own contribution',
    other: 'Other funding',
    requested: 'Amount applied for',
    partners: 'Partner organisations',
    contacts: 'Contact persons',
    attachments: 'Attachments',
    file: 'attached file',
    answers: "Answers to the call's questions",
    declarations:
      'The applicant has declared that the assignment is not predominantly religious or political, is not run for profit with the grant, and is not already carried out, as far as the call requires.',
    publicRecord: 'Documents received by a public authority are public records under the principle of public access, unless secrecy applies.',
  },
};

/** The applicant's receipt: what was received, when, under which case number. */
export function receiptPdf(lang: 'sv' | 'en', d: ReceiptData): Promise<Buffer> {
  const t = T[lang];
  const { text, heading, field, list, table, gap, finish } = startPdf(`${t.title} ${d.caseNumber}`, d.funderName, lang);
  const when = d.submittedAt.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'medium' });
  const c = d.content;

  gap(0.3);
  text(t.intro(isolate(d.funderName)));
  gap(0.5);
  field(t.caseNumber, d.caseNumber);
  field(t.received, `${when} (${t.swedishTime})`);
  field(t.organisation, d.organisationName);
  field(t.call, d.callTitle);

  heading(t.application);
  text(c.title, { bold: true });
  if (c.focusAreas.length) field(t.focus, c.focusAreas.map(isolate).join('; '));
  field(t.description, c.description);
  field(t.complement, c.complement);

  heading(t.activities);
  list(
    c.activities.map((a) => {
      const kind = a.typeKey ? (d.activityTypes[a.typeKey] ?? a.typeKey) : a.proposedType ? `${a.proposedType} (${t.proposedType})` : '';
      return `${isolate(kind)}: ${isolate(a.description)} (${a.from ?? '?'} – ${a.to ?? '?'}; ${a.areas.map(isolate).join(', ')}; ${a.expectedParticipants ?? 0} ${t.participants})`;
    }),
  );

  heading(t.budget);
  table(
    c.budget.map((r) => [r.label, formatKronor(r.amount, lang)]),
    [3, 1],
  );
  field(t.own, formatKronor(c.ownContribution, lang));
  field(t.other, formatKronor(c.otherFunding, lang));
  field(t.requested, formatKronor(c.amountRequested, lang));

  if (c.partners.length) {
    heading(t.partners);
    list(c.partners.map((p) => `${isolate(p.name)} (${p.orgNumber}): ${isolate(p.role)}`));
  }
  heading(t.contacts);
  list(c.contacts.map((p) => `${isolate(p.name)}, ${p.email}${p.phone ? `, ${p.phone}` : ''}`));
  if (c.attachments.length) {
    heading(t.attachments);
    list(c.attachments.map((a) => `${isolate(a.name)} (${label(ATTACHMENT_KIND_LABELS, a.kind, lang)})`));
  }
  const answered = d.questions.filter((q) => c.answers[q.id] !== undefined && c.answers[q.id] !== null && c.answers[q.id] !== '');
  if (answered.length) {
    heading(t.answers);
    for (const q of answered) {
      const a = c.answers[q.id];
      const value = Array.isArray(a)
        ? a.map((v) => isolate(q.options?.find((o) => o.value === v)?.label ?? v)).join(', ')
        : q.type === 'file'
          ? (d.fileNames?.[String(a)] ?? t.file)
          : (q.options?.find((o) => o.value === a)?.label ?? String(a));
      field(q.label, value);
    }
  }
  gap(1);
  text(t.declarations, { size: 9 });
  gap(0.5);
  text(t.publicRecord, { size: 9 });
  return finish();
}
