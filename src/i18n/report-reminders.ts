// The association's mails about a follow-up report: a reminder before it is due (which each member may
// choose not to get) and the notice once it is overdue (always sent: payments are held until it is in).
import type { ReportKind } from '../domain/follow-up/reports.ts';
import type { Lang } from './messages.ts';

export const REPORT_KIND_LABELS: Record<ReportKind, Record<Lang, string>> = {
  interim: { sv: 'Delrapport', en: 'Interim report' },
  final: { sv: 'Slutrapport', en: 'Final report' },
};

export interface ReminderAbout {
  kind: ReportKind;
  /** The due date in force (Europe/Stockholm calendar date). */
  dueOn: string;
  agreementNumber: string;
  organisationName: string;
  funderName: string;
  /** The report's page, a full address. */
  link: string;
  /** The mail settings page, a full address. */
  settings: string;
}

const longDate: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' }),
};

/** "15 mars 2027" / "15 March 2027": a calendar date as people write it. */
export const formatLongDate = (lang: Lang, date: string) => longDate[lang].format(new Date(`${date}T00:00:00Z`));

const SIGNATURE = {
  sv: '— Samverka\nDet här brevet skickades automatiskt; svara inte på det.',
  en: '— Samverka\nThis message was sent automatically; please do not reply.',
};

function facts(lang: Lang, a: ReminderAbout, dueLabel: string): string {
  const kind = REPORT_KIND_LABELS[a.kind][lang];
  return lang === 'en'
    ? `Association: ${a.organisationName}\nAgreement: ${a.agreementNumber} with ${a.funderName}\nReport: ${kind}\n${dueLabel}: ${formatLongDate(lang, a.dueOn)}`
    : `Förening: ${a.organisationName}\nÖverenskommelse: ${a.agreementNumber} med ${a.funderName}\nRapport: ${kind}\n${dueLabel}: ${formatLongDate(lang, a.dueOn)}`;
}

/** The reminder some days before the report is due. */
export function reportDueSoonMail(lang: Lang, a: ReminderAbout): { subject: string; text: string } {
  const date = formatLongDate(lang, a.dueOn);
  const kind = REPORT_KIND_LABELS[a.kind][lang].toLowerCase();
  if (lang === 'en')
    return {
      subject: `Reminder: the ${kind} on agreement ${a.agreementNumber} is due by ${date}`,
      text: [
        `The ${kind} on the agreement ${a.agreementNumber} is to be submitted by ${date}.`,
        facts(lang, a, 'Due by'),
        `The report is saved as you type and can be submitted when it is ready: ${a.link}`,
        `You get this reminder as a member of ${a.organisationName}. You can choose not to get reminders before a report is due: ${a.settings}`,
        SIGNATURE.en,
      ].join('\n\n'),
    };
  return {
    subject: `Påminnelse: ${kind}en för överenskommelse ${a.agreementNumber} ska lämnas senast ${date}`,
    text: [
      `${REPORT_KIND_LABELS[a.kind].sv}en för överenskommelsen ${a.agreementNumber} ska lämnas in senast ${date}.`,
      facts(lang, a, 'Ska lämnas senast'),
      `Rapporten sparas medan ni skriver och lämnas in när den är klar: ${a.link}`,
      `Du får den här påminnelsen som medlem i ${a.organisationName}. Du kan välja bort påminnelser innan en rapport ska lämnas: ${a.settings}`,
      SIGNATURE.sv,
    ].join('\n\n'),
  };
}

/** The notice the day after the due date: what is missing, and that payments are held until it is submitted. */
export function reportOverdueMail(lang: Lang, a: ReminderAbout): { subject: string; text: string } {
  const date = formatLongDate(lang, a.dueOn);
  const kind = REPORT_KIND_LABELS[a.kind][lang].toLowerCase();
  if (lang === 'en')
    return {
      subject: `Overdue: the ${kind} on agreement ${a.agreementNumber} – payments are held`,
      text: [
        `The ${kind} on the agreement ${a.agreementNumber} was due by ${date} and has not been submitted.`,
        facts(lang, a, 'Was due by'),
        `No payments are made on the agreement until the report is submitted. Once it is, what is due is paid as usual.`,
        `Submit the report here: ${a.link}`,
        `If you need more time, contact your caseworker at ${a.funderName}.`,
        `This notice is always sent, since it has consequences for the payments.`,
        SIGNATURE.en,
      ].join('\n\n'),
    };
  return {
    subject: `Försenad ${kind}: överenskommelse ${a.agreementNumber} – utbetalningar stoppas`,
    text: [
      `${REPORT_KIND_LABELS[a.kind].sv}en för överenskommelsen ${a.agreementNumber} skulle ha lämnats in senast ${date} och har inte kommit in.`,
      facts(lang, a, 'Skulle ha lämnats senast'),
      `Inga utbetalningar görs på överenskommelsen förrän rapporten är inlämnad. När den är inlämnad betalas det som väntar ut som vanligt.`,
      `Lämna in rapporten här: ${a.link}`,
      `Behöver ni mer tid, kontakta er handläggare hos ${a.funderName}.`,
      `Det här brevet skickas alltid, eftersom det får följder för utbetalningarna.`,
      SIGNATURE.sv,
    ].join('\n\n'),
  };
}
