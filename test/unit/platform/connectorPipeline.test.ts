import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { REPLY_RETRY_POLICY, limitCallTime, useRetryPolicy } from '../../../src/platform/connectorPipeline';
import { pipelineOf } from '../../../src/platform/sdkInternals';

/**
 * The connector client's HTTP pipeline is not part of the SDK's API: the bot reaches it to set a time limit
 * on every call and to put its own retry policy in place of the SDK's. If an SDK update moves the pipeline
 * or renames the SDK's policy, these fail (the bot would otherwise silently lose both).
 */
const client = (baseUri: string) => new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri });
const policyNames = (c: ConnectorClient) =>
  (pipelineOf(c) as unknown as { getOrderedPolicies(): { name: string }[] })
    .getOrderedPolicies()
    .map((p) => p.name);

describe('the Bot Connector client pipeline', () => {
  it('is where the bot expects it, with the SDK retry policy the bot replaces', () => {
    const c = client('http://127.0.0.1:1');
    expect(pipelineOf(c)).toBeDefined();
    expect(policyNames(c)).toContain('defaultRetryPolicy');
    useRetryPolicy(limitCallTime(c, 1000), { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 });
    expect(policyNames(c)).not.toContain('defaultRetryPolicy');
    expect(policyNames(c)).toContain(REPLY_RETRY_POLICY);
    expect(policyNames(c)).toContain('smgConnectorCallTimeout');
  });

  describe('against a connector that answers 429, then 500, then 200', () => {
    let server: http.Server;
    let url = '';
    const statuses: number[] = [];
    let script: number[] = [];
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        req.resume();
        const status = script.shift() ?? 200;
        statuses.push(status);
        res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '7' });
        res.end(JSON.stringify(status === 200 ? { id: 'sent' } : { error: { code: 'x', message: 'x' } }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => {
      statuses.length = 0;
    });

    it("retries with the app's waits: Retry-After on 429 (capped), jittered back-off on 5xx", async () => {
      script = [429, 500];
      const waits: number[] = [];
      const c = useRetryPolicy(client(url), {
        maxAttempts: 4,
        baseDelayMs: 100,
        maxDelayMs: 5_000,
        random: () => 0.5,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      const result = await c.conversations.sendToConversation('conv', { type: 'message', text: 'hi' });
      expect(result.id).toBe('sent');
      expect(statuses).toEqual([429, 500, 200]);
      expect(waits).toEqual([5_000, 100]);
    });

    it('gives up after maxAttempts and lets the failure surface', async () => {
      script = [503, 503, 503];
      const c = useRetryPolicy(client(url), {
        maxAttempts: 2,
        baseDelayMs: 1,
        maxDelayMs: 1,
        sleep: async () => undefined,
      });
      await expect(
        c.conversations.sendToConversation('conv', { type: 'message', text: 'hi' }),
      ).rejects.toMatchObject({ statusCode: 503 });
      expect(statuses).toEqual([503, 503]);
      script = [];
    });

    it('does not retry a refusal (403)', async () => {
      script = [403];
      const c = useRetryPolicy(client(url), { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 1 });
      await expect(
        c.conversations.sendToConversation('conv', { type: 'message', text: 'hi' }),
      ).rejects.toMatchObject({ statusCode: 403 });
      expect(statuses).toEqual([403]);
    });
  });
});
