import type { Lang } from '../i18n/lang';
import { t } from '../i18n';
import { classify, strongDomainGroups, type SmalltalkKind, type UrgentTopic } from './classify';
import { contains, quote, relatedQuestions, rootList, type QuotedPassage } from './compose';
import { loadContent, type GuidanceContent } from './content';
import { detectLanguage } from './detectLanguage';
import { normaliseQuestion } from './normalise';
import { cuedPassage } from './intents';
import { loadKindModel, outOfScopeThreshold, type KindModel, type KindPrediction } from './kindModel';
import { GuidanceIndex, type Retrieval } from './retrieve';
import { isGeneralQuestion } from './urgency';
import { MANAGER_CONTEXT } from './scope';

export type { QuotedPassage, QuotedListItem } from './compose';
export type { GuidanceContent } from './content';
export type { UrgentTopic } from './classify';

/**
 * The one answering pipeline, shared by the bot and the command line:
 * normalise → detect language → classify → retrieve → compose.
 *
 * Language rule: the question's own words decide when they clearly lean to one language
 * (see detectLanguage.ts); otherwise `opts.lang` (the user's preference) decides; English last.
 */

export type AnswerKind = 'answer' | 'urgent' | 'out-of-scope' | 'unsure' | 'smalltalk';

export interface AnswerResult {
  kind: AnswerKind;
  lang: Lang;
  passages: QuotedPassage[];
  urgentTopic?: UrgentTopic;
  /** At most three, in `lang`; each asks about another passage. */
  relatedQuestions: string[];
  /** The question describes a post the manager became aware of: the bot may offer its step-by-step flow. */
  offerSawAPost: boolean;
  /** The user asked for a verdict on a specific person ("should I fire her?"); the answer gives steps instead. */
  verdictRequested: boolean;
  smalltalkKind?: SmalltalkKind;
  /** Version of the content the answer quotes, for feedback and audit records. */
  contentVersion: string;
}

/**
 * Calibrated on the training split of test/eval/questions.jsonl: below these, the best passage
 * was usually wrong, so the bot says it is unsure rather than quote the wrong text.
 */
export const MIN_SCORE = 4.0;
export const MIN_COVERAGE = 0.4;
/** Without any word tying it to social media or the guidance, a question needs a much clearer match. */
export const MIN_SCORE_NO_DOMAIN = 6.0;
/** Long questions carry many words the guidance never uses; coverage is judged on about this many. */
const COVERAGE_TERMS = 6;
/** "social media?" alone names no topic: every passage shares those words. */
const MIN_QUERY_WEIGHT = 2.5;
/** …unless one of its words is specific to a few passages ("election posts ok?"). */
const MIN_TERM_IDF = 1.6;
/**
 * A question that names social media or the guidance's subjects is answered from its best passage
 * even when it has many words the guidance never uses (names, narrative): for such questions the
 * best passage is right far more often than not, and "unsure" helps nobody who asked in scope.
 */
export const MIN_SCORE_DOMAIN = 3.5;
/**
 * A question with no topic word at all ("which offices might I need to bring in?") is still the
 * guidance's when nearly every word it has is a word the guidance uses: at most this many unknown
 * words (one more when it speaks of the manager's team or employees), and this score.
 */
export const MIN_SCORE_VOCAB = 3.0;
const MAX_UNKNOWN_VOCAB = 1;
/** A second passage is quoted only when it scores nearly as well as the first. */
const SECOND_PASSAGE_RATIO = 0.9;
/** A list question gets the whole list when the list itself scores at least this share of the best item. */
const LIST_RATIO = 0.45;

const LIST_INTENT =
  /\b(steps|step by step|what are the|list|all the|key (points|messages)|talking points|points|what (should|do|can) i (tell|say to|remind|discuss with)|tell my (team|staff|employees)|process|procedure|etapes|mesures|marche a suivre|quels (sont les )?points|quels messages|liste|que dois je dire|quoi dire|dire a mon equipe|aborder avec)\b/;

/** "What do I do?" about a post someone describes: the guidance's answer is its list of steps. */
const WHAT_TO_DO =
  /\b(what (do|should|can|must|would) (i|we) do|what now|now what|what next|how (do|should|can|would) (i|we) (handle|deal|respond|react|approach|address|manage|proceed|go about)|how to (handle|deal|respond|react|approach|address|manage|proceed)|(right|best|proper|correct|appropriate) way to (handle|deal|respond|react|approach|address|manage|proceed)|how should this be (handled|dealt with)|any advice|next steps?|que (dois je|devrais je|puis je|faut il|peut on|doit on) faire|quoi faire|que faire|(je|on) (fais|fait|doit faire|dois faire) quoi|je fais quoi|on fait quoi|comment (dois je |devrais je |faut il |on doit |je dois )?(reagir|gerer|traiter|aborder|intervenir|proceder|m y prendre|s y prendre))\b/;

/** Lifts a passage to the top of the hits (when retrieval found it at all). */
function promote(r: Retrieval, id: string): boolean {
  const hit = r.hits.find((h) => h.passage.id === id);
  const top = r.hits[0];
  if (!hit || !top) return false;
  if (hit !== top) {
    hit.score = Math.max(hit.score, top.score) + 0.01;
    r.hits.sort((a, b) => b.score - a.score || a.passage.order - b.passage.order);
  }
  return true;
}

function preferSteps(r: Retrieval): boolean {
  // a post that clearly breaks the Code has its own answer (follow your protocols)
  if (r.hits[0]?.passage.id === 'aware-post.clear-violation') return false;
  return promote(r, 'aware-post.steps');
}

/** Passages shown with the urgent card: the guidance's own words where they apply. */
const URGENT_PASSAGES: Record<UrgentTopic, string[]> = {
  'self-harm': [],
  violence: [],
  harassment: ['aware-post.steps.support'],
  disclosure: ['aware-post.clear-violation'],
  journalist: ['aware-post.proportional'],
  'viral-hate': ['aware-post.clear-violation'],
};

/** What a decline or an unsure answer offers when retrieval has nothing better. */
export function exampleQuestions(lang: Lang): string[] {
  return [t(lang, 'answers.example.1'), t(lang, 'answers.example.2'), t(lang, 'answers.example.3')];
}

export interface Answerer {
  answer(question: string, opts?: { lang?: Lang }): AnswerResult;
  /** Lower-level access for the evaluation script. */
  retrieve(question: string, lang: Lang): Retrieval;
  readonly content: GuidanceContent;
}

export interface AnswererOptions {
  /** The learned kind classifier; defaults to content/kind-model.json, `null` for rules alone. */
  kindModel?: KindModel | null;
}

/**
 * Rules and model together. Urgent: the rules OR the model's p(urgent) above a threshold chosen on
 * out-of-fold predictions (a stricter one for general-advice framing). Out of scope: the rules, or
 * the model's p(out-of-scope) above its threshold (stricter when strong domain words are present);
 * a rules decline on a question with domain words is kept in scope when the model is very sure.
 */
export function combineKind(
  c: ReturnType<typeof classify>,
  folded: string,
  m: KindPrediction | undefined,
  th: KindModel['thresholds'] | undefined,
): { kind: ReturnType<typeof classify>['kind']; urgentTopic?: UrgentTopic } {
  if (!m || !th || c.kind === 'urgent' || c.kind === 'smalltalk')
    return { kind: c.kind, urgentTopic: c.urgentTopic };
  if (m.pUrgent >= (isGeneralQuestion(folded) ? th.urgentGeneral : th.urgent))
    return { kind: 'urgent', urgentTopic: m.topic };
  if (c.kind === 'in-scope' && !c.verdictRequested) {
    const strong = strongDomainGroups(folded) > 0;
    if (m.pOutOfScope >= outOfScopeThreshold(th, folded, strong)) return { kind: 'out-of-scope' };
  }
  if (c.kind === 'out-of-scope' && c.domainSignal && m.pInScope >= th.keepInScope)
    return { kind: 'in-scope' };
  return { kind: c.kind };
}

export function createAnswerer(
  content: GuidanceContent = loadContent(),
  opts: AnswererOptions = {},
): Answerer {
  const index = new GuidanceIndex(content);
  const model = opts.kindModel === undefined ? loadKindModel() : opts.kindModel;

  function result(lang: Lang, kind: AnswerKind, extra: Partial<AnswerResult> = {}): AnswerResult {
    return {
      kind,
      lang,
      passages: [],
      relatedQuestions: [],
      offerSawAPost: false,
      verdictRequested: false,
      contentVersion: content.contentVersion,
      ...extra,
    };
  }

  function answer(question: string, opts: { lang?: Lang } = {}): AnswerResult {
    const q = normaliseQuestion(question);
    const lang = detectLanguage(q.text, opts.lang).lang;
    if (q.empty) return result(lang, 'smalltalk', { smalltalkKind: 'help' });

    const rules = classify(q.folded);
    const decided = combineKind(rules, q.folded, model?.predict(q.folded), model?.thresholds);
    const c = { ...rules, ...decided };
    const flags = { offerSawAPost: c.describesPost, verdictRequested: c.verdictRequested };
    if (c.kind === 'urgent') {
      return result(lang, 'urgent', {
        ...flags,
        urgentTopic: c.urgentTopic!,
        passages: URGENT_PASSAGES[c.urgentTopic!].map((id) => quote(content, id, lang)),
      });
    }
    if (c.kind === 'smalltalk') return result(lang, 'smalltalk', { smalltalkKind: c.smalltalkKind! });
    if (c.kind === 'out-of-scope')
      return result(lang, 'out-of-scope', { relatedQuestions: exampleQuestions(lang) });

    const r = index.search(q.folded, lang);
    const cue = cuedPassage(q.folded);
    const cued = cue !== undefined && promote(r, cue);
    const stepsPreferred = c.describesPost && WHAT_TO_DO.test(q.folded) && preferSteps(r);
    if (c.verdictRequested) {
      // Never a verdict: the guidance's steps for posts one is unsure about, then the offices to involve.
      const ids = ['aware-post.steps', 'aware-post.involve-offices'];
      return result(lang, 'answer', {
        ...flags,
        passages: ids.map((id) => quote(content, id, lang)),
        relatedQuestions: relatedQuestions(content, r.hits, ids, lang),
      });
    }

    const top = r.hits[0];
    const neededCoverage = MIN_COVERAGE * Math.min(1, COVERAGE_TERMS / Math.max(1, r.queryTerms));
    const minScore = c.domainSignal ? MIN_SCORE : MIN_SCORE_NO_DOMAIN;
    const specific = r.queryWeight >= MIN_QUERY_WEIGHT || r.maxTermIdf >= MIN_TERM_IDF;
    const confident =
      top !== undefined &&
      ((stepsPreferred && top.passage.id === 'aware-post.steps') ||
        (cued && top.passage.id === cue) ||
        (c.domainSignal && top.score >= MIN_SCORE_DOMAIN && specific) ||
        (top.score >= minScore && r.coverage >= neededCoverage && specific) ||
        // no topic word, but the question speaks the guidance's language throughout
        (!c.domainSignal &&
          top.score >= MIN_SCORE_VOCAB &&
          r.knownTerms * 2 >= r.queryTerms &&
          r.queryTerms - r.knownTerms <= MAX_UNKNOWN_VOCAB + (MANAGER_CONTEXT.test(q.folded) ? 1 : 0)));
    if (!confident) {
      if (!c.domainSignal && (top === undefined || top.score < minScore)) {
        return result(lang, 'out-of-scope', { ...flags, relatedQuestions: exampleQuestions(lang) });
      }
      const closest = relatedQuestions(content, r.hits, [], lang);
      return result(lang, 'unsure', {
        ...flags,
        relatedQuestions: closest.length > 0 ? closest : exampleQuestions(lang),
      });
    }

    const ids: string[] = [];
    let chosen = top.passage.id;
    if (LIST_INTENT.test(q.folded)) {
      const list = rootList(content, chosen);
      const listHit = list && r.hits.find((h) => h.passage.id === list.id);
      if (list && listHit && listHit.score >= LIST_RATIO * top.score) chosen = list.id;
    }
    ids.push(chosen);
    const second = r.hits.find(
      (h) => !contains(content, chosen, h.passage.id) && !contains(content, h.passage.id, chosen),
    );
    if (
      second &&
      second.score >= SECOND_PASSAGE_RATIO * top.score &&
      content.byId.get(chosen)!.kind !== 'list'
    ) {
      ids.push(second.passage.id);
    }
    return result(lang, 'answer', {
      ...flags,
      passages: ids.map((id) => quote(content, id, lang)),
      relatedQuestions: relatedQuestions(content, r.hits, ids, lang),
    });
  }

  return {
    answer,
    retrieve: (question, lang) => index.search(normaliseQuestion(question).folded, lang),
    content,
  };
}
