import { type FunderRole, type Principal, policy } from '../../domain/roles.ts';
import { useSession } from '../session.ts';

/** The signed-in person as the role policies (src/domain/roles.ts) see them. */
export function usePrincipal(): Principal {
  const { user } = useSession();
  return {
    userId: user?.id ?? '',
    funderRoles: (user?.funders ?? []).map((f) => ({ funderId: f.funderId, role: f.role as FunderRole })),
    organisationIds: (user?.organisations ?? []).map((o) => o.id),
  };
}

/** The signed-in person's standing at a funder: its name and what the role policies let them do there. */
export function useFunder(funderId: string) {
  const { user } = useSession();
  const principal = usePrincipal();
  const grants = (user?.funders ?? []).filter((f) => f.funderId === funderId);
  return {
    name: grants[0]?.funderName ?? null,
    designCalls: policy.designCalls(principal, funderId),
    reviewEligibility: policy.reviewEligibility(principal, funderId),
    manageCatalogue: policy.manageCatalogue(principal, funderId),
    viewAudit: policy.viewFunderAudit(principal, funderId),
  };
}
