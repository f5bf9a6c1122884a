import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../projectRoot';
import { stemEnglish, stemFrench, words } from './analyse';
import type { UrgentTopic } from './classify';

/**
 * The learned part of the classifier: a multinomial logistic regression over hashed features of
 * the folded question, trained offline by `npm run train:kind` (scripts/train-kind.ts) and loaded
 * from content/kind-model.json. Two heads share the features:
 *   - kind: in-scope / urgent / out-of-scope
 *   - topic: which of the six urgent categories (used only when the question is routed urgent)
 * Features: word unigrams and bigrams, English and French stems, and character 3–5-grams of the
 * folded text (typo robustness; accents are already folded away by normalise.ts).
 * Inference is a sparse dot product: a few hundred features × (3 + 6) classes.
 */

export const KIND_CLASSES = ['in-scope', 'urgent', 'out-of-scope'] as const;
export type KindClass = (typeof KIND_CLASSES)[number];
export const TOPIC_CLASSES: readonly UrgentTopic[] = [
  'disclosure',
  'violence',
  'self-harm',
  'harassment',
  'journalist',
  'viral-hate',
];

/** Questions of at most this many words get their own out-of-scope threshold. */
export const SHORT_QUESTION_WORDS = 8;

/** The out-of-scope threshold that applies to this folded question. */
export function outOfScopeThreshold(th: KindThresholds, folded: string, strongDomain: boolean): number {
  if (strongDomain) return th.outOfScopeStrong;
  const short = folded.split(' ').length <= SHORT_QUESTION_WORDS;
  return short ? Math.max(th.outOfScope, th.outOfScopeShort) : th.outOfScope;
}

export const MODEL_FILE = path.join(PROJECT_ROOT, 'content', 'kind-model.json');

/** FNV-1a, 32 bits: stable across runs and platforms. */
export function hash32(s: string): number {
  return fnvMore(FNV_OFFSET, s) >>> 0;
}

export interface FeatureVector {
  idx: Int32Array;
  val: Float32Array;
}

/** Relative weight of the feature groups (each group is L2-normalised, then scaled). */
const GROUP_SCALE = { word: 1.0, stem: 0.7, bigram: 0.8, char: 1.0 } as const;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Continues an FNV-1a hash over `s`: hash32(a + b) === fnvMore(fnvMore(FNV_OFFSET, a), b). */
function fnvMore(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

const PREFIX = {
  word: fnvMore(FNV_OFFSET, 'w:'),
  stemEn: fnvMore(FNV_OFFSET, 'se:'),
  stemFr: fnvMore(FNV_OFFSET, 'sf:'),
  bigram: fnvMore(FNV_OFFSET, 'b:'),
  char: fnvMore(FNV_OFFSET, 'c:'),
} as const;
const BIAS_HASH = hash32('bias');

/** Words of a question the model reads; past this, the rest is ignored. */
const MAX_WORDS = 80;
/** Character n-grams start in the first 400 characters. */
const MAX_CHAR_STARTS = 400;

/**
 * Reusable buffers for one `features` call (the pipeline is synchronous, so calls never overlap): the hashes
 * of each feature group, and per bucket the running sum, whether it was touched, and the touch order. A
 * question then allocates only its two small result arrays, not a dozen growing lists.
 */
const groupHashes = {
  word: new Uint32Array(MAX_WORDS + 1),
  stem: new Uint32Array(2 * MAX_WORDS),
  bigram: new Uint32Array(MAX_WORDS),
  char: new Uint32Array(3 * MAX_CHAR_STARTS),
};
const touchOrder = new Int32Array(
  groupHashes.word.length + groupHashes.stem.length + groupHashes.bigram.length + groupHashes.char.length,
);
let buckets: { sums: Float64Array; seen: Uint8Array } | undefined;

/** English and French stems of a word, remembered per word (a bounded vocabulary, not questions). */
const stemCache = new Map<string, readonly [string, string]>();
const STEM_CACHE_MAX = 20_000;
function stems(w: string): readonly [string, string] {
  let pair = stemCache.get(w);
  if (!pair) {
    pair = [stemEnglish(w), stemFrench(w)];
    if (stemCache.size < STEM_CACHE_MAX) stemCache.set(w, pair);
  }
  return pair;
}

/**
 * Hashed, grouped, L2-normalised features of already-folded text. Deterministic. Each feature is the
 * FNV-1a hash of its name ('w:word', 'se:stem', 'b:a b', 'c:abc'…), computed without building the name.
 */
export function features(folded: string, dim: number): FeatureVector {
  const ws = words(folded).slice(0, MAX_WORDS);
  const { word, stem, bigram, char } = groupHashes;
  let nWord = 0;
  let nStem = 0;
  let nBigram = 0;
  let nChar = 0;
  word[nWord++] = BIAS_HASH;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    word[nWord++] = fnvMore(PREFIX.word, w) >>> 0;
    const [se, sf] = stems(w);
    stem[nStem++] = fnvMore(PREFIX.stemEn, se) >>> 0;
    if (sf !== se) stem[nStem++] = fnvMore(PREFIX.stemFr, sf) >>> 0;
    if (i + 1 < ws.length) {
      const h = Math.imul(fnvMore(PREFIX.bigram, w) ^ 32, FNV_PRIME);
      bigram[nBigram++] = fnvMore(h, ws[i + 1]!) >>> 0;
    }
  }
  const padded = ' ' + ws.join(' ') + ' ';
  for (let n = 3; n <= 5; n++)
    for (let i = 0; i + n <= padded.length && i < MAX_CHAR_STARTS; i++) {
      let h = PREFIX.char;
      for (let j = i; j < i + n; j++) {
        h ^= padded.charCodeAt(j);
        h = Math.imul(h, FNV_PRIME);
      }
      char[nChar++] = h >>> 0;
    }
  // Sums per bucket in a reusable dense array; buckets keep the order they were first touched in, and the
  // groups are summed in this order (it decides the floating-point sums, so it never changes).
  if (buckets?.sums.length !== dim) buckets = { sums: new Float64Array(dim), seen: new Uint8Array(dim) };
  const { sums, seen } = buckets;
  let touched = 0;
  const add = (scale: number, hashes: Uint32Array, count: number) => {
    if (count === 0) return;
    const v = scale / Math.sqrt(count);
    for (let k = 0; k < count; k++) {
      const h = hashes[k]! % dim;
      if (seen[h] === 0) {
        seen[h] = 1;
        sums[h] = 0;
        touchOrder[touched++] = h;
      }
      sums[h] += v;
    }
  };
  add(GROUP_SCALE.word, word, nWord);
  add(GROUP_SCALE.stem, stem, nStem);
  add(GROUP_SCALE.bigram, bigram, nBigram);
  add(GROUP_SCALE.char, char, nChar);
  const idx = new Int32Array(touched);
  const val = new Float32Array(touched);
  for (let k = 0; k < touched; k++) {
    const h = touchOrder[k]!;
    idx[k] = h;
    val[k] = sums[h]!;
    seen[h] = 0;
  }
  return { idx, val };
}

export function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** A linear layer over hashed features: weights[c * dim + i] (the layout training updates in place). */
export class LinearHead {
  constructor(
    readonly dim: number,
    readonly classes: number,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}
  logits(x: FeatureVector): number[] {
    const z = Array.from(this.bias);
    for (let c = 0; c < this.classes; c++) {
      const off = c * this.dim;
      let s = z[c]!;
      for (let k = 0; k < x.idx.length; k++) s += this.weights[off + x.idx[k]!]! * x.val[k]!;
      z[c] = s;
    }
    return z;
  }
  probs(x: FeatureVector): number[] {
    return softmax(this.logits(x));
  }
}

/**
 * Linear heads over the same features, laid out for inference: one row per feature holding that feature's
 * weights for every class of every head, side by side. A question touches about a thousand scattered
 * features; class-major weights cost a cache miss per feature and class, this layout one per feature.
 * Each class's sum runs over the features in the same order as LinearHead's, so the logits are bit-identical.
 */
export class PackedHeads {
  private readonly rows: Float32Array;
  /** Classes in a row: all heads' classes, head after head. */
  private readonly width: number;
  private readonly bias: Float32Array;
  /** Classes of each head, to split a row's sums back per head (the training-layout weights are not kept). */
  private readonly headClasses: readonly number[];

  constructor(heads: readonly LinearHead[]) {
    const dim = heads[0]!.dim;
    this.headClasses = heads.map((h) => h.classes);
    this.width = heads.reduce((n, h) => n + h.classes, 0);
    this.rows = new Float32Array(dim * this.width);
    this.bias = new Float32Array(this.width);
    let column = 0;
    for (const head of heads) {
      if (head.dim !== dim) throw new Error('packed heads must share their features');
      for (let c = 0; c < head.classes; c++, column++) {
        this.bias[column] = head.bias[c]!;
        for (let i = 0; i < dim; i++) this.rows[i * this.width + column] = head.weights[c * dim + i]!;
      }
    }
  }

  /** Each head's logits, in the order the heads were given. */
  logits(x: FeatureVector): number[][] {
    const { width, rows } = this;
    const z = Array.from(this.bias);
    for (let k = 0; k < x.idx.length; k++) {
      const row = x.idx[k]! * width;
      const v = x.val[k]!;
      for (let c = 0; c < width; c++) z[c] = z[c]! + rows[row + c]! * v;
    }
    let start = 0;
    return this.headClasses.map((classes) => z.slice(start, (start += classes)));
  }
}

/** Thresholds chosen by the training script on out-of-fold predictions (never on the blind sets). */
export interface KindThresholds {
  /** p(urgent) at or above which a question the rules did not flag is routed urgent. */
  urgent: number;
  /** …the same for general-advice framing ("how do we talk about…"), which needs more evidence. */
  urgentGeneral: number;
  /** p(out-of-scope) at or above which a question without strong domain words is declined. */
  outOfScope: number;
  /** …for short questions (≤ SHORT_QUESTION_WORDS words), which carry little evidence either way. */
  outOfScopeShort: number;
  /** …the same when the question has strong domain words (social media, posts, ethics…). */
  outOfScopeStrong: number;
  /** p(in-scope) at or above which the rules' balance-of-evidence decline is overridden. */
  keepInScope: number;
}

export interface KindModelFile {
  version: 1;
  dim: number;
  kind: { scale: number; weights: string; bias: number[] };
  topic: { scale: number; weights: string; bias: number[] };
  thresholds: KindThresholds;
  trainedOn: { files: string[]; real: number; augmented: number; trainedAt: string };
  validation: Record<string, number>;
}

export interface KindPrediction {
  pInScope: number;
  pUrgent: number;
  pOutOfScope: number;
  topic: UrgentTopic;
}

export class KindModel {
  /** The kind head, then the topic head. */
  private readonly heads: PackedHeads;

  constructor(
    readonly dim: number,
    kind: LinearHead,
    topic: LinearHead,
    readonly thresholds: KindThresholds,
  ) {
    this.heads = new PackedHeads([kind, topic]);
  }

  predict(folded: string): KindPrediction {
    const [kindLogits, t] = this.heads.logits(features(folded, this.dim)) as [number[], number[]];
    const p = softmax(kindLogits);
    let best = 0;
    for (let i = 1; i < t.length; i++) if (t[i]! > t[best]!) best = i;
    return { pInScope: p[0]!, pUrgent: p[1]!, pOutOfScope: p[2]!, topic: TOPIC_CLASSES[best]! };
  }
}

/** Int16-quantised weights, base64: small on disk, exact to ~1e-4 of the largest weight. */
export function encodeWeights(w: Float32Array): { scale: number; weights: string } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  return { scale, weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64') };
}

function decodeWeights(enc: { scale: number; weights: string }): Float32Array {
  const buf = Buffer.from(enc.weights, 'base64');
  const q = new Int16Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i]! * enc.scale;
  return w;
}

export function modelFromFile(file: KindModelFile): KindModel {
  const kind = new LinearHead(file.dim, 3, decodeWeights(file.kind), Float32Array.from(file.kind.bias));
  const topic = new LinearHead(
    file.dim,
    TOPIC_CLASSES.length,
    decodeWeights(file.topic),
    Float32Array.from(file.topic.bias),
  );
  return new KindModel(file.dim, kind, topic, file.thresholds);
}

let cached: KindModel | null | undefined;

/** The committed model, or null when the file is absent (the rules then decide alone). */
export function loadKindModel(file = MODEL_FILE): KindModel | null {
  if (file === MODEL_FILE && cached !== undefined) return cached;
  const model = existsSync(file)
    ? modelFromFile(JSON.parse(readFileSync(file, 'utf8')) as KindModelFile)
    : null;
  if (file === MODEL_FILE) cached = model;
  return model;
}
