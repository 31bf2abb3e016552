import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { FunderUsersPage } from './admin/FunderUsersPage.tsx';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage.tsx';
import { InvitationPage } from './auth/InvitationPage.tsx';
import { RegisterPage } from './auth/RegisterPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { ResetPasswordPage } from './auth/ResetPasswordPage.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { PublicCallPage } from './calls/PublicCallPage.tsx';
import { PublicCallsPage } from './calls/PublicCallsPage.tsx';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { Loading } from './components/page.tsx';
import { MailboxPage } from './mailbox/MailboxPage.tsx';
import { MailPage } from './mailbox/MailPage.tsx';
import { NewOrganisationPage } from './organisations/NewOrganisationPage.tsx';
import { OrganisationPage } from './organisations/OrganisationPage.tsx';
import { StartPage } from './start/StartPage.tsx';

// Staff and association pages are loaded when first opened, so the public pages stay small on a phone.
const CallDesignerPage = lazy(() => import('./calls/designer/CallDesignerPage.tsx').then((m) => ({ default: m.CallDesignerPage })));
const FunderCallsPage = lazy(() => import('./calls/FunderCallsPage.tsx').then((m) => ({ default: m.FunderCallsPage })));
const ApplicationPage = lazy(() => import('./applications/ApplicationPage.tsx').then((m) => ({ default: m.ApplicationPage })));
const ApplyPage = lazy(() => import('./applications/ApplyPage.tsx').then((m) => ({ default: m.ApplyPage })));
const CheckPage = lazy(() => import('./applications/CheckPage.tsx').then((m) => ({ default: m.CheckPage })));
const InboxPage = lazy(() => import('./applications/InboxPage.tsx').then((m) => ({ default: m.InboxPage })));
const ReceiptPage = lazy(() => import('./applications/ReceiptPage.tsx').then((m) => ({ default: m.ReceiptPage })));
const ActivityTypesPage = lazy(() => import('./catalogue/ActivityTypesPage.tsx').then((m) => ({ default: m.ActivityTypesPage })));
const EligibilityRequestPage = lazy(() => import('./eligibility/EligibilityRequestPage.tsx').then((m) => ({ default: m.EligibilityRequestPage })));
const FunderEligibilityPage = lazy(() => import('./eligibility/FunderEligibilityPage.tsx').then((m) => ({ default: m.FunderEligibilityPage })));
const ProgrammesPage = lazy(() => import('./programmes/ProgrammesPage.tsx').then((m) => ({ default: m.ProgrammesPage })));
const CallAssessmentPage = lazy(() => import('./assessment/CallAssessmentPage.tsx').then((m) => ({ default: m.CallAssessmentPage })));
const ApplicationAssessmentPage = lazy(() => import('./assessment/ApplicationAssessmentPage.tsx').then((m) => ({ default: m.ApplicationAssessmentPage })));
const OptimizerPage = lazy(() => import('./assessment/OptimizerPage.tsx').then((m) => ({ default: m.OptimizerPage })));
const MyReviewsPage = lazy(() => import('./reviews/MyReviewsPage.tsx').then((m) => ({ default: m.MyReviewsPage })));
const ReviewPage = lazy(() => import('./reviews/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })));
const GrantsPage = lazy(() => import('./grants/GrantsPage.tsx').then((m) => ({ default: m.GrantsPage })));

/** Pages for signed-in people: anyone else is sent to sign in, and back here afterwards. */
const signedIn = (page: ReactNode) => (
  <RequireAuth>
    <Suspense fallback={<Loading />}>{page}</Suspense>
  </RequireAuth>
);

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<StartPage />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/invitation" element={<InvitationPage />} />
        <Route
          path="/organisations/new"
          element={
            <RequireAuth>
              <NewOrganisationPage />
            </RequireAuth>
          }
        />
        <Route
          path="/organisations/:id"
          element={
            <RequireAuth>
              <OrganisationPage />
            </RequireAuth>
          }
        />
        <Route
          path="/funders/:funderId/users"
          element={
            <RequireAuth>
              <FunderUsersPage />
            </RequireAuth>
          }
        />
        <Route path="/organisations/:id/eligibility" element={signedIn(<EligibilityRequestPage />)} />
        <Route path="/calls" element={<PublicCallsPage />} />
        <Route path="/calls/:id" element={<PublicCallPage />} />
        <Route path="/calls/:id/apply" element={signedIn(<ApplyPage />)} />
        <Route path="/applications/:id" element={signedIn(<ApplicationPage />)} />
        <Route path="/applications/:id/review" element={signedIn(<ReviewPage />)} />
        <Route path="/reviews" element={signedIn(<MyReviewsPage />)} />
        <Route
          path="/grants"
          element={
            <Suspense fallback={<Loading />}>
              <GrantsPage />
            </Suspense>
          }
        />
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
        <Route path="/mailbox" element={<MailboxPage />} />
        <Route path="/mailbox/:mailId" element={<MailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
