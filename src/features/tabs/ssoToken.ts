import { GUID } from '../../shared/ids';
import {
  createRemoteJWKSet,
  customFetch,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import { LRUCache } from 'lru-cache';

/**
 * Validates the Teams SSO token a tab sends (a Microsoft Entra ID access token for the app's
 * `api://<domain>/<app id>` resource) with jose (signature, claims, Entra ID's published keys). No Bot
 * Framework types, so this edge survives a move to the Agents SDK unchanged.
 */

/** Entra ID's access tokens are RS256; anything else (none, HS256 with a public key…) is refused. */
const ALGORITHMS = ['RS256'];

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

/**
 * Keys are re-read hourly, and at most every five minutes when a token names a key we do not know (rotation):
 * jose's remote key set does the fetching, caching and cool-down; one set per tenant, for at most
 * MAX_TENANT_KEY_SETS tenants (least recently used first out), so tokens naming many tenants cannot grow it.
 */
const KEYS_MAX_AGE_MS = 60 * 60 * 1000;
const UNKNOWN_KID_REFRESH_MS = 5 * 60 * 1000;
const KEYS_FETCH_TIMEOUT_MS = 5000;
const MAX_TENANT_KEY_SETS = 100;

/** Accepted issuers for a tenant: Entra ID v2 tokens, and v1 (sts.windows.net) when the app asks for v1. */
export function issuersFor(tenantId: string): [string, string] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

export function createSsoValidator(
  options: SsoOptions,
): (authorization: string | undefined) => Promise<SsoIdentity> {
  const allowed = new Set(options.allowedTenantIds.map((t) => t.toLowerCase()));
  const keySets = new LRUCache<string, ReturnType<typeof createRemoteJWKSet>>({ max: MAX_TENANT_KEY_SETS });
  const keysOf = (url: string) => {
    let keys = keySets.get(url);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(url), {
        cacheMaxAge: KEYS_MAX_AGE_MS,
        cooldownDuration: UNKNOWN_KID_REFRESH_MS,
        timeoutDuration: KEYS_FETCH_TIMEOUT_MS,
        ...(options.fetch ? { [customFetch]: options.fetch } : {}),
      });
      keySets.set(url, keys);
    }
    return keys;
  };
  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new SsoError('missing');
    let claims: JWTPayload;
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      throw new SsoError('malformed');
    }
    if (!ALGORITHMS.includes(header.alg ?? '') || !header.kid) throw new SsoError('algorithm');
    // The tenant picks whose keys to fetch, so it must be a GUID (no path tricks) and allowed before any fetch.
    const tid = claims.tid;
    if (typeof tid !== 'string' || !GUID.test(tid)) throw new SsoError('tenant');
    if (allowed.size > 0 && !allowed.has(tid.toLowerCase())) throw new SsoError('tenant');
    let payload: JWTPayload;
    try {
      const keys = keysOf(options.jwksUrlTemplate.replace('{tenantId}', tid));
      ({ payload } = await jwtVerify(token, (h, t) => keyOrReason(keys, h, t), {
        algorithms: ALGORITHMS,
        audience: [...options.audiences],
        issuer: issuersFor(tid),
        clockTolerance: options.clockToleranceSeconds ?? 60,
        ...(options.now ? { currentDate: new Date(options.now()) } : {}),
      }));
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

/** The signing key, or why there is none: the token names a key Entra ID does not publish, or no answer. */
async function keyOrReason(
  keys: ReturnType<typeof createRemoteJWKSet>,
  ...args: Parameters<ReturnType<typeof createRemoteJWKSet>>
) {
  try {
    return await keys(...args);
  } catch (err) {
    throw new SsoError(err instanceof errors.JWKSNoMatchingKey ? 'unknownKey' : 'keysUnavailable');
  }
}

function verifyFailure(err: unknown): SsoFailure {
  if (err instanceof SsoError) return err.reason;
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return 'audience';
    if (err.claim === 'iss') return 'issuer';
    if (err.claim === 'nbf' || err.claim === 'iat') return 'expired';
    return 'claims';
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  return 'signature';
}
