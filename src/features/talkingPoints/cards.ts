import { loadCardPassages, type GuideSectionId } from '../../domain/guidance/cardPassages';
import { localeOf } from '../../shared/dates';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from '../../shared/cards/render';
import { loadContent, type GuidanceContent, type Passage } from '../../domain/guidance/content';
import { LANGS, t, type Lang } from '../../i18n';

/**
 * Typed data for cards/talking-points.json and cards/discussion-guide.json. Every sentence of guidance
 * comes from content/ (the templates hold only bindings); framing comes from i18n. The card carries both
 * languages: the poster's is shown, the other is one "Français"/"English" button away
 * (Action.ToggleVisibility), because a team channel mixes English and French readers and the Official
 * Languages Act asks for both without making anyone ask the bot again.
 */

export type CardKind = 'talkingPoints' | 'discussionGuide';

export const USEFUL_VERB = 'talkingPoints.useful';
export const POST_VERB = 'talkingPoints.post';
/** The automatic refresh of a posted card: each viewer gets it back with their own language shown first. */
export const VIEW_VERB = 'talkingPoints.view';

/** Teams store rule: at most six actions on a card, nested ActionSets and toggles included. */
/** Longest introduction line a manager may add above a posted card. */
export const MAX_INTRO_CHARS = 200;

export type CardMode =
  | { readonly mode: 'preview' }
  | { readonly mode: 'posted'; readonly postId: string; readonly usefulCount: number };

export interface CardOptions {
  /** The language shown first; the other is behind the toggle. */
  readonly lang: Lang;
  /** Plain text typed by the poster, shown as typed (a TextRun: no markdown, links or mentions). */
  readonly intro?: string;
  readonly state: CardMode;
}

/**
 * The discussion guide's sections, in order, with their headings. Which passages and related resources each
 * quotes is content (content/card-passages.json), as are the talking-points list and the guide's lead-in.
 */
const GUIDE_SECTION_TITLES = {
  why: 'talkingPoints.guide.section.why',
  applies: 'talkingPoints.guide.section.applies',
  ethics: 'talkingPoints.guide.section.ethics',
  support: 'talkingPoints.guide.section.support',
  safeSpace: 'talkingPoints.guide.section.safeSpace',
} as const satisfies Record<GuideSectionId, string>;

function guideSections() {
  const { guideSections: sections } = loadCardPassages().talkingPoints;
  return (Object.keys(GUIDE_SECTION_TITLES) as GuideSectionId[]).map((id) => ({
    titleKey: GUIDE_SECTION_TITLES[id],
    ...sections[id],
  }));
}

interface Row {
  bullet: string;
  text: string;
  indent: boolean;
}

function passage(content: GuidanceContent, id: string): Passage {
  const p = content.byId.get(id);
  if (!p) throw new Error(`Talking-point card needs passage ${id}, which content/ lacks`);
  return p;
}

/** The list's items in reading order, each item's sub-points right under it. */
function rows(content: GuidanceContent, lang: Lang, parentId: string, depth = 0): Row[] {
  return passage(content, parentId).childIds.flatMap((id) => [
    { bullet: depth === 0 ? '•' : '◦', text: passage(content, id).text[lang], indent: depth > 0 },
    ...rows(content, lang, id, depth + 1),
  ]);
}

function link(label: string, url: string): string {
  return `[${escapeMarkdown(label)}](${url})`;
}

function usefulCountText(lang: Lang, count: number): string {
  if (count === 0) return t(lang, 'talkingPoints.card.usefulCount.zero');
  if (count === 1) return t(lang, 'talkingPoints.card.usefulCount.one');
  return t(lang, 'talkingPoints.card.usefulCount.many', {
    count: count.toLocaleString(localeOf(lang)),
  });
}

const elementId = (lang: Lang) => `lang-${lang}`;

/** What every language block shares: ids for the toggle, source, translation note, actions. */
function languageFrame(content: GuidanceContent, kind: CardKind, lang: Lang, options: CardOptions) {
  const ids =
    kind === 'talkingPoints'
      ? [loadCardPassages().talkingPoints.list]
      : guideSections().flatMap((s) => s.passages);
  const workingTranslation = lang === 'fr' && ids.some((id) => passage(content, id).frStatus !== 'official');
  const { state } = options;
  return {
    elementId: elementId(lang),
    visible: lang === options.lang,
    lang,
    toggleTitle: t(lang, 'talkingPoints.card.showOther'),
    toggleTargets: LANGS.map(elementId),
    sourceLine: t(lang, 'talkingPoints.card.source', {
      link: link(content.title[lang], content.source[lang].url),
    }),
    translationNote: workingTranslation
      ? `${escapeMarkdown(t(lang, 'talkingPoints.card.workingTranslation'))} ${link(
          t(lang, 'talkingPoints.card.officialFrench'),
          content.source.fr.url,
        )}`
      : '',
    automated: t(lang, 'talkingPoints.card.automated'),
    preview: state.mode === 'preview',
    posted: state.mode === 'posted',
    postTitle: t(lang, 'talkingPoints.card.postToChannel'),
    postData: { verb: POST_VERB, kind, lang },
    usefulTitle: t(lang, 'talkingPoints.card.useful'),
    usefulCount: state.mode === 'posted' ? usefulCountText(lang, state.usefulCount) : '',
    // Action.Execute carries the verb on the action; the Action.Submit fallback (older clients) in its data.
    usefulData: state.mode === 'posted' ? { postId: state.postId } : {},
    usefulFallbackData: state.mode === 'posted' ? { verb: USEFUL_VERB, postId: state.postId } : {},
  };
}

export function talkingPointsData(options: CardOptions, content: GuidanceContent = loadContent()) {
  const list = passage(content, loadCardPassages().talkingPoints.list);
  return {
    speak: t(options.lang, 'talkingPoints.card.title'),
    intro: options.intro ?? '',
    languages: LANGS.map((lang) => ({
      ...languageFrame(content, 'talkingPoints', lang, options),
      title: t(lang, 'talkingPoints.card.title'),
      lead: t(lang, 'talkingPoints.card.lead'),
      listLead: list.text[lang],
      points: rows(content, lang, list.id),
    })),
  };
}

export function discussionGuideData(options: CardOptions, content: GuidanceContent = loadContent()) {
  return {
    speak: t(options.lang, 'talkingPoints.guide.card.title'),
    intro: options.intro ?? '',
    languages: LANGS.map((lang) => ({
      ...languageFrame(content, 'discussionGuide', lang, options),
      title: t(lang, 'talkingPoints.guide.card.title'),
      lead: t(lang, 'talkingPoints.guide.card.lead'),
      guideLead: passage(content, loadCardPassages().talkingPoints.guideLead).text[lang],
      sections: guideSections().map((section) => ({
        heading: t(lang, section.titleKey),
        passages: section.passages.map((id) => ({ text: passage(content, id).text[lang] })),
        resources: section.resources.map((id) => {
          const r = content.resources.get(id);
          if (!r) throw new Error(`Discussion guide needs related resource ${id}, which content/ lacks`);
          const title = r.url ? link(r.title[lang], r.url[lang]) : `**${escapeMarkdown(r.title[lang])}**`;
          return { line: `${title}: ${escapeMarkdown(r.summary[lang])}` };
        }),
      })),
      resourceNote: t(lang, 'talkingPoints.guide.resourceNote'),
    })),
  };
}

const TEMPLATE: Record<CardKind, string> = {
  talkingPoints: 'talking-points',
  discussionGuide: 'discussion-guide',
};

/** The card to preview in the personal chat or to post into a channel. */
export function buildCard(kind: CardKind, options: CardOptions): AdaptiveCardJson {
  const data = kind === 'talkingPoints' ? talkingPointsData(options) : discussionGuideData(options);
  return renderCard(TEMPLATE[kind], data);
}

/** An introduction is one line: line breaks and runs of spaces collapse, ends are trimmed. */
export function cleanIntro(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Length in characters as a person counts them (an emoji is one), not UTF-16 units. */
export function introLength(text: string): number {
  return [...text].length;
}
