import { MAX_CARD_ACTIONS } from '../../../../src/shared/limits';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { flattenCardText } from '../../../../src/shared/cards/flatten';
import type { AdaptiveCardJson } from '../../../../src/shared/cards/render';
import { PROJECT_ROOT } from '../../../../src/shared/projectRoot';
import { loadContent } from '../../../../src/domain/guidance/content';
import {
  buildCard,
  MAX_INTRO_CHARS,
  type CardKind,
  type CardMode,
} from '../../../../src/features/talkingPoints/cards';
import { choiceCard, confirmCard, introCard } from '../../../../src/features/talkingPoints/flowCards';
import {
  cardBytes,
  cardProblems,
  collectActions,
  colouredElements,
  MAX_CARD_BYTES,
} from '../../../support/cardChecks';

const content = loadContent();
const posted: CardMode = { mode: 'posted', postId: 'p-1', usefulCount: 12 };
const longIntro = 'é'.repeat(MAX_INTRO_CHARS);
const teams = Array.from({ length: 8 }, (_, i) => ({ id: `t${i}`, name: `Team ${i + 1}` }));

const CARDS: [string, () => AdaptiveCardJson][] = [];
for (const kind of ['talkingPoints', 'discussionGuide'] as CardKind[])
  for (const lang of ['en', 'fr'] as const)
    for (const state of [{ mode: 'preview' } as CardMode, posted])
      CARDS.push([
        `${kind} ${lang} ${state.mode}`,
        () => buildCard(kind, { lang, state, intro: state.mode === 'posted' ? longIntro : '' }),
      ]);
CARDS.push(
  ['choose team (8 teams)', () => choiceCard('en', 'team', teams)],
  ['choose channel (fr)', () => choiceCard('fr', 'channel', teams.slice(0, 2), 'Équipe')],
  ['intro', () => introCard('fr')],
  [
    'confirm',
    () =>
      confirmCard('en', {
        kind: 'talkingPoints',
        teamName: 'Digital Services',
        channelName: 'General',
        intro: longIntro,
        requestId: 'r-1',
      }),
  ],
);

/** Only the containers shown before any toggle. */
const shown = (card: AdaptiveCardJson) =>
  flattenCardText({
    ...card,
    body: (card.body as { isVisible?: boolean }[]).filter((e) => e.isVisible !== false),
  });

describe.each(CARDS)('%s card', (_name, make) => {
  const card = make();
  it('parses with the adaptivecards library without warnings or validation failures', () => {
    expect(cardProblems(card)).toEqual([]);
  });
  it('is Adaptive Card 1.5, fully expanded, under 28 KB, at most six actions, no colour-only meaning', () => {
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).not.toContain('${');
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(collectActions(card).length).toBeLessThanOrEqual(MAX_CARD_ACTIONS);
    expect(colouredElements(card)).toEqual([]);
  });
});

describe('talking points card', () => {
  it('lists every point in order with the career sub-points nested under theirs, in each language', () => {
    for (const lang of ['en', 'fr'] as const) {
      const text = shown(buildCard('talkingPoints', { lang, state: { mode: 'preview' } }));
      const lines = text.split('\n');
      const list = content.byId.get('talking-points')!;
      const expected = list.childIds.flatMap((id) => [
        `• ${content.byId.get(id)!.text[lang]}`,
        ...content.byId.get(id)!.childIds.map((sub) => `    ◦ ${content.byId.get(sub)!.text[lang]}`),
      ]);
      const start = lines.indexOf(expected[0]!);
      expect(lines.slice(start, start + expected.length)).toEqual(expected);
      expect(text).toContain(list.text[lang]);
      expect(text).toContain(content.source[lang].url);
    }
  });

  it('keeps the other language one toggle away, and says the French is a working translation', () => {
    const card = buildCard('talkingPoints', { lang: 'en', state: { mode: 'preview' } });
    const toggles = collectActions(card).filter((a) => a.type === 'Action.ToggleVisibility');
    expect(toggles.map((a) => a.title)).toEqual(['Français', 'English']);
    expect(shown(card)).not.toContain('Traduction de travail');
    const fr = shown(buildCard('talkingPoints', { lang: 'fr', state: { mode: 'preview' } }));
    expect(fr).toContain('Traduction de travail');
    expect(fr).toContain(`Page officielle en français (${content.source.fr.url})`);
  });

  it('shows the count and a Universal Action with an Action.Submit fallback once posted', () => {
    const card = buildCard('talkingPoints', { lang: 'en', state: posted });
    expect(shown(card)).toContain('12 people found this useful for their team.');
    const useful = collectActions(card).find((a) => a.title === 'Useful for my team')!;
    expect(useful).toMatchObject({
      type: 'Action.Execute',
      verb: 'talkingPoints.useful',
      data: { postId: 'p-1' },
    });
    expect(useful.fallback).toMatchObject({
      type: 'Action.Submit',
      data: { verb: 'talkingPoints.useful', postId: 'p-1' },
    });
    expect(collectActions(card).some((a) => a.title === 'Post to a team channel')).toBe(false);
  });
});

describe('discussion guide card', () => {
  it('quotes why, how, ethics, where to turn and a safe space from content, with resource summaries marked', () => {
    const text = shown(buildCard('discussionGuide', { lang: 'en', state: { mode: 'preview' } }));
    for (const heading of [
      'Why the guidance matters',
      'How it applies to us',
      'Making ethical decisions',
      'Where to turn',
      'A psychologically safe space to raise concerns',
    ])
      expect(text).toContain(heading);
    for (const id of ['support.dispute-mechanisms', 'support.psych-safety', 'intro.talk-to-team'])
      expect(text).toContain(content.byId.get(id)!.text.en);
    expect(text).toContain('Organizational Ombud: An organizational Ombud is confidential');
    expect(text).toContain('Centre of Expertise on Mental Health in the Workplace');
    expect(text).toContain('they are not official wording');
  });
});

describe('user text stays inert', () => {
  it.each(['${$root.speak}', '**bold** [x](https://evil.example) <at>Everyone</at>'])('%s', (intro) => {
    const card = buildCard('talkingPoints', { lang: 'en', intro, state: posted });
    expect(card.body).toContainEqual({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: intro, italic: true }],
    });
  });

  it('templates hold no guidance text: every sentence comes from content/ or i18n', () => {
    const templates = ['talking-points', 'discussion-guide'].map((n) =>
      readFileSync(path.join(PROJECT_ROOT, 'cards', `${n}.json`), 'utf8'),
    );
    for (const t of templates) expect(t).not.toMatch(/public serv|fonction/i);
  });
});
