import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no type declarations (they live in @types/oidc-provider, not installed); the little used here is typed below.
import { Provider } from 'oidc-provider';

/** What the identity provider knows about a person; the login name is the subject. */
export interface TestAccount {
  email: string;
  name: string;
  /** Defaults to true. */
  emailVerified?: boolean;
}

export interface TestOidcProviderOptions {
  /** Where the relying party (the app) listens; its callback is registered as the redirect URI. */
  appUrl: string;
  /** Accounts by login name (= sub). More can be added later through `accounts`. */
  accounts?: Record<string, TestAccount>;
  clientId?: string;
  /**
   * true (the default, OpenID Connect Core 5.4): with an access token issued, the e-mail and
   * profile claims come only from the userinfo endpoint, as with a conformant IdP. false: they
   * are in the ID token too, as Entra ID and Keycloak do.
   */
  conformIdTokenClaims?: boolean;
}

export interface TestOidcProvider {
  /** http://127.0.0.1:<port>, the issuer identifier. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

interface ProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  on(event: string, listener: (...args: unknown[]) => void): void;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

/**
 * A real OpenID provider (panva's oidc-provider, certified) on a free loopback
 * port: one confidential client for the app with the authorization code flow
 * and PKCE required, and the package's development login and consent pages,
 * which accept any password for a known login name.
 */
export async function startOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const clientId = options.clientId ?? 'samverka-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const redirectUri = `${options.appUrl}/api/auth/oidc/callback`;

  // Listen first: the issuer identifier has to name the port.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };

  const provider = new (Provider as ProviderConstructor)(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // openid-client's default when given a client secret.
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: options.conformIdTokenClaims ?? true,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [signingKey] },
    // Explicit lifetimes (seconds) keep the provider from printing a notice for each default it uses.
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Grant: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: account.emailVerified ?? true, name: account.name };
        },
      };
    },
  });
  // The provider reports client and protocol errors as events; the tests read the outcome at the app.
  provider.on('server_error', () => {});

  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
