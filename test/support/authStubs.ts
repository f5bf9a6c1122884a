import http from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MicrosoftAppCredentials, ServiceClientCredentialsFactory } from 'botframework-connector';

/**
 * Stand-ins for what authenticated mode talks to outside this machine, shared by the tests that sign
 * their own tokens with a locally generated key.
 */

/** Outbound credentials that add no token: the fake connector needs none, and Entra ID is not reachable. */
export class NoTokenCredentials extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string) {
    super();
  }
  async isValidAppId(appId: string) {
    return appId === this.appId;
  }
  async isAuthenticationDisabled() {
    return false;
  }
  async createCredentials() {
    return MicrosoftAppCredentials.Empty;
  }
}

export interface JwksStub {
  readonly server: http.Server;
  /** http://127.0.0.1:<port>; every path answers with the same key set. */
  readonly base: string;
  /** The paths requested, in order. */
  readonly hits: string[];
}

/** Entra ID's per-tenant key endpoint, answering for any tenant (any path) with `publicKey` as `kid`. */
export async function startJwksStub(publicKey: KeyObject, kid = 'tab-key'): Promise<JwksStub> {
  const jwk = publicKey.export({ format: 'jwk' });
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, hits, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
