import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, type SessionUser } from '../api/client.ts';
import { useLocalized } from '../i18n/index.ts';
import { useSessionChange } from '../session.ts';
import { signOut as signOutRequest } from './api.ts';

/** The signed-in person's menu: sign out here, or on every device. */
export function AccountMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const sessionChanged = useSessionChange();
  const [error, setError] = useState<string | null>(null);

  async function signOut(everywhere: boolean) {
    setError(null);
    try {
      await signOutRequest(everywhere);
    } catch (e) {
      // An expired session is as good as signed out; anything else is worth saying.
      if (!(e instanceof ApiError) || !e.needsSignIn) {
        setError(e instanceof ApiError ? localized(e.problem.messages) : t('common.unexpected'));
        return;
      }
    }
    await sessionChanged();
    navigate('/sign-in', { state: { flash: everywhere ? 'signedOutEverywhere' : 'signedOut' } });
  }

  return (
    <div className="account">
      <MenuTrigger>
        <Button className="account-button">
          <span className="visually-hidden">{t('account.menuFor')} </span>
          {user.name}
          <span aria-hidden="true" className="caret">
            ▾
          </span>
        </Button>
        <Popover placement="bottom end" className="account-popover">
          <Menu
            className="account-menu"
            aria-label={t('account.menuLabel')}
            onAction={(key) => (key === 'notifications' ? navigate('/notifications') : void signOut(key === 'everywhere'))}
          >
            <MenuItem id="signout" className="account-menu-item">
              {t('account.signOut')}
            </MenuItem>
            <MenuItem id="everywhere" className="account-menu-item">
              {t('account.signOutEverywhere')}
            </MenuItem>
            <MenuItem id="notifications" className="account-menu-item">
              {t('account.notifications')}
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
      {error ? (
        <p className="account-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
