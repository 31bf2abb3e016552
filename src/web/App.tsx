import { Route, Routes } from 'react-router';
import { FunderUsersPage } from './admin/FunderUsersPage.tsx';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage.tsx';
import { InvitationPage } from './auth/InvitationPage.tsx';
import { RegisterPage } from './auth/RegisterPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { ResetPasswordPage } from './auth/ResetPasswordPage.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { MailboxPage } from './mailbox/MailboxPage.tsx';
import { MailPage } from './mailbox/MailPage.tsx';
import { NewOrganisationPage } from './organisations/NewOrganisationPage.tsx';
import { OrganisationPage } from './organisations/OrganisationPage.tsx';
import { StartPage } from './start/StartPage.tsx';

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
        <Route path="/mailbox" element={<MailboxPage />} />
        <Route path="/mailbox/:mailId" element={<MailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
