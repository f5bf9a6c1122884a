import type { CaseRecord } from '../../../../src/domain/cases/types';
import { board, boardCase, boardCaseDetail, parseBoardQuery } from '../../../../src/features/tabs/tabData';
import { reminderPolicyFrom } from '../../../../src/domain/cases/reminders';

/** What the board shows each viewer, and what it lets them do. */

const NOW = new Date('2026-03-12T12:00:00Z');
const MANAGER = { aadObjectId: 'm-1', name: 'Alex Tremblay' };
const OFFICER = { aadObjectId: 'o-1', name: 'Sam Okafor' };
const OTHER = 'o-2';
/** The shipped thresholds: 2 business hours for an urgent case nobody has taken, 8 otherwise, 40 once taken. */
const REMINDERS = reminderPolicyFrom({
  urgentUnassignedHours: 2,
  unassignedHours: 8,
  ageingHours: 40,
  workingDay: { dayStart: 8 * 60, dayEnd: 17 * 60 },
  timeZone: 'America/Toronto',
});
const view = (viewer: string, reopenDays = 30) => ({ viewer, now: NOW, reopenDays, reminders: REMINDERS });

function record(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseId: 'OMB-2026-0001',
    office: 'ombud',
    year: 2026,
    number: 1,
    manager: MANAGER,
    managerAadObjectId: MANAGER.aadObjectId,
    managerLang: 'en',
    summary: 'A confidential matter.',
    urgency: 'urgent',
    contact: 'phone',
    status: 'new',
    delivery: 'posted',
    questions: [],
    createdAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    auditSeq: 1,
    ...overrides,
  };
}

describe('board data', () => {
  it('keeps an unassigned Ombud case confidential: no manager, no summary, no questions', () => {
    const detail = boardCaseDetail(record({ questions: [] }), [], view(OFFICER.aadObjectId));
    expect(detail.confidential).toBe(true);
    expect(detail).not.toHaveProperty('manager');
    expect(detail).not.toHaveProperty('summary');
    expect(detail).not.toHaveProperty('contact');
    expect(detail.can).toEqual({
      assign: true,
      takeOver: false,
      release: false,
      reopen: false,
      requestInfo: true,
      close: true,
    });
  });

  it('shows an Ombud case to its assignee only', () => {
    const taken = record({ status: 'assigned', assignee: OFFICER });
    const mine = boardCaseDetail(taken, [], view(OFFICER.aadObjectId));
    expect(mine).toMatchObject({
      summary: 'A confidential matter.',
      manager: { name: 'Alex Tremblay', isYou: false },
    });
    const theirs = boardCaseDetail(taken, [], view(OTHER));
    expect(theirs).not.toHaveProperty('summary');
    expect(theirs.assignee).toEqual({ name: 'Sam Okafor', isYou: false });
    // Another officer may take it over (as on the card) but not ask, close or hand back in the assignee's place.
    expect(theirs.can).toEqual({
      assign: false,
      takeOver: true,
      release: false,
      reopen: false,
      requestInfo: false,
      close: false,
    });
    expect(mine.can).toMatchObject({ assign: false, takeOver: false, release: true, close: true });
  });

  it('shows a values and ethics case to every member of the office', () => {
    const c = record({ caseId: 'VE-2026-0001', office: 'valuesEthics' });
    expect(boardCaseDetail(c, [], view(OTHER))).toMatchObject({
      confidential: false,
      summary: 'A confidential matter.',
    });
  });

  it('shows the page it is given with ages in whole days, and a cursor only when more cases follow', () => {
    const cases = [
      record({ caseId: 'VE-2026-0002', office: 'valuesEthics', createdAt: '2026-03-12T08:00:00Z' }),
      record({ caseId: 'VE-2026-0001', office: 'valuesEthics' }),
    ];
    const counts = { new: 1, assigned: 0, waiting: 0, closed: 1 };
    const last = board('valuesEthics', { counts, total: 2, cases }, view(OFFICER.aadObjectId));
    expect(last.counts).toEqual(counts);
    expect(last.cases.map((c) => [c.caseId, c.ageDays])).toEqual([
      ['VE-2026-0002', 0],
      ['VE-2026-0001', 10],
    ]);
    expect(last).not.toHaveProperty('nextCursor');
    expect(boardCase(cases[0]!, view(OFFICER.aadObjectId)).openQuestions).toBe(0);

    const next = { createdAt: '2026-03-02T09:00:00.000Z', id: 'VE-2026-0001' };
    const more = board('valuesEthics', { counts, total: 60, cases, next }, view(OFFICER.aadObjectId));
    expect(parseBoardQuery({ cursor: more.nextCursor })).toEqual({ sort: 'oldest', after: next });
  });

  it('refuses a cursor it did not make', () => {
    const made = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(parseBoardQuery({ cursor: 'not a cursor' })).toBeUndefined();
    expect(parseBoardQuery({ cursor: made(['yesterday', 'VE-2026-0001']) })).toBeUndefined();
    expect(parseBoardQuery({ cursor: made({ createdAt: '2026-03-02T09:00:00.000Z' }) })).toBeUndefined();
    expect(parseBoardQuery({ cursor: made(['2026-03-02T09:00:00.000Z', 'x'.repeat(201)]) })).toBeUndefined();
    expect(parseBoardQuery({ cursor: ['a', 'b'] })).toBeUndefined();
  });

  it('accepts only known filters', () => {
    expect(parseBoardQuery({})).toEqual({ sort: 'oldest' });
    expect(parseBoardQuery({ status: 'waiting', urgency: 'routine', sort: 'newest' })).toEqual({
      status: 'waiting',
      urgency: 'routine',
      sort: 'newest',
    });
    expect(parseBoardQuery({ status: 'deleted' })).toBeUndefined();
    expect(parseBoardQuery({ q: '  Gagnon memo ' })).toEqual({ sort: 'oldest', text: 'Gagnon memo' });
    expect(parseBoardQuery({ q: '   ' })).toEqual({ sort: 'oldest' });
    expect(parseBoardQuery({ q: 'x'.repeat(101) })).toBeUndefined();
    expect(parseBoardQuery({ q: ['a', 'b'] })).toBeUndefined();
    expect(parseBoardQuery({ sort: 'name' })).toBeUndefined();
  });

  it('marks a case overdue at the reminders’ thresholds, counted in Toronto business hours', () => {
    // NOW is Thursday 12 March 2026, 08:00 in Toronto (daylight time since the Sunday before).
    const lateUrgent = record({ urgency: 'urgent', updatedAt: '2026-03-11T18:00:00Z' }); // Wed 14:00
    expect(boardCase(lateUrgent, view(OFFICER.aadObjectId)).overdue).toBe('unassigned');
    // the same age for a routine case: 3 hours on Wednesday, 5 more due by Thursday 13:00
    const routine = record({ urgency: 'routine', updatedAt: '2026-03-11T18:00:00Z' });
    expect(boardCase(routine, view(OFFICER.aadObjectId)).overdue).toBeUndefined();
    // taken on Monday 2 March and untouched since: 40 business hours ran out on Friday 6 March
    const taken = record({ status: 'assigned', assignee: OFFICER, updatedAt: '2026-03-02T09:00:00Z' });
    expect(boardCase(taken, view(OFFICER.aadObjectId)).overdue).toBe('ageing');
    const closed = record({ status: 'closed', assignee: OFFICER, updatedAt: '2026-03-02T09:00:00Z' });
    expect(boardCase(closed, view(OFFICER.aadObjectId)).overdue).toBeUndefined();
  });

  it('offers reopening a closed case only within the reopen window, and says until when', () => {
    const closed = record({
      caseId: 'VE-2026-0003',
      office: 'valuesEthics',
      status: 'closed',
      assignee: OFFICER,
      closedAt: '2026-03-05T12:00:00Z',
    });
    const within = boardCaseDetail(closed, [], view(OTHER, 30));
    expect(within.can).toEqual({
      assign: false,
      takeOver: false,
      release: false,
      reopen: true,
      requestInfo: false,
      close: false,
    });
    expect(within.reopenUntil).toBe('2026-04-04T12:00:00.000Z');
    const past = boardCaseDetail(closed, [], view(OTHER, 5));
    expect(past.can.reopen).toBe(false);
    expect(past).not.toHaveProperty('reopenUntil');
  });

  it('names in the history only whom the viewer may know: never the manager of a confidential case', () => {
    const taken = record({ status: 'assigned', assignee: OFFICER });
    const audit = [
      {
        caseId: taken.caseId,
        seq: 0,
        action: 'created' as const,
        actor: MANAGER.aadObjectId,
        at: '2026-03-02T09:00:00Z',
      },
      {
        caseId: taken.caseId,
        seq: 1,
        action: 'posted' as const,
        actor: 'system',
        at: '2026-03-02T09:00:01Z',
      },
      { caseId: taken.caseId, seq: 2, action: 'assigned' as const, actor: 'o-9', at: '2026-03-03T09:00:00Z' },
      {
        caseId: taken.caseId,
        seq: 3,
        action: 'unassigned' as const,
        actor: 'o-9',
        at: '2026-03-03T10:00:00Z',
      },
      {
        caseId: taken.caseId,
        seq: 4,
        action: 'assigned' as const,
        actor: OFFICER.aadObjectId,
        at: '2026-03-04T09:00:00Z',
      },
    ];
    const colleague = boardCaseDetail(taken, audit, view(OTHER)).history;
    expect(colleague.map((l) => [l.action, l.by, l.name])).toEqual([
      ['created', 'manager', undefined],
      ['posted', 'system', undefined],
      ['assigned', 'office', undefined],
      ['unassigned', 'office', undefined],
      ['assigned', 'office', 'Sam Okafor'],
    ]);
    expect(JSON.stringify(colleague)).not.toContain('Alex Tremblay');
    const assignee = boardCaseDetail(taken, audit, view(OFFICER.aadObjectId)).history;
    expect(assignee.map((l) => [l.by, l.name])).toEqual([
      ['manager', 'Alex Tremblay'],
      ['system', undefined],
      ['office', undefined],
      ['office', undefined],
      ['you', undefined],
    ]);
  });
});
