/**
 * `npm run train:passages`: trains content/passage-model.json, the learned passage score the answerer adds to
 * retrieval and concepts (src/domain/guidance/passageModel.ts), and prints what it measured.
 *
 *   npm run train:passages            writes content/passage-model.json
 *   npm run train:passages -- --check fails if the committed file differs from a fresh training (CI)
 *
 * Byte-for-byte reproducible: fixed data order, no randomness, full-batch gradient descent for a fixed number
 * of rounds, weights quantised to signed bytes. Training data: the answer questions of the tuning sets in
 * test/eval/ (SETS: questions, challenge, blind rounds, the fresh-tune sets, the helpers' tuned banks b, c, d, f, h,
 * i, j, k, n, o, q, t, v, x, y, z, ab…ag, then e, ah…as, then av…az), each labelled with the passage that answers
 * it best; the features are those of the whole message and, marked apart, the words of its asking sentences.
 * Never trained on: the holdout sets (fresh-holdout*, bank-*-holdout, bank-a: measures) and the outside dev set.
 *
 * Measured before the final training: a model trained without NEWEST (the newest set), on NEWEST.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detectLanguage } from '../src/domain/guidance/detectLanguage';
import { askedText, askingFlags } from '../src/domain/guidance/askingSentences';
import { passageFeatures } from '../src/domain/guidance/hashedFeatures';
import { Spelling } from '../src/domain/guidance/lexicon';
import { normaliseQuestion } from '../src/domain/guidance/normalise';
import { PASSAGE_MODEL_FILE, type PassageModelFile } from '../src/domain/guidance/passageModel';
import type { Lang } from '../src/shared/i18n/lang';
import { PROJECT_ROOT } from '../src/shared/projectRoot';
import { EARLIER_SETS } from './evalSets';

/** 16,384: with letter sequences among the features (passageFeatures), 8,192 lost 0.9 point in English. */
const BUCKETS = 1 << 14;
const ROUNDS = 200;
/**
 * Chosen on 2026-12-07 (sixth round) by five-fold cross-validation over the tuned sets, end to end (each fold's
 * model in the answerer, top-1 on the fold's sets): 2.0 with 200 rounds left the model short of converged (600
 * rounds +1 point); 6.0 with 200 rounds reached the plateau (600 rounds, or 15.0 with 400, no better).
 */
const LEARNING_RATE = 6.0;
const L2 = 1e-4;
/**
 * The share of the target on the passage labelled best; the other acceptable ones share the rest. Same
 * cross-validation: 1.0 (the best passage only) +0.6 point English, +0.7 French over 0.7; 0.5 was worse.
 */
const BEST_SHARE = 1.0;

const SETS = [
  ...EARLIER_SETS,
  'fresh-tune',
  'fresh-tune-2',
  'fresh-tune-3',
  'fresh-tune-4',
  // The sets tuned on since (read for failures; their holdout halves never are): helpers' banks, and mine.
  'bank-b',
  'bank-c',
  'bank-d',
  'bank-i',
  'bank-j',
  'bank-k',
  'bank-n',
  'bank-o',
  'fresh-tune-5',
  'fresh-tune-6',
  'fresh-tune-7',
  'fresh-tune-8',
  'fresh-tune-9',
  'fresh-tune-10',
  'fresh-tune-11',
  'fresh-tune-12',
  'fresh-tune-13',
  'fresh-tune-14',
  'fresh-tune-15',
  'fresh-tune-16',
  'fresh-tune-17',
  'fresh-tune-18',
  'fresh-tune-19',
  'fresh-tune-20',
  'fresh-tune-21',
  'fresh-tune-22',
  'fresh-tune-23',
  'fresh-tune-24',
  'fresh-tune-25',
  'fresh-tune-27',
  'fresh-tune-28',
  'fresh-tune-29',
  'fresh-tune-30',
  'fresh-tune-32',
  'fresh-tune-33',
  'fresh-tune-34',
  'fresh-tune-35',
  'bank-f',
  'bank-h',
  'bank-q',
  'bank-t',
  'bank-v',
  'bank-x',
  'bank-y',
  'bank-z',
  'bank-ab',
  'bank-ac',
  'bank-ad',
  'bank-ae',
  'bank-af',
  'bank-ag',
  'fresh-tune-50',
  'fresh-tune-51',
  'fresh-tune-52',
  'fresh-tune-53',
  'fresh-tune-54',
  'fresh-tune-55',
  'fresh-tune-56',
  'fresh-tune-57',
  'fresh-tune-36',
  'fresh-tune-37',
  'fresh-tune-38',
  'fresh-tune-39',
  'fresh-tune-40',
  'fresh-tune-41',
  'fresh-tune-42',
  'fresh-tune-43',
  'fresh-tune-44',
  'fresh-tune-45',
  'fresh-tune-46',
  'fresh-tune-47',
  'fresh-tune-48',
  'fresh-tune-49',
  // Sixth round: the sets tuned on since (helpers' banks of the fourth and fifth rounds, and mine). Not
  // fresh-tune-68: danger look-alikes, whose answer labels were not written with care.
  'bank-e',
  'bank-ah',
  'bank-ai',
  'bank-ak',
  'bank-al',
  'bank-an',
  'bank-ao',
  'bank-ap',
  'bank-ar',
  'bank-as',
  'fresh-tune-58',
  'fresh-tune-59',
  'fresh-tune-60',
  'fresh-tune-61',
  'fresh-tune-62',
  'fresh-tune-63',
  'fresh-tune-64',
  'fresh-tune-65',
  'fresh-tune-66',
  'fresh-tune-67',
  // Seventh round: the sixth round's bank-av and checks (not fresh-tune-69, plain questions kept untrained as a
  // check), and the seventh round's helpers' banks and checks.
  'bank-av',
  'fresh-tune-70',
  'fresh-tune-71',
  'fresh-tune-72',
  'fresh-tune-73',
  'fresh-tune-74',
  'fresh-tune-75',
  'fresh-tune-76',
  'fresh-tune-77',
  'bank-aw',
  'bank-ax',
  'bank-az',
  'bank-ay',
];
const NEWEST = 'bank-ay';

interface Example {
  readonly set: string;
  readonly features: number[];
  readonly passages: string[];
}

const spelling = new Spelling();
const EVAL = path.join(PROJECT_ROOT, 'test', 'eval');

function examples(): Example[] {
  const out: Example[] = [];
  for (const set of SETS)
    for (const line of readFileSync(path.join(EVAL, `${set}.jsonl`), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const r = JSON.parse(line) as { q: string; lang?: Lang; kind: string; passages: string[] };
      if (r.kind !== 'answer' || r.passages.length === 0) continue;
      const raw = normaliseQuestion(r.q);
      const lang = detectLanguage(raw.text, r.lang).lang;
      const folded = spelling.apply(raw.folded, lang);
      const sentences = raw.sentences.map((sentence) => spelling.apply(sentence, lang));
      const asked = askedText(sentences, askingFlags(sentences, raw.questionMarks));
      out.push({ set, features: passageFeatures(folded, BUCKETS, asked), passages: r.passages });
    }
  return out;
}

interface Trained {
  readonly bias: Float64Array;
  readonly weights: Float64Array;
}

function softmax(model: Trained, features: readonly number[], k: number): Float64Array {
  const z = Float64Array.from(model.bias);
  for (const f of features) for (let c = 0; c < k; c++) z[c] += model.weights[f * k + c]!;
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, z[c]!);
  let total = 0;
  for (let c = 0; c < k; c++) {
    z[c] = Math.exp(z[c]! - max);
    total += z[c]!;
  }
  for (let c = 0; c < k; c++) z[c] = z[c]! / total;
  return z;
}

function train(data: readonly Example[], ids: readonly string[]): Trained {
  const k = ids.length;
  const column = new Map(ids.map((id, c) => [id, c]));
  const targets = data.map((e) => {
    const y = new Float64Array(k);
    const [best, ...others] = e.passages;
    y[column.get(best!)!] = others.length === 0 ? 1 : BEST_SHARE;
    for (const id of others) y[column.get(id)!] += (1 - BEST_SHARE) / others.length;
    return y;
  });
  const model = { bias: new Float64Array(k), weights: new Float64Array(BUCKETS * k) };
  for (let round = 0; round < ROUNDS; round++) {
    const grad = new Float64Array(BUCKETS * k);
    const gBias = new Float64Array(k);
    data.forEach((e, i) => {
      const p = softmax(model, e.features, k);
      for (let c = 0; c < k; c++) {
        const err = p[c]! - targets[i]![c]!;
        gBias[c] += err;
        for (const f of e.features) grad[f * k + c] += err;
      }
    });
    for (let c = 0; c < k; c++) model.bias[c] -= (LEARNING_RATE * gBias[c]!) / data.length;
    for (let j = 0; j < model.weights.length; j++)
      model.weights[j] -= LEARNING_RATE * (grad[j]! / data.length + L2 * model.weights[j]!);
  }
  return model;
}

function top1(model: Trained, ids: readonly string[], data: readonly Example[]): number {
  let right = 0;
  for (const e of data) {
    const p = softmax(model, e.features, ids.length);
    let best = 0;
    for (let c = 1; c < ids.length; c++) if (p[c]! > p[best]!) best = c;
    if (e.passages.includes(ids[best]!)) right += 1;
  }
  return Math.round((1000 * right) / data.length) / 1000;
}

const data = examples();
const ids = [...new Set(data.flatMap((e) => e.passages))].sort();
const earlier = data.filter((e) => e.set !== NEWEST);
const newest = data.filter((e) => e.set === NEWEST);
const report: Record<string, number> = {
  examples: data.length,
  passages: ids.length,
  newestSetTop1WhenUnseen: top1(train(earlier, ids), ids, newest),
};

const final = train(data, ids);
let largest = 0;
for (const w of final.weights) largest = Math.max(largest, Math.abs(w));
const scale = largest / 127;
const bytes = Int8Array.from(final.weights, (w) => Math.round(w / scale));
const file: PassageModelFile = {
  $comment: [
    'Written by `npm run train:passages` (scripts/train-passages.ts); do not edit by hand. See src/domain/guidance/passageModel.ts.',
  ],
  buckets: BUCKETS,
  passages: ids,
  bias: Array.from(final.bias, (b) => Math.round(b * 1e4) / 1e4),
  scale: Number(scale.toPrecision(8)),
  weights: Buffer.from(bytes.buffer).toString('base64'),
  trainedOn: report,
};
const text = JSON.stringify(file) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(PASSAGE_MODEL_FILE, 'utf8') !== text) {
    console.error('content/passage-model.json differs from a fresh training: run npm run train:passages');
    process.exit(1);
  }
  console.log('content/passage-model.json is what the training script writes');
} else {
  writeFileSync(PASSAGE_MODEL_FILE, text);
  console.log(`wrote ${path.relative(process.cwd(), PASSAGE_MODEL_FILE)} (${text.length} bytes)`);
}
console.log(report);
