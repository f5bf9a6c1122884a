import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/lang';
import { PROJECT_ROOT } from '../projectRoot';
import { analyse, terms } from './analyse';
import type { GuidanceContent, Passage } from './content';
import type { Hit, Retrieval } from './retrieve';

/**
 * The learned passage chooser, trained offline by `npm run train:rank` (scripts/train-rank.ts) and
 * loaded from content/rank-model.json. Two parts:
 *
 *   1. a passage classifier: a multinomial logistic regression (one class per passage, one model
 *      per language) over the question's index terms and adjacent-term pairs. It learns which words
 *      people use when they mean a passage, including words the passage and its hints never use
 *      ("harsh response" → proportional);
 *   2. a re-ranker: a logistic regression scoring each candidate passage (BM25's top few and the
 *      classifier's top few) from BM25 evidence (total, per field, rank, coverage), the
 *      classifier's probability, the closest hint question, the passage's kind (list, item,
 *      sub-item) against the question's list or steps intent, and the intent cue.
 *
 * Inference is a handful of sparse dot products: well under a millisecond.
 */

export const RANK_MODEL_FILE = path.join(PROJECT_ROOT, 'content', 'rank-model.json');

/** BM25 candidates and classifier candidates the re-ranker looks at. */
export const BM25_CANDIDATES = 8;
export const CLS_CANDIDATES = 4;

export interface ClassifierWeights {
  /** per class */
  bias: number[];
  /** term → [class index, weight, class index, weight, …] (sparse) */
  weights: Record<string, number[]>;
}

export interface RankModelFile {
  version: 1;
  contentVersion: string;
  classes: string[];
  classifier: Record<Lang, ClassifierWeights>;
  features: string[];
  /** re-ranker weights, one per feature, then the bias */
  ranker: number[];
}

/** What the answerer knows about the question beyond its words. */
export interface RankContext {
  /** the question asks for a list ("what are the steps", "key points") */
  listIntent: boolean;
  /** the question describes a post and asks what to do */
  stepsIntent: boolean;
  /** the passage an intent cue points to, if any */
  cue?: string;
}

export interface Ranked {
  passage: Passage;
  /** re-ranker probability that this passage is right */
  p: number;
  bm25: number;
}

export const FEATURES = [
  'bm25Rel',
  'bm25Recip',
  'bm25Top',
  'clsP',
  'clsLogRel',
  'clsRecip',
  'fText',
  'fTopic',
  'fQuestions',
  'fKeywords',
  'matched',
  'hintJaccard',
  'textJaccard',
  'isList',
  'isItem',
  'isSubItem',
  'listIntentList',
  'listIntentItem',
  'stepsIntentSteps',
  'stepsIntentStepItem',
  'cue',
  'childOfTopList',
  'parentOfTop',
] as const;

/** The classifier's input terms: index terms (as the index analyses them) and adjacent pairs. */
export function classifierTerms(folded: string, lang: Lang, resolved: string[] = []): string[] {
  const ts = terms(folded, lang);
  const out = new Set<string>(ts);
  for (let i = 0; i + 1 < ts.length; i++) out.add(`${ts[i]}_${ts[i + 1]}`);
  for (const t of resolved) out.add(t);
  return [...out];
}

/** Softmax over the classes for one term list. */
export function classify(w: ClassifierWeights, ts: string[], nClasses: number): Float64Array {
  const z = new Float64Array(nClasses);
  for (let k = 0; k < nClasses; k++) z[k] = w.bias[k] ?? 0;
  const scale = 1 / Math.sqrt(Math.max(1, ts.length));
  for (const t of ts) {
    const row = w.weights[t];
    if (!row) continue;
    for (let i = 0; i + 1 < row.length; i += 2) z[row[i]!]! += row[i + 1]! * scale;
  }
  let max = -Infinity;
  for (let k = 0; k < nClasses; k++) if (z[k]! > max) max = z[k]!;
  let sum = 0;
  for (let k = 0; k < nClasses; k++) {
    z[k] = Math.exp(z[k]! - max);
    sum += z[k]!;
  }
  for (let k = 0; k < nClasses; k++) z[k]! /= sum;
  return z;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Precomputed, per language: each passage's hint-question term sets and text term set. */
export interface PassageTermSets {
  hints: Map<string, Set<string>[]>;
  text: Map<string, Set<string>>;
}

export function passageTermSets(content: GuidanceContent, lang: Lang): PassageTermSets {
  const hints = new Map<string, Set<string>[]>();
  const text = new Map<string, Set<string>>();
  for (const p of content.passages) {
    hints.set(
      p.id,
      p.questions[lang].map((q) => new Set(analyse(q, lang))),
    );
    text.set(p.id, new Set([...analyse(p.text[lang], lang), ...analyse(p.topic[lang], lang)]));
  }
  return { hints, text };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter += 1;
  return inter / (a.size + b.size - inter);
}

export interface Candidate {
  passage: Passage;
  bm25: number;
  x: number[];
}

/**
 * The candidates and their feature vectors. `probs` is the classifier's output for the question
 * (out-of-fold during training).
 */
export function candidates(
  content: GuidanceContent,
  classes: string[],
  sets: PassageTermSets,
  r: Retrieval,
  folded: string,
  lang: Lang,
  probs: Float64Array,
  ctx: RankContext,
): Candidate[] {
  const hits = r.hits;
  const byId = new Map<string, { hit?: Hit; rank: number }>();
  hits.slice(0, BM25_CANDIDATES).forEach((h, i) => byId.set(h.passage.id, { hit: h, rank: i }));
  const clsOrder = classes.map((id, k) => ({ id, p: probs[k]! })).sort((a, b) => b.p - a.p);
  const clsRank = new Map(clsOrder.map((c, i) => [c.id, i]));
  for (const c of clsOrder.slice(0, CLS_CANDIDATES))
    if (!byId.has(c.id)) {
      const idx = hits.findIndex((h) => h.passage.id === c.id);
      byId.set(c.id, { hit: idx >= 0 ? hits[idx] : undefined, rank: idx >= 0 ? idx : hits.length });
    }
  const topScore = hits[0]?.score ?? 0;
  const topId = hits[0]?.passage.id;
  const topCls = clsOrder[0]!;
  const fieldMax = [0, 0, 0, 0];
  for (const { hit } of byId.values())
    hit?.fieldScores?.forEach((s, f) => (fieldMax[f] = Math.max(fieldMax[f]!, s)));
  const qset = new Set(analyse(folded, lang));
  const out: Candidate[] = [];
  for (const [id, { hit, rank }] of byId) {
    const p = content.byId.get(id)!;
    const k = classes.indexOf(id);
    const pc = k >= 0 ? probs[k]! : 0;
    const parent = p.parentId ? content.byId.get(p.parentId) : undefined;
    const isStepItem = p.parentId === 'aware-post.steps';
    const topPassage = topId ? content.byId.get(topId) : undefined;
    const fs = hit?.fieldScores ?? [0, 0, 0, 0];
    const x = [
      topScore > 0 ? (hit?.score ?? 0) / topScore : 0,
      1 / (rank + 1),
      rank === 0 ? 1 : 0,
      pc,
      Math.max(-6, Math.log((pc + 1e-6) / topCls.p)) / 6,
      1 / ((clsRank.get(id) ?? classes.length) + 1),
      ...fs.map((s, f) => (fieldMax[f]! > 0 ? s / fieldMax[f]! : 0)),
      hit?.matched ?? 0,
      Math.max(0, ...(sets.hints.get(id) ?? []).map((h) => jaccard(qset, h))),
      jaccard(qset, sets.text.get(id) ?? new Set()),
      p.kind === 'list' ? 1 : 0,
      p.kind === 'item' ? 1 : 0,
      parent?.kind === 'item' ? 1 : 0,
      ctx.listIntent && p.kind === 'list' ? 1 : 0,
      ctx.listIntent && p.kind === 'item' ? 1 : 0,
      ctx.stepsIntent && id === 'aware-post.steps' ? 1 : 0,
      ctx.stepsIntent && isStepItem ? 1 : 0,
      ctx.cue === id ? 1 : 0,
      topPassage?.kind === 'list' && p.parentId === topPassage.id ? 1 : 0,
      topPassage?.parentId === id ? 1 : 0,
    ];
    out.push({ passage: p, bm25: hit?.score ?? 0, x });
  }
  return out;
}

export class RankModel {
  private readonly sets: Record<Lang, PassageTermSets>;
  constructor(
    readonly file: RankModelFile,
    private readonly content: GuidanceContent,
  ) {
    this.sets = { en: passageTermSets(content, 'en'), fr: passageTermSets(content, 'fr') };
  }

  /** The candidates, best first. */
  rank(r: Retrieval, folded: string, lang: Lang, ctx: RankContext): Ranked[] {
    const { classes, classifier, ranker } = this.file;
    const probs = classify(classifier[lang], classifierTerms(folded, lang, r.terms), classes.length);
    const cands = candidates(this.content, classes, this.sets[lang], r, folded, lang, probs, ctx);
    const bias = ranker[ranker.length - 1]!;
    return cands
      .map((c) => {
        let z = bias;
        for (let i = 0; i < c.x.length; i++) z += ranker[i]! * c.x[i]!;
        return { passage: c.passage, p: sigmoid(z), bm25: c.bm25 };
      })
      .sort((a, b) => b.p - a.p || a.passage.order - b.passage.order);
  }
}

/** The model in content/rank-model.json, or null when it is missing or for other content. */
export function loadRankModel(content: GuidanceContent, file = RANK_MODEL_FILE): RankModel | null {
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RankModelFile;
  if (raw.version !== 1 || raw.features.join() !== FEATURES.join()) return null;
  if (raw.classes.some((id) => !content.byId.has(id))) return null;
  return new RankModel(raw, content);
}
