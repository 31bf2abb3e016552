import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { FunderUsersPage } from './admin/FunderUsersPage.tsx';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage.tsx';
import { InvitationPage } from './auth/InvitationPage.tsx';
import { RegisterPage } from './auth/RegisterPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { ResetPasswordPage } from './auth/ResetPasswordPage.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { CallDesignerPage } from './calls/designer/CallDesignerPage.tsx';
import { FunderCallsPage } from './calls/FunderCallsPage.tsx';
import { PublicCallPage } from './calls/PublicCallPage.tsx';
import { PublicCallsPage } from './calls/PublicCallsPage.tsx';
import { ActivityTypesPage } from './catalogue/ActivityTypesPage.tsx';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { EligibilityRequestPage } from './eligibility/EligibilityRequestPage.tsx';
import { FunderEligibilityPage } from './eligibility/FunderEligibilityPage.tsx';
import { MailboxPage } from './mailbox/MailboxPage.tsx';
import { MailPage } from './mailbox/MailPage.tsx';
import { NewOrganisationPage } from './organisations/NewOrganisationPage.tsx';
import { OrganisationPage } from './organisations/OrganisationPage.tsx';
import { ProgrammesPage } from './programmes/ProgrammesPage.tsx';
import { StartPage } from './start/StartPage.tsx';

/** Pages for signed-in people: anyone else is sent to sign in, and back here afterwards. */
const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

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
