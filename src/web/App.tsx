import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, Suspense, use } from 'react';
import { matchPath, Route, Routes } from 'react-router';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { Loading } from './components/page.tsx';
import { pageTexts } from './i18n/index.ts';
import { sessionQuery } from './session.ts';
import { StartPage } from './start/StartPage.tsx';

/**
 * Every page but the start page is loaded when first opened, with the texts of the pages (the first
 * page loads only its own): a phone opening Samverka loads the shell and the start page, no forms.
 * The page renders once both have come, so it never shows a text's key; once loaded (or loaded ahead
 * with `load`, see `prepareFirstView`), it renders at once, without suspending.
 */
function page<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  let loading: Promise<M> | undefined;
  let component: ComponentType | undefined;
  const loadPage = () =>
    (loading ??= Promise.all([load(), pageTexts()]).then(([m]) => {
      component = m[name];
      return m;
    }));
  function LazyPage() {
    const Component = component ?? use(loadPage())[name];
    return <Component />;
  }
  return Object.assign(LazyPage, { load: loadPage });
}

const SignInPage = page(() => import('./auth/SignInPage.tsx'), 'SignInPage');
const RegisterPage = page(() => import('./auth/RegisterPage.tsx'), 'RegisterPage');
const ForgotPasswordPage = page(() => import('./auth/ForgotPasswordPage.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('./auth/ResetPasswordPage.tsx'), 'ResetPasswordPage');
const InvitationPage = page(() => import('./auth/InvitationPage.tsx'), 'InvitationPage');
const NewOrganisationPage = page(() => import('./organisations/NewOrganisationPage.tsx'), 'NewOrganisationPage');
const OrganisationPage = page(() => import('./organisations/OrganisationPage.tsx'), 'OrganisationPage');
const FunderUsersPage = page(() => import('./admin/FunderUsersPage.tsx'), 'FunderUsersPage');
const PublicCallsPage = page(() => import('./calls/PublicCallsPage.tsx'), 'PublicCallsPage');
const PublicCallPage = page(() => import('./calls/PublicCallPage.tsx'), 'PublicCallPage');
const MailboxPage = page(() => import('./mailbox/MailboxPage.tsx'), 'MailboxPage');
const MailPage = page(() => import('./mailbox/MailPage.tsx'), 'MailPage');
const CallDesignerPage = page(() => import('./calls/designer/CallDesignerPage.tsx'), 'CallDesignerPage');
const FunderCallsPage = page(() => import('./calls/FunderCallsPage.tsx'), 'FunderCallsPage');
const ApplicationPage = page(() => import('./applications/ApplicationPage.tsx'), 'ApplicationPage');
const AgreementPage = page(() => import('./agreements/AgreementPage.tsx'), 'AgreementPage');
const ApplyPage = page(() => import('./applications/ApplyPage.tsx'), 'ApplyPage');
const CheckPage = page(() => import('./applications/CheckPage.tsx'), 'CheckPage');
const InboxPage = page(() => import('./applications/InboxPage.tsx'), 'InboxPage');
const ReceiptPage = page(() => import('./applications/ReceiptPage.tsx'), 'ReceiptPage');
const ActivityTypesPage = page(() => import('./catalogue/ActivityTypesPage.tsx'), 'ActivityTypesPage');
const EligibilityRequestPage = page(() => import('./eligibility/EligibilityRequestPage.tsx'), 'EligibilityRequestPage');
const FunderEligibilityPage = page(() => import('./eligibility/FunderEligibilityPage.tsx'), 'FunderEligibilityPage');
const OrganisationPaymentsPage = page(() => import('./payouts/OrganisationPaymentsPage.tsx'), 'OrganisationPaymentsPage');
const ProgrammesPage = page(() => import('./programmes/ProgrammesPage.tsx'), 'ProgrammesPage');
const CallAssessmentPage = page(() => import('./assessment/CallAssessmentPage.tsx'), 'CallAssessmentPage');
const ApplicationAssessmentPage = page(() => import('./assessment/ApplicationAssessmentPage.tsx'), 'ApplicationAssessmentPage');
const OptimizerPage = page(() => import('./assessment/OptimizerPage.tsx'), 'OptimizerPage');
const MyReviewsPage = page(() => import('./reviews/MyReviewsPage.tsx'), 'MyReviewsPage');
const ReviewPage = page(() => import('./reviews/ReviewPage.tsx'), 'ReviewPage');
const GrantsPage = page(() => import('./grants/GrantsPage.tsx'), 'GrantsPage');
const NotificationsPage = page(() => import('./notifications/NotificationsPage.tsx'), 'NotificationsPage');
const PaymentsPage = page(() => import('./payments/PaymentsPage.tsx'), 'PaymentsPage');
const PaymentRunPage = page(() => import('./payments/PaymentRunPage.tsx'), 'PaymentRunPage');
const ReportPage = page(() => import('./follow-up/ReportPage.tsx'), 'ReportPage');
const FunderReportsPage = page(() => import('./follow-up/FunderReportsPage.tsx'), 'FunderReportsPage');
const SurveyResultsPage = page(() => import('./surveys/SurveyResultsPage.tsx'), 'SurveyResultsPage');

/**
 * Gets ready to take over the first view the server sent of a public page (src/server/web/): who is
 * signed in, the page's code and texts, and what it shows, so the app's first render is that page
 * whole, never a loading state in its place.
 */
export function prepareFirstView(client: QueryClient, { pathname, search }: { pathname: string; search: string }): Promise<unknown> {
  const call = matchPath('/calls/:id', pathname);
  return Promise.all([
    client.prefetchQuery(sessionQuery),
    pathname === '/calls' ? PublicCallsPage.load().then((m) => m.prepare(client, new URLSearchParams(search))) : null,
    call ? PublicCallPage.load().then((m) => m.prepare(client, call.params.id ?? '')) : null,
  ]);
}

/** Pages for signed-in people: anyone else is sent to sign in, and back here afterwards. */
const signedIn = (element: ReactNode) => (
  <RequireAuth>
    <Suspense fallback={<Loading />}>{element}</Suspense>
  </RequireAuth>
);

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<StartPage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route path="/invitation" element={<InvitationPage />} />
          <Route path="/organisations/new" element={signedIn(<NewOrganisationPage />)} />
          <Route path="/organisations/:id" element={signedIn(<OrganisationPage />)} />
          <Route path="/funders/:funderId/users" element={signedIn(<FunderUsersPage />)} />
          <Route path="/organisations/:id/eligibility" element={signedIn(<EligibilityRequestPage />)} />
          <Route path="/organisations/:id/payments" element={signedIn(<OrganisationPaymentsPage />)} />
          <Route path="/calls" element={<PublicCallsPage />} />
          <Route path="/calls/:id" element={<PublicCallPage />} />
          <Route path="/calls/:id/apply" element={signedIn(<ApplyPage />)} />
          <Route path="/applications/:id" element={signedIn(<ApplicationPage />)} />
          <Route path="/applications/:id/review" element={signedIn(<ReviewPage />)} />
          <Route path="/agreements/:id" element={signedIn(<AgreementPage />)} />
          <Route path="/reviews" element={signedIn(<MyReviewsPage />)} />
          <Route path="/grants" element={<GrantsPage />} />
          <Route path="/applications/:id/assessment" element={signedIn(<ApplicationAssessmentPage />)} />
          <Route path="/calls/:callId/assessment" element={signedIn(<CallAssessmentPage />)} />
          <Route path="/calls/:callId/optimizer" element={signedIn(<OptimizerPage />)} />
          <Route path="/applications/:id/check" element={signedIn(<CheckPage />)} />
          <Route path="/applications/:id/receipt" element={signedIn(<ReceiptPage />)} />
          <Route path="/funders/:funderId/applications" element={signedIn(<InboxPage />)} />
          <Route path="/calls/:callId/edit" element={signedIn(<CallDesignerPage />)} />
          <Route path="/funders/:funderId/programmes" element={signedIn(<ProgrammesPage />)} />
          <Route path="/funders/:funderId/calls" element={signedIn(<FunderCallsPage />)} />
          <Route path="/funders/:funderId/calls/new" element={signedIn(<CallDesignerPage />)} />
          <Route path="/funders/:funderId/calls/:callId/edit" element={signedIn(<CallDesignerPage />)} />
          <Route path="/funders/:funderId/eligibility" element={signedIn(<FunderEligibilityPage />)} />
          <Route path="/funders/:funderId/activity-types" element={signedIn(<ActivityTypesPage />)} />
          <Route path="/funders/:funderId/payments" element={signedIn(<PaymentsPage />)} />
          <Route path="/payment-runs/:id" element={signedIn(<PaymentRunPage />)} />
          <Route path="/reports/:id" element={signedIn(<ReportPage />)} />
          <Route path="/funders/:funderId/reports" element={signedIn(<FunderReportsPage />)} />
          <Route path="/funders/:funderId/survey-results" element={signedIn(<SurveyResultsPage />)} />
          <Route path="/notifications" element={signedIn(<NotificationsPage />)} />
          <Route path="/mailbox" element={<MailboxPage />} />
          <Route path="/mailbox/:mailId" element={<MailPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
