import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { currentLanguage, setLanguage } from '../i18n/index.ts';
import { ReviewsNavLink } from '../reviews/ReviewsNavLink.tsx';
import { useSession } from '../session.ts';
import { Flash } from './Flash.tsx';

// The menu widget (react-aria) is loaded only once someone is signed in, so the
// pages applicants start on stay small on a phone.
const AccountMenu = lazy(() => import('../auth/AccountMenu.tsx').then((m) => ({ default: m.AccountMenu })));

function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const other = lang === 'sv' ? 'en' : 'sv';
  return (
    <button type="button" className="link-button language-switch" lang={other} onClick={() => void setLanguage(other)}>
      {t(`language.switchTo.${other}`)}
    </button>
  );
}

/**
 * Moves focus to the new page's heading after client-side navigation, as a page
 * load would. A page whose code or session is still loading puts its heading in
 * place a moment later: focus moves there when it comes, unless the user has
 * moved on meanwhile. A navigation with state `samePage` keeps the page as it is.
 */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page, which is what it is for
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The same page at a new address (a form's first save gives it one): focus stays where the typing is.
    if ((location.state as { samePage?: boolean } | null)?.samePage) return;
    let observer: MutationObserver | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      const main = document.getElementById('main');
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading || !main) {
        (heading ?? main)?.focus();
        return;
      }
      main.focus();
      observer = new MutationObserver(() => {
        const late = document.querySelector<HTMLElement>('main h1');
        if (!late) return;
        observer?.disconnect();
        if (document.activeElement === main || document.activeElement === document.body) late.focus();
      });
      observer.observe(main, { childList: true, subtree: true });
      timer = setTimeout(() => observer?.disconnect(), 5000);
    });
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      clearTimeout(timer);
    };
  }, [location.pathname]);
}

/** "Payments" in the main navigation, for finance at a funder (the first funder where they are). */
function PaymentsNavLink() {
  const { t } = useTranslation();
  const { user } = useSession();
  const finance = user?.funders.find((f) => f.role === 'finance');
  if (!finance) return null;
  return (
    <li>
      <NavLink to={`/funders/${finance.funderId}/payments`}>{t('payments.nav')}</NavLink>
    </li>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, mailbox } = useSession();
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            Samverka
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            {user ? (
              <Suspense fallback={<span className="header-link">{user.name}</span>}>
                <AccountMenu user={user} />
              </Suspense>
            ) : (
              <Link to="/sign-in" className="header-link">
                {t('layout.signIn')}
              </Link>
            )}
          </div>
        </div>
        <nav className="site-nav" aria-label={t('layout.mainNavigation')}>
          <ul className="container nav-list">
            <li>
              <NavLink to="/" end>
                {t('layout.nav.start')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/calls">{t('layout.nav.calls')}</NavLink>
            </li>
            <li>
              <NavLink to="/grants">{t('grants.nav')}</NavLink>
            </li>
            <ReviewsNavLink />
            <PaymentsNavLink />
            {user ? (
              <li>
                <NavLink to="/organisations/new">{t('layout.nav.newOrganisation')}</NavLink>
              </li>
            ) : (
              <li>
                <NavLink to="/register">{t('layout.nav.register')}</NavLink>
              </li>
            )}
            {mailbox ? (
              <li>
                <NavLink to="/mailbox">{t('layout.nav.mailbox')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      <main id="main" className="container main" tabIndex={-1}>
        <Flash />
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('layout.footer')}</p>
        </div>
      </footer>
    </>
  );
}
