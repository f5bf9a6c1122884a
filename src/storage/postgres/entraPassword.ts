/**
 * PostgreSQL sign-in with Microsoft Entra ID: the managed identity asks Entra for an access token for Azure
 * Database for PostgreSQL and presents it as the password of its database role, so no password exists to
 * store, rotate or leak. `pg` calls the function for every new connection; the token is kept until shortly
 * before it expires (they last about an hour), so a pool that opens connections does not ask Entra each time.
 */

/** The audience of Azure Database for PostgreSQL's Entra tokens. */
export const POSTGRES_ENTRA_SCOPE = 'https://ossrdbms-aad.database.windows.net/.default';

/** What the store needs of a credential: `@azure/identity`'s TokenCredential has this shape. */
export interface AccessTokenSource {
  getToken(scopes: string | string[]): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

export interface EntraPasswordOptions {
  /** A token this close to expiry is replaced (5 minutes by default). */
  readonly refreshBeforeMs?: number;
  readonly now?: () => number;
  /** Told when a refresh failed while the current token was still valid (and kept in use). */
  readonly onRefreshError?: (err: unknown) => void;
}

/**
 * A `password` function for `pg`: returns the cached token, or fetches a new one when there is none or it is
 * within `refreshBeforeMs` of expiring. Concurrent callers share one request. A failed refresh keeps the old
 * token while it is still valid; with none valid the error reaches `pg`, which fails that connection attempt
 * (the next attempt asks again: failures are not cached).
 */
export function entraPassword(
  credential: AccessTokenSource,
  options: EntraPasswordOptions = {},
): () => Promise<string> {
  const refreshBeforeMs = options.refreshBeforeMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const refresh = (): Promise<string> => {
    pending ??= credential
      .getToken(POSTGRES_ENTRA_SCOPE)
      .then((result) => {
        if (!result?.token) throw new Error('Microsoft Entra ID returned no token for PostgreSQL');
        cached = { token: result.token, expiresAt: result.expiresOnTimestamp };
        return result.token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return async () => {
    const at = now();
    if (cached && at < cached.expiresAt - refreshBeforeMs) return cached.token;
    try {
      return await refresh();
    } catch (err) {
      // Entra briefly unreachable: a token that has not expired yet still signs in.
      if (cached && now() < cached.expiresAt) {
        options.onRefreshError?.(err);
        return cached.token;
      }
      throw err;
    }
  };
}

/**
 * The password function for the user-assigned managed identity `clientId` (the app's identity on App Service).
 * `@azure/identity` is loaded only when this sign-in is configured.
 */
export function managedIdentityPassword(
  clientId: string,
  options: EntraPasswordOptions = {},
): () => Promise<string> {
  let credential: AccessTokenSource | undefined;
  const lazy: AccessTokenSource = {
    async getToken(scopes) {
      if (!credential) {
        const { ManagedIdentityCredential } = await import('@azure/identity');
        credential = new ManagedIdentityCredential({ clientId });
      }
      return credential.getToken(scopes);
    },
  };
  return entraPassword(lazy, options);
}

/** The store's `password` option for a configured sign-in: undefined for the password in DATABASE_URL. */
export function databasePassword(
  auth: { readonly mode: 'password' } | { readonly mode: 'entra'; readonly clientId: string },
): (() => Promise<string>) | undefined {
  return auth.mode === 'entra' ? managedIdentityPassword(auth.clientId) : undefined;
}
