import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../shared/projectRoot';
import { Negation } from './lexicon';
import { compileExpressions, expressionSource } from './patterns';
import { GatedExpressions, WordMarks } from './wordGate';

/**
 * What a question is about, from content/concepts.json: topics that point to passages, frames (how the
 * question is asked: a verdict, what to do, a story about a post), subjects the guidance does not cover,
 * and small talk, with the scenarios that pick a passage from frames. This module reads the file, checks it
 * and finds the concepts in a question; what they do to an answer is decided in answerer.ts.
 */

export type SmalltalkReply = 'greeting' | 'thanks' | 'help';

const ConceptSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9.]*$/),
    role: z.enum(['topic', 'frame', 'other', 'smalltalk']),
    about: z.string().optional(),
    expressions: z.array(z.string()).min(1),
    /** topic: weight added to each passage's normalised retrieval score. */
    passages: z.record(z.number().positive().max(2)).optional(),
    /** other: 'strong' declines even a question that is also about social media. */
    strength: z.enum(['strong']).optional(),
    /** smalltalk: which friendly reply. */
    reply: z.enum(['greeting', 'thanks', 'help']).optional(),
    /** topic: a subject only this guidance covers; the question is in its domain without a social media word. */
    domain: z.boolean().optional(),
    /**
     * topic: its words are also another subject's ("harassment" in person, "candidate" for office), so asking
     * about it does not outweigh that subject told in the story (see answerer.ts, `strongOther`).
     */
    nearOtherSubjects: z.boolean().optional(),
    /** 'full': counts fully when found only in the story around the question (see STORY_CONCEPT_SHARE). */
    story: z.enum(['full']).optional(),
    /** A negation just before a match cancels it ("no client info is visible"). */
    negatable: z.boolean().optional(),
    /**
     * Concepts this one cancels when both are found: a negation farther away than the negation window
     * ("I don't think it's a clear violation" cancels the clear violation it names).
     */
    cancels: z.array(z.string()).optional(),
  })
  .strict();

const ScenarioSchema = z
  .object({
    id: z.string(),
    about: z.string(),
    /** Every concept listed here is in the question… */
    when: z.array(z.string()).min(1),
    /** …and at least one of these, if given. */
    whenAny: z.array(z.string()).optional(),
    /** The passage quoted first. */
    first: z.string(),
    /** 'best': the best retrieved passage that is not the first or inside it comes second. */
    then: z.enum(['best']).optional(),
    /** Second when retrieval finds nothing else worth quoting. */
    fallback: z.string().optional(),
  })
  .strict();

const ConceptFileSchema = z
  .object({
    $comment: z.array(z.string()).optional(),
    concepts: z.array(ConceptSchema).min(1),
    scenarios: z.array(ScenarioSchema),
    /** "a+b": passage weights added when all the `+`-joined concepts are present. */
    boosts: z.record(z.record(z.number().positive().max(2))),
    /** Passages quoted under the crisis card, per danger topic. */
    urgentPassages: z.record(z.array(z.string())),
  })
  .strict();

export type ConceptFile = z.infer<typeof ConceptFileSchema>;
export type Concept = z.infer<typeof ConceptSchema>;

export const CONCEPTS_FILE = path.join(PROJECT_ROOT, 'content', 'concepts.json');

/**
 * Parses and checks content/concepts.json against the passages that exist: every expression compiles,
 * every id is unique, every passage and concept a concept, scenario or boost names exists.
 */
export function parseConceptFile(raw: unknown, passageIds: ReadonlySet<string>): ConceptFile {
  const file = ConceptFileSchema.parse(raw);
  const ids = new Set<string>();
  const fail = (message: string): never => {
    throw new Error(`concepts.json: ${message}`);
  };
  const passage = (id: string, where: string) => {
    if (!passageIds.has(id)) fail(`${where} names the unknown passage "${id}"`);
  };
  for (const c of file.concepts) {
    if (ids.has(c.id)) fail(`the concept id "${c.id}" is used twice`);
    ids.add(c.id);
    for (const e of c.expressions) expressionSource(e);
    for (const id of Object.keys(c.passages ?? {})) passage(id, c.id);
    if ((c.role === 'topic') !== (c.passages !== undefined))
      fail(`${c.id}: a topic concept (and only a topic) lists passages`);
    if ((c.role === 'smalltalk') !== (c.reply !== undefined))
      fail(`${c.id}: a smalltalk concept (and only smalltalk) names its reply`);
  }
  const concept = (id: string, where: string) => {
    if (!ids.has(id)) fail(`${where} names the unknown concept "${id}"`);
  };
  for (const c of file.concepts) for (const id of c.cancels ?? []) concept(id, `${c.id}'s cancels`);
  for (const s of file.scenarios) {
    for (const id of [...s.when, ...(s.whenAny ?? [])]) concept(id, `scenario ${s.id}`);
    passage(s.first, `scenario ${s.id}`);
    if (s.fallback) passage(s.fallback, `scenario ${s.id}`);
  }
  for (const [key, weights] of Object.entries(file.boosts)) {
    for (const id of key.split('+')) concept(id, `boost ${key}`);
    for (const id of Object.keys(weights)) passage(id, `boost ${key}`);
  }
  for (const [topic, list] of Object.entries(file.urgentPassages))
    for (const id of list) passage(id, `urgentPassages.${topic}`);
  return file;
}

export function loadConceptFile(passageIds: ReadonlySet<string>, file = CONCEPTS_FILE): ConceptFile {
  return parseConceptFile(JSON.parse(readFileSync(file, 'utf8')), passageIds);
}

/** A concept found in a question. */
export interface ConceptHit {
  readonly concept: Concept;
  /** Found in a sentence that asks something (not only in the story around it). */
  readonly inQuestion: boolean;
  /** The expressions that matched, for `npm run explain`. */
  readonly expressions: readonly string[];
}

/** One sentence of a question, folded, and whether it is where the asking happens. */
export interface QuestionSentence {
  readonly folded: string;
  readonly asks: boolean;
}

export class ConceptMatcher {
  /** Every concept's expressions, concept after concept, each run alone when the text has its first words. */
  private readonly expressions: GatedExpressions;
  /** For each expression of `expressions`, the index of its concept. */
  private readonly conceptOf: Int32Array;
  private readonly single = new Map<string, RegExp>();

  constructor(
    readonly file: ConceptFile,
    private readonly negation: Negation = new Negation(),
    /** Where the expressions' words get their ids: shared with the danger detector in the answerer. */
    marks: WordMarks = new WordMarks(),
  ) {
    this.expressions = new GatedExpressions(
      file.concepts.flatMap((c) => c.expressions),
      marks,
    );
    this.conceptOf = Int32Array.from(file.concepts.flatMap((c, i) => c.expressions.map(() => i)));
  }

  /**
   * Whether the concept's expressions `open` (indices in `expressions`, in order) match `folded`, a negated
   * match not counting when it may be: what the alternation of all its expressions would say.
   */
  private matches(concept: Concept, open: readonly number[], folded: string): boolean {
    if (!concept.negatable) return this.expressions.test(folded, open);
    const words = folded.split(' ');
    const walk = this.expressions.alternation(folded, open);
    for (let m = walk.exec(); m; m = walk.exec()) {
      const index = m.index === 0 ? 0 : folded.slice(0, m.index).trim().split(' ').length;
      if (!this.negation.negates(words, index)) return true;
      if (m[0].length === 0) walk.lastIndex += 1;
    }
    return false;
  }

  /** One expression of the file, compiled to find all its matches (cached). */
  regex(expression: string): RegExp {
    let re = this.single.get(expression);
    if (!re) {
      re = compileExpressions([expression], 'g');
      this.single.set(expression, re);
    }
    return re;
  }

  /** The concepts in `sentences`, each once; `explain` also lists which expressions matched. */
  find(sentences: readonly QuestionSentence[], explain = false): ConceptHit[] {
    const hits: ConceptHit[] = [];
    // Which expressions each sentence may have at all (see wordGate.ts), by concept: the others are not run.
    const open = sentences.map((s) => {
      const byConcept = new Map<number, number[]>();
      for (const e of this.expressions.openMarks(this.expressions.marks.lookUpText(s.folded))) {
        const c = this.conceptOf[e]!;
        const list = byConcept.get(c);
        if (list) list.push(e);
        else byConcept.set(c, [e]);
      }
      return byConcept;
    });
    const candidates = [...new Set(open.flatMap((byConcept) => [...byConcept.keys()]))].sort((a, b) => a - b);
    // "^" expressions look at the start of the message: the first sentence.
    for (const index of candidates) {
      const concept = this.file.concepts[index]!;
      let inQuestion = false;
      let found = false;
      for (const [i, s] of sentences.entries()) {
        const expressions = open[i]!.get(index);
        if (!expressions || !this.matches(concept, expressions, s.folded)) continue;
        found = true;
        if (s.asks) inQuestion = true;
        if (inQuestion) break;
      }
      if (!found) continue;
      const expressions = explain ? this.matched(index, sentences, open) : [];
      hits.push({ concept, inQuestion, expressions });
    }
    const cancelled = new Set(hits.flatMap((h) => h.concept.cancels ?? []));
    return cancelled.size === 0 ? hits : hits.filter((h) => !cancelled.has(h.concept.id));
  }

  /** The expressions of a concept that match one of `sentences` (given what each sentence opens), in order. */
  private matched(
    concept: number,
    sentences: readonly QuestionSentence[],
    open: readonly ReadonlyMap<number, readonly number[]>[],
  ): string[] {
    const each = new Set<number>();
    sentences.forEach((s, i) => {
      for (const e of open[i]!.get(concept) ?? []) if (this.expressions.test(s.folded, [e])) each.add(e);
    });
    return [...each].sort((a, b) => a - b).map((e) => this.expressions.expressions[e]!);
  }
}
