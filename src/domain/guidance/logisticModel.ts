import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { hashedFeatures } from './hashedFeatures';

/**
 * A small logistic-regression score over hashed word features (hashedFeatures.ts), trained by a script in
 * scripts/ on the labelled sets in test/eval/ and stored as JSON in content/: the danger score
 * (dangerModel.ts) and the off-topic score (scopeModel.ts) are two of these.
 */
export const LogisticModelSchema = z
  .object({
    $comment: z.array(z.string()).optional(),
    buckets: z.number().int().positive(),
    bias: z.number(),
    /** One weight per bucket, in bucket order (dense: most buckets have one, and pairs cost twice the bytes). */
    weights: z.array(z.number()),
    /** What the training measured, for the README and `npm run explain`. */
    trainedOn: z.record(z.number()),
  })
  .strict()
  .refine((m) => m.weights.length === m.buckets, { message: 'one weight per bucket' });

export type LogisticModelFile = z.infer<typeof LogisticModelSchema>;

export class LogisticModel {
  private readonly weights: Float64Array;

  constructor(private readonly file: LogisticModelFile) {
    this.weights = Float64Array.from(file.weights);
  }

  /** Probability-like score in 0..1. */
  score(folded: string): number {
    let z = this.file.bias;
    for (const f of hashedFeatures(folded, this.file.buckets)) z += this.weights[f]!;
    return 1 / (1 + Math.exp(-z));
  }
}

/** The trained model in `file`, or undefined when none has been trained. */
export function loadLogisticModel(file: string): LogisticModel | undefined {
  if (!existsSync(file)) return undefined;
  return new LogisticModel(LogisticModelSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
}
