import { ConnectorError } from '../../src/platform/retry';
import {
  TEAMS,
  USER_CHATS,
  type TeamRecord,
  type UserChatRecord,
} from '../../src/platform/conversationRegistry';
import { botInstalled, message, mention, MANAGER, TEAM, TENANT_ID } from '../support/activities';
import { startBot, type RunningBot } from '../support/harness';

describe('proactive plumbing', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  it('learns a team from its install event and refreshes the serviceUrl from later activities', async () => {
    await bot.post(botInstalled({ serviceUrl: bot.connector.url, conversationType: 'channel' }));
    const first = await bot.app.store.get<TeamRecord>(TEAMS, TEAM.id);
    expect(first?.value).toMatchObject({
      teamId: TEAM.id,
      name: TEAM.name,
      installed: true,
      tenantId: TENANT_ID,
    });
    const moved = `${bot.connector.url}moved/`;
    await bot.post(mention('help', { serviceUrl: moved }));
    expect((await bot.app.store.get<TeamRecord>(TEAMS, TEAM.id))?.value.serviceUrl).toBe(moved);
  });

  it('marks a team as uninstalled when the bot is removed', async () => {
    const removed = { ...botInstalled({ serviceUrl: bot.connector.url, conversationType: 'channel' }) };
    removed.membersRemoved = removed.membersAdded;
    delete removed.membersAdded;
    await bot.post(removed);
    expect((await bot.app.store.get<TeamRecord>(TEAMS, TEAM.id))?.value.installed).toBe(false);
  });

  it('keeps a reference to each manager’s personal chat for notifications', async () => {
    await bot.post(message('help', { serviceUrl: bot.connector.url }));
    const chat = await bot.app.store.get<UserChatRecord>(USER_CHATS, MANAGER.aadObjectId);
    expect(chat?.value).toMatchObject({ userId: MANAGER.id, conversationId: `a:personal-${MANAGER.id}` });
  });

  const target = () => ({
    serviceUrl: bot.connector.url,
    tenantId: TENANT_ID,
    channelId: '19:vne@thread.tacv2',
  });
  const card = { type: 'message', text: 'hello channel' };

  it('posts a new thread into the chosen channel', async () => {
    const thread = await bot.app.services.gateway.createThread(target(), card);
    const [call] = bot.connector.calls;
    expect(call!.kind).toBe('createConversation');
    expect(call!.body.channelData.channel.id).toBe('19:vne@thread.tacv2');
    expect(call!.body.activity.text).toBe('hello channel');
    expect(thread.activityId).not.toBe('');
  });

  it('waits as told by Retry-After on 429 and then posts exactly once', async () => {
    bot.connector.failNext(2, { status: 429, retryAfterSeconds: 0, kinds: ['createConversation'] });
    await bot.app.services.gateway.createThread(target(), card);
    const kinds = bot.connector.calls.map((c) => c.kind);
    expect(kinds.filter((k) => k === 'createConversation')).toHaveLength(1);
    expect(kinds.filter((k) => k.startsWith('createConversation:failed:429'))).toHaveLength(2);
  });

  it('retries a 500 with backoff', async () => {
    bot.connector.failNext(1, { status: 500, kinds: ['createConversation'] });
    await bot.app.services.gateway.createThread(target(), card);
    expect(bot.connector.calls.filter((c) => c.kind === 'createConversation')).toHaveLength(1);
  });

  it('makes exactly as many calls as its own policy allows (the client’s hidden retries are off)', async () => {
    bot.connector.failNext(20, { status: 429, retryAfterSeconds: 0, kinds: ['createConversation'] });
    const error = await bot.app.services.gateway.createThread(target(), card).catch((e: unknown) => e);
    expect((error as ConnectorError).kind).toBe('throttled');
    expect(bot.connector.calls).toHaveLength(5);
    bot.connector.reset();
  });

  it('does not retry a 403 (bot removed or blocked) and says so', async () => {
    bot.connector.failNext(1, { status: 403, kinds: ['createConversation'] });
    const error = await bot.app.services.gateway.createThread(target(), card).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('forbidden');
    expect(bot.connector.calls).toHaveLength(1);
  });
});
