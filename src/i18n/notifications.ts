// The mails staff choose to get about work that arrives: one per event, or a daily digest listing them.
// Pure texts, so both the commands (a mail per event) and the digest job build them.
import type { NotificationEvent } from '../domain/notifications.ts';
import type { Lang } from './messages.ts';

/** What happened, as the person it is for reads it. */
export const NOTIFICATION_EVENT_LABELS: Record<NotificationEvent, { sv: string; en: string }> = {
  application_submitted: { sv: 'En ansökan har kommit in', en: 'An application has been received' },
  eligibility_requested: {
    sv: 'En organisation ber om att bli godkänd som bidragsberättigad',
    en: 'An organisation asks to be approved as eligible for grants',
  },
  completion_answered: { sv: 'Sökanden har svarat på en begäran om komplettering', en: 'The applicant has answered a request for completion' },
  review_assigned: { sv: 'Du har fått en ansökan att bedöma', en: 'You have been asked to review an application' },
  proposal_ready: { sv: 'Ett beslutsförslag väntar på beslut', en: 'A proposal is waiting for a decision' },
  report_submitted: { sv: 'En uppföljningsrapport har lämnats in', en: 'A follow-up report has been submitted' },
  report_overdue: { sv: 'En uppföljningsrapport är försenad', en: 'A follow-up report is overdue' },
  report_due_soon: { sv: 'En uppföljningsrapport ska snart lämnas in', en: 'A follow-up report is due soon' },
};

/** What an event is about, as the mail names it. */
export interface NotificationSubject {
  caseNumber?: string | null;
  title?: string | null;
  organisationName?: string | null;
  callTitle?: string | null;
}

export interface NotificationMailText {
  subject: string;
  text: string;
}

const FIELD = {
  sv: { caseNumber: 'Diarienummer', organisationName: 'Organisation', title: 'Titel', callTitle: 'Utlysning' },
  en: { caseNumber: 'Case number', organisationName: 'Organisation', title: 'Title', callTitle: 'Call' },
};

const FOOTER = {
  sv: (settings: string) =>
    `Du väljer själv vilka av de här breven du får, ett per händelse eller en sammanfattning om dagen: ${settings}\n\n— Samverka\nDet här brevet skickades automatiskt; svara inte på det.`,
  en: (settings: string) =>
    `You choose which of these mails you get, one per event or a summary a day: ${settings}\n\n— Samverka\nThis message was sent automatically; please do not reply.`,
};

const linesOf = (lang: Lang, about: NotificationSubject) =>
  (['caseNumber', 'organisationName', 'title', 'callTitle'] as const).flatMap((k) => (about[k] ? [`${FIELD[lang][k]}: ${about[k]}`] : []));

/** The mail about one event, for someone who chose a mail per event. */
export function notificationMail(
  lang: Lang,
  event: NotificationEvent,
  about: NotificationSubject,
  links: { work: string; settings: string },
): NotificationMailText {
  const label = NOTIFICATION_EVENT_LABELS[event][lang];
  const what = about.caseNumber ?? about.organisationName;
  const open = lang === 'en' ? 'Open it in Samverka' : 'Öppna i Samverka';
  return {
    subject: what ? `${label}: ${what}` : label,
    text: `${label}.\n\n${linesOf(lang, about).join('\n')}\n\n${open}: ${links.work}\n\n${FOOTER[lang](links.settings)}`,
  };
}

export interface DigestLine extends NotificationSubject {
  event: NotificationEvent;
  link: string;
}

/** The day's summary: the events since the last one, grouped by what happened, oldest first. */
export function digestMail(lang: Lang, lines: DigestLine[], settings: string): NotificationMailText {
  const count = lines.length;
  const subject =
    lang === 'en'
      ? `Samverka: ${count} ${count === 1 ? 'thing' : 'things'} for you since the last summary`
      : `Samverka: ${count} ${count === 1 ? 'händelse' : 'händelser'} för dig sedan förra sammanfattningen`;
  const intro = lang === 'en' ? 'This has happened since your last summary:' : 'Det här har hänt sedan din förra sammanfattning:';
  const groups: string[] = [];
  for (const event of [...new Set(lines.map((l) => l.event))]) {
    const items = lines
      .filter((l) => l.event === event)
      .map((l) => {
        const head = [l.caseNumber, l.organisationName, l.title].filter(Boolean).join(' – ');
        return `• ${head}\n  ${l.link}`;
      });
    groups.push(`${NOTIFICATION_EVENT_LABELS[event][lang]} (${items.length})\n${items.join('\n')}`);
  }
  return { subject, text: `${intro}\n\n${groups.join('\n\n')}\n\n${FOOTER[lang](settings)}` };
}
