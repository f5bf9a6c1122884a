import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../shared/projectRoot';
import { hashedFeatures } from './hashedFeatures';

/**
 * A small logistic-regression score of how much a message reads like someone in danger now, trained by
 * `npm run train:danger` (scripts/train-danger.ts) on the labelled sets in test/eval/ and stored in
 * content/danger-model.json. It never raises urgency by itself: a danger.json rule of kind "model" holds
 * only when the score is high AND one of the rule's signal groups has a signal in the message, so the
 * model only decides between cases the lexicon already flags as possibly dangerous but not clearly.
 *
 * Features: see hashedFeatures.ts.
 */

export const DANGER_MODEL_FILE = path.join(PROJECT_ROOT, 'content', 'danger-model.json');

const ModelSchema = z
  .object({
    $comment: z.array(z.string()).optional(),
    buckets: z.number().int().positive(),
    bias: z.number(),
    /** [bucket, weight] for every bucket with a weight. */
    weights: z.array(z.tuple([z.number().int().nonnegative(), z.number()])),
    /** What the training measured, for the README and `npm run explain`. */
    trainedOn: z.record(z.number()),
  })
  .strict();

export type DangerModelFile = z.infer<typeof ModelSchema>;

export class DangerModel {
  private readonly weights: Float64Array;

  constructor(private readonly file: DangerModelFile) {
    this.weights = new Float64Array(file.buckets);
    for (const [bucket, weight] of file.weights) this.weights[bucket] = weight;
  }

  /** Probability-like score in 0..1. */
  score(folded: string): number {
    let z = this.file.bias;
    for (const f of hashedFeatures(folded, this.file.buckets)) z += this.weights[f]!;
    return 1 / (1 + Math.exp(-z));
  }
}

export function parseDangerModel(raw: unknown): DangerModelFile {
  return ModelSchema.parse(raw);
}

/** The trained model, or undefined when none has been trained (danger.json's model rules then never hold). */
export function loadDangerModel(file = DANGER_MODEL_FILE): DangerModel | undefined {
  if (!existsSync(file)) return undefined;
  return new DangerModel(parseDangerModel(JSON.parse(readFileSync(file, 'utf8'))));
}
