import { type ReactNode, useRef } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/page.tsx';
import { signInPath, useSession } from '../session.ts';

/**
 * Pages for signed-in users send everyone else to sign in, and back here afterwards.
 * A session that ends while the page is open leaves the page as it is: its form
 * keeps what was typed and offers to sign in again.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  const wasSignedIn = useRef(false);
  if (user) wasSignedIn.current = true;
  if (loading) return <Loading />;
  if (!user && !wasSignedIn.current) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return children;
}
