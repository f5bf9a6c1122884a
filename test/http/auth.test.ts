import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { TENANT_ID, message } from '../support/activities';
import { NoTokenCredentials } from '../support/authStubs';
import { startBot, type RunningBot } from '../support/harness';

const APP_ID = '0d6a1f3e-1234-4abc-8def-0123456789ab';
const ISSUER = 'https://api.botframework.com';

/** A stand-in for the Bot Framework's OpenID metadata and signing keys, with a locally generated key. */
async function startOpenIdStub(publicKey: KeyObject) {
  const jwk = publicKey.export({ format: 'jwk' });
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys` }));
    else
      res.end(
        JSON.stringify({
          keys: [{ kty: 'RSA', kid: 'test-key', n: jwk.n, e: jwk.e, endorsements: ['msteams'] }],
        }),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid` };
}

describe('authenticated mode (an app id is configured)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let stub: Awaited<ReturnType<typeof startOpenIdStub>>;
  let bot: RunningBot;

  beforeAll(async () => {
    stub = await startOpenIdStub(publicKey);
    bot = await startBot({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-used-in-tests',
        MicrosoftAppTenantId: TENANT_ID,
      },
      authOverrides: {
        // Overriding one endpoint makes botbuilder take every endpoint from settings: the issuer too.
        toBotFromChannelOpenIdMetadataUrl: stub.url,
        toBotFromChannelTokenIssuer: ISSUER,
        credentialsFactory: new NoTokenCredentials(APP_ID),
      },
    });
  });
  afterAll(async () => {
    await bot.stop();
    stub.server.close();
  });
  beforeEach(() => bot.connector.reset());

  const sign = (claims: object, key: KeyObject = privateKey, options: jwt.SignOptions = {}) =>
    jwt.sign({ serviceurl: bot.connector.url, ...claims }, key, {
      algorithm: 'RS256',
      keyid: 'test-key',
      issuer: ISSUER,
      audience: APP_ID,
      ...('exp' in claims ? {} : { expiresIn: '5m' }),
      ...options,
    });

  it('runs the turn for a valid Bot Framework token', async () => {
    const response = await bot.post(message('help', { serviceUrl: bot.connector.url }), {
      authorization: `Bearer ${sign({})}`,
    });
    expect(response.status).toBe(200);
    expect(bot.connector.sentActivities()).toHaveLength(1);
  });

  it.each([
    ['no token', () => undefined],
    ['a malformed token', () => 'Bearer not.a.jwt'],
    ['an expired token', () => `Bearer ${sign({ exp: Math.floor(Date.now() / 1000) - 3600 })}`],
    [
      'a wrong audience',
      () => `Bearer ${sign({}, privateKey, { audience: '00000000-0000-4000-8000-000000000000' })}`,
    ],
    ['a wrong issuer', () => `Bearer ${sign({}, privateKey, { issuer: 'https://evil.example' })}`],
    ['an unknown signing key', () => `Bearer ${sign({}, other.privateKey)}`],
    [
      'a serviceUrl different from the token claim',
      () => `Bearer ${sign({ serviceurl: 'https://elsewhere.example/' })}`,
    ],
    [
      'HS256 signed with the public key (algorithm confusion)',
      () =>
        `Bearer ${jwt.sign({ serviceurl: bot.connector.url }, publicKey.export({ format: 'pem', type: 'spki' }) as string, { algorithm: 'HS256', keyid: 'test-key', issuer: ISSUER, audience: APP_ID })}`,
    ],
    [
      'alg none',
      () =>
        `Bearer ${jwt.sign({ serviceurl: 'x' }, '', { algorithm: 'none', issuer: ISSUER, audience: APP_ID })}`,
    ],
  ])('answers 401 and runs no handler for %s', async (_label, header) => {
    const value = header();
    const response = await bot.post(
      message('help', { serviceUrl: bot.connector.url }),
      value ? { authorization: value } : {},
    );
    expect(response.status).toBe(401);
    expect(response.body).not.toMatch(/stack|at |Error:/);
    expect(bot.connector.calls).toHaveLength(0);
  });
});
