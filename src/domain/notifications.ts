// The events staff can be mailed about, who each is for, and how each person may choose to hear of it.
// A later event (a follow-up reminder) is one more entry here, with its roles and default.
import type { FunderRole } from './roles.ts';

export const NOTIFICATION_EVENTS = [
  'application_submitted',
  'eligibility_requested',
  'completion_answered',
  'review_assigned',
  'proposal_ready',
  'report_submitted',
  'report_overdue',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** each: a mail per event; digest: one mail a day listing them; none: no mail. */
export const NOTIFICATION_DELIVERIES = ['each', 'digest', 'none'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** Who can be told of each event, and how they are told unless they chose otherwise. */
export const NOTIFICATION_RULES: Record<NotificationEvent, { roles: readonly FunderRole[]; default: NotificationDelivery }> = {
  application_submitted: { roles: ['caseworker'], default: 'digest' },
  eligibility_requested: { roles: ['caseworker'], default: 'digest' },
  completion_answered: { roles: ['caseworker'], default: 'each' },
  review_assigned: { roles: ['reviewer', 'caseworker', 'decision_maker'], default: 'each' },
  proposal_ready: { roles: ['decision_maker'], default: 'digest' },
  report_submitted: { roles: ['caseworker'], default: 'each' },
  report_overdue: { roles: ['caseworker'], default: 'digest' },
};

/** The events a person with these roles can be told of, in the catalogue's order. */
export const eventsFor = (roles: readonly FunderRole[]): NotificationEvent[] =>
  NOTIFICATION_EVENTS.filter((e) => NOTIFICATION_RULES[e].roles.some((r) => roles.includes(r)));

/** The local hour the daily digest goes out (Europe/Stockholm). */
export const DIGEST_HOUR = 7;
