import {
  parseConnectionString,
  Sender,
  envelope,
  severityOf,
  timeSpan,
} from '../../../../src/platform/telemetry/appInsights';
import { sqlName } from '../../../../src/platform/telemetry';
import {
  code,
  countAnswer,
  countTurn,
  countingAnswers,
  setMetricSink,
  type MetricSink,
} from '../../../../src/platform/telemetry/metrics';
import { logProperties, scrubText, templatePath } from '../../../../src/platform/telemetry/privacy';

/** The telemetry module's pieces: what is kept of paths, log lines and SQL, and how batches are sent. */

describe('privacy of telemetry fields', () => {
  it.each([
    ['/api/messages', '/api/messages'],
    ['/v3/conversations/a%3A1xYzAbC/activities/1732000000000', '/v3/conversations/{id}/activities/{id}'],
    [
      'https://smba.trafficmanager.net/amer/v3/conversations/19:abc@thread.tacv2/activities',
      '/amer/v3/conversations/{id}/activities',
    ],
    ['/api/tabs/board?teamId=19%3Ateam%40thread.tacv2', '/api/tabs/board'],
    ['/api/tabs/board/cases/VE-2026-0001/status', '/api/tabs/board/cases/{id}/status'],
    ['/tabs/board.html#frag', '/tabs/board.html'],
    ['/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token', '/{id}/{id}/{id}/token'],
  ])('templates %s as %s', (input, expected) => {
    expect(templatePath(input)).toBe(expected);
  });

  it('masks e-mail addresses, UPNs and GUIDs in text', () => {
    expect(scrubText('mail jane.doe@tbs-sct.gc.ca or oid 7d1c2b3a-9e8f-4a6b-8c5d-0e1f2a3b4c5d')).toBe(
      'mail [email] or oid [id]',
    );
  });

  it('keeps a log line’s codes and drops the keys where people’s data would live, at any depth', () => {
    const properties = logProperties({
      level: 30,
      time: '2026-01-01T00:00:00Z',
      msg: 'x',
      event: 'case.created',
      caseId: 'VE-2026-0001',
      text: 'my words',
      from: { name: 'Jane Doe', aadObjectId: 'x' },
      err: { type: 'Error', message: 'failed for jane@example.org', request: { body: 'secret' } },
      nested: { activity: { text: 'hi' }, ok: 1 },
    });
    expect(properties).toEqual({
      event: 'case.created',
      caseId: 'VE-2026-0001',
      err: JSON.stringify({ type: 'Error', message: 'failed for [email]' }),
      nested: JSON.stringify({ ok: 1 }),
    });
  });

  it('names a SQL statement by its verb and table only', () => {
    expect(sqlName('SELECT * FROM documents WHERE collection = $1')).toBe('SELECT documents');
    expect(sqlName("INSERT INTO documents (collection) VALUES ('Jane')")).toBe('INSERT documents');
    expect(sqlName('UPDATE documents SET value = $1')).toBe('UPDATE documents');
    expect(sqlName('BEGIN')).toBe('BEGIN');
    expect(sqlName('WITH gone AS (DELETE FROM documents) SELECT 1')).toBe('WITH');
  });
});

describe('custom metrics API', () => {
  afterEach(() => setMetricSink(undefined));

  it('does nothing without a sink, and passes codes only to one', () => {
    countTurn('message'); // no sink: no error, no effect
    const seen: unknown[] = [];
    const sink: MetricSink = { add: (...a) => seen.push(a), set: (...a) => seen.push(a) };
    setMetricSink(sink);
    countTurn('message');
    countTurn('free text from someone');
    countAnswer('answer');
    expect(seen).toEqual([
      ['smg.turns', 1, { activityType: 'message' }],
      ['smg.turns', 1, { activityType: 'other' }],
      ['smg.answers', 1, { kind: 'answer' }],
    ]);
    expect(code('Jane Doe')).toBe('other');
    expect(code('x'.repeat(41))).toBe('other');
  });

  it('counts every answer of the wrapped service by kind', () => {
    const seen: unknown[] = [];
    setMetricSink({ add: (...a) => seen.push(a), set: () => undefined });
    const answer = countingAnswers(() => ({ kind: 'outOfScope', lang: 'en' }));
    expect(answer('anything', 'en').kind).toBe('outOfScope');
    expect(seen).toEqual([['smg.answers', 1, { kind: 'outOfScope' }]]);
  });
});

describe('Application Insights sender', () => {
  const connection = parseConnectionString(
    'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://canadacentral-1.in.applicationinsights.azure.com/;LiveEndpoint=https://x/',
  );
  const item = () =>
    envelope(
      connection.instrumentationKey,
      { kind: 'Message', message: 'm', severityLevel: 'Information', properties: {} },
      new Date(0),
      undefined,
    );

  it('reads the connection string', () => {
    expect(connection).toEqual({
      instrumentationKey: '00000000-0000-4000-8000-000000000000',
      ingestionEndpoint: 'https://canadacentral-1.in.applicationinsights.azure.com',
    });
    expect(() => parseConnectionString('IngestionEndpoint=https://x')).toThrow(/InstrumentationKey/);
  });

  it('formats durations and severities as the service expects', () => {
    expect(timeSpan(1234)).toBe('00:00:01.234');
    expect(timeSpan(90_061_001)).toBe('1.01:01:01.001');
    expect([10, 30, 40, 50, 60].map(severityOf)).toEqual([
      'Verbose',
      'Information',
      'Warning',
      'Error',
      'Critical',
    ]);
  });

  it('posts batches to /v2.1/track with the token, keeps a batch the service may take later, drops a refused one', async () => {
    const calls: { url: string; auth?: string; items: number }[] = [];
    const statuses = [503, 200, 400];
    const failures: string[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({
        url,
        auth: headers.authorization,
        items: (JSON.parse(String(init.body)) as unknown[]).length,
      });
      return new Response('{}', { status: statuses.shift() ?? 200 });
    }) as unknown as typeof fetch;
    const sender = new Sender({
      connection,
      fetch: fakeFetch,
      token: async () => 'tok',
      onFailure: (reason, dropped) => failures.push(`${reason}:${dropped}`),
    });
    sender.enqueue(item());
    sender.enqueue(item());
    await sender.flush(); // 503: kept
    expect(sender.queued).toBe(2);
    await sender.flush(); // 200
    expect(sender.queued).toBe(0);
    sender.enqueue(item());
    await sender.flush(); // 400: dropped
    expect(sender.queued).toBe(0);
    expect(calls.map((c) => [c.url, c.auth, c.items])).toEqual([
      ['https://canadacentral-1.in.applicationinsights.azure.com/v2.1/track', 'Bearer tok', 2],
      ['https://canadacentral-1.in.applicationinsights.azure.com/v2.1/track', 'Bearer tok', 2],
      ['https://canadacentral-1.in.applicationinsights.azure.com/v2.1/track', 'Bearer tok', 1],
    ]);
    expect(failures).toEqual(['status503:0', 'status400:1']);
  });

  it('bounds the queue while the service is unreachable', async () => {
    const sender = new Sender({
      connection,
      maxQueued: 3,
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as unknown as typeof fetch,
    });
    for (let i = 0; i < 5; i++) sender.enqueue(item());
    expect(sender.queued).toBe(3);
    await sender.flush();
    expect(sender.queued).toBe(3);
  });
});
