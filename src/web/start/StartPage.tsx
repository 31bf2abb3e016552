import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FUNDER_ROLES } from '../../domain/roles.ts';
import type { SessionUser } from '../api/client.ts';
import { dateTime } from '../applications/format.ts';
import { Loading, Page } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { useSession } from '../session.ts';
import { getMyWork, type WorkItem, type WorkQueue } from '../work/api.ts';

/** How many of each queue's oldest items the start page lists. */
const FEW = 5;

function Welcome() {
  const { t } = useTranslation();
  return (
    <Page title={t('start.welcomeTitle')}>
      <p className="lead">{t('start.welcomeLead')}</p>
      <p>{t('start.welcomeApplicants')}</p>
      <p>{t('start.welcomeFunders')}</p>
      <ul className="link-list">
        <li>
          <Link to="/sign-in" className="button">
            {t('start.signIn')}
          </Link>
        </li>
        <li>
          <Link to="/register">{t('start.createAccount')}</Link>
        </li>
      </ul>
      <PublicCallsLink />
    </Page>
  );
}

/** The pages each role works in, so far; a role without any yet says so. */
const ROLE_LINKS: Record<string, { path: string; label: string }[]> = {
  caseworker: [
    { path: 'applications', label: 'start.links.applications' },
    { path: 'reports', label: 'start.links.reports' },
    { path: 'programmes', label: 'start.links.programmes' },
    { path: 'calls', label: 'start.links.calls' },
    { path: 'eligibility', label: 'start.links.eligibility' },
    { path: 'activity-types', label: 'start.links.catalogue' },
    { path: 'survey-results', label: 'start.links.surveyResults' },
  ],
  reviewer: [{ path: '/reviews', label: 'review.nav' }],
  decision_maker: [
    { path: 'calls', label: 'start.links.calls' },
    { path: 'survey-results', label: 'start.links.surveyResults' },
  ],
  analyst: [{ path: 'survey-results', label: 'start.links.surveyResults' }],
  administrator: [
    { path: 'users', label: 'start.manageUsers' },
    { path: 'programmes', label: 'start.links.programmes' },
    { path: 'calls', label: 'start.links.calls' },
    { path: 'activity-types', label: 'start.links.catalogue' },
  ],
};

/** What one role at a funder does here, and the links to what exists so far. */
function RoleSection({ funderId, role }: { funderId: string; role: string }) {
  const { t } = useTranslation();
  const links = ROLE_LINKS[role] ?? [];
  return (
    <li className="card role-card">
      <h3>{t(`roles.${role}`)}</h3>
      <p>{t(`start.roles.${role}`)}</p>
      {links.length ? (
        <ul className="link-list">
          {links.map((l) => (
            <li key={l.path}>
              <Link to={l.path.startsWith('/') ? l.path : `/funders/${funderId}/${l.path}`}>{t(l.label)}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('start.comingSoon')}</p>
      )}
    </li>
  );
}

function WorkItemLine({ item, queue }: { item: WorkItem; queue: WorkQueue['queue'] }) {
  const { t } = useTranslation();
  const name = item.caseNumber
    ? [item.caseNumber, item.title].filter(Boolean).join(' ')
    : queue === 'runs_to_approve'
      ? t('start.work.runItem', { number: item.title, name: item.organisationName })
      : queue === 'accounts_to_approve'
        ? t('start.work.accountItem', { name: item.organisationName })
        : t('start.work.eligibilityItem', { name: item.organisationName });
  return (
    <li>
      <Link to={item.link}>{name}</Link>
      {item.caseNumber ? <span>, {item.organisationName}</span> : null}{' '}
      <span className="hint-inline">{t('start.work.since', { date: dateTime(item.since) })}</span>
    </li>
  );
}

/** One queue: its count, its oldest few items, and the page that lists them all; calm when empty. */
function QueueCard({ funderId, queue }: { funderId: string; queue: WorkQueue }) {
  const { t } = useTranslation();
  const label = t(`start.work.queues.${queue.queue}`);
  const headingId = `queue-${funderId}-${queue.queue}`;
  return (
    <li className="card work-queue" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {label} <span className={queue.count ? 'badge badge-submitted' : 'badge'}>{t('start.work.count', { count: queue.count })}</span>
      </h4>
      {queue.count ? (
        <>
          <ol className="work-items">
            {queue.items.map((item) => (
              <WorkItemLine key={item.id} item={item} queue={queue.queue} />
            ))}
          </ol>
          {queue.count > queue.items.length ? <p className="hint">{t('start.work.moreHint', { count: queue.count - queue.items.length })}</p> : null}
          <p>
            <Link to={queue.all}>{t('start.work.all', { label: label.toLowerCase() })}</Link>
          </p>
        </>
      ) : (
        <p className="hint">{t('start.work.empty')}</p>
      )}
    </li>
  );
}

/** What needs the person at one funder: the queues their roles give them. */
function WorkSection({ funderId, queues }: { funderId: string; queues: WorkQueue[] }) {
  const { t } = useTranslation();
  if (!queues.length) return null;
  return (
    <section className="work" aria-labelledby={`work-${funderId}`}>
      <h3 id={`work-${funderId}`}>{t('start.work.heading')}</h3>
      <p className="hint">{t('start.work.intro')}</p>
      <ul className="card-grid">
        {queues.map((q) => (
          <QueueCard key={q.queue} funderId={funderId} queue={q} />
        ))}
      </ul>
      <p>
        <Link to="/notifications">{t('start.work.notifications')}</Link>
      </p>
    </section>
  );
}

function PublicCallsLink() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="public-calls-heading">
      <h2 id="public-calls-heading">{t('start.callsHeading')}</h2>
      <p>{t('start.callsText')}</p>
      <p>
        <Link to="/calls">{t('start.callsLink')}</Link>
      </p>
    </section>
  );
}

function Dashboard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const funders = new Map<string, { name: string; roles: string[] }>();
  for (const f of user.funders) {
    const entry = funders.get(f.funderId) ?? { name: f.funderName, roles: [] };
    entry.roles.push(f.role);
    funders.set(f.funderId, entry);
  }
  const order = (role: string) => FUNDER_ROLES.indexOf(role as (typeof FUNDER_ROLES)[number]);
  const work = useQuery({ queryKey: keys.work(), queryFn: () => getMyWork(FEW), enabled: user.funders.length > 0 });
  return (
    <Page title={t('start.title')} heading={t('start.hello', { name: user.name })}>
      {[...funders].map(([funderId, funder]) => (
        <section key={funderId} className="section" aria-labelledby={`funder-${funderId}`}>
          <h2 id={`funder-${funderId}`}>{funder.name}</h2>
          {work.error ? (
            <p className="notice notice-error" role="alert">
              {t('start.work.error')}
            </p>
          ) : work.data ? (
            <WorkSection funderId={funderId} queues={work.data.funders.find((f) => f.funderId === funderId)?.queues ?? []} />
          ) : null}
          <p className="hint">{t('start.yourRoles', { count: funder.roles.length })}</p>
          <ul className="card-grid">
            {[...funder.roles]
              .sort((a, b) => order(a) - order(b))
              .map((role) => (
                <RoleSection key={role} funderId={funderId} role={role} />
              ))}
          </ul>
        </section>
      ))}
      <section className="section" aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{t('start.organisationsHeading')}</h2>
        {user.organisations.length ? (
          <ul className="card-grid">
            {user.organisations.map((o) => (
              <li key={o.id} className="card">
                <h3>
                  <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                </h3>
                <p>
                  {t('fields.orgNumber')}: {o.orgNumber}
                </p>
                <p>
                  <Link to={`/organisations/${o.id}/payments`}>
                    {t('orgPayments.link')}
                    <span className="visually-hidden">, {o.name}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{user.funders.length ? t('start.noOrganisationsStaff') : t('start.noOrganisations')}</p>
        )}
        <p>
          <Link to="/organisations/new" className={user.organisations.length || user.funders.length ? undefined : 'button'}>
            {t('start.registerOrganisation')}
          </Link>
        </p>
      </section>
      <PublicCallsLink />
    </Page>
  );
}

export function StartPage() {
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  return user ? <Dashboard user={user} /> : <Welcome />;
}
