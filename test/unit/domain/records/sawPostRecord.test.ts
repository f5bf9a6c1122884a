import {
  MAX_NOTE_CHARS,
  RECORDS_COLLECTION,
  RecordService,
  fitNote,
  type NewSawPostRecord,
} from '../../../../src/domain/records/sawPostRecord';
import { SqliteStore } from '../../../../src/storage/sqlite/sqliteStore';

const T0 = new Date('2026-11-25T12:00:00Z');

function service(now = () => T0) {
  const store = new SqliteStore(':memory:');
  return { store, records: new RecordService(store, { retentionDays: 30, now }) };
}

const input = (over: Partial<NewSawPostRecord> = {}): NewSawPostRecord => ({
  owner: 'aad-1',
  idempotencyKey: 'conv-1|act-1',
  lang: 'en',
  answers: { howRaised: 'media', violation: 'notSure', steps: { context: { note: 'n' } } },
  contentVersion: 'v1',
  ...over,
});

describe('RecordService', () => {
  it('deletes only the owner’s record, once: a repeat of the same activity answers the same, a later one "already"', async () => {
    const { store, records } = service();
    const { record } = await records.create(input());
    expect(await records.delete('aad-other', record.id, 'act-9')).toBe('notFound');
    expect(await records.delete('aad-1', record.id, 'act-2')).toBe('deleted');
    expect(await records.delete('aad-1', record.id, 'act-2')).toBe('deleted');
    expect(await records.delete('aad-1', record.id, 'act-3')).toBe('alreadyDeleted');
    expect(await records.get('aad-1', record.id)).toBeUndefined();
    // The tombstone holds no content and goes when the record would have.
    const tombstone = await store.get<Record<string, unknown>>('recordDeletions', record.id);
    expect(Object.keys(tombstone!.value).sort()).toEqual(['activityId', 'deletedAt', 'owner']);
    expect(tombstone!.expiresAt).toBe(record.expiresAt);
    // A late repeat of the walk-through's last step does not bring the deleted record back.
    const again = await records.create(input());
    expect(again).toMatchObject({ created: false, deleted: true });
    expect(await store.get(RECORDS_COLLECTION, record.id)).toBeUndefined();
  });

  it('creates a record that expires after the retention period, with expiresAt on the stored document', async () => {
    const { store, records } = service();
    const { record, created } = await records.create(input());
    expect(created).toBe(true);
    expect(record.expiresAt).toBe('2026-12-25T12:00:00.000Z');
    expect((await store.get(RECORDS_COLLECTION, record.id))?.expiresAt).toBe('2026-12-25T12:00:00.000Z');
    expect(await store.purgeExpired(new Date('2026-12-26T00:00:00Z'))).toEqual({ [RECORDS_COLLECTION]: 1 });
  });

  it('is idempotent on its key: a re-sent activity returns the first record, and one document exists', async () => {
    const { store, records } = service();
    const first = await records.create(input());
    const again = await records.create(input({ answers: { howRaised: 'other' } }));
    expect(again.created).toBe(false);
    expect(again.record).toEqual(first.record);
    expect(await store.count(RECORDS_COLLECTION)).toBe(1);
    const other = await records.create(input({ idempotencyKey: 'conv-1|act-2' }));
    expect(other.record.id).not.toBe(first.record.id);
  });

  it('lists only the owner’s unexpired records, newest first, and hides others’ records by id', async () => {
    let now = T0;
    const { records } = service(() => now);
    const a = await records.create(input({ idempotencyKey: 'a' }));
    now = new Date(T0.getTime() + 60_000);
    const b = await records.create(input({ idempotencyKey: 'b' }));
    await records.create(input({ owner: 'aad-2', idempotencyKey: 'c' }));
    expect((await records.listFor('aad-1')).map((r) => r.id)).toEqual([b.record.id, a.record.id]);
    expect(await records.get('aad-2', a.record.id)).toBeUndefined();
    expect(await records.get('aad-1', a.record.id)).toEqual(a.record);
    now = new Date(T0.getTime() + 31 * 86_400_000);
    expect(await records.listFor('aad-1')).toEqual([]);
    expect(await records.get('aad-1', a.record.id)).toBeUndefined();
  });

  it('keeps only known answer values, cleans notes, and sets the path from the violation answer', async () => {
    const { records } = service();
    const { record } = await records.create(
      input({
        answers: {
          violation: 'disclosure',
          offices: ['ombud', 'nobody' as never, 'valuesEthics'],
          consultTopics: ['takeDown', 'x' as never],
          closingNote: `  ${'y'.repeat(MAX_NOTE_CHARS + 50)} `,
        },
      }),
    );
    expect(record.path).toBe('clearViolation');
    expect(record.answers.offices).toEqual(['valuesEthics', 'ombud']);
    expect(record.answers.consultTopics).toEqual(['takeDown']);
    expect(record.answers.closingNote).toHaveLength(MAX_NOTE_CHARS);
  });

  it.each([
    [undefined, undefined],
    ['   ', undefined],
    [42, undefined],
    [' keep\ttabs\nand lines ', 'keep\ttabs\nand lines'],
    ['😀'.repeat(MAX_NOTE_CHARS), '😀'.repeat(MAX_NOTE_CHARS / 2)],
  ])('fitNote(%p) → %p', (note, expected) => {
    expect(fitNote(note)).toBe(expected);
  });
});
