import { caseCard } from '../../../../src/features/escalation/cards';
import type { CaseRecord } from '../../../../src/domain/cases/types';

/** The office channel's card offers what the case's state allows, in the officer's language. */

const NOW = new Date('2026-03-12T12:00:00Z');
const SAM = { aadObjectId: 'o-1', name: 'Sam Okafor' };

function record(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseId: 'VE-2026-0001',
    office: 'valuesEthics',
    year: 2026,
    number: 1,
    manager: { aadObjectId: 'm-1', name: 'Alex Tremblay' },
    managerAadObjectId: 'm-1',
    managerLang: 'en',
    summary: 'A post about our program.',
    urgency: 'routine',
    contact: 'email',
    status: 'new',
    delivery: 'posted',
    questions: [],
    createdAt: '2026-03-10T09:00:00Z',
    updatedAt: '2026-03-10T09:00:00Z',
    auditSeq: 1,
    ...overrides,
  };
}

type Action = {
  title: string;
  card?: { body: { id?: string; isRequired?: boolean; errorMessage?: string }[] };
};
const actionsOf = (c: CaseRecord, lang: 'en' | 'fr' = 'en') =>
  (caseCard(c, { lang, now: NOW, audience: { kind: 'channel' }, actions: true, reopenDays: 30 }).actions ??
    []) as Action[];
const titles = (c: CaseRecord, lang: 'en' | 'fr' = 'en') => actionsOf(c, lang).map((a) => a.title);

describe('the office card’s actions', () => {
  it('follows the case: take, then take over or hand back, then reopen for a while after closing', () => {
    expect(titles(record())).toEqual(['Assign to me', 'Request more information', 'Close']);
    const taken = record({ status: 'assigned', assignee: SAM });
    expect(titles(taken)).toEqual(['Take over', 'Hand back', 'Request more information', 'Close']);
    expect(titles(taken, 'fr')).toEqual([
      'Le prendre en charge',
      'Le remettre au bureau',
      expect.any(String),
      'Fermer',
    ]);
    const closed = (daysAgo: number) =>
      record({
        status: 'closed',
        assignee: SAM,
        outcome: 'adviceGiven',
        closedAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
      });
    expect(titles(closed(3))).toEqual(['Reopen']);
    expect(titles(closed(3), 'fr')).toEqual(['Rouvrir']);
    expect(titles(closed(31))).toEqual([]);
    expect(
      JSON.stringify(caseCard(taken, { lang: 'en', now: NOW, audience: { kind: 'channel' } })),
    ).toContain('Sam Okafor');
  });

  it('asks for a note, on the card, before an urgent or time-sensitive case is closed (in both languages)', () => {
    const noteOf = (c: CaseRecord, lang: 'en' | 'fr') =>
      actionsOf(c, lang)
        .flatMap((a) => a.card?.body ?? [])
        .find((input) => input.id === 'note');
    expect(noteOf(record(), 'en')?.isRequired).toBeUndefined();
    expect(noteOf(record({ urgency: 'urgent' }), 'en')).toMatchObject({
      isRequired: true,
      errorMessage: expect.stringContaining('needs a note on what was done'),
    });
    expect(noteOf(record({ urgency: 'timeSensitive' }), 'fr')).toMatchObject({
      isRequired: true,
      errorMessage: expect.stringContaining('ne se ferme pas sans une note'),
    });
  });
});
