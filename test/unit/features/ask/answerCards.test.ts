import { buildAnswerCard } from '../../../../src/features/ask/answerCards';
import { MAX_CARD_ACTIONS } from '../../../../src/shared/limits';
import { flattenCardText } from '../../../../src/shared/cards/flatten';
import type { AdaptiveCardJson } from '../../../../src/shared/cards/render';
import { createAnswerer, type AnswerResult } from '../../../../src/domain/guidance/answerer';
import { loadEvalQuestions } from '../../../../src/domain/guidance/evaluation';
import { cardBytes, cardProblems, collectActions, MAX_CARD_BYTES } from '../../../support/cardChecks';

const answerer = createAnswerer();
const card = (q: string, lang?: 'en' | 'fr'): { result: AnswerResult; card: AdaptiveCardJson } => {
  const result = answerer.answer(q, lang ? { lang } : {});
  const c = buildAnswerCard(result);
  if (!c) throw new Error(`no card for ${q}`);
  return { result, card: c };
};

type Json = Record<string, unknown>;

const SAMPLES: [string, string, 'en' | 'fr' | undefined][] = [
  ['answer (en, list)', 'What should I tell my team?', undefined],
  ['answer (fr, nested list)', 'Quelles mesures prendre si je vois une publication inappropriée?', undefined],
  ['answer (verdict)', 'Should I fire her for that tweet?', undefined],
  ['answer (list item with context)', 'do disclaimers work', undefined],
  ['urgent (en)', 'My employee posted that she wants to end her life', undefined],
  ['urgent (fr, with passage)', 'Une employée a publié un document classifié sur Facebook', undefined],
  ['unsure', 'social media?', undefined],
  ['out-of-scope (en)', 'What is the weather tomorrow?', undefined],
  ['out-of-scope (fr)', 'Comment changer mon mot de passe?', undefined],
];

describe.each(SAMPLES)('%s card', (_label, q, lang) => {
  const { card: json } = card(q, lang);

  it('parses with the adaptivecards library without warnings or validation failures', () => {
    expect(cardProblems(json)).toEqual([]);
  });

  it('is Adaptive Card 1.5, fully expanded, under 28 KB, with at most six actions', () => {
    const text = JSON.stringify(json);
    expect(json.version).toBe('1.5');
    expect(text).not.toContain('${');
    expect(cardBytes(json)).toBeLessThan(MAX_CARD_BYTES);
    expect(collectActions(json).length).toBeLessThanOrEqual(MAX_CARD_ACTIONS);
  });

  it('never carries meaning by colour alone: a styled container also says it in words', () => {
    const text = JSON.stringify(json);
    if (text.includes('"style":"attention"')) expect(flattenCardText(json)).toMatch(/^Urgent/m);
  });
});

describe('answer card content', () => {
  it('quotes the passage with its heading, a Source link and the feedback and escalation buttons', () => {
    const { result, card: json } = card('do disclaimers work');
    const text = flattenCardText(json);
    expect(text).toContain(result.passages[0]!.text);
    expect(text).toContain('Guidance for managers');
    const actions = collectActions(json);
    expect(actions).toContainEqual(
      expect.objectContaining({
        type: 'Action.OpenUrl',
        url: expect.stringMatching(/^https:\/\/www\.canada\.ca\/en\//),
      }),
    );
    expect(actions).toContainEqual(
      expect.objectContaining({
        data: expect.objectContaining({
          verb: 'feedback',
          helpful: true,
          passages: ['talking-points.disclaimers'],
        }),
      }),
    );
    expect(actions).toContainEqual(
      expect.objectContaining({
        data: expect.objectContaining({
          verb: 'feedback',
          helpful: false,
          passages: ['talking-points.disclaimers'],
        }),
      }),
    );
    expect(actions).toContainEqual(expect.objectContaining({ data: { verb: 'escalate' } }));
    const asks = actions.filter((a) => (a.data as Json | undefined)?.verb === 'ask');
    expect(asks.length).toBeGreaterThan(0);
    for (const a of asks) expect(a.title).toBe((a.data as Json).q);
  });

  it('shows the whole list, nested sub-points included', () => {
    const text = flattenCardText(card('What are the steps if I see an inappropriate post?').card);
    expect(text).toContain('• Take the time to understand the context');
    expect(text).toContain('◦ the post should be taken down');
    expect(text.match(/^• /gm)).toHaveLength(8);
    expect(text.match(/^ +◦ /gm)).toHaveLength(3);
  });

  it('marks French as a working translation and links the official French page', () => {
    const text = flattenCardText(card('Dois-je surveiller les comptes de mes employés?').card);
    expect(text).toContain('Traduction de travail');
    expect(text).toMatch(/https:\/\/www\.canada\.ca\/fr\/gouvernement\/fonctionpublique\/valeurs\//);
    expect(flattenCardText(card('Should I monitor my staff online?').card)).not.toContain(
      'Working translation',
    );
  });

  it('says it will not judge a person when asked for a verdict', () => {
    expect(flattenCardText(card('Should I fire her for that tweet?').card)).toContain(
      'I can’t judge a specific person',
    );
  });

  it('gives the urgent card the contacts for the situation', () => {
    const text = flattenCardText(card('My employee posted that she wants to end her life').card);
    expect(text).toContain('9-8-8');
    expect(text).toContain('9-1-1');
    expect(text).toMatch(/Employee Assistance Program/);
    const fr = flattenCardText(card('Un employé a publié une menace de mort contre un collègue').card);
    expect(fr).toContain('9-1-1');
    expect(fr).toMatch(/sécurité/);
  });

  it('gives the general crisis card, for a danger the words do not name, every contact in each language', () => {
    const questions = {
      en: 'My employee posted that she wants to end her life',
      fr: 'Mon employé a publié qu’il veut se suicider',
    };
    for (const lang of ['en', 'fr'] as const) {
      const urgent = answerer.answer(questions[lang]);
      expect(urgent.lang).toBe(lang);
      const json = buildAnswerCard({ ...urgent, urgentTopic: 'safety' });
      if (!json) throw new Error('no urgent card');
      expect(cardProblems(json)).toEqual([]);
      const text = flattenCardText(json);
      expect(text).toContain('9-1-1');
      expect(text).toContain('9-8-8');
      expect(text).toMatch(lang === 'en' ? /security team/ : /équipe de la sécurité/);
      expect(text).toMatch(lang === 'en' ? /may be in danger/ : /pourrait être en danger/);
    }
  });

  it('quotes a sub-point in its lists’ own words, linking the page words that mean nothing in a chat', () => {
    const en = flattenCardText(card('Can I tell someone to delete their post?').card);
    expect(en).toMatch(/here are suggested steps that you could take: … Refer to/);
    expect(en).toMatch(/the post should be taken down/);
    expect(JSON.stringify(card('Can I tell someone to delete their post?').card)).toContain(
      '[the other tabs of this guidance](https://www.tbs-sct.canada.ca/pol/doc-eng.aspx?id=32811)',
    );
    const fr = JSON.stringify(card('Dois-je faire retirer la publication?').card);
    expect(fr).toContain(
      '[les autres onglets de cette orientation](https://www.tbs-sct.canada.ca/pol/doc-fra.aspx?id=32811)',
    );
  });

  it('answers a media call from the guidance, quoting the list item with its lead-in', () => {
    const fr = flattenCardText(
      card('Un journaliste m’a appelé au sujet d’une publication de mon employé').card,
    );
    expect(fr).toMatch(/demande des médias/);
    expect(fr).toMatch(/portée à votre attention/);
  });

  it('offers three example questions when declining', () => {
    const actions = collectActions(card('What is the weather tomorrow?').card);
    expect(actions.filter((a) => (a.data as Json | undefined)?.verb === 'ask')).toHaveLength(3);
  });

  it('returns no card for small talk (the bot layer shows its help)', () => {
    expect(buildAnswerCard(answerer.answer('hi'))).toBeUndefined();
  });
});

describe('user text stays inert', () => {
  it.each([
    '${process.exit()} should I monitor my staff?',
    '[click me](https://evil.example) should I monitor my staff?',
    '<img src=x onerror=alert(1)> should I monitor my staff?',
    '**Should** I _monitor_ my staff? ${$root.title}',
  ])('%s never reaches the card', (q) => {
    const { card: json } = card(q);
    const text = JSON.stringify(json);
    expect(text).not.toContain('${');
    expect(text).not.toContain('evil.example');
    expect(text).not.toContain('onerror');
    expect(text).not.toContain('process.exit');
  });
});

describe('cards rendered once per answer', () => {
  const feedbackQuestions = (json: AdaptiveCardJson) =>
    collectActions(json)
      .map((a) => a.data as Json | undefined)
      .filter((d) => d?.verb === 'feedback')
      .map((d) => d!.q);

  it('gives each manager a card carrying their own question, never an earlier asker’s', () => {
    const first = 'Should I monitor my staff online?';
    const second = 'Should I monitor my staff online? I am worried about Pat';
    const a = answerer.answer(first);
    const b = answerer.answer(second);
    // Two questions with the same answer: the second card comes from the first one's rendering.
    expect(b.passages.map((p) => p.id)).toEqual(a.passages.map((p) => p.id));
    expect(feedbackQuestions(buildAnswerCard(a, first)!)).toEqual([first, first]);
    expect(feedbackQuestions(buildAnswerCard(b, second)!)).toEqual([second, second]);
    expect(feedbackQuestions(buildAnswerCard(a)!)).toEqual([undefined, undefined]);
    expect(JSON.stringify(buildAnswerCard(a, first))).not.toContain('Pat');
  });

  it('renders the same card from the cache as the first time, for every evaluation question', () => {
    const questions = loadEvalQuestions();
    const first = questions.map(({ q, lang }) =>
      JSON.stringify(buildAnswerCard(answerer.answer(q, { lang }), q)),
    );
    const again = questions.map(({ q, lang }) =>
      JSON.stringify(buildAnswerCard(answerer.answer(q, { lang }), q)),
    );
    expect(again).toEqual(first);
  });

  it('keeps cached cards unchangeable, so one reply cannot alter the next', () => {
    const json = buildAnswerCard(answerer.answer('do disclaimers work'), 'do disclaimers work')!;
    expect(() => {
      (json.body as Json[]).push({ type: 'TextBlock', text: 'changed' });
    }).toThrow(TypeError);
  });
});
