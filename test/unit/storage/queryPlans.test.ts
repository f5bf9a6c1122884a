import Database from 'better-sqlite3';
import { readBoardPage } from '../../../src/domain/cases/caseBoard';
import { CaseService } from '../../../src/domain/cases/caseService';
import { OutboxWorker } from '../../../src/domain/cases/outbox';
import { ReminderWorker } from '../../../src/domain/cases/reminderWorker';
import { RecordService } from '../../../src/domain/records/sawPostRecord';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../../src/storage/sqlite/sqliteStore';

/**
 * Every lookup the product makes is served by an index: the SQL the real services send is captured and
 * SQLite's query planner is asked how it would run each statement. A full scan of the documents table (or
 * of a whole index) means a request or a timer that slows down as cases and users pile up.
 */

describe('query plans', () => {
  it('every read the case board, "My cases", the audit trail, the outbox, the reminders, the purge and records make is an index search', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'smg-plans-'));
    const file = path.join(dir, 'plans.db');
    const store = new SqliteStore(file);
    const executed = new Set<string>();
    const internals = store as unknown as { statement(sql: string): unknown };
    const prepare = internals.statement.bind(store);
    internals.statement = (sql: string) => {
      executed.add(sql);
      return prepare(sql);
    };
    try {
      const cases = new CaseService(store, { retentionDays: 30 });
      const officer = { aadObjectId: 'o-1', name: 'Sam Okafor' };
      const { case: c } = await cases.create({
        office: 'valuesEthics',
        manager: { aadObjectId: 'm-1', name: 'Alex Tremblay' },
        managerLang: 'en',
        summary: 'A post.',
        urgency: 'urgent',
        contact: 'email',
        idempotencyKey: 'k-1',
      });
      await cases.assign(c.caseId, officer, undefined);
      const first = await readBoardPage(store, 'valuesEthics', { sort: 'oldest', limit: 1 });
      await readBoardPage(store, 'valuesEthics', { sort: 'newest', status: 'assigned' });
      await readBoardPage(store, 'valuesEthics', {
        sort: 'oldest',
        urgency: 'urgent',
        after: { createdAt: first.cases[0]!.createdAt, id: c.caseId },
      });
      await cases.listForManager('m-1');
      await cases.auditTrail(c.caseId);
      await cases.undelivered('valuesEthics');
      await cases.purgeDue();
      const outbox = new OutboxWorker({
        store,
        cases,
        post: async () => ({ serviceUrl: 'https://example.test', conversationId: 'c', activityId: 'a' }),
        classify: () => ({ retry: true, reason: 'test' }),
      });
      await outbox.pass();
      // A reminder claimed and failed leaves a job to resume: both the jobs' and the open cases' reads run.
      const reminders = new ReminderWorker({
        store,
        cases,
        policy: {
          urgentUnassignedHours: 0,
          unassignedHours: 0,
          ageingHours: 1,
          calendar: { timeZone: 'UTC', dayStart: 0, dayEnd: 24 * 60, isHoliday: () => false },
        },
        now: () => new Date(Date.now() + 30 * 86_400_000),
        remind: async () => {
          throw new Error('unavailable');
        },
        classify: () => ({ retry: true, reason: 'test' }),
      });
      await reminders.pass();
      await reminders.pass();
      expect((await cases.get(c.caseId))?.reminded).toEqual(['ageing']);
      await new RecordService(store, { retentionDays: 90 }).listFor('m-1');

      const plans = new Database(file, { readonly: true });
      const reads = [...executed].filter((sql) => /^\s*SELECT\b[\s\S]*\bFROM documents\b/.test(sql));
      expect(reads.length).toBeGreaterThanOrEqual(6);
      const scans = reads.flatMap((sql) => {
        const params = (sql.match(/\?/g) ?? []).map(() => null);
        const steps = plans.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
        // A search on the collection alone (documents_created) still reads the whole collection.
        return steps
          .filter((s) => /\bSCAN\b/.test(s.detail) || /\(collection=\?\)$/.test(s.detail))
          .map((s) => `${s.detail} ← ${sql.replace(/\s+/g, ' ')}`);
      });
      plans.close();
      expect(scans).toEqual([]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
