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
  caseCard(c, { lang, now: NOW, audience: { kind: 'channel' }, actions: true }).actions as Action[];

describe('the office card’s actions', () => {
  it('offers "Assign to me" on a new case only; a taken case shows who has it instead', () => {
    expect(actionsOf(record()).map((a) => a.title)).toContain('Assign to me');
    const taken = record({ status: 'assigned', assignee: SAM });
    expect(actionsOf(taken).map((a) => a.title)).not.toContain('Assign to me');
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
