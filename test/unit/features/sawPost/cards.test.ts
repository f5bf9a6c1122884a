import { MAX_CARD_ACTIONS } from '../../../../src/shared/limits';
import { flattenCardText } from '../../../../src/shared/cards/flatten';
import type { AdaptiveCardJson } from '../../../../src/shared/cards/render';
import {
  clearViolationCard,
  recordCard,
  recordListCard,
  sawPostOfferCard,
  stepCard,
} from '../../../../src/features/sawPost/cards';
import { STEPS, startFlow, type FlowState, type StepId } from '../../../../src/features/sawPost/steps';
import { loadContent } from '../../../../src/domain/guidance/content';
import type { Lang } from '../../../../src/shared/i18n/lang';
import type { SawPostRecord } from '../../../../src/domain/records/sawPostRecord';
import { cardProblems, collectActions } from '../../../support/cardChecks';

const flow = (step: StepId, lang: Lang = 'en'): FlowState => ({
  ...startFlow(lang),
  step,
  history: step === 'framing' ? [] : ['framing'],
  answers: { howRaised: 'media', violation: 'bullying' },
});

const record: SawPostRecord = {
  id: 'rec-1',
  kind: 'sawPost',
  owner: 'o',
  lang: 'en',
  createdAt: '2026-11-25T12:00:00.000Z',
  expiresAt: '2027-02-23T12:00:00.000Z',
  path: 'notSure',
  answers: {
    howRaised: 'public',
    violation: 'notSure',
    steps: { context: { note: '**not bold** ${x} [l](https://e.invalid)' } },
    consultTopics: ['takeDown'],
    offices: ['ombud'],
  },
  contentVersion: 'v1',
};

const cards: [string, AdaptiveCardJson][] = [
  ...(['en', 'fr'] as const).flatMap((lang) =>
    (Object.keys(STEPS) as StepId[]).map((s): [string, AdaptiveCardJson] => [
      `step ${s} (${lang})`,
      stepCard(flow(s, lang), lang, { retentionDays: 90 }),
    ]),
  ),
  ['urgent (bullying)', clearViolationCard(flow('protocols'), 'en')],
  [
    'urgent (disclosure, fr)',
    clearViolationCard({ ...flow('protocols'), answers: { violation: 'disclosure' } }, 'fr'),
  ],
  ['record (en)', recordCard(record, 'en')],
  ['record (fr)', recordCard(record, 'fr')],
  ['record list', recordListCard([record, record, record, record, record, record], 'en', 90)],
  ['offer (fr)', sawPostOfferCard('fr')],
];

describe.each(cards)('%s card', (_name, card) => {
  it('parses with the adaptivecards library without validation failures', () => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('is Adaptive Card 1.5, fully expanded, with at most six actions', () => {
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).not.toMatch(/\$\{(?!x\})/);
    expect(collectActions(card).length).toBeLessThanOrEqual(MAX_CARD_ACTIONS);
  });
});

describe('step card content', () => {
  it('quotes each step’s passages verbatim in the user’s language, with the source link', () => {
    const content = loadContent();
    for (const lang of ['en', 'fr'] as const)
      for (const def of Object.values(STEPS)) {
        const text = flattenCardText(stepCard(flow(def.id, lang), lang, { retentionDays: 90 }));
        for (const id of def.passages) expect(text).toContain(content.byId.get(id)!.text[lang]);
        expect(text).toContain(content.source[lang].url);
        if (lang === 'fr') expect(text).toMatch(/Traduction de travail/);
      }
  });

  it('has no Back button on the first step, and Back sends no inputs', () => {
    const first = collectActions(stepCard(flow('framing'), 'en', { retentionDays: 90 }));
    expect(first.map((a) => a.title)).toEqual(['Continue']);
    const how = collectActions(stepCard(flow('how'), 'en', { retentionDays: 90 }));
    expect(how).toEqual([
      expect.objectContaining({ title: 'Next', data: { verb: 'sawPost.step', step: 'how' } }),
      expect.objectContaining({
        title: 'Back',
        data: { verb: 'sawPost.step', step: 'how', nav: 'back' },
        associatedInputs: 'none',
      }),
    ]);
  });
});

describe('record card', () => {
  it('shows notes inertly in a TextRun and offers escalation with the record id, start again and done', () => {
    const card = recordCard(record, 'en');
    const json = JSON.stringify(card);
    expect(json).toContain('"type":"TextRun","text":"**not bold** ${x} [l](https://e.invalid)"');
    expect(collectActions(card).map((a) => [a.title, a.data])).toEqual([
      ['Values and ethics office', { verb: 'escalate', office: 'valuesEthics', recordId: 'rec-1' }],
      ['Ombud', { verb: 'escalate', office: 'ombud', recordId: 'rec-1' }],
      ['Send me a copy', { verb: 'sawPost.copy', recordId: 'rec-1' }],
      ['Delete', { verb: 'sawPost.delete', recordId: 'rec-1' }],
      ['Start again', { verb: 'command', command: 'sawPost' }],
      ['Done', { verb: 'sawPost.done' }],
    ]);
    expect(flattenCardText(card)).toMatch(/It is not a decision about anyone/);
  });

  it('lists at most five records', () => {
    expect(collectActions(recordListCard(Array(8).fill(record), 'fr', 90))).toHaveLength(5);
  });
});
