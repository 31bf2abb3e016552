/** Roles a user can hold at a funder (DOMAIN.md: who uses it). */
export const FUNDER_ROLES = ['caseworker', 'reviewer', 'decision_maker', 'finance', 'analyst', 'administrator'] as const;
export type FunderRole = (typeof FUNDER_ROLES)[number];

export interface FunderRoleGrant {
  funderId: string;
  role: FunderRole;
}

/** What a signed-in person is, for the policies to decide on. */
export interface Principal {
  userId: string;
  funderRoles: readonly FunderRoleGrant[];
  organisationIds: readonly string[];
}

export function hasFunderRole(p: Principal, funderId: string, role: FunderRole): boolean {
  return p.funderRoles.some((g) => g.funderId === funderId && g.role === role);
}

export function isStaffOf(p: Principal, funderId: string): boolean {
  return p.funderRoles.some((g) => g.funderId === funderId);
}

export function isMemberOf(p: Principal, organisationId: string): boolean {
  return p.organisationIds.includes(organisationId);
}

/** Policies: may this principal do this to that object? One answer, used by routes and tests. */
export const policy = {
  manageUsers: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'administrator'),
  viewFunderAudit: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'administrator') || hasFunderRole(p, funderId, 'caseworker'),
  viewOrganisation: (p: Principal, organisationId: string) => isMemberOf(p, organisationId),
  viewOrganisationAudit: (p: Principal, organisationId: string) => isMemberOf(p, organisationId),
  /** Programmes, budget lines and calls are designed by caseworkers (and administrators). */
  designCalls: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'caseworker') || hasFunderRole(p, funderId, 'administrator'),
  /** Staff of any role read the funder's programmes and calls. */
  readFunder: (p: Principal, funderId: string) => isStaffOf(p, funderId),
  reviewEligibility: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'caseworker'),
  manageCatalogue: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'caseworker') || hasFunderRole(p, funderId, 'administrator'),
  actForOrganisation: (p: Principal, organisationId: string) => isMemberOf(p, organisationId),
  /** Screening, reviewer assignment, decision proposals and the optimizer are the caseworker's. */
  assess: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'caseworker'),
  /** Reviewers, caseworkers and committee members can be asked to score. */
  mayReview: (p: Principal, funderId: string) => ['reviewer', 'caseworker', 'decision_maker'].some((r) => hasFunderRole(p, funderId, r as FunderRole)),
  /** The assessment overview and the decision basis are for caseworkers and the decision-makers preparing a meeting. */
  viewAssessment: (p: Principal, funderId: string) =>
    hasFunderRole(p, funderId, 'caseworker') || hasFunderRole(p, funderId, 'decision_maker') || hasFunderRole(p, funderId, 'administrator'),
  /** A committee's decision is recorded by its caseworker (the secretary) or a decision-maker. */
  recordDecision: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'caseworker') || hasFunderRole(p, funderId, 'decision_maker'),
  /** Only a decision-maker decides alone, as a delegate. */
  decideAsDelegate: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'decision_maker'),
  /** Agreements are drafted, amended and followed up by the caseworker. */
  draftAgreement: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'caseworker'),
  /** The funder signs through a delegate: a decision-maker. */
  signForFunder: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'decision_maker'),
  /** Payment runs, payout accounts and repayments are finance's; each run and account change needs two of them. */
  managePayments: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'finance'),
  /** A recovery is a decision: taken by a decision-maker or recorded by the caseworker, as decisions are. */
  decideRecovery: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'caseworker') || hasFunderRole(p, funderId, 'decision_maker'),
  /** Who may enter a new payout account for an organisation at the funder (it then waits for finance). */
  requestPayoutChange: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'finance') || hasFunderRole(p, funderId, 'caseworker'),
};
