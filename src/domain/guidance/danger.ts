import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../shared/projectRoot';
import { expressionSource, type ExpressionMatch } from './patterns';
import { GatedExpressions, WordMarks, type Alternation } from './wordGate';
import { loadDangerModel, type DangerModel } from './dangerModel';
import { Negation } from './lexicon';
import { LONG_MESSAGE_WORDS } from './thresholds';

/**
 * Whether a message describes someone in danger now, and which kind of danger: the one decision that shows
 * the crisis card instead of an answer. Everything it knows is in content/danger.json (signals, figures of
 * speech, negations, jokes, rules); this module only applies it, so a content owner who adds an expression
 * sees its effect with `npm run explain`.
 *
 * The card must be right both ways: shown to a manager who asked an ordinary question it alarms them and
 * teaches them to ignore it; missed, it is worse. So signals are explicit (a threat aimed at a person, a
 * weapon brought to a place, a home exposed with hostile intent, the warning signs of suicide), a figure of
 * speech or the topic of a post is taken out before anything is looked for ("killing morale", "a post
 * about a shooting"), a negation just before a signal cancels it ("nothing threatening"), and a joke or a
 * general "what if an employee…" question cancels the rules that say so.
 */

/**
 * What the crisis card is about. 'safety': someone may be in danger, but the words do not say how (the trained
 * score is very sure while no signal group names self-harm, violence or harassment); the card covers all three.
 */
export type DangerTopic = 'self-harm' | 'violence' | 'harassment' | 'safety';
export const DANGER_TOPICS: readonly DangerTopic[] = ['self-harm', 'violence', 'harassment', 'safety'];

const wordCount = (text: string): number => text.split(' ').filter(Boolean).length;

const RuleSchema = z
  .object({
    /** The danger named; 'signals': the topic of the strongest signal group found (see signalTopics). */
    topic: z.enum([...(DANGER_TOPICS as [DangerTopic, ...DangerTopic[]]), 'signals']),
    scope: z.enum(['message', 'sentence']),
    /** Every one of these groups has a signal. */
    all: z.array(z.string()).default([]),
    /** At least one of these groups has a signal. */
    any: z.array(z.string()).optional(),
    /** The trained score (dangerModel.ts) is at least this: never alone, always with `all` or `any`. */
    model: z.number().min(0.5).max(1).optional(),
    /**
     * With `model`: the score needed instead in a message of more than LONG_MESSAGE_WORDS words. The score adds up
     * every word's weight, so a long story about people and posts drifts up with no danger in it.
     */
    modelWhenLong: z.number().min(0.5).max(1).optional(),
    /** With `scope: 'sentence'`: every group's signal within this many words of the first group's. */
    near: z.number().int().positive().optional(),
    /** With `near`: the other groups' signals come after (English objects) or before (French clitics) it. */
    order: z.enum(['after', 'before']).optional(),
    /** At least this many different expressions among the groups' signals. */
    distinct: z.number().int().min(2).optional(),
    /** false: a joke marker in the message cancels the rule. */
    jokes: z.boolean().optional(),
    /** false: a general, hypothetical question cancels the rule. */
    general: z.boolean().optional(),
    /** Signal groups that, found anywhere in the message, cancel the rule (an ordinary reason: "she's retiring"). */
    unless: z.array(z.string()).optional(),
  })
  .strict();

const DangerFileSchema = z
  .object({
    $comment: z.array(z.string()).optional(),
    neutral: z.array(z.string()),
    jokes: z.array(z.string()),
    hypothetical: z.array(z.string()),
    signals: z.record(z.array(z.string()).min(1)),
    /** For rules whose topic is 'signals': each signal group's topic, strongest first. */
    signalTopics: z.array(z.tuple([z.string(), z.enum(DANGER_TOPICS as [DangerTopic, ...DangerTopic[]])])),
    rules: z.array(RuleSchema).min(1),
  })
  .strict();

export type DangerFile = z.infer<typeof DangerFileSchema>;
type Rule = z.infer<typeof RuleSchema>;

export const DANGER_FILE = path.join(PROJECT_ROOT, 'content', 'danger.json');

/** Parses and checks content/danger.json: every expression compiles, every rule names known groups. */
export function parseDangerFile(raw: unknown): DangerFile {
  const file = DangerFileSchema.parse(raw);
  const lists = [file.neutral, file.jokes, file.hypothetical, ...Object.values(file.signals)];
  for (const list of lists) for (const e of list) expressionSource(e);
  for (const rule of file.rules) {
    for (const group of [...rule.all, ...(rule.any ?? []), ...(rule.unless ?? [])])
      if (!file.signals[group])
        throw new Error(`danger.json: a rule names the unknown signal group "${group}"`);
    if (rule.all.length === 0 && !rule.any?.length)
      throw new Error(
        'danger.json: a rule needs signal groups in "all" or "any" (a model never decides alone)',
      );
  }
  for (const [group] of file.signalTopics)
    if (!file.signals[group]) throw new Error(`danger.json: signalTopics names the unknown group "${group}"`);
  return file;
}

export interface SignalMatch extends ExpressionMatch {
  readonly group: string;
  /** Index of the sentence it is in, and the positions of its first and last words there. */
  readonly sentence: number;
  readonly word: number;
  readonly lastWord: number;
  readonly negated: boolean;
}

export interface DangerAssessment {
  readonly topic?: DangerTopic;
  /** The trained score, when a model rule was considered. */
  readonly score?: number;
  /** The rule that held (its index in danger.json), for `npm run explain`. */
  readonly rule?: number;
  readonly signals: readonly SignalMatch[];
  readonly joking: boolean;
  readonly general: boolean;
}

/** A message to assess: folded sentences (see normalise.ts) and whether the raw text had a laughing emoji. */
export interface DangerInput {
  readonly sentences: readonly string[];
  readonly laughing: boolean;
  /** The message without its quotations (NormalisedQuestion.withoutReportedSpeech), where a hypothetical is looked for. */
  readonly withoutReportedSpeech?: string;
}

const wordIndexAt = (text: string, offset: number): number =>
  offset === 0 ? 0 : text.slice(0, offset).trim().split(' ').filter(Boolean).length;

export class DangerDetector {
  private readonly neutral: GatedExpressions;
  private readonly jokes: GatedExpressions;
  private readonly hypothetical: GatedExpressions;
  /** Every group's expressions, group after group, each run alone when the sentence has its first words. */
  private readonly signalExpressions: GatedExpressions;
  /** For each expression of `signalExpressions`, the name of its group. */
  private readonly signalGroup: readonly string[];
  private readonly rules: readonly Rule[];
  private readonly signalTopics: DangerFile['signalTopics'];

  constructor(
    file: DangerFile = loadDangerFile(),
    private readonly negation: Negation = new Negation(),
    private readonly model: DangerModel | undefined = loadDangerModel(),
    /** The words of all four lists below (and maybe of others): a sentence is looked up once for all. */
    private readonly marks: WordMarks = new WordMarks(),
  ) {
    this.signalTopics = file.signalTopics;
    this.neutral = new GatedExpressions(file.neutral, this.marks);
    this.jokes = new GatedExpressions(file.jokes, this.marks);
    this.hypothetical = new GatedExpressions(file.hypothetical, this.marks);
    const groups = Object.entries(file.signals);
    this.signalExpressions = new GatedExpressions(
      groups.flatMap(([, expressions]) => expressions),
      this.marks,
    );
    this.signalGroup = groups.flatMap(([name, expressions]) => expressions.map(() => name));
    this.rules = file.rules;
  }

  /**
   * The message as the trained score reads it, in assessing and in training (scripts/train-danger.ts): the
   * sentences as the rules read them (`neutralise`), joined.
   */
  textForScore(sentences: readonly string[]): string {
    return this.neutralise(sentences).sentences.join(' ');
  }

  /**
   * Figures of speech and the topics of posts become a neutral word: positions of the rest stay comparable.
   * Each sentence's words are looked up once (`marks`) for the four lists.
   */
  private neutralise(input: readonly string[]): {
    sentences: string[];
    marks: (readonly number[])[];
  } {
    const marks: (readonly number[])[] = [];
    const sentences = input.map((s) => {
      const before = this.marks.lookUpText(s);
      const neutral = this.neutral.replace(s, this.neutral.openMarks(before), 'x');
      marks.push(neutral === s ? before : this.marks.lookUpText(neutral));
      return neutral;
    });
    return { sentences, marks };
  }

  assess(input: DangerInput): DangerAssessment {
    const { sentences, marks } = this.neutralise(input.sentences);
    const whole = sentences.join(' ');
    // A joke marker counts unless negated ("not one to joke"): same window as for signals.
    const joking =
      input.laughing ||
      sentences.some((s, i) => this.affirmed(this.jokes.alternation(s, this.jokes.openMarks(marks[i]!)), s));
    // "What if an employee…" is the manager's hypothetical only in their own words: « si quelqu'un veut ma chaise »
    // quoted from a post is what the person wrote.
    const general = this.hypothetical.test(
      input.withoutReportedSpeech ?? whole,
      this.hypothetical.openMarks(marks.flat()),
    );
    const signals = this.signals(sentences, marks);
    const liveGroups = new Set<string>();
    for (const s of signals) if (!s.negated) liveGroups.add(s.group);
    let score: number | undefined;
    for (let index = 0; index < this.rules.length; index++) {
      const rule = this.rules[index]!;
      if (rule.jokes === false && joking) continue;
      if (rule.general === false && general) continue;
      if (!mayHold(rule, liveGroups) || !this.holds(rule, signals)) continue;
      if (rule.model !== undefined) {
        if (!this.model) continue;
        // The message as the rules read it (`textForScore`): "this file will kill me" is a neutral word.
        score ??= this.model.score(whole);
        const needed =
          rule.modelWhenLong !== undefined && wordCount(whole) > LONG_MESSAGE_WORDS
            ? rule.modelWhenLong
            : rule.model;
        if (score < needed) continue;
      }
      const topic = rule.topic === 'signals' ? this.topicOf(rule, signals) : rule.topic;
      if (topic)
        return { topic, rule: index, signals, joking, general, ...(score !== undefined ? { score } : {}) };
    }
    return { signals, joking, general, ...(score !== undefined ? { score } : {}) };
  }

  /** True when `matches` (an alternation's walk over `sentence`) has a match not just after a negation word. */
  private affirmed(matches: Alternation, sentence: string): boolean {
    const words = sentence.split(' ');
    for (let m = matches.exec(); m; m = matches.exec()) {
      const word = wordIndexAt(sentence, m.index);
      if (!this.negation.negates(words, word)) return true;
      if (m[0].length === 0) matches.lastIndex += 1;
    }
    return false;
  }

  /** `marks`: each sentence's words looked up in `this.marks`. */
  private signals(sentences: readonly string[], marks: readonly (readonly number[])[]): SignalMatch[] {
    const out: SignalMatch[] = [];
    sentences.forEach((sentence, index) => {
      // Which expressions the sentence may have at all (see wordGate.ts), in the order of the groups and
      // their expressions: the others are not run.
      const open = this.signalExpressions.openMarks(marks[index]!);
      if (open.length === 0) return;
      const sentenceWords = sentence.split(' ');
      for (const e of open) {
        const re = this.signalExpressions.regexes[e]!;
        re.lastIndex = 0;
        for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
          const word = wordIndexAt(sentence, m.index);
          out.push({
            group: this.signalGroup[e]!,
            expression: this.signalExpressions.expressions[e]!,
            start: m.index,
            end: m.index + m[0].length,
            sentence: index,
            word,
            lastWord: word + m[0].trim().split(' ').length - 1,
            negated: this.negation.negates(sentenceWords, word),
          });
          if (m[0].length === 0) re.lastIndex += 1;
        }
      }
    });
    return out;
  }

  /** The topic of the strongest live signal group among the rule's. */
  private topicOf(rule: Rule, signals: readonly SignalMatch[]): DangerTopic | undefined {
    const groups = new Set([...rule.all, ...(rule.any ?? [])]);
    const live = new Set(signals.filter((s) => !s.negated && groups.has(s.group)).map((s) => s.group));
    return this.signalTopics.find(([group]) => live.has(group))?.[1];
  }

  private holds(rule: Rule, signals: readonly SignalMatch[]): boolean {
    if (rule.unless?.some((g) => signals.some((s) => !s.negated && s.group === g))) return false;
    if (rule.any && !rule.any.some((g) => signals.some((s) => !s.negated && s.group === g))) return false;
    const live = signals.filter((s) => !s.negated && rule.all.includes(s.group));
    const byGroup = rule.all.map((g) => live.filter((s) => s.group === g));
    if (byGroup.some((list) => list.length === 0)) return false;
    if (rule.all.length === 0) return true;
    // Distinct places in the text, not distinct expressions: two expressions on the same words count once,
    // and so do two that overlap ("posted a farewell message" and "farewell message").
    if (rule.distinct !== undefined && distinctPlaces(live) < rule.distinct) return false;
    if (rule.scope === 'message') return true;
    // sentence scope: one signal of each group in the same sentence (and near the first group's, if asked)
    return byGroup[0]!.some((anchor) =>
      byGroup
        .slice(1)
        .every((list) => list.some((s) => s.sentence === anchor.sentence && withinReach(rule, anchor, s))),
    );
  }
}

/**
 * What `holds` first checks, from the groups that have a live (not negated) signal alone: no "unless" group,
 * one "any" group and every "all" group. Most messages have no signal at all, and then no rule is looked at
 * further (`holds` builds lists per rule: a tenth of the answer's garbage was there).
 */
function mayHold(rule: Rule, liveGroups: ReadonlySet<string>): boolean {
  if (rule.unless?.some((g) => liveGroups.has(g))) return false;
  if (rule.any && !rule.any.some((g) => liveGroups.has(g))) return false;
  return rule.all.every((g) => liveGroups.has(g));
}

/** Whether `s` sits where `rule` wants it relative to `anchor`: after it, before it, or either, within `near` words. */
function withinReach(rule: Rule, anchor: SignalMatch, s: SignalMatch): boolean {
  const after = s.word - anchor.lastWord;
  const before = anchor.word - s.lastWord;
  if (rule.order === 'after') return after > 0 && (rule.near === undefined || after <= rule.near);
  if (rule.order === 'before') return before > 0 && (rule.near === undefined || before <= rule.near);
  return rule.near === undefined || Math.max(after, before) <= rule.near;
}

export function loadDangerFile(file = DANGER_FILE): DangerFile {
  return parseDangerFile(JSON.parse(readFileSync(file, 'utf8')));
}

/** How many separate stretches of text the signals cover: overlapping or repeated matches count once. */
function distinctPlaces(signals: readonly SignalMatch[]): number {
  const sorted = [...signals].sort((a, b) => a.sentence - b.sentence || a.word - b.word);
  let places = 0;
  let sentence = -1;
  let end = -1;
  for (const s of sorted) {
    if (s.sentence !== sentence || s.word > end) {
      places += 1;
      sentence = s.sentence;
      end = s.lastWord;
    } else end = Math.max(end, s.lastWord);
  }
  return places;
}
