/**
 * `npm run train:rank`: trains the passage chooser (src/guidance/rankModel.ts) and writes
 * content/rank-model.json.
 *
 * Training data: the in-scope questions of the training sets (test/eval/questions.jsonl,
 * challenge.jsonl, blind-round3.jsonl) plus, per passage and language, its hint questions, topic,
 * keywords and official text. Held-out sets (blind rounds 4, 5, 6) are never read here.
 *
 *   1. the passage classifier is trained on everything;
 *   2. the re-ranker is trained on candidates whose classifier probabilities are out-of-fold
 *      (5 folds over the questions), so it learns how far to trust the classifier on unseen wording.
 *
 * First, a validation run: the same procedure on 80% of the training questions, evaluated on the
 * other 20% (pipeline with the re-ranker against BM25 order alone). Deterministic.
 *
 * Status: the re-ranker has not yet beaten BM25 order + rules (validation 93.0% en against 96.5%),
 * so createAnswerer() does not load the model unless given one (`rankModel: loadRankModel(content)`);
 * content/rank-model.json is an experiment output, not shipped.
 *   --no-validate   skip the validation run
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Lang } from '../src/i18n/lang';
import { createAnswerer, rankContext } from '../src/guidance/answerer';
import { loadContent, type GuidanceContent } from '../src/guidance/content';
import { evaluate, loadEvalQuestions, pct, type EvalQuestion } from '../src/guidance/evaluation';
import { hash32 } from '../src/guidance/kindModel';
import { normaliseQuestion } from '../src/guidance/normalise';
import {
  FEATURES,
  RANK_MODEL_FILE,
  RankModel,
  candidates,
  classifierTerms,
  classify,
  passageTermSets,
  type ClassifierWeights,
  type RankModelFile,
} from '../src/guidance/rankModel';
import { GuidanceIndex } from '../src/guidance/retrieve';
import { PROJECT_ROOT } from '../src/projectRoot';

const TRAIN_FILES = ['questions.jsonl', 'challenge.jsonl', 'blind-round3.jsonl'];
const LANGS: Lang[] = ['en', 'fr'];
const FOLDS = 5;

const CLS = { epochs: 40, lr: 0.3, l2: 1e-4, prune: 0.01 };
const RANK = { iterations: 800, lr: 0.5, l2: 1e-3 };

interface Example {
  lang: Lang;
  terms: string[];
  targets: number[];
  weight: number;
}

function hintExamples(content: GuidanceContent, classes: string[]): Example[] {
  const out: Example[] = [];
  for (const p of content.passages) {
    const k = classes.indexOf(p.id);
    for (const lang of LANGS) {
      const texts = [...p.questions[lang], p.topic[lang], p.text[lang], p.keywords[lang].join(' ')];
      for (const t of texts) {
        const folded = normaliseQuestion(t).folded;
        out.push({ lang, terms: classifierTerms(folded, lang), targets: [k], weight: 1 });
      }
    }
  }
  return out;
}

function questionExample(q: EvalQuestion, classes: string[]): Example {
  const folded = normaliseQuestion(q.q).folded;
  return {
    lang: q.lang,
    terms: classifierTerms(folded, q.lang),
    targets: q.passages.map((id) => classes.indexOf(id)).filter((k) => k >= 0),
    weight: 1,
  };
}

/** Multinomial logistic regression, loss −log Σ_{accepted} p (any accepted passage is right). */
function trainClassifier(examples: Example[], nClasses: number, seed: number): ClassifierWeights {
  const vocab = new Map<string, number>();
  for (const e of examples) for (const t of e.terms) if (!vocab.has(t)) vocab.set(t, vocab.size);
  const W = new Float64Array(vocab.size * nClasses);
  const bias = new Float64Array(nClasses);
  const order = examples.map((_, i) => i);
  let rng = seed >>> 0 || 1;
  const rand = (): number => {
    rng ^= rng << 13;
    rng ^= rng >>> 17;
    rng ^= rng << 5;
    return (rng >>> 0) / 4294967296;
  };
  const z = new Float64Array(nClasses);
  for (let epoch = 0; epoch < CLS.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = CLS.lr / (1 + epoch * 0.1);
    for (const i of order) {
      const e = examples[i]!;
      if (e.targets.length === 0) continue;
      const idx = e.terms.map((t) => vocab.get(t)!);
      const scale = 1 / Math.sqrt(Math.max(1, idx.length));
      for (let k = 0; k < nClasses; k++) z[k] = bias[k]!;
      for (const v of idx) for (let k = 0; k < nClasses; k++) z[k]! += W[v * nClasses + k]! * scale;
      let max = -Infinity;
      for (let k = 0; k < nClasses; k++) max = Math.max(max, z[k]!);
      let sum = 0;
      for (let k = 0; k < nClasses; k++) {
        z[k] = Math.exp(z[k]! - max);
        sum += z[k]!;
      }
      let pt = 0;
      for (let k = 0; k < nClasses; k++) z[k]! /= sum;
      for (const k of e.targets) pt += z[k]!;
      for (let k = 0; k < nClasses; k++) {
        const q = e.targets.includes(k) ? z[k]! / pt : 0;
        const g = (z[k]! - q) * e.weight * lr;
        bias[k]! -= g * 0.1;
        for (const v of idx) {
          const o = v * nClasses + k;
          W[o] = W[o]! * (1 - CLS.l2 * lr) - g * scale;
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [t, v] of vocab) {
    const row: number[] = [];
    for (let k = 0; k < nClasses; k++) {
      const w = W[v * nClasses + k]!;
      if (Math.abs(w) >= CLS.prune) row.push(k, Math.round(w * 1000) / 1000);
    }
    if (row.length > 0) weights[t] = row;
  }
  return { bias: [...bias].map((b) => Math.round(b * 1000) / 1000), weights };
}

interface Row {
  x: number[];
  y: number;
}

function trainRanker(rows: Row[], dim: number): number[] {
  const w = new Float64Array(dim + 1);
  for (let it = 0; it < RANK.iterations; it++) {
    const g = new Float64Array(dim + 1);
    for (const r of rows) {
      let z = w[dim]!;
      for (let i = 0; i < dim; i++) z += w[i]! * r.x[i]!;
      const e = 1 / (1 + Math.exp(-z)) - r.y;
      for (let i = 0; i < dim; i++) g[i]! += e * r.x[i]!;
      g[dim]! += e;
    }
    for (let i = 0; i <= dim; i++) w[i]! -= RANK.lr * (g[i]! / rows.length + (i < dim ? RANK.l2 * w[i]! : 0));
  }
  return [...w].map((v) => Math.round(v * 10000) / 10000);
}

function train(content: GuidanceContent, questions: EvalQuestion[]): RankModelFile {
  const classes = content.passages.map((p) => p.id);
  const hints = hintExamples(content, classes);
  const index = new GuidanceIndex(content);
  const sets = { en: passageTermSets(content, 'en'), fr: passageTermSets(content, 'fr') };
  const fold = (q: EvalQuestion): number => hash32('fold:' + q.q) % FOLDS;

  const rows: Row[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const inFold = questions.filter((q) => fold(q) === f);
    const rest = questions.filter((q) => fold(q) !== f);
    const models = {} as Record<Lang, ClassifierWeights>;
    for (const lang of LANGS) {
      const ex = [...hints, ...rest.map((q) => questionExample(q, classes))].filter((e) => e.lang === lang);
      models[lang] = trainClassifier(ex, classes.length, 17 + f);
    }
    for (const q of inFold) {
      const folded = normaliseQuestion(q.q).folded;
      const r = index.search(folded, q.lang, { fields: true });
      const probs = classify(models[q.lang], classifierTerms(folded, q.lang, r.terms), classes.length);
      const cands = candidates(content, classes, sets[q.lang], r, folded, q.lang, probs, rankContext(folded));
      for (const c of cands) rows.push({ x: c.x, y: q.passages.includes(c.passage.id) ? 1 : 0 });
    }
  }
  const ranker = trainRanker(rows, FEATURES.length);

  const classifier = {} as Record<Lang, ClassifierWeights>;
  for (const lang of LANGS) {
    const ex = [...hints, ...questions.map((q) => questionExample(q, classes))].filter(
      (e) => e.lang === lang,
    );
    classifier[lang] = trainClassifier(ex, classes.length, 7);
  }
  return {
    version: 1,
    contentVersion: content.contentVersion,
    classes,
    classifier,
    features: [...FEATURES],
    ranker,
  };
}

function report(title: string, qs: EvalQuestion[], content: GuidanceContent, model: RankModel | null): void {
  const r = evaluate(qs, createAnswerer(content, { rankModel: model }));
  const f = (k: string): string => {
    const v = r.byLangKind[k] ?? { right: 0, total: 0 };
    return `${(100 * pct(v)).toFixed(1)}% (${v.right}/${v.total})`;
  };
  console.log(`  ${title.padEnd(26)} en ${f('en answer')}  fr ${f('fr answer')}`);
}

const content = loadContent();
const all = TRAIN_FILES.flatMap((f) => loadEvalQuestions(path.join(PROJECT_ROOT, 'test', 'eval', f))).filter(
  (q) => q.kind === 'answer',
);

if (!process.argv.includes('--no-validate')) {
  const isVal = (q: EvalQuestion): boolean => hash32('val:' + q.q) % 5 === 0;
  const trainQs = all.filter((q) => !isVal(q));
  const valQs = all.filter(isVal);
  const m = new RankModel(train(content, trainQs), content);
  console.log(`validation (${trainQs.length} train / ${valQs.length} validation questions)`);
  report('BM25 order + rules', valQs, content, null);
  report('re-ranker', valQs, content, m);
  report('re-ranker (train part)', trainQs, content, m);
}

const t0 = performance.now();
const model = train(content, all);
const secs = ((performance.now() - t0) / 1000).toFixed(1);
const json = JSON.stringify(model);
writeFileSync(RANK_MODEL_FILE, json + '\n');
console.log(
  `trained on ${all.length} questions in ${secs} s; wrote ${path.relative(PROJECT_ROOT, RANK_MODEL_FILE)} ` +
    `(${(json.length / 1024).toFixed(0)} KiB)`,
);
console.log('ranker weights:');
FEATURES.forEach((f, i) => console.log(`  ${f.padEnd(20)} ${model.ranker[i]}`));
console.log(`  ${'bias'.padEnd(20)} ${model.ranker[FEATURES.length]}`);
