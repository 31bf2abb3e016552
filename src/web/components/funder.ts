import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { type FunderRole, policy } from '../../domain/roles.ts';
import type { FieldError } from '../api.ts';
import { useSession } from '../session.ts';

/** The signed-in person's standing at a funder: its name and what the role policies let them do there. */
export function useFunder(funderId: string) {
  const { user } = useSession();
  const grants = (user?.funders ?? []).filter((f) => f.funderId === funderId);
  const principal = {
    userId: user?.id ?? '',
    funderRoles: (user?.funders ?? []).map((f) => ({ funderId: f.funderId, role: f.role as FunderRole })),
    organisationIds: (user?.organisations ?? []).map((o) => o.id),
  };
  return {
    name: grants[0]?.funderName ?? null,
    designCalls: policy.designCalls(principal, funderId),
    reviewEligibility: policy.reviewEligibility(principal, funderId),
    manageCatalogue: policy.manageCatalogue(principal, funderId),
  };
}

/** A field error with the web app's own words (for checks the server has no message for), in both languages. */
export function localFieldError(
  field: string,
  key: string,
  values: Record<string, unknown> | ((lng: 'sv' | 'en') => Record<string, unknown>) = {},
): FieldError {
  const text = (lng: 'sv' | 'en') => (i18n.getFixedT(lng) as TFunction)(key, typeof values === 'function' ? values(lng) : values);
  return { field, code: key, messages: { sv: text('sv'), en: text('en') } };
}
