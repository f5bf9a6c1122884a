import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { createSsoValidator, SsoError, type SsoFailure } from '../../../../src/features/tabs/ssoToken';

/** The token validator with a fake JWKS endpoint: key caching, rotation, outages, and claim checks. */

const TENANT = '11111111-2222-3333-4444-555555555555';
const APP = '0d6a1f3e-1234-4abc-8def-0123456789ab';
const AUD = `api://bot.example.gc.ca/${APP}`;
const OID = 'aaaaaaaa-0000-4000-8000-000000000001';
const T0 = Date.parse('2026-03-02T14:00:00Z');

const first = generateKeyPairSync('rsa', { modulusLength: 2048 });
const second = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = (key: typeof first.publicKey, kid: string) => {
  const { n, e } = key.export({ format: 'jwk' });
  return { kty: 'RSA', use: 'sig', kid, n, e };
};

function setup(initialKeys: object[]) {
  let keys = initialKeys;
  let now = T0;
  let down = false;
  const requests: string[] = [];
  // jose's key set times its cache and cool-down with Date.now: the test's clock is the only clock.
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const fetchImpl = (async (url: string) => {
    requests.push(url);
    if (down) throw new Error('connection refused');
    return new Response(JSON.stringify({ keys }), { headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  const validate = createSsoValidator({
    audiences: [AUD, APP],
    allowedTenantIds: [],
    jwksUrlTemplate: 'https://keys.test/{tenantId}/keys',
    fetch: fetchImpl,
    now: () => now,
  });
  return {
    validate,
    requests,
    setKeys: (k: object[]) => (keys = k),
    advance: (ms: number) => (now += ms),
    setDown: (d: boolean) => (down = d),
    sign: (key = first.privateKey, kid = 'k1', claims: object = {}) =>
      `Bearer ${jwt.sign(
        {
          oid: OID,
          tid: TENANT,
          scp: 'access_as_user',
          name: 'Alex Tremblay',
          iat: Math.floor(now / 1000),
          ...claims,
        },
        key,
        {
          algorithm: 'RS256',
          keyid: kid,
          audience: AUD,
          issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
          expiresIn: '1h',
        },
      )}`,
  };
}

async function failure(promise: Promise<unknown>): Promise<SsoFailure | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (err) {
    if (err instanceof SsoError) return err.reason;
    throw err;
  }
}

describe('Teams SSO token validation', () => {
  afterEach(() => jest.restoreAllMocks());

  it('returns the caller from a valid token and fetches the tenant’s keys once for many tokens', async () => {
    const s = setup([jwk(first.publicKey, 'k1')]);
    for (let i = 0; i < 3; i++) {
      await expect(s.validate(s.sign())).resolves.toEqual({
        aadObjectId: OID,
        tenantId: TENANT,
        name: 'Alex Tremblay',
      });
    }
    expect(s.requests).toEqual([`https://keys.test/${TENANT}/keys`]);
  });

  it('picks up a rotated key, but asks again for an unknown key at most every five minutes', async () => {
    const s = setup([jwk(first.publicKey, 'k1')]);
    await s.validate(s.sign());
    s.setKeys([jwk(first.publicKey, 'k1'), jwk(second.publicKey, 'k2')]);
    // Within five minutes of the last fetch an unknown kid is refused without a new request (no fetch storm).
    expect(await failure(s.validate(s.sign(second.privateKey, 'k2')))).toBe('unknownKey');
    expect(s.requests).toHaveLength(1);
    s.advance(6 * 60_000);
    expect(await failure(s.validate(s.sign(second.privateKey, 'k2')))).toBe('accepted');
    expect(s.requests).toHaveLength(2);
  });

  it('reports an unreachable key endpoint as such (the API answers 503, not 401)', async () => {
    const s = setup([jwk(first.publicKey, 'k1')]);
    s.setDown(true);
    expect(await failure(s.validate(s.sign()))).toBe('keysUnavailable');
  });

  it.each([
    ['missing', undefined],
    ['missing', 'Basic abc'],
    ['malformed', 'Bearer abc.def'],
  ])('refuses as %s: %s', async (reason, header) => {
    const s = setup([jwk(first.publicKey, 'k1')]);
    expect(await failure(s.validate(header))).toBe(reason);
    expect(s.requests).toEqual([]);
  });

  it('refuses a tenant id that is not a GUID before fetching anything (it would become part of a URL)', async () => {
    const s = setup([jwk(first.publicKey, 'k1')]);
    expect(await failure(s.validate(s.sign(first.privateKey, 'k1', { tid: '../../evil' })))).toBe('tenant');
    expect(s.requests).toEqual([]);
  });

  it('refuses a token without a GUID object id', async () => {
    const s = setup([jwk(first.publicKey, 'k1')]);
    expect(await failure(s.validate(s.sign(first.privateKey, 'k1', { oid: 'someone' })))).toBe('claims');
  });

  it('refuses a token used before its time or after expiry, allowing one minute of clock skew', async () => {
    const s = setup([jwk(first.publicKey, 'k1')]);
    const token = s.sign();
    s.advance(60 * 60_000 + 30_000);
    expect(await failure(s.validate(token))).toBe('accepted');
    s.advance(60_000);
    expect(await failure(s.validate(token))).toBe('expired');
  });
});
