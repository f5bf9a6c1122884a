import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { message } from '../support/activities';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { FakeConnector } from '../support/fakeConnector';
import { visibleText } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * A platform stopping the bot (a deployment, a scale-in, a container stop) sends SIGTERM: the manager whose
 * question is being answered at that moment still gets the answer, and the process exits by itself, well
 * before the platform's SIGKILL.
 */
describe('stopping the bot with SIGTERM', () => {
  let connector: FakeConnector;
  let dataDir: string;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'smg-term-'));
  });
  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the turn in flight, then exits 0', async () => {
    bot = await startBotProcess({ DATABASE_URL: `sqlite:${path.join(dataDir, 'bot.db')}` });
    const from = { id: '29:draining', name: 'Person draining', aadObjectId: 'aad-draining' };
    const o = { serviceUrl: connector.url, from };
    // The answer's delivery is held 1.5 s by Teams' side; SIGTERM arrives while the turn waits for it.
    connector.delayNext(1, { delayMs: 1500, kinds: ['send', 'reply'] });
    const arrived = connector.arrived;
    const pending = bot.post(message('help', o));
    await waitFor(() => connector.arrived > arrived, 'the held reply');
    const stopped = bot.stop('SIGTERM');

    expect((await pending).status).toBe(200);
    await stopped;
    expect(bot.exitCode).toBe(0);
    expect(visibleText(connector.sentActivities(`a:personal-${from.id}`))).toContain('Try asking');
    const events = bot.lines.map((l) => (JSON.parse(l) as { event?: string }).event);
    expect(events.indexOf('server.stopping')).toBeGreaterThan(-1);
    expect(events.indexOf('server.stopped')).toBeGreaterThan(events.indexOf('server.stopping'));
  }, 60_000);
});
