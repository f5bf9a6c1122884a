import { ConversationState, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { BotStateStorage } from '../../../src/platform/botStateStorage';
import type { Store } from '../../../src/domain/store';

/** botbuilder's Storage contract (MemoryStorage semantics) over any backend of ours. */
export function describeBotStateContract(
  name: string,
  factory: () => Promise<{ store: Store; reopen: () => Promise<Store>; cleanup: () => Promise<void> }>,
): void {
  describe(`${name} bot state storage`, () => {
    let store: Store;
    let reopen: () => Promise<Store>;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, reopen, cleanup } = await factory());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('reads back what it wrote, with an eTag', async () => {
      const storage = new BotStateStorage(store);
      await storage.write({ k: { count: 1 } });
      const items = await storage.read(['k', 'missing']);
      expect(items.k).toMatchObject({ count: 1 });
      expect(typeof items.k.eTag).toBe('string');
      expect(items.missing).toBeUndefined();
    });

    it('rejects a write carrying a stale eTag and keeps the newer value', async () => {
      const storage = new BotStateStorage(store);
      await storage.write({ k: { step: 1 } });
      const read1 = (await storage.read(['k'])).k;
      const read2 = (await storage.read(['k'])).k;
      await storage.write({ k: { ...read1, step: 2 } });
      await expect(storage.write({ k: { ...read2, step: 3 } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read(['k'])).k).toMatchObject({ step: 2 });
    });

    it('lets "*" overwrite whatever is there', async () => {
      const storage = new BotStateStorage(store);
      await storage.write({ k: { step: 1 } });
      await storage.write({ k: { step: 9, eTag: '*' } });
      expect((await storage.read(['k'])).k).toMatchObject({ step: 9 });
    });

    it('deletes', async () => {
      const storage = new BotStateStorage(store);
      await storage.write({ k: { a: 1 } });
      await storage.delete(['k']);
      expect(await storage.read(['k'])).toEqual({});
    });

    it('gives conversation state an expiry (it may hold private notes) and preferences one after inactivity', async () => {
      const storage = new BotStateStorage(store, {
        conversationStateDays: 30,
        userStateDays: 395,
        now: () => new Date('2026-11-25T00:00:00Z'),
      });
      await storage.write({ 'msteams/conversations/c1/': { a: 1 }, 'msteams/users/u1/': { lang: 'fr' } });
      expect((await store.get('botstate', 'msteams/conversations/c1/'))?.expiresAt).toBe(
        '2026-12-25T00:00:00.000Z',
      );
      expect((await store.get('botstate', 'msteams/users/u1/'))?.expiresAt).toBe('2027-12-25T00:00:00.000Z');
    });

    it('keeps the preferences of someone who keeps using the bot, and lets those of someone gone expire', async () => {
      let now = new Date('2026-01-01T00:00:00Z');
      const storage = new BotStateStorage(store, { userStateDays: 395, now: () => now });
      await storage.write({ 'msteams/users/active/': { lang: 'fr' }, 'msteams/users/gone/': { lang: 'en' } });
      // "active" comes back every month for two years without changing a preference: reads renew its expiry.
      for (let month = 1; month <= 24; month++) {
        now = new Date(Date.UTC(2026, month, 1));
        const read = await storage.read(['msteams/users/active/']);
        expect(read['msteams/users/active/']).toMatchObject({ lang: 'fr' });
        await store.purgeExpired(now);
      }
      expect(await storage.read(['msteams/users/gone/'])).toEqual({});
      // A read a day later does not write again: renewal happens at most weekly.
      const version = (await store.get('botstate', 'msteams/users/active/'))!.version;
      now = new Date(now.getTime() + 86_400_000);
      await storage.read(['msteams/users/active/']);
      expect((await store.get('botstate', 'msteams/users/active/'))!.version).toBe(version);
    });

    it('keeps conversation state across a restart (what lets a dialog resume)', async () => {
      const activity = {
        type: 'message',
        channelId: 'msteams',
        conversation: { id: 'conv-1' },
        from: { id: 'u1' },
        recipient: { id: 'bot' },
      } as Activity;
      const before = new ConversationState(new BotStateStorage(store));
      const step = before.createProperty<number>('step');
      const ctx1 = new TurnContext(new TestAdapter(), activity);
      await step.set(ctx1, 4);
      await before.saveChanges(ctx1);
      await store.close();
      store = await reopen();
      const after = new ConversationState(new BotStateStorage(store));
      const ctx2 = new TurnContext(new TestAdapter(), activity);
      expect(await after.createProperty<number>('step').get(ctx2)).toBe(4);
    });
  });
}
