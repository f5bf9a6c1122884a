import type { Lang } from '../../shared/i18n/lang';
import { exampleQuestionMessages } from './messages';
import { contains, quote, relatedQuestions, rootList, type QuotedPassage } from './compose';
import {
  ConceptMatcher,
  loadConceptFile,
  type ConceptHit,
  type QuestionSentence,
  type SmalltalkReply,
} from './concepts';
import { loadContent, type GuidanceContent } from './content';
import { DangerDetector, loadDangerFile, type DangerAssessment, type DangerTopic } from './danger';
import { loadDangerModel } from './dangerModel';
import { detectLanguage } from './detectLanguage';
import { Negation, Spelling } from './lexicon';
import { normaliseQuestion } from './normalise';
import { loadPassageModel, type PassageProbabilities } from './passageModel';
import { askedText, askingFlags, asksAnything } from './askingSentences';
import { loadScopeModel } from './scopeModel';
import { terms } from './analyse';
import { GuidanceIndex, type Hit, type Retrieval } from './retrieve';
import { WordMarks } from './wordGate';
import {
  COVERAGE_TERMS,
  LEXICAL_WEIGHT,
  LIST_RATIO,
  STORY_LEXICAL_WEIGHT,
  OFF_TOPIC_SCORE,
  OFF_TOPIC_SCORE_NO_TOPIC,
  MAX_UNKNOWN_VOCAB,
  MIN_COVERAGE,
  MIN_QUERY_WEIGHT,
  MIN_SCORE,
  MIN_SCORE_DOMAIN,
  MIN_SCORE_NO_DOMAIN,
  MIN_SCORE_VOCAB,
  MIN_TERM_IDF,
  PASSAGE_MODEL_WEIGHT,
  SECOND_PASSAGE_RATIO,
  SMALLTALK_MAX_OTHER_TERMS,
  SMALLTALK_MAX_STATEMENT_TERMS,
  STORY_CONCEPT_SHARE,
} from './thresholds';

export type { QuotedPassage } from './compose';
export type { GuidanceContent } from './content';

/**
 * The one answering pipeline, shared by the bot and the command line:
 * normalise → detect language → danger → kind (small talk, out of scope) → retrieve → compose.
 * Everything it knows about the guidance's subjects is data in content/ (concepts.json, danger.json,
 * lexicon.json, retrieval-hints.json); the numbers it decides with are in thresholds.ts.
 *
 * Language rule: the question's own words decide when they clearly lean to one language
 * (see detectLanguage.ts); otherwise `opts.lang` (the user's preference) decides; English last.
 */

export type AnswerKind = 'answer' | 'urgent' | 'out-of-scope' | 'unsure' | 'smalltalk';
/** What kind of danger the crisis card is about. */
export type UrgentTopic = DangerTopic;
export type SmalltalkKind = SmalltalkReply;

export interface AnswerResult {
  kind: AnswerKind;
  lang: Lang;
  passages: QuotedPassage[];
  urgentTopic?: UrgentTopic;
  /** At most three, in `lang`; each asks about another passage. */
  relatedQuestions: string[];
  /** The question describes a post the manager became aware of: the bot may offer its step-by-step flow. */
  offerSawAPost: boolean;
  /** The user asked for a verdict on a specific post or person; the answer gives steps instead. */
  verdictRequested: boolean;
  /** Two questions were asked and the answer quotes one passage for each. */
  twoParts: boolean;
  smalltalkKind?: SmalltalkKind;
  /** Version of the content the answer quotes, for feedback and audit records. */
  contentVersion: string;
}

/** Why the pipeline answered as it did, for `npm run explain` and content owners. */
export interface AnswerTrace {
  readonly lang: Lang;
  readonly languageFromText: boolean;
  readonly folded: string;
  readonly danger: DangerAssessment;
  readonly concepts: readonly ConceptHit[];
  /** The trained off-topic score (scopeModel.ts), when the question reached that check. */
  readonly offTopicScore?: number;
  readonly decision: string;
  /** Passages by final score: lexical (BM25F), normalised, and what concepts added. */
  readonly candidates: readonly {
    id: string;
    bm25: number;
    normalised: number;
    concepts: number;
    /** What the learned passage score added (passageModel.ts). */
    learned: number;
    final: number;
  }[];
  readonly retrieval?: Pick<
    Retrieval,
    'coverage' | 'queryWeight' | 'maxTermIdf' | 'knownTerms' | 'queryTerms'
  >;
}

/** What a decline or an unsure answer offers when retrieval has nothing better. */
export function exampleQuestions(lang: Lang): string[] {
  const examples = exampleQuestionMessages[lang];
  return [examples['answers.example.1'], examples['answers.example.2'], examples['answers.example.3']];
}

export interface Answerer {
  answer(question: string, opts?: { lang?: Lang }): AnswerResult;
  /** The same answer with the evidence behind it. */
  explain(question: string, opts?: { lang?: Lang }): { result: AnswerResult; trace: AnswerTrace };
  /** Lower-level access for the evaluation script. */
  retrieve(question: string, lang: Lang): Retrieval;
  readonly content: GuidanceContent;
}

/** A question asked in addition to another ("I also wonder…", « je me demande aussi… »). */
const ALSO = /\b(also|as well|aussi|egalement|en plus)\b/;

const SMALLTALK_PRIORITY: readonly SmalltalkReply[] = ['help', 'thanks', 'greeting'];
/** Sentence openings and joints that start a second question inside one sentence. */
const SECOND_QUESTION =
  / (and|also|plus|et|puis|aussi) (what|how|should|can|could|do|does|is|are|who|where|when|which|must|would|est ce|est ce que|que|quoi|comment|qui|dois|devrais|faut|peut|puis|quel|quelle|quels|quelles|ou) /;

interface Scored {
  readonly hit: Hit;
  readonly normalised: number;
  readonly concepts: number;
  readonly learned: number;
  readonly final: number;
}

export function createAnswerer(content: GuidanceContent = loadContent()): Answerer {
  const index = new GuidanceIndex(content);
  // The danger detector and the concepts look up the same sentences: one word index for both, so each
  // sentence's words are looked up once.
  const words = new WordMarks();
  const negation = new Negation();
  const danger = new DangerDetector(loadDangerFile(), negation, loadDangerModel(), words);
  const spelling = new Spelling();
  const conceptFile = loadConceptFile(new Set(content.byId.keys()));
  const concepts = new ConceptMatcher(conceptFile, negation, words);
  const passageModel = loadPassageModel();
  const scopeModel = loadScopeModel();
  const scenarios = conceptFile.scenarios;
  // Each concept's and boost's passage weights as entries, once rather than at every `score` (per answer).
  const conceptWeights = new Map(conceptFile.concepts.map((c) => [c, Object.entries(c.passages ?? {})]));
  const boosts = Object.entries(conceptFile.boosts).map(([key, weights]) => ({
    needs: key.split('+'),
    weights: Object.entries(weights),
  }));

  function result(lang: Lang, kind: AnswerKind, extra: Partial<AnswerResult> = {}): AnswerResult {
    return {
      kind,
      lang,
      passages: [],
      relatedQuestions: [],
      offerSawAPost: false,
      verdictRequested: false,
      twoParts: false,
      contentVersion: content.contentVersion,
      ...extra,
    };
  }

  /** Normalised retrieval scores plus what the question's concepts add, best first. */
  function score(
    r: Retrieval,
    hits: readonly ConceptHit[],
    present: ReadonlySet<string>,
    lexicalWeight = LEXICAL_WEIGHT,
    probabilities?: PassageProbabilities,
  ): Scored[] {
    const top = r.hits[0]?.score ?? 0;
    const added = new Map<string, number>();
    const add = (id: string, w: number) => added.set(id, (added.get(id) ?? 0) + w);
    // When the question sentence names no topic of its own ("what do I do?"), the story carries the topic.
    const questionHasTopic = hits.some((h) => h.inQuestion);
    for (const h of hits) {
      const share = h.inQuestion || !questionHasTopic || h.concept.story === 'full' ? 1 : STORY_CONCEPT_SHARE;
      for (const [id, w] of conceptWeights.get(h.concept) ?? []) add(id, w * share);
    }
    for (const b of boosts)
      if (b.needs.every((id) => present.has(id))) for (const [id, w] of b.weights) add(id, w);
    const scored = (hit: Hit): Scored => {
      const normalised = top > 0 ? hit.score / top : 0;
      const c = added.get(hit.passage.id) ?? 0;
      const learned = PASSAGE_MODEL_WEIGHT * (probabilities?.get(hit.passage.id) ?? 0);
      return { hit, normalised, concepts: c, learned, final: lexicalWeight * normalised + c + learned };
    };
    const ranked = r.hits.map(scored);
    // A concept may point to a passage retrieval did not find at all: it still competes, on concepts alone.
    for (const id of added.keys())
      if (!r.hits.some((h) => h.passage.id === id))
        ranked.push(scored({ passage: content.byId.get(id)!, score: 0, matched: 0 }));
    return ranked.sort((a, b) => b.final - a.final || a.hit.passage.order - b.hit.passage.order);
  }

  /** The best passage for one part of a two-part question, when that part has a clear answer of its own. */
  function bestForPart(part: string, present: ReadonlySet<string>, lang: Lang = 'en'): Scored | undefined {
    const partTopics = concepts
      .find([{ folded: part, asks: true }])
      .filter((h) => h.concept.role === 'topic');
    const retrieval = index.search(part, lang);
    const best = score(retrieval, partTopics, present)[0];
    const clear =
      best !== undefined && (best.concepts > 0 || (retrieval.hits[0]?.score ?? 0) >= MIN_SCORE_DOMAIN);
    return clear ? best : undefined;
  }

  /**
   * The text with every match of the concepts' expressions blanked, each expression matched on the whole text:
   * overlapping expressions ("merci", "merci bien gros") all count, whichever comes first.
   */
  function withoutMatches(text: string, hits: readonly ConceptHit[]): string {
    const blank = new Uint8Array(text.length);
    for (const h of hits)
      for (const e of h.expressions)
        for (const m of text.matchAll(concepts.regex(e))) blank.fill(1, m.index, m.index + m[0].length);
    let out = '';
    for (let i = 0; i < text.length; i++) out += blank[i] ? ' ' : text[i];
    return out;
  }

  /**
   * Whether a social media word is left once the phrases of the other subjects found are blanked out. The hits
   * carry their expressions only when found traced; otherwise they are found again with them (rare: a question
   * with another subject and a social media word).
   */
  function socialMediaBesides(
    sentences: readonly QuestionSentence[],
    tracedOthers: readonly ConceptHit[] | undefined,
  ): boolean {
    const others = tracedOthers ?? concepts.find(sentences, true).filter((h) => h.concept.role === 'other');
    const blanked = sentences.map((s) => ({ ...s, folded: withoutMatches(s.folded, others) }));
    return concepts.find(blanked).some((h) => h.concept.id === 'domain.socialMedia');
  }

  /**
   * The answer, and with `traced` the evidence behind it. `answer` (once per chat message) passes false: the
   * trace, the candidates and the matched expressions of every concept are then not built.
   */
  function respond(
    question: string,
    opts: { lang?: Lang },
    traced: boolean,
  ): { result: AnswerResult; trace: AnswerTrace | undefined } {
    const raw = normaliseQuestion(question);
    const language = detectLanguage(raw.text, opts.lang);
    const lang = language.lang;
    const folded = spelling.apply(raw.folded, lang);
    const sentences = raw.sentences.map((s) => spelling.apply(s, lang));
    const assessment = danger.assess({
      sentences,
      laughing: raw.laughing,
      withoutReportedSpeech: spelling.apply(raw.withoutReportedSpeech, lang),
    });
    // The sentences that ask (askingSentences.ts).
    const asking = askingFlags(sentences, raw.questionMarks);
    const questionSentences = sentences.map((s, i) => ({ folded: s, asks: asking[i]! }));
    const found = concepts.find(questionSentences, traced);
    const present = new Set(found.map((h) => h.concept.id));
    // Set once the question reaches the off-topic check; the trace of an earlier decision has none.
    let offTopicScore: number | undefined = undefined;
    const trace = (
      decision: string,
      retrieval?: () => Pick<AnswerTrace, 'candidates' | 'retrieval'>,
    ): AnswerTrace | undefined =>
      traced
        ? {
            lang,
            languageFromText: language.fromText,
            folded,
            danger: assessment,
            concepts: found,
            ...(offTopicScore !== undefined ? { offTopicScore } : {}),
            decision,
            candidates: [],
            ...retrieval?.(),
          }
        : undefined;
    const flags = {
      offerSawAPost: present.has('frame.describesPost'),
      verdictRequested: present.has('frame.verdict'),
    };

    if (raw.empty)
      return { result: result(lang, 'smalltalk', { smalltalkKind: 'help' }), trace: trace('empty') };

    if (assessment.topic) {
      const ids = conceptFile.urgentPassages[assessment.topic] ?? [];
      return {
        result: result(lang, 'urgent', {
          ...flags,
          urgentTopic: assessment.topic,
          passages: ids.map((id) => quote(content, id, lang)),
        }),
        trace: trace(`urgent: danger rule ${assessment.rule} (${assessment.topic})`),
      };
    }

    let smalltalk = found.filter((h) => h.concept.role === 'smalltalk');
    if (smalltalk.length > 0) {
      // Small talk only when that is all there is: "thanks, and what about disclaimers?" is a question.
      // Which expressions matched (found untraced, they were not listed: small talk is the rare case).
      if (!traced)
        smalltalk = concepts.find(questionSentences, true).filter((h) => h.concept.role === 'smalltalk');
      // A pleasantry that asks nothing and names no subject may run longer ("Bonsoir, désolée de vous écrire si
      // tard"): said, not asked.
      const statementOnly =
        !asksAnything(sentences, raw.questionMarks) && found.every((h) => h.concept.role === 'smalltalk');
      const maxOther = statementOnly ? SMALLTALK_MAX_STATEMENT_TERMS : SMALLTALK_MAX_OTHER_TERMS;
      if (terms(withoutMatches(folded, smalltalk), lang).length <= maxOther) {
        const replies = new Set(smalltalk.map((h) => h.concept.reply!));
        const kind = SMALLTALK_PRIORITY.find((r) => replies.has(r))!;
        return {
          result: result(lang, 'smalltalk', { smalltalkKind: kind }),
          trace: trace(`smalltalk: ${kind}`),
        };
      }
    }

    const topics = found.filter((h) => h.concept.role === 'topic');
    const others = found.filter((h) => h.concept.role === 'other');
    // The guidance is about personal social media: a question that never touches it is in scope only when
    // its topics and its words are the guidance's own (see `confident` below). A social media word inside
    // another subject's own phrase ("the shared drive", "the department's official account") is that subject.
    const socialMedia =
      present.has('domain.socialMedia') &&
      (others.length === 0 || socialMediaBesides(questionSentences, traced ? others : undefined));
    // In the guidance's domain: a social media word, or a subject only this guidance covers.
    const domain = socialMedia || topics.some((h) => h.concept.domain === true);
    // A subject the guidance does not cover declines the question, unless it is only part of the story of an
    // employee's post ("her husband is running for council; she shares his posts…").
    const storyOfAPost = present.has('frame.describesPost');
    // …nor when the question itself asks about one of the guidance's topics: "…it turned up in a Discord server.
    // Is she right that deleting it ends the risk?" told with a senior official's appearance in the story.
    const guidanceTopicAsked = topics.some((h) => h.inQuestion && !h.concept.nearOtherSubjects);
    const strongOther = others.find(
      (h) =>
        h.concept.strength === 'strong' &&
        (h.inQuestion || !domain || (!storyOfAPost && !(socialMedia && guidanceTopicAsked))),
    );
    // A story about a post that ends by asking about something else ("…posted 'goodbye Ottawa'. Can she telework
    // from Moncton?"): the post is in the story, the question is about the other subject alone.
    // "…her overtime still hasn't been paid. How do I get that fixed?": the question points back at the story's
    // other subject, so that subject is what is asked.
    const askedOther =
      others.find((h) => h.inQuestion) ?? (present.has('frame.fixIt') ? others[0] : undefined);
    const guidanceInQuestion =
      found.some((h) => h.concept.id === 'domain.socialMedia' && h.inQuestion) ||
      topics.some((h) => h.inQuestion);
    // "…I also wonder how to plan the holidays": asked besides the post, not instead of it.
    const asksBesides = sentences.some((sentence, i) => asking[i] && ALSO.test(sentence));
    const otherAskedAlone = askedOther !== undefined && !guidanceInQuestion && !asksBesides;
    // Asked about another subject with no word of social media and no post anywhere in the message: the
    // guidance's topics it seems to touch are that subject's own words ("language training", "the symptoms
    // of burnout", "a room for my team meeting"), not the guidance's.
    const otherWithoutSocialMedia = askedOther !== undefined && !socialMedia && !storyOfAPost;
    if (strongOther || otherAskedAlone || otherWithoutSocialMedia || (others.length > 0 && !domain)) {
      const why = (strongOther ?? askedOther ?? others[0]!).concept.id;
      return {
        result: result(lang, 'out-of-scope', { relatedQuestions: exampleQuestions(lang) }),
        trace: trace(`out of scope: ${why}`),
      };
    }

    // What the rules would answer, the trained off-topic score may still decline: near misses come in more
    // wordings than the 'other' concepts can list (see OFF_TOPIC_SCORE).
    offTopicScore = scopeModel?.score(folded);
    // A question with no social media word and no topic of the guidance is declined from a lower score.
    // A topic told only in the story ("she lost her brother…") does not make a question about something else
    // the guidance's: only one asked about, or one only this guidance covers, raises the threshold.
    const topicAsked = topics.some((h) => h.inQuestion || h.concept.domain === true);
    const offTopicFrom = domain || topicAsked ? OFF_TOPIC_SCORE : OFF_TOPIC_SCORE_NO_TOPIC;
    if (offTopicScore !== undefined && offTopicScore >= offTopicFrom) {
      return {
        result: result(lang, 'out-of-scope', { relatedQuestions: exampleQuestions(lang) }),
        trace: trace(`out of scope: trained off-topic score ${offTopicScore.toFixed(2)}`),
      };
    }

    const r = index.search(folded, lang);
    // A story about a post ending in a question that names no topic ("what should I do?"): the story's
    // words match passages by accident (names, places, the system they complained about), so they count less.
    const questionHasTopic = topics.some((h) => h.inQuestion);
    const genericAboutAPost =
      present.has('frame.describesPost') && present.has('frame.whatToDo') && !questionHasTopic;
    const ranked = score(
      r,
      topics,
      present,
      genericAboutAPost ? STORY_LEXICAL_WEIGHT : LEXICAL_WEIGHT,
      passageModel?.score(folded, askedText(sentences, asking)),
    );
    const retrievalTrace = () => ({
      candidates: ranked.slice(0, 8).map((s) => ({
        id: s.hit.passage.id,
        bm25: s.hit.score,
        normalised: s.normalised,
        concepts: s.concepts,
        learned: s.learned,
        final: s.final,
      })),
      retrieval: {
        coverage: r.coverage,
        queryWeight: r.queryWeight,
        maxTermIdf: r.maxTermIdf,
        knownTerms: r.knownTerms,
        queryTerms: r.queryTerms,
      },
    });
    // A scenario's frame told only in the story ("I can't tell whether it crosses a line. Which offices should I
    // loop in?") does not override a question that asks about a topic of its own.
    const askedInQuestion = new Set(found.filter((h) => h.inQuestion).map((h) => h.concept.id));
    const scenario = scenarios.find(
      (s) =>
        s.when.every((id) => present.has(id)) &&
        (!s.whenAny || s.whenAny.some((id) => present.has(id))) &&
        (!questionHasTopic || s.when.some((id) => askedInQuestion.has(id))),
    );

    const top = r.hits[0];
    const neededCoverage = MIN_COVERAGE * Math.min(1, COVERAGE_TERMS / Math.max(1, r.queryTerms));
    const minScore = domain ? MIN_SCORE : MIN_SCORE_NO_DOMAIN;
    const specific = r.queryWeight >= MIN_QUERY_WEIGHT || r.maxTermIdf >= MIN_TERM_IDF;
    const confident =
      scenario !== undefined ||
      (domain && questionHasTopic) ||
      // "my employee posted crap on fb, what do I do?": a post told and what to do asked is the guidance's own
      // scenario (what to do when a post comes to a manager's attention), however few of its words the story uses
      (domain && present.has('frame.describesPost') && present.has('frame.whatToDo')) ||
      (top !== undefined &&
        ((domain && top.score >= MIN_SCORE_DOMAIN && specific) ||
          (top.score >= minScore && r.coverage >= neededCoverage && specific) ||
          // no topic word, but the question speaks the guidance's language throughout
          (!domain &&
            top.score >= MIN_SCORE_VOCAB &&
            r.knownTerms * 2 >= r.queryTerms &&
            r.queryTerms - r.knownTerms <= MAX_UNKNOWN_VOCAB)));
    if (!confident || ranked.length === 0) {
      if (!domain && (top === undefined || top.score < minScore)) {
        return {
          result: result(lang, 'out-of-scope', { ...flags, relatedQuestions: exampleQuestions(lang) }),
          trace: trace('out of scope: no domain word and no clear match', retrievalTrace),
        };
      }
      const closest = relatedQuestions(content, r.hits, [], lang);
      return {
        result: result(lang, 'unsure', {
          ...flags,
          relatedQuestions: closest.length > 0 ? closest : exampleQuestions(lang),
        }),
        trace: trace('unsure: no confident match', retrievalTrace),
      };
    }

    const parts = questionParts(sentences, asking);
    const partBests = parts.length >= 2 ? parts.map((part) => bestForPart(part, present, lang)) : [];
    // Two questions: each gets its own passage when each part has one.
    const twoParts =
      !scenario &&
      partBests.length >= 2 &&
      partBests.every((b) => b !== undefined) &&
      partBests[0]!.hit.passage.id !== partBests[1]!.hit.passage.id;
    // The one the whole message leans to most comes first: a vague part ("how do I approach this?") would
    // otherwise lead with a generic passage.
    const overall = (id: string) => ranked.find((s) => s.hit.passage.id === id)?.final ?? 0;
    const partIds = twoParts
      ? partBests
          .slice(0, 2)
          .map((b) => b!.hit.passage.id)
          .sort((a, b) => overall(b) - overall(a))
      : [];
    let chosen = scenario?.first ?? (twoParts ? partIds[0]! : ranked[0]!.hit.passage.id);
    const chosenScore = ranked.find((s) => s.hit.passage.id === chosen)?.final ?? ranked[0]!.final;
    // A list question that names one item's subject ("what do I tell my team about privacy settings?") keeps
    // that item: the concept found in the question sentence points at it.
    const namedItem = topics.some((h) => h.inQuestion && h.concept.passages?.[chosen] !== undefined);
    if (!scenario && !twoParts && !namedItem && present.has('frame.list')) {
      const list = rootList(content, chosen);
      const listScore = list && ranked.find((s) => s.hit.passage.id === list.id);
      if (list && listScore && listScore.final >= LIST_RATIO * chosenScore) chosen = list.id;
    }
    const ids = [chosen];
    const unrelated = (id: string) => !contains(content, chosen, id) && !contains(content, id, chosen);
    const secondPart = twoParts ? partIds[1] : undefined;
    if (secondPart && unrelated(secondPart)) ids.push(secondPart);
    else if (scenario?.then === 'best' || content.byId.get(chosen)!.kind !== 'list') {
      const second = ranked.find((s) => unrelated(s.hit.passage.id));
      if (second && (scenario?.then === 'best' || second.final >= SECOND_PASSAGE_RATIO * chosenScore))
        ids.push(second.hit.passage.id);
      else if (scenario?.fallback && unrelated(scenario.fallback)) ids.push(scenario.fallback);
    }
    const decision = scenario ? `scenario ${scenario.id}` : twoParts ? 'two questions' : 'best passage';
    return {
      result: result(lang, 'answer', {
        ...flags,
        twoParts,
        passages: ids.map((id) => quote(content, id, lang)),
        relatedQuestions: relatedQuestions(
          content,
          ranked.map((s) => s.hit),
          ids,
          lang,
        ),
      }),
      trace: trace(decision, retrievalTrace),
    };
  }

  return {
    answer: (question, opts = {}) => respond(question, opts, false).result,
    explain: (question, opts = {}) => {
      const { result, trace } = respond(question, opts, true);
      return { result, trace: trace! };
    },
    retrieve: (question, lang) =>
      index.search(spelling.apply(normaliseQuestion(question).folded, lang), lang),
    content,
  };
}

/**
 * The separate questions of a message: its asking sentences, or the two halves of one asking sentence
 * joined by "and what…", "et est-ce que…". One part (or none) means a single question.
 */
function questionParts(sentences: readonly string[], asking: readonly boolean[]): string[] {
  const asked = sentences.filter((_, i) => asking[i]);
  if (asked.length >= 2) return asked.slice(-2);
  const last = asked[0] ?? '';
  const m = SECOND_QUESTION.exec(` ${last} `);
  if (!m || m.index < 3) return [last];
  const cut = m.index;
  return [last.slice(0, cut).trim(), last.slice(cut).trim()].filter((p) => p.split(' ').length >= 3);
}
