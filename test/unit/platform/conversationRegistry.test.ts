import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { conversationRegistry, USER_CHATS } from '../../../src/platform/conversationRegistry';
import { createLogger } from '../../../src/shared/logger';
import { tempStore } from '../domain/cases/storeFixture';

/** A person's chat address is kept while they use the bot and deleted after a period without activity. */

describe('conversation registry retention', () => {
  const message = (aadObjectId: string): Partial<Activity> => ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.test/',
    conversation: { id: `a:chat-${aadObjectId}`, conversationType: 'personal' } as Activity['conversation'],
    from: { id: `29:${aadObjectId}`, name: 'Someone', aadObjectId },
    recipient: { id: '28:bot', name: 'Bot' },
    channelData: { tenant: { id: 'tenant-1' } },
  });

  it('renews the address of someone who keeps writing, and lets the address of someone gone expire', async () => {
    const { store, cleanup } = tempStore();
    try {
      let now = new Date('2026-01-01T00:00:00Z');
      const registry = conversationRegistry(store, createLogger('silent'), {
        userChatDays: 395,
        now: () => now,
      });
      const turn = (aad: string) =>
        registry.onTurn(new TurnContext(new TestAdapter(), message(aad)), async () => undefined);
      await turn('aad-active');
      await turn('aad-gone');
      expect((await store.get(USER_CHATS, 'aad-active'))?.expiresAt).toBe('2027-01-31T00:00:00.000Z');
      for (let month = 1; month <= 24; month++) {
        now = new Date(Date.UTC(2026, month, 1));
        await turn('aad-active');
        await store.purgeExpired(now);
      }
      expect(await store.get(USER_CHATS, 'aad-active')).toBeDefined();
      expect(await store.get(USER_CHATS, 'aad-gone')).toBeUndefined();
      // Writing again the next day does not rewrite the record: renewal is at most weekly.
      const version = (await store.get(USER_CHATS, 'aad-active'))!.version;
      now = new Date(now.getTime() + 86_400_000);
      await turn('aad-active');
      expect((await store.get(USER_CHATS, 'aad-active'))!.version).toBe(version);
    } finally {
      await cleanup();
    }
  });

  it("reads a person's record once while they keep writing, and writes a changed chat address at once", async () => {
    const { store, cleanup } = tempStore();
    try {
      const reads: string[] = [];
      const counting = Object.create(store) as typeof store;
      counting.get = (collection, id) => {
        reads.push(`${collection}/${id}`);
        return store.get(collection, id);
      };
      const registry = conversationRegistry(counting, createLogger('silent'), { userChatDays: 395 });
      const turn = (activity: Partial<Activity>) =>
        registry.onTurn(new TurnContext(new TestAdapter(), activity), async () => undefined);
      for (let i = 0; i < 5; i++) await turn(message('aad-busy'));
      expect(reads.filter((r) => r === `${USER_CHATS}/aad-busy`)).toHaveLength(1);
      // Teams moved the chat to another service URL: proactive messages must use the new one right away.
      await turn({ ...message('aad-busy'), serviceUrl: 'https://smba-2.example.test/' });
      const stored = await store.get<{ serviceUrl: string }>(USER_CHATS, 'aad-busy');
      expect(stored?.value.serviceUrl).toBe('https://smba-2.example.test/');
    } finally {
      await cleanup();
    }
  });
});
