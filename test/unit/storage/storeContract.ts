import type { Store } from '../../../src/domain/store';

/**
 * The contract every storage backend must honour. Each backend's test file calls this with a factory;
 * `reopen` simulates a process restart on the same database.
 */
export function describeStoreContract(
  name: string,
  factory: () => Promise<{ store: Store; reopen: () => Promise<Store>; cleanup: () => Promise<void> }>,
): void {
  describe(`${name} store contract`, () => {
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

    it('answers the readiness ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('inserts once: a second insert with the same id changes nothing (idempotency)', async () => {
      expect(await store.insert('posts', 'activity-1', { n: 1 })).toBe(true);
      expect(await store.insert('posts', 'activity-1', { n: 2 })).toBe(false);
      const doc = await store.get<{ n: number }>('posts', 'activity-1');
      expect(doc?.value).toEqual({ n: 1 });
      expect(doc?.version).toBe(1);
    });

    it('updates only from the version it read (optimistic concurrency)', async () => {
      await store.insert('cases', 'VE-1', { status: 'new' });
      const first = await store.update('cases', 'VE-1', { status: 'assigned', to: 'a' }, 1);
      const second = await store.update('cases', 'VE-1', { status: 'assigned', to: 'b' }, 1);
      expect(first).toBe(2);
      expect(second).toBeUndefined();
      expect((await store.get('cases', 'VE-1'))?.value).toEqual({ status: 'assigned', to: 'a' });
    });

    it('put creates or replaces and bumps the version', async () => {
      expect(await store.put('prefs', 'u', { lang: 'en' })).toBe(1);
      expect(await store.put('prefs', 'u', { lang: 'fr' })).toBe(2);
      expect((await store.get('prefs', 'u'))?.value).toEqual({ lang: 'fr' });
    });

    it('lists by field, counts, orders by creation, and keeps collections apart', async () => {
      await store.insert('records', 'r1', { owner: 'm1', kind: 'post' });
      await store.insert('records', 'r2', { owner: 'm2', kind: 'post' });
      await store.insert('records', 'r3', { owner: 'm1', kind: 'post' });
      await store.insert('other', 'r4', { owner: 'm1' });
      const mine = await store.list<{ owner: string }>('records', { where: { owner: 'm1' } });
      expect(mine.map((d) => d.id)).toEqual(['r1', 'r3']);
      expect(await store.count('records')).toBe(3);
      expect(await store.count('records', { where: { owner: 'm2', kind: 'post' } })).toBe(1);
      expect((await store.list('records', { order: 'createdDesc', limit: 1 })).map((d) => d.id)).toEqual([
        'r3',
      ]);
    });

    it('pages with a cursor in either order: every document once, none skipped, ties within a millisecond kept', async () => {
      // Seven documents, several written in the same millisecond: the id breaks the tie.
      for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g'])
        await store.insert('cases', id, { office: id === 'd' ? 'ombud' : 'valuesEthics' });
      for (const order of ['createdAsc', 'createdDesc'] as const) {
        const seen: string[] = [];
        let after: { createdAt: string; id: string } | undefined;
        for (;;) {
          const page = await store.list('cases', {
            where: { office: 'valuesEthics' },
            order,
            limit: 4,
            ...(after ? { after } : {}),
          });
          seen.push(...page.map((d) => d.id));
          const last = page.at(-1);
          if (page.length < 4 || !last) break;
          after = { createdAt: last.createdAt, id: last.id };
        }
        const expected = ['a', 'b', 'c', 'e', 'f', 'g'];
        expect(seen).toEqual(order === 'createdAsc' ? expected : [...expected].reverse());
      }
    });

    it('lists only what is due for retention by a given instant', async () => {
      await store.insert('cases', 'due', { a: 1 }, { expiresAt: '2026-01-01T00:00:00.000Z' });
      await store.insert('cases', 'later', { a: 2 }, { expiresAt: '2027-01-01T00:00:00.000Z' });
      await store.insert('cases', 'kept', { a: 3 });
      await store.insert('other', 'due-elsewhere', { a: 4 }, { expiresAt: '2026-01-01T00:00:00.000Z' });
      const due = await store.list('cases', { expiredBy: '2026-06-01T00:00:00.000Z' });
      expect(due.map((d) => d.id)).toEqual(['due']);
    });

    it('keeps a number and the same digits as text apart in a filter', async () => {
      await store.insert('records', 'number', { n: 1 });
      await store.insert('records', 'text', { n: '1' });
      expect((await store.list('records', { where: { n: 1 } })).map((d) => d.id)).toEqual(['number']);
      expect((await store.list('records', { where: { n: '1' } })).map((d) => d.id)).toEqual(['text']);
      expect(await store.count('records', { where: { n: '1' } })).toBe(1);
    });

    it('refuses field names that are not plain identifiers', async () => {
      await expect(store.list('records', { where: { "x') OR 1=1 --": 'a' } })).rejects.toThrow(
        /Invalid field name/,
      );
    });

    it('applies a batch atomically: all or nothing', async () => {
      await store.insert('cases', 'VE-2', { status: 'new' });
      const failed = await store.batch([
        { op: 'insert', collection: 'audit', id: 'VE-2#2', value: { event: 'assigned' } },
        { op: 'update', collection: 'cases', id: 'VE-2', value: { status: 'assigned' }, expectedVersion: 7 },
      ]);
      expect(failed).toEqual({ ok: false, failedIndex: 1 });
      expect(await store.get('audit', 'VE-2#2')).toBeUndefined();
      const ok = await store.batch([
        { op: 'insert', collection: 'audit', id: 'VE-2#2', value: { event: 'assigned' } },
        { op: 'update', collection: 'cases', id: 'VE-2', value: { status: 'assigned' }, expectedVersion: 1 },
      ]);
      expect(ok).toEqual({ ok: true });
      expect((await store.get('cases', 'VE-2'))?.version).toBe(2);
    });

    it('numbers batches from a counter: 1, 2, 3…; a failed batch applies nothing and uses no number', async () => {
      const counter = { collection: 'counters', id: 'VE-2026' };
      const casesOf = (n: number) => [
        { op: 'insert', collection: 'cases', id: `VE-2026-${n}`, value: { n } } as const,
      ];
      expect(await store.numberedBatch(counter, casesOf)).toEqual({ ok: true, number: 1 });
      expect(await store.numberedBatch(counter, casesOf)).toEqual({ ok: true, number: 2 });
      await store.insert('keys', 'taken', {});
      const failed = await store.numberedBatch(counter, (n) => [
        ...casesOf(n),
        { op: 'insert', collection: 'keys', id: 'taken', value: {} },
      ]);
      expect(failed).toEqual({ ok: false, failedIndex: 1 });
      expect(await store.get('cases', 'VE-2026-3')).toBeUndefined();
      expect(await store.numberedBatch(counter, casesOf)).toEqual({ ok: true, number: 3 });
      expect((await store.get('counters', 'VE-2026'))?.value).toEqual({ last: 3 });
      // Each counter counts on its own, and continues where an existing `{ last }` document left off.
      await store.put('counters', 'OMB-2026', { last: 41 });
      expect(await store.numberedBatch({ collection: 'counters', id: 'OMB-2026' }, () => [])).toEqual({
        ok: true,
        number: 42,
      });
    });

    it('purges only what has expired, and reports counts', async () => {
      await store.insert('records', 'old', { a: 1 }, { expiresAt: '2026-01-01T00:00:00.000Z' });
      await store.insert('records', 'new', { a: 2 }, { expiresAt: '2027-01-01T00:00:00.000Z' });
      await store.insert('records', 'forever', { a: 3 });
      expect(await store.purgeExpired(new Date('2026-06-01T00:00:00Z'))).toEqual({ records: 1 });
      expect((await store.list('records')).map((d) => d.id).sort()).toEqual(['forever', 'new']);
    });

    it('keeps everything across a restart', async () => {
      await store.insert('records', 'kept', { note: 'é à ü — “quotes”' });
      await store.close();
      store = await reopen();
      expect((await store.get('records', 'kept'))?.value).toEqual({ note: 'é à ü — “quotes”' });
    });

    it('deletes', async () => {
      await store.insert('records', 'gone', {});
      expect(await store.delete('records', 'gone')).toBe(true);
      expect(await store.delete('records', 'gone')).toBe(false);
      expect(await store.get('records', 'gone')).toBeUndefined();
    });
  });
}
