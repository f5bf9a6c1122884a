/**
 * What the training scripts of the logistic scores (train-danger.ts, train-scope.ts) share: full-batch logistic
 * regression with the classes weighted to balance, cross-validation by every k-th line, and writing (or, with
 * --check, comparing) the model file. Byte-for-byte reproducible: fixed data order, no randomness, a fixed
 * number of rounds, weights rounded to 4 decimals.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashedFeatures } from '../src/domain/guidance/hashedFeatures';
import type { LogisticModelFile } from '../src/domain/guidance/logisticModel';

export interface LabelledText {
  readonly folded: string;
  readonly positive: boolean;
}

export interface TrainingSettings {
  readonly buckets: number;
  readonly rounds: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly folds: number;
}

interface Trained {
  readonly bias: number;
  readonly weights: Float64Array;
}

function train(data: readonly LabelledText[], s: TrainingSettings): Trained {
  const feats = data.map((e) => hashedFeatures(e.folded, s.buckets));
  const positives = data.filter((e) => e.positive).length;
  const wPos = data.length / (2 * positives);
  const wNeg = data.length / (2 * (data.length - positives));
  const weights = new Float64Array(s.buckets);
  let bias = 0;
  for (let round = 0; round < s.rounds; round++) {
    const grad = new Float64Array(s.buckets);
    let gBias = 0;
    data.forEach((e, i) => {
      let z = bias;
      for (const f of feats[i]!) z += weights[f]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - (e.positive ? 1 : 0)) * (e.positive ? wPos : wNeg);
      gBias += err;
      for (const f of feats[i]!) grad[f] += err;
    });
    bias -= (s.learningRate * gBias) / data.length;
    for (let f = 0; f < s.buckets; f++)
      weights[f] -= s.learningRate * (grad[f]! / data.length + s.l2 * weights[f]!);
  }
  return { bias, weights };
}

function score(model: Trained, folded: string, buckets: number): number {
  let z = model.bias;
  for (const f of hashedFeatures(folded, buckets)) z += model.weights[f]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Cross-validation (every `folds`-th line held out in turn), then the final model on all the data. `names`
 * say what a positive and a hit are called in the report ("urgent", "Recall", "FalseAlarm").
 */
export function trainLogistic(
  data: readonly LabelledText[],
  s: TrainingSettings,
  names: { positives: string; recall: string; falseAlarm: string },
  thresholds: readonly number[],
  comment: string,
): LogisticModelFile {
  const held: { positive: boolean; p: number }[] = [];
  for (let k = 0; k < s.folds; k++) {
    const model = train(
      data.filter((_, i) => i % s.folds !== k),
      s,
    );
    data.forEach((e, i) => {
      if (i % s.folds === k) held.push({ positive: e.positive, p: score(model, e.folded, s.buckets) });
    });
  }
  const positives = data.filter((e) => e.positive).length;
  const report: Record<string, number> = { examples: data.length, [names.positives]: positives };
  for (const threshold of thresholds) {
    const tp = held.filter((h) => h.positive && h.p >= threshold).length;
    const fp = held.filter((h) => !h.positive && h.p >= threshold).length;
    report[`cv${names.recall}At${threshold}`] = Math.round((1000 * tp) / positives) / 1000;
    report[`cv${names.falseAlarm}At${threshold}`] =
      Math.round((1000 * fp) / (data.length - positives)) / 1000;
  }
  const final = train(data, s);
  // 4 decimals: the scores' third decimal is unchanged; `|| 0` writes 0 rather than -0.
  const weights = Array.from(final.weights, (w) => Math.round(w * 1e4) / 1e4 || 0);
  return {
    $comment: [comment],
    buckets: s.buckets,
    bias: Math.round(final.bias * 1e4) / 1e4,
    weights,
    trainedOn: report,
  };
}

/** Writes the model, or with --check fails (exit 1) when the committed file differs from this training. */
export function writeOrCheck(file: string, model: LogisticModelFile, command: string): void {
  const text = JSON.stringify(model) + '\n';
  const name = path.relative(path.join(path.dirname(file), '..'), file);
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error(`${name} differs from a fresh training: run ${command}`);
      process.exit(1);
    }
    console.log(`${name} is what the training script writes`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${path.relative(process.cwd(), file)} (${text.length} bytes)`);
  }
  console.log(model.trainedOn);
}
