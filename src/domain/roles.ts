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
  viewFunderAudit: (p: Principal, funderId: string) =>
    hasFunderRole(p, funderId, 'administrator') || hasFunderRole(p, funderId, 'caseworker'),
  viewOrganisation: (p: Principal, organisationId: string) => isMemberOf(p, organisationId),
  viewOrganisationAudit: (p: Principal, organisationId: string) => isMemberOf(p, organisationId),
  /** Programmes, budget lines and calls are designed by caseworkers (and administrators). */
  designCalls: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'caseworker') || hasFunderRole(p, funderId, 'administrator'),
  /** Staff of any role read the funder's programmes and calls. */
  readFunder: (p: Principal, funderId: string) => isStaffOf(p, funderId),
  reviewEligibility: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'caseworker'),
  manageCatalogue: (p: Principal, funderId: string) => hasFunderRole(p, funderId, 'caseworker') || hasFunderRole(p, funderId, 'administrator'),
  actForOrganisation: (p: Principal, organisationId: string) => isMemberOf(p, organisationId),
};
