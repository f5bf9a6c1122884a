import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt, { type JwtHeader, type JwtPayload } from 'jsonwebtoken';

/**
 * Validates the Teams SSO token a tab sends (a Microsoft Entra ID access token for the app's
 * `api://<domain>/<app id>` resource). Plain Node and jsonwebtoken — no Bot Framework types — so this
 * edge survives a move to the Agents SDK unchanged.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Entra ID's access tokens are RS256; anything else (none, HS256 with a public key…) is refused. */
const ALGORITHMS: jwt.Algorithm[] = ['RS256'];

export interface SsoOptions {
  /** Accepted `aud` values: the app id URI and the bare app id. */
  readonly audiences: readonly string[];
  /** Empty = any tenant (the bot's own tenant guard applies to chats; tabs follow the same list). */
  readonly allowedTenantIds: readonly string[];
  /** JWKS address with `{tenantId}` where the token's tenant goes. */
  readonly jwksUrlTemplate: string;
  readonly clockToleranceSeconds?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

export interface SsoIdentity {
  readonly aadObjectId: string;
  readonly tenantId: string;
  readonly name: string;
  readonly upn?: string;
}

/** Why a token was refused; a code for logs and tests, never shown to the caller. */
export type SsoFailure =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'tenant'
  | 'unknownKey'
  | 'keysUnavailable'
  | 'expired'
  | 'audience'
  | 'issuer'
  | 'signature'
  | 'scope'
  | 'claims';

export class SsoError extends Error {
  override readonly name = 'SsoError';
  constructor(readonly reason: SsoFailure) {
    super(`SSO token refused: ${reason}`);
  }
}

interface CachedKeys {
  readonly keys: ReadonlyMap<string, KeyObject>;
  readonly fetchedAt: number;
}

/** Keys are re-read hourly, and at most every five minutes when a token names a key we do not know (rotation). */
const KEYS_MAX_AGE_MS = 60 * 60 * 1000;
const UNKNOWN_KID_REFRESH_MS = 5 * 60 * 1000;

/** Fetches and caches one tenant's signing keys. */
export class JwksCache {
  private readonly cache = new Map<string, CachedKeys>();
  private readonly inflight = new Map<string, Promise<CachedKeys>>();

  constructor(
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {}

  async key(url: string, kid: string): Promise<KeyObject> {
    let entry = this.cache.get(url);
    if (!entry || this.now() - entry.fetchedAt > KEYS_MAX_AGE_MS) entry = await this.load(url);
    let key = entry.keys.get(kid);
    if (!key && this.now() - entry.fetchedAt > UNKNOWN_KID_REFRESH_MS) {
      entry = await this.load(url);
      key = entry.keys.get(kid);
    }
    if (!key) throw new SsoError('unknownKey');
    return key;
  }

  private load(url: string): Promise<CachedKeys> {
    const running = this.inflight.get(url);
    if (running) return running;
    const loading = this.read(url).finally(() => this.inflight.delete(url));
    this.inflight.set(url, loading);
    return loading;
  }

  private async read(url: string): Promise<CachedKeys> {
    let body: { keys?: unknown };
    try {
      const response = await this.fetchImpl(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
      body = (await response.json()) as { keys?: unknown };
    } catch {
      throw new SsoError('keysUnavailable');
    }
    const keys = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(body.keys) ? (body.keys as Record<string, unknown>[]) : []) {
      if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use !== undefined && jwk.use !== 'sig'))
        continue;
      try {
        keys.set(
          jwk.kid,
          createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey, format: 'jwk' }),
        );
      } catch {
        // One malformed key must not hide the others.
      }
    }
    const entry = { keys, fetchedAt: this.now() };
    this.cache.set(url, entry);
    return entry;
  }
}

/** Accepted issuers for a tenant: Entra ID v2 tokens, and v1 (sts.windows.net) when the app asks for v1. */
export function issuersFor(tenantId: string): [string, string] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

export function createSsoValidator(
  options: SsoOptions,
): (authorization: string | undefined) => Promise<SsoIdentity> {
  const jwks = new JwksCache(options.fetch, options.now);
  const allowed = new Set(options.allowedTenantIds.map((t) => t.toLowerCase()));
  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new SsoError('missing');
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload !== 'object') throw new SsoError('malformed');
    const header: JwtHeader = decoded.header;
    if (!ALGORITHMS.includes(header.alg as jwt.Algorithm) || !header.kid) throw new SsoError('algorithm');
    // The tenant picks whose keys to fetch, so it must be a GUID (no path tricks) and allowed before any fetch.
    const tid = (decoded.payload as JwtPayload).tid;
    if (typeof tid !== 'string' || !GUID.test(tid)) throw new SsoError('tenant');
    if (allowed.size > 0 && !allowed.has(tid.toLowerCase())) throw new SsoError('tenant');
    const key = await jwks.key(options.jwksUrlTemplate.replace('{tenantId}', tid), header.kid);
    let payload: JwtPayload;
    try {
      payload = jwt.verify(token, key, {
        algorithms: ALGORITHMS,
        audience: options.audiences as [string, ...string[]],
        issuer: issuersFor(tid),
        clockTolerance: options.clockToleranceSeconds ?? 60,
        ...(options.now ? { clockTimestamp: Math.floor(options.now() / 1000) } : {}),
      }) as JwtPayload;
    } catch (err) {
      throw new SsoError(verifyFailure(err));
    }
    // Teams SSO asks for the access_as_user scope; a token for another purpose of the same app is refused.
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes('access_as_user')) throw new SsoError('scope');
    if (typeof payload.oid !== 'string' || !GUID.test(payload.oid)) throw new SsoError('claims');
    const upn =
      typeof payload.preferred_username === 'string'
        ? payload.preferred_username
        : typeof payload.upn === 'string'
          ? payload.upn
          : undefined;
    return {
      aadObjectId: payload.oid.toLowerCase(),
      tenantId: tid.toLowerCase(),
      name: typeof payload.name === 'string' ? payload.name : '',
      ...(upn ? { upn } : {}),
    };
  };
}

function verifyFailure(err: unknown): SsoFailure {
  if (err instanceof jwt.TokenExpiredError) return 'expired';
  if (err instanceof jwt.NotBeforeError) return 'expired';
  const message = err instanceof Error ? err.message : '';
  if (message.includes('audience')) return 'audience';
  if (message.includes('issuer')) return 'issuer';
  if (message.includes('algorithm')) return 'algorithm';
  return 'signature';
}
