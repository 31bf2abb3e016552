import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { keys } from '../queryKeys.ts';
import { useSession } from '../session.ts';
import { listMyReviews } from './api.ts';

/** "My reviews" in the main navigation, for the funder's staff who have been asked to review. */
export function ReviewsNavLink() {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = Boolean(user?.funders.length);
  const reviews = useQuery({
    queryKey: keys.reviews(),
    queryFn: () => listMyReviews(),
    enabled: staff,
    staleTime: 60_000,
  });
  if (!staff || !reviews.data?.assignments.length) return null;
  return (
    <li>
      <NavLink to="/reviews">{t('review.nav')}</NavLink>
    </li>
  );
}
