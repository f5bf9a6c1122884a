import { LRUCache } from 'lru-cache';
import { MAX_CARD_ACTIONS } from '../../shared/limits';
import type { AnswerResult, QuotedPassage } from '../../domain/guidance/answerer';
import { loadContent, type GuidanceContent } from '../../domain/guidance/content';
import { t } from '../../i18n';
import type { Lang } from '../../shared/i18n/lang';
import { passageBody, translationNote } from './passages';
import { escapeMarkdown, freezeCard, renderCard, type AdaptiveCardJson } from '../../shared/cards/render';

/**
 * Typed data for the four answer cards (cards/*.json) and the dispatcher the bot calls. Guidance
 * text reaches a card only as data (RichTextBlock TextRuns, never parsed as markdown); framing
 * comes from i18n. The user's question never appears on a card, so names typed in it are not echoed.
 */

/** Teams store rule: at most six actions on a card, counting ActionSets in the body. */
/** answer.json always has Yes, No, escalate and Source; related questions get what is left. */
const ANSWER_FIXED_ACTIONS = 4;

interface SubmitButton {
  title: string;
  data: Record<string, unknown>;
}

function passageData(lang: Lang, p: QuotedPassage) {
  return {
    heading: p.sectionHeading,
    contextLabel: t(lang, 'answers.card.context'),
    ...passageBody(p),
  };
}

function ask(q: string): SubmitButton {
  return { title: q, data: { verb: 'ask', q } };
}

/** Longest question carried in the feedback buttons, so the manager can choose to share it (never stored otherwise). */
const MAX_SHARED_QUESTION = 500;

export function buildAnswerData(result: AnswerResult, content: GuidanceContent = loadContent()) {
  const { lang, passages } = result;
  const ids = passages.map((p) => p.id);
  const resourceIds = [...new Set(passages.flatMap((p) => p.relatedResources))].slice(0, 2);
  const seeAlso = resourceIds.flatMap((id) => {
    const r = content.resources.get(id);
    if (!r) return [];
    const title = escapeMarkdown(r.title[lang]);
    const label = r.url ? `[${title}](${r.url[lang]})` : `**${title}**`;
    return [{ line: `${label}: ${escapeMarkdown(r.summary[lang])}` }];
  });
  return {
    lang,
    title: t(lang, 'answers.card.title'),
    verdict: result.verdictRequested ? t(lang, 'answers.card.verdict') : '',
    passages: passages.map((p) => passageData(lang, p)),
    translationNote: translationNote(lang, passages, content),
    sourceLine: t(lang, 'answers.card.sourceLine', {
      title: content.title[lang],
      date: content.source[lang].retrieved,
      version: content.contentVersion,
    }),
    automated: t(lang, 'answers.card.automated'),
    seeAlsoTitle: t(lang, 'answers.card.seeAlso'),
    seeAlso,
    relatedTitle: t(lang, 'answers.card.related'),
    related: result.relatedQuestions.slice(0, MAX_CARD_ACTIONS - ANSWER_FIXED_ACTIONS).map(ask),
    helpful: t(lang, 'answers.card.helpful'),
    yes: t(lang, 'answers.card.yes'),
    no: t(lang, 'answers.card.no'),
    feedbackYes: {
      verb: 'feedback',
      helpful: true,
      passages: ids,
      contentVersion: result.contentVersion,
      lang,
    },
    feedbackNo: {
      verb: 'feedback',
      helpful: false,
      passages: ids,
      contentVersion: result.contentVersion,
      lang,
    },
    escalate: t(lang, 'answers.card.escalate'),
    source: t(lang, 'answers.card.source'),
    sourceUrl: passages[0]?.sourceUrl ?? content.source[lang].url,
  };
}

export function buildUrgentData(result: AnswerResult, content: GuidanceContent = loadContent()) {
  const { lang } = result;
  const topic = result.urgentTopic ?? 'harassment';
  const keys = [1, 2, 3] as const;
  return {
    lang,
    badge: t(lang, 'answers.urgent.badge'),
    title: t(lang, 'answers.urgent.title'),
    topicTitle: t(lang, `answers.urgent.${topic}.title`),
    intro: t(lang, 'answers.urgent.intro'),
    steps: keys.map((n) => ({ number: n, text: t(lang, `answers.urgent.${topic}.${n}`) })),
    guidanceLabel: t(lang, 'answers.urgent.guidance'),
    passages: result.passages.map((p) => ({ text: p.text })),
    translationNote: translationNote(lang, result.passages, content),
    escalate: t(lang, 'answers.card.escalate'),
    escalateData: { verb: 'escalate', urgent: true, topic },
    source: t(lang, 'answers.card.source'),
    sourceUrl: content.source[lang].url,
  };
}

export function buildUnsureData(result: AnswerResult) {
  const { lang } = result;
  return {
    lang,
    title: t(lang, 'answers.unsure.title'),
    body: t(lang, 'answers.unsure.body'),
    topics: result.relatedQuestions.slice(0, 3).map(ask),
    escalate: t(lang, 'answers.card.escalate'),
  };
}

export function buildOutOfScopeData(result: AnswerResult) {
  const { lang } = result;
  const examples = result.relatedQuestions.length > 0 ? result.relatedQuestions : [];
  return {
    lang,
    title: t(lang, 'answers.oos.title'),
    body: t(lang, 'answers.oos.body'),
    tryLabel: t(lang, 'answers.oos.try'),
    examples: examples.slice(0, 3).map(ask),
  };
}

function renderAnswerCard(result: AnswerResult): AdaptiveCardJson | undefined {
  switch (result.kind) {
    case 'answer':
      return renderCard('answer', buildAnswerData(result));
    case 'urgent':
      return renderCard('urgent', buildUrgentData(result));
    case 'unsure':
      return renderCard('unsure', buildUnsureData(result));
    case 'out-of-scope':
      return renderCard('out-of-scope', buildOutOfScopeData(result));
    case 'smalltalk':
      return undefined;
  }
}

/**
 * Rendered cards by answer, most recently used last. A card is a function of the answer alone (passages
 * quoted from fixed content, related questions, language, content version), so templating runs once per
 * distinct answer rather than on every message; the question joins afterwards (withSharedQuestion).
 * Cached cards are frozen: a caller that tried to change one would throw instead of corrupting the next reply.
 */
/** Distinct answers kept (a few KB each): well above what the guidance's 48 passages produce in a day. */
const renderedCards = new LRUCache<string, { readonly card: AdaptiveCardJson | undefined }>({ max: 1000 });

function cachedAnswerCard(result: AnswerResult): AdaptiveCardJson | undefined {
  // A quoted passage is a function of its id, the answer's language and the content version, all in the key:
  // keying on the ids spares stringifying the quoted text (kilobytes) on every turn.
  const key = JSON.stringify({ ...result, passages: result.passages.map((p) => p.id) });
  const cached = renderedCards.get(key);
  if (cached) return cached.card;
  const card = renderAnswerCard(result);
  if (card) freezeCard(card);
  renderedCards.set(key, { card });
  return card;
}

/**
 * The answer card's Yes/No buttons carry the question, so that the manager can choose to share it after
 * voting (it is stored nowhere otherwise). The question is data in a Submit action, never shown or parsed
 * as a template; only the card's top-level actions are copied, the rest is shared with the cached card.
 */
function withSharedQuestion(card: AdaptiveCardJson, question: string): AdaptiveCardJson {
  const actions = card.actions as readonly { data?: { verb?: unknown } }[] | undefined;
  if (!actions?.some((a) => a.data?.verb === 'feedback')) return card;
  const q = question.slice(0, MAX_SHARED_QUESTION);
  return {
    ...card,
    actions: actions.map((a) => (a.data?.verb === 'feedback' ? { ...a, data: { ...a.data, q } } : a)),
  };
}

/**
 * The card for an answer, by kind. Small talk returns undefined: the bot layer answers greetings
 * and "help" with its own help card (or the plain `answers.smalltalk.*` strings).
 */
export function buildAnswerCard(result: AnswerResult, question?: string): AdaptiveCardJson | undefined {
  const card = cachedAnswerCard(result);
  return card && question ? withSharedQuestion(card, question) : card;
}
