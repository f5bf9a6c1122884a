import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { botInstalled, message } from '../../../support/activities';
import { startBotProcess, type BotProcess } from '../../../support/botProcess';
import { FakeConnector } from '../../../support/fakeConnector';
import { METRICS } from '../../../../src/platform/telemetry/metrics';

/**
 * The real bot process (src/index.ts) with Application Insights on, its ingestion endpoint pointed at a
 * loopback server that keeps every byte the bot sends. A manager with a distinctive name, e-mail address and
 * Entra object id asks a question and escalates a case whose summary names a third person; the case card's
 * post is refused, so the outbox records a delivery failure. Everything the exporter sent must carry the
 * requests, dependencies, traces and custom metrics, and none of the people's words, names, addresses or ids.
 */
const PERSON = {
  id: '29:zq-teams-user-4471',
  name: 'Zéphyrine Quillfeather',
  aadObjectId: '7d1c2b3a-9e8f-4a6b-8c5d-0e1f2a3b4c5d',
};
const EMAIL = 'zephyrine.quillfeather@example.gc.ca';
const QUESTION = `Can I reply to Bartholomew Nightingale's post about the Wakefield reorganisation? I am ${PERSON.name}, ${EMAIL}`;
// No e-mail address here: the dialog would stop to offer a rewrite (the question above carries one).
const SUMMARY = `Bartholomew Nightingale posted that Wakefield staff are being let go; ${PERSON.name} is worried`;
const VE_CHANNEL = '19:values-ethics@thread.tacv2';

/** Strings that must never leave the process: the person, the third party, the place, the ids. */
const FORBIDDEN = [
  'Zéphyrine',
  'Zephyrine',
  'Quillfeather',
  EMAIL,
  'example.gc.ca',
  'Bartholomew',
  'Nightingale',
  'Wakefield',
  'reorganisation',
  'let go',
  PERSON.aadObjectId,
  PERSON.id,
  'zq-teams-user',
];

interface Envelope {
  name: string;
  iKey: string;
  tags: Record<string, string>;
  data: { baseType: string; baseData: Record<string, any> };
}

async function startIngestion() {
  const bodies: string[] = [];
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url}`);
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      const n = (JSON.parse(body) as unknown[]).length;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ itemsReceived: n, itemsAccepted: n, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, bodies, paths, port: (server.address() as AddressInfo).port };
}

async function waitFor(probe: () => boolean, what: () => string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('telemetry leaves out what people wrote and who they are', () => {
  let ingestion: Awaited<ReturnType<typeof startIngestion>>;
  let connector: FakeConnector;
  let bot: BotProcess | undefined;
  let envelopes: Envelope[] = [];
  let sent = '';

  beforeAll(async () => {
    ingestion = await startIngestion();
    connector = await new FakeConnector().start();
    // The office refuses the case card: a final delivery failure for the outbox to count.
    connector.failNext(1, { status: 403, kinds: ['createConversation'] });
    bot = await startBotProcess({
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=http://127.0.0.1:${ingestion.port}/`,
      LOG_LEVEL: 'debug',
      VE_TEAM_ID: VE_CHANNEL,
      VE_CHANNEL_ID: VE_CHANNEL,
      CASE_OUTBOX_POLL_SECONDS: '1',
    });
    const say = async (text: string) => {
      const { status } = await bot!.post(message(text, { serviceUrl: connector.url, from: PERSON }));
      expect(status).toBe(200);
    };
    // The office's team has the bot installed (its channel is named by VE_TEAM_ID / VE_CHANNEL_ID).
    const install = botInstalled({
      serviceUrl: connector.url,
      conversationType: 'channel',
      teamId: VE_CHANNEL,
      channelId: VE_CHANNEL,
    });
    expect((await bot.post(install)).status).toBe(200);
    await say(QUESTION);
    for (const step of ['escalate', 'Values and ethics office', SUMMARY, 'Routine', 'Teams chat', 'Send it'])
      await say(step);
    await waitFor(
      () => bot!.events('case.undelivered').length > 0,
      () => `the refused case post (${bot!.lines.map((l) => /"event":"([^"]+)"/.exec(l)?.[1]).join(' ')})`,
    );
    // SIGTERM: the bot closes, then sends what is queued and the last metrics before it exits.
    await bot.stop('SIGTERM');
    bot = undefined;
    envelopes = ingestion.bodies.flatMap((b) => JSON.parse(b) as Envelope[]);
    sent = ingestion.bodies.join('\n');
  }, 120_000);

  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await connector?.stop();
    ingestion?.server.close();
  });

  it('posts to the ingestion endpoint of the connection string', () => {
    expect(ingestion.paths.length).toBeGreaterThan(0);
    expect(new Set(ingestion.paths)).toEqual(new Set(['POST /v2.1/track']));
    expect(envelopes.every((e) => e.iKey === '00000000-0000-4000-8000-000000000000')).toBe(true);
  });

  it('contains none of the user’s words, names, e-mail address or ids', () => {
    expect(sent.length).toBeGreaterThan(1000);
    for (const forbidden of FORBIDDEN) {
      expect({ forbidden, found: sent.toLowerCase().includes(forbidden.toLowerCase()) }).toEqual({
        forbidden,
        found: false,
      });
    }
    // No client address either: every item says 0.0.0.0.
    expect(envelopes.every((e) => e.tags['ai.location.ip'] === '0.0.0.0')).toBe(true);
  });

  it('carries requests with their latency, dependency calls and the structured logs', () => {
    const requests = envelopes.filter((e) => e.data.baseType === 'RequestData');
    expect(requests.map((r) => r.data.baseData.name)).toContain('POST /api/messages');
    expect(requests[0]!.data.baseData.duration).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);

    const dependencies = envelopes.filter((e) => e.data.baseType === 'RemoteDependencyData');
    const toConnector = dependencies.filter((d) => d.data.baseData.target === new URL(connector.url).host);
    expect(toConnector.length).toBeGreaterThan(0);
    // Conversation ids are templated out of the path.
    expect(toConnector.map((d) => d.data.baseData.name)).toContain(
      'POST /v3/conversations/{id}/activities/{id}',
    );
    expect(toConnector.some((d) => d.data.baseData.resultCode === '403')).toBe(true);
    // A reply is correlated with the request that caused it.
    const operations = new Set(requests.map((r) => r.tags['ai.operation.id']));
    expect(toConnector.some((d) => operations.has(d.tags['ai.operation.id']!))).toBe(true);

    const traces = envelopes.filter((e) => e.data.baseType === 'MessageData');
    const answered = traces.find((t) => t.data.baseData.properties?.event === 'question.answered');
    expect(answered?.data.baseData.severityLevel).toBe('Information');
    expect(traces.some((t) => t.data.baseData.properties?.event === 'case.created')).toBe(true);
  });

  it('sends the custom metrics: turns, answers by kind, escalations, outbox backlog, delivery failures', () => {
    const metrics = envelopes
      .filter((e) => e.data.baseType === 'MetricData')
      .map((e) => ({ ...e.data.baseData.metrics[0], properties: e.data.baseData.properties ?? {} }));
    const names = new Set(metrics.map((m) => m.name));
    for (const name of Object.values(METRICS)) expect(names).toContain(name);
    const sum = (name: string, where: (p: Record<string, string>) => boolean = () => true) =>
      metrics.filter((m) => m.name === name && where(m.properties)).reduce((a, m) => a + m.value, 0);
    expect(sum(METRICS.turns, (p) => p.activityType === 'message')).toBe(7);
    expect(sum(METRICS.answers)).toBeGreaterThanOrEqual(1);
    expect(
      metrics.filter((m) => m.name === METRICS.answers).every((m) => /^[a-zA-Z]/.test(m.properties.kind)),
    ).toBe(true);
    expect(sum(METRICS.escalations, (p) => p.office === 'valuesEthics')).toBe(1);
    expect(sum(METRICS.deliveryFailures, (p) => p.outcome === 'final')).toBe(1);
  });
});
