import { message, MANAGER } from '../support/activities';
import { startBot, type RunningBot } from '../support/harness';

const ALLOWED = '11111111-2222-3333-4444-555555555555';
const OTHER = '99999999-8888-7777-6666-555555555555';

describe('tenant allow-list', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ env: { ALLOWED_TENANT_IDS: ALLOWED } });
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  it('serves the allowed tenant', async () => {
    await bot.post(message('help', { serviceUrl: bot.connector.url, tenantId: ALLOWED }));
    expect(bot.connector.sentActivities()).toHaveLength(1);
  });

  it('drops an activity from another tenant, logging the drop without its text', async () => {
    const response = await bot.post(
      message('secret words about Jordan', { serviceUrl: bot.connector.url, tenantId: OTHER }),
    );
    expect(response.status).toBe(200);
    expect(bot.connector.calls).toHaveLength(0);
    expect(bot.logs.text).toContain('tenant.rejected');
    expect(bot.logs.text).not.toContain('secret words');
  });

  it('drops an activity whose conversation tenant differs from its channel data tenant', async () => {
    const activity = message('help', { serviceUrl: bot.connector.url, tenantId: ALLOWED });
    activity.conversation.tenantId = OTHER;
    await bot.post(activity);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('drops an activity that carries no tenant at all', async () => {
    const activity = message('help', { serviceUrl: bot.connector.url, tenantId: ALLOWED });
    delete activity.conversation.tenantId;
    activity.channelData = {};
    await bot.post(activity);
    expect(bot.connector.calls).toHaveLength(0);
  });
});

describe('logs', () => {
  it('never contain message text, names or e-mail addresses', async () => {
    const bot = await startBot();
    try {
      const from = { ...MANAGER, name: 'Genevieve Okonkwo-Lachance' };
      const o = { serviceUrl: bot.connector.url, from };
      await bot.post(
        message(
          'My analyst Bartholomew Quigley (bart.quigley@example.gc.ca) posted about the election, what now?',
          o,
        ),
      );
      await bot.post(message('help', o));
      await bot.post(message('Est-ce que je devrais surveiller les comptes de Bartholomew?', o));
      bot.connector.failNext(1, { status: 403 });
      await bot.post(message('Bartholomew Quigley again', o));
      expect(bot.logs.lines.length).toBeGreaterThan(3);
      for (const secret of [
        'Bartholomew',
        'Quigley',
        'bart.quigley',
        '@example.gc.ca',
        'Genevieve',
        'Okonkwo',
        'election',
      ]) {
        expect(bot.logs.text).not.toContain(secret);
      }
    } finally {
      await bot.stop();
    }
  });
});
