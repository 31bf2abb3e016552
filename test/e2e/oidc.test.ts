// Staff sign in with their funder's own identity provider: a real OpenID
// provider on a loopback port, driven through Chromium from the sign-in page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/db/scope.ts';
import { startTestServer, type TestApp } from '../support/app.ts';
import { launchBrowser, openPage, scriptErrors, settledAndAccessible } from '../support/browser.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';

const SECRET_ENV = 'E2E_OIDC_SECRET';
const IDP_NAME = 'Norrköpings kommun (test-IdP)';

let server: TestApp & { url: string };
let browser: Browser;
let idp: TestOidcProvider;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  idp = await startOidcProvider({
    appUrl: server.url,
    accounts: {
      hanna: { email: 'handlaggare@norrkoping.example', name: 'Hanna Handläggare' },
      stranger: { email: 'okand@norrkoping.example', name: 'Okänd Person' },
    },
  });
  process.env[SECRET_ENV] = idp.clientSecret;
  await system(server.db, async (tx) => {
    const funder = await tx.selectFrom('funders').select('id').where('name', '=', 'Socialnämnden, Norrköpings kommun').executeTakeFirstOrThrow();
    await tx
      .insertInto('oidc_providers')
      .values({ funder_id: funder.id, issuer: idp.issuer, client_id: idp.clientId, client_secret_env: SECRET_ENV, display_name: IDP_NAME })
      .execute();
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await idp?.close();
  delete process.env[SECRET_ENV];
});

/** From the sign-in page through the provider's own login and consent pages, back to Samverka. */
async function signInAtProvider(page: Page, login: string) {
  await page.goto('/sign-in');
  await settledAndAccessible(page, 'Logga in');
  await page.getByRole('link', { name: `Logga in med ${IDP_NAME}` }).click();
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password will do');
  await page.locator('form [type="submit"]').first().click();
  // The provider asks for consent once per client and account.
  while (page.url().startsWith(idp.issuer)) {
    const submit = page.locator('form [type="submit"]').first();
    await Promise.race([submit.waitFor(), page.waitForURL((url) => url.href.startsWith(server.url))]);
    if (page.url().startsWith(idp.issuer)) await submit.click();
  }
}

describe('sign-in with the organisation account', () => {
  it('lands an invited caseworker on the start page, signed in', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signInAtProvider(page, 'hanna');
    await settledAndAccessible(page, 'Hej Hanna Handläggare');
    await page.getByRole('region', { name: 'Socialnämnden, Norrköpings kommun' }).getByRole('heading', { level: 3, name: 'Handläggare' }).waitFor();
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('explains, in words, that a person without an invitation has no account', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signInAtProvider(page, 'stranger');
    await settledAndAccessible(page, 'Logga in');
    expect(new URL(page.url()).searchParams.get('error')).toBe('oidc_no_account');
    await page
      .getByRole('alert')
      .getByText('Det finns inget Samverka-konto för okand@norrkoping.example hos Socialnämnden, Norrköpings kommun. Be din administratör om en inbjudan.')
      .waitFor();
    await context.close();
  });
});
