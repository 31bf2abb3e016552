// Every query key of the web app, in one place: what a page shows is cached under its key, and a change
// invalidates the keys of everything that shows it. A key that is a prefix of another (['programmes'])
// invalidates all of them.
export const keys = {
  session: ['session'] as const,
  funders: () => ['funders'] as const,
  members: (funderId: string) => ['members', funderId] as const,
  programmes: (funderId: string) => ['programmes', funderId] as const,
  funderCalls: (funderId: string) => ['funder-calls', funderId] as const,
  call: (callId: string | undefined) => ['call', callId] as const,
  publicCalls: (filter?: string) => (filter === undefined ? (['public-calls'] as const) : (['public-calls', filter] as const)),
  publicCall: (callId: string | undefined) => ['public-call', callId] as const,
  publicGrants: (year: string | number | null) => ['public-grants', year] as const,
  activityTypes: (funderId?: string | null) => (funderId === undefined ? (['activity-types'] as const) : (['activity-types', funderId] as const)),
  funderActivityTypes: (funderId: string) => ['funder-activity-types', funderId] as const,
  organisation: (organisationId: string) => ['organisation', organisationId] as const,
  organisationApplications: (organisationId: string) => ['organisation-applications', organisationId] as const,
  eligibility: (organisationId: string) => ['eligibility', organisationId] as const,
  /** An organisation's agreements with what is paid and due, and its payout accounts per funder. */
  organisationAgreements: (organisationId: string) => ['organisation-agreements', organisationId] as const,
  payoutAccounts: (organisationId: string) => ['payout-accounts', organisationId] as const,
  /** How long a funder usually takes to decide on an eligibility request. */
  eligibilityLeadTime: (funderId: string) => ['eligibility-lead-time', funderId] as const,
  funderEligibility: (funderId: string, filter?: string) =>
    filter === undefined ? (['funder-eligibility', funderId] as const) : (['funder-eligibility', funderId, filter] as const),
  application: (applicationId: string) => ['application', applicationId] as const,
  applicationCheck: (applicationId: string) => ['application-check', applicationId] as const,
  inbox: (funderId: string, query: string) => ['inbox', funderId, query] as const,
  /** The assessment of a call (the decision basis) and its parts per application. */
  assessment: (callId: string) => ['assessment', 'call', callId] as const,
  screening: (applicationId: string) => ['assessment', 'screening', applicationId] as const,
  reviewers: (applicationId: string) => ['assessment', 'reviews', applicationId] as const,
  candidates: (funderId: string) => ['assessment', 'candidates', funderId] as const,
  /** An application's decisions, as both the assessment page and the application page show them. */
  decisions: (applicationId: string) => ['decisions', applicationId] as const,
  review: (applicationId: string) => ['review', applicationId] as const,
  /** The signed-in reviewer's assignments. */
  reviews: () => ['reviews'] as const,
  audit: (objectType: string, objectId?: string, funderId?: string | null) =>
    objectId === undefined
      ? (['audit', objectType] as const)
      : funderId === undefined
        ? (['audit', objectType, objectId] as const)
        : (['audit', objectType, objectId, funderId] as const),
  invitation: (token: string) => ['invitation', token] as const,
  mailbox: () => ['mailbox'] as const,
  /** What needs the signed-in staff member (the start page). */
  work: () => ['work'] as const,
  notificationPreferences: () => ['notification-preferences'] as const,
  /** A funder's follow-up settings (the survey's smallest group, report deviation and reminder days). */
  followUpSettings: (funderId: string) => ['follow-up-settings', funderId] as const,
  /** Survey results: an agreement's, and the funder's summary by its grouping and filters; ['survey-results'] covers all. */
  surveyResults: {
    all: ['survey-results'] as const,
    ofAgreement: (agreementId: string) => ['survey-results', 'agreement', agreementId] as const,
    summary: (funderId: string, query: string) => ['survey-results', 'funder', funderId, query] as const,
  },
  /** Agreements: one agreement, an application's (if drafted), an organisation's list. */
  agreements: {
    all: ['agreements'] as const,
    one: (agreementId: string) => ['agreements', 'one', agreementId] as const,
    ofApplication: (applicationId: string) => ['agreements', 'application', applicationId] as const,
    ofOrganisation: (organisationId: string) => ['agreements', 'organisation', organisationId] as const,
  },
  /** The participants' survey of an agreement, and its free texts (staff only). */
  surveys: {
    ofAgreement: (agreementId: string) => ['surveys', 'agreement', agreementId] as const,
    freeTexts: (surveyId: string) => ['surveys', 'free-texts', surveyId] as const,
  },
  /** Finance's payments: what is due, runs, payout accounts waiting, the ledger and the settings; ['payments', funderId] covers a funder's. */
  payments: {
    all: (funderId: string) => ['payments', funderId] as const,
    due: (funderId: string, by: string) => ['payments', funderId, 'due', by] as const,
    runs: (funderId: string) => ['payments', funderId, 'runs'] as const,
    accounts: (funderId: string) => ['payments', funderId, 'payout-accounts'] as const,
    ledger: (funderId: string, by: string) => ['payments', funderId, 'ledger', by] as const,
    settings: (funderId: string) => ['payments', funderId, 'settings'] as const,
    run: (runId: string) => ['payment-run', runId] as const,
    /** Every run's own page, whichever funder's. */
    anyRun: ['payment-run'] as const,
  },
  /** Follow-up reports: one report, an agreement's, an organisation's, a funder's; ['reports'] covers them all. */
  reports: {
    all: ['reports'] as const,
    one: (reportId: string) => ['reports', 'one', reportId] as const,
    ofAgreement: (agreementId: string) => ['reports', 'agreement', agreementId] as const,
    ofOrganisation: (organisationId: string) => ['reports', 'organisation', organisationId] as const,
    /** A funder's list, by filter; without one, all its lists. */
    ofFunder: (funderId: string, filter?: string) =>
      filter === undefined ? (['reports', 'funder', funderId] as const) : (['reports', 'funder', funderId, filter] as const),
  },
};
