// The mails a person can choose to get or not: who each event is for, how they may choose to hear of
// it, and the mails that are always sent (so that the settings page can say what cannot be turned off).
import { addDays, type CalendarDate } from './deadlines.ts';
import { isOverdue, type ReportStatus } from './follow-up/reports.ts';
import type { FunderRole } from './roles.ts';

export const NOTIFICATION_EVENTS = [
  'application_submitted',
  'eligibility_requested',
  'completion_answered',
  'review_assigned',
  'proposal_ready',
  'report_submitted',
  'report_overdue',
  'report_due_soon',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** each: a mail per event; digest: one mail a day listing them; none: no mail. */
export const NOTIFICATION_DELIVERIES = ['each', 'digest', 'none'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

export interface NotificationRule {
  /** The funder roles whose staff are told of it. */
  roles: readonly FunderRole[];
  /** Whether an organisation's members (the association) are told of it. */
  members: boolean;
  /** How they are told unless they chose otherwise. */
  default: NotificationDelivery;
  /** The choices there are: an association's reminder is either sent or not, never gathered in a digest. */
  deliveries: readonly NotificationDelivery[];
}

const staff = (roles: readonly FunderRole[], byDefault: NotificationDelivery): NotificationRule => ({
  roles,
  members: false,
  default: byDefault,
  deliveries: NOTIFICATION_DELIVERIES,
});

/** Who can be told of each event, and how they are told unless they chose otherwise. */
export const NOTIFICATION_RULES: Record<NotificationEvent, NotificationRule> = {
  application_submitted: staff(['caseworker'], 'digest'),
  eligibility_requested: staff(['caseworker'], 'digest'),
  completion_answered: staff(['caseworker'], 'each'),
  review_assigned: staff(['reviewer', 'caseworker', 'decision_maker'], 'each'),
  proposal_ready: staff(['decision_maker'], 'digest'),
  report_submitted: staff(['caseworker'], 'each'),
  report_overdue: staff(['caseworker'], 'digest'),
  // The association's reminder before a report is due. The notice once it is overdue is not a choice:
  // it tells them that payments are held (MANDATORY_MAILS).
  report_due_soon: { roles: [], members: true, default: 'each', deliveries: ['each', 'none'] },
};

/** The events a person with these roles (and, if `member`, a member of an organisation) can be told of, in the catalogue's order. */
export const eventsFor = (roles: readonly FunderRole[], member = false): NotificationEvent[] =>
  NOTIFICATION_EVENTS.filter((e) => NOTIFICATION_RULES[e].roles.some((r) => roles.includes(r)) || (member && NOTIFICATION_RULES[e].members));

/**
 * Mails that are always sent, because they carry a decision, a deadline or a consequence, or guard the
 * account: listed on the settings page so that people see what they cannot turn off.
 * `member`: to an organisation's members; `staff`: to a funder's staff; `everyone`: to anyone with an account.
 */
export const MANDATORY_MAILS = [
  { key: 'report_overdue_notice', for: 'member' },
  { key: 'completion_requested', for: 'member' },
  { key: 'decisions', for: 'member' },
  { key: 'agreements', for: 'member' },
  { key: 'call_amended', for: 'member' },
  { key: 'payout_account_changed', for: 'member' },
  { key: 'agreement_comment', for: 'staff' },
  { key: 'password_reset', for: 'everyone' },
] as const satisfies readonly { key: string; for: 'member' | 'staff' | 'everyone' }[];
export type MandatoryMail = (typeof MANDATORY_MAILS)[number]['key'];

/** The mandatory mails a person gets: those of an association's member, of staff, and of everyone. */
export const mandatoryMailsFor = (who: { staff: boolean; member: boolean }): MandatoryMail[] =>
  MANDATORY_MAILS.filter((m) => m.for === 'everyone' || (m.for === 'staff' && who.staff) || (m.for === 'member' && who.member)).map((m) => m.key);

/** The local hour the daily digest and the report reminders go out (Europe/Stockholm). */
export const DIGEST_HOUR = 7;

export const REPORT_REMINDER_KINDS = ['due_soon', 'overdue'] as const;
export type ReportReminderKind = (typeof REPORT_REMINDER_KINDS)[number];

/**
 * Which reminder a report calls for today: `due_soon` from `reminderDays` before its due date up to and
 * including the date, `overdue` from the day after; none once it is submitted. Dates are Stockholm calendar dates.
 */
export function reportReminderDue(report: { status: ReportStatus; dueOn: CalendarDate }, today: CalendarDate, reminderDays: number): ReportReminderKind | null {
  if (report.status !== 'draft') return null;
  if (isOverdue(report, today)) return 'overdue';
  return today >= addDays(report.dueOn, -reminderDays) ? 'due_soon' : null;
}
