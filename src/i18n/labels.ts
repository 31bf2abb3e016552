import type { CallRules } from '../domain/calls/types.ts';
import type { Lang } from './messages.ts';

/** Names of codes for documents the server writes itself (exports, letters); the web app has its own. */
export const LEGAL_FORM_LABELS: Record<string, Record<Lang, string>> = {
  ideell_forening: { sv: 'Ideell förening', en: 'Non-profit association' },
  studieforbund: { sv: 'Studieförbund', en: 'Study association' },
  trossamfund: { sv: 'Trossamfund', en: 'Faith community' },
  stiftelse: { sv: 'Stiftelse', en: 'Foundation' },
  ekonomisk_forening: { sv: 'Ekonomisk förening', en: 'Economic association' },
  kommun: { sv: 'Kommun', en: 'Municipality' },
  region: { sv: 'Region', en: 'Region' },
  myndighet: { sv: 'Myndighet', en: 'Public agency' },
  aktiebolag: { sv: 'Aktiebolag', en: 'Limited company' },
  annan: { sv: 'Annan', en: 'Other' },
};

/** Who organisation numbers beginning with each digit are given to (Skatteverket's group numbers). */
export const ORG_NUMBER_GROUP_LABELS: Record<string, Record<Lang, string>> = {
  '1': { sv: 'dödsbon', en: 'estates of deceased persons' },
  '2': {
    sv: 'staten, regioner, kommuner, församlingar och registrerade trossamfund',
    en: 'the state, regions, municipalities, parishes and registered faith communities',
  },
  '3': { sv: 'utländska företag', en: 'foreign companies' },
  '4': { sv: 'ingen grupp', en: 'no group' },
  '5': { sv: 'aktiebolag', en: 'limited companies' },
  '6': { sv: 'enkla bolag', en: 'simple partnerships' },
  '7': { sv: 'ekonomiska föreningar', en: 'economic associations' },
  '8': { sv: 'ideella föreningar och stiftelser', en: 'non-profit associations and foundations' },
  '9': { sv: 'handelsbolag och kommanditbolag', en: 'trading and limited partnerships' },
};

export const APPLICATION_STATUS_LABELS: Record<string, Record<Lang, string>> = {
  draft: { sv: 'Utkast', en: 'Draft' },
  submitted: { sv: 'Inkommen', en: 'Received' },
  awaiting_completion: { sv: 'Väntar på komplettering', en: 'Awaiting completion' },
  withdrawn: { sv: 'Återtagen', en: 'Withdrawn' },
};

export const DECISION_OUTCOME_LABELS: Record<string, Record<Lang, string>> = {
  approved: { sv: 'Beviljad', en: 'Approved' },
  partially_approved: { sv: 'Delvis beviljad', en: 'Partly approved' },
  rejected: { sv: 'Avslag', en: 'Rejected' },
};

/** The one status an application is shown with (domain/applications/status.ts): its stage, or its decision's outcome. */
export const SHOWN_STATUS_LABELS: Record<string, Record<Lang, string>> = { ...APPLICATION_STATUS_LABELS, ...DECISION_OUTCOME_LABELS };

/** What an attachment a call asks for is, as the applicant and the receipt name it. */
export const ATTACHMENT_KIND_LABELS: Record<string, Record<Lang, string>> = {
  statutes: { sv: 'Stadgar', en: 'Statutes' },
  annual_report: { sv: 'Verksamhetsberättelse', en: 'Annual report' },
  accounts: { sv: 'Bokslut eller ekonomisk redovisning', en: 'Accounts or financial statement' },
  budget: { sv: 'Budget för uppdraget', en: 'Budget for the assignment' },
  activity_plan: { sv: 'Verksamhetsplan', en: 'Activity plan' },
  board_list: { sv: 'Förteckning över styrelsen', en: 'List of board members' },
  other: { sv: 'Övriga bilagor', en: 'Other attachments' },
};

/** Who a call or an agreement is for, as the web app names them. */
export const TARGET_GROUP_LABELS: Record<string, Record<Lang, string>> = {
  children: { sv: 'Barn', en: 'Children' },
  young_people: { sv: 'Unga', en: 'Young people' },
  young_adults: { sv: 'Unga vuxna', en: 'Young adults' },
  adults: { sv: 'Vuxna', en: 'Adults' },
  older_people: { sv: 'Äldre', en: 'Older people' },
  parents: { sv: 'Föräldrar', en: 'Parents' },
};

export const EVIDENCE_LABELS: Record<string, Record<Lang, string>> = {
  statutes: { sv: 'stadgar', en: 'statutes' },
  annual_report: { sv: 'senaste årsberättelsen', en: 'the latest annual report' },
  accounts: { sv: 'bokslut', en: 'accounts' },
  board: { sv: 'styrelsen (minst två ledamöter)', en: 'the board (at least two members)' },
  member_count: { sv: 'antal medlemmar', en: 'the number of members' },
  payout_account: { sv: 'bankgiro eller plusgiro', en: 'bankgiro or plusgiro' },
};

/** The parts of a call's rules, as an amendment mail names what changed (every rule has a name, so a new one cannot go out as its key). */
export const CALL_FIELD_LABELS: Record<keyof CallRules, Record<Lang, string>> = {
  title: { sv: 'titel', en: 'title' },
  summary: { sv: 'sammanfattning', en: 'summary' },
  description: { sv: 'beskrivning', en: 'description' },
  budgetLineId: { sv: 'budgetpost', en: 'budget line' },
  amount: { sv: 'totalt belopp', en: 'total amount' },
  focusAreas: { sv: 'fokusområden', en: 'focus areas' },
  eligibleForms: { sv: 'vem som får söka', en: 'who may apply' },
  exclusions: { sv: 'vad som inte finansieras', en: 'what is not funded' },
  targetGroups: { sv: 'målgrupper', en: 'target groups' },
  targetAreas: { sv: 'områden', en: 'areas' },
  opensOn: { sv: 'öppningsdag', en: 'opening date' },
  deadline: { sv: 'sista ansökningsdag', en: 'deadline' },
  grantPeriodMonths: { sv: 'bidragsperiod', en: 'grant period' },
  agreement: { sv: 'överenskommelse', en: 'agreement' },
  minAmount: { sv: 'lägsta belopp per ansökan', en: 'minimum per application' },
  maxAmount: { sv: 'högsta belopp per ansökan', en: 'maximum per application' },
  requiredAttachments: { sv: 'bilagor som krävs', en: 'required attachments' },
  requiresEligibilityApproval: { sv: 'krav på godkännande som bidragsberättigad', en: 'eligibility approval required' },
  criteria: { sv: 'bedömningsgrunder', en: 'assessment criteria' },
  followUp: { sv: 'uppföljning', en: 'follow-up' },
  questions: { sv: 'frågor i ansökan', en: 'questions in the application' },
  activityTypes: { sv: 'aktiviteter', en: 'activities' },
};

/** A list of codes as words in both languages, for a message parameter. */
export const listOf = (labels: Record<string, Record<Lang, string>>, codes: string[]) => ({
  sv: codes.map((c) => label(labels, c, 'sv')).join(', '),
  en: codes.map((c) => label(labels, c, 'en')).join(', '),
});

export const label = (labels: Record<string, Record<Lang, string>>, code: string, lang: Lang) => labels[code]?.[lang] ?? code;
