import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../shared/projectRoot';
import { passageFeatures } from './hashedFeatures';

/**
 * A learned passage score: for a question, how likely each passage is to be the one that answers it, learned
 * from the repository's labelled manager questions by `npm run train:passages` (scripts/train-passages.ts) and
 * stored in content/passage-model.json. Retrieval and concepts know the guidance's words and the ideas someone
 * wrote down; managers use other words, and a score learned from a few thousand of their questions carries to
 * wordings nobody listed (measured on sets it never saw: see the README, "Answer quality").
 *
 * A softmax regression over hashed features (passageFeatures in hashedFeatures.ts: the whole message's, and the
 * asking sentences' words marked apart). Weights are stored as signed bytes with one scale, base64-encoded: about a
 * megabyte instead of several in JSON numbers.
 */

export const PASSAGE_MODEL_FILE = path.join(PROJECT_ROOT, 'content', 'passage-model.json');

const ModelSchema = z
  .object({
    $comment: z.array(z.string()).optional(),
    buckets: z.number().int().positive(),
    /** The passages the model scores, in the order of its weight columns. */
    passages: z.array(z.string()).min(2),
    bias: z.array(z.number()),
    /** weight = byte × scale, bucket-major: bytes[bucket × passages + passage]. */
    scale: z.number().positive(),
    weights: z.string(),
    /** What the training measured, for the README. */
    trainedOn: z.record(z.number()),
  })
  .strict();

export type PassageModelFile = z.infer<typeof ModelSchema>;

/** A passage's probability by id (undefined for a passage the model does not score). */
export interface PassageProbabilities {
  get(id: string): number | undefined;
}

export class PassageModel {
  private readonly weights: Int8Array;
  readonly passages: readonly string[];
  private readonly columnOf: ReadonlyMap<string, number>;
  private readonly bias: Float64Array;
  /** Buffers of `score`, reused: it runs once per answer and needs nothing from one call to the next. */
  private readonly logits: Float64Array;
  private readonly sums: Int32Array;
  private total = 1;
  /** What `score` returns: reads the buffers, so it holds the last call's probabilities only. */
  private readonly latest: PassageProbabilities = {
    get: (id) => {
      const column = this.columnOf.get(id);
      return column === undefined ? undefined : this.logits[column]! / this.total;
    },
  };

  constructor(private readonly file: PassageModelFile) {
    const bytes = Buffer.from(file.weights, 'base64');
    this.weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    this.passages = file.passages;
    if (
      this.weights.length !== file.buckets * file.passages.length ||
      file.bias.length !== file.passages.length
    )
      throw new Error('passage-model.json: the weights do not match the buckets and passages it names');
    this.columnOf = new Map(file.passages.map((id, column) => [id, column]));
    this.bias = Float64Array.from(file.bias);
    this.logits = new Float64Array(file.passages.length);
    this.sums = new Int32Array(file.passages.length);
  }

  /**
   * Each passage's probability for a folded, respelled question, valid until the next call (the answering
   * path reads them at once; a map of them per answer was a few KB of garbage).
   */
  score(folded: string, asked = ''): PassageProbabilities {
    const k = this.passages.length;
    const z = this.logits;
    const sums = this.sums;
    // In a local: the inner loop (passages × features, the bulk of the time) then reads no field.
    const weights = this.weights;
    sums.fill(0);
    for (const f of passageFeatures(folded, this.file.buckets, asked)) {
      const row = f * k;
      for (let c = 0; c < k; c++) sums[c] += weights[row + c]!;
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      z[c] = this.bias[c]! + sums[c]! * this.file.scale;
      if (z[c]! > max) max = z[c]!;
    }
    let total = 0;
    for (let c = 0; c < k; c++) {
      z[c] = Math.exp(z[c]! - max);
      total += z[c]!;
    }
    this.total = total;
    return this.latest;
  }

  /** Each passage's probability for a folded, respelled question, in a map of its own. */
  probabilities(folded: string): Map<string, number> {
    const p = this.score(folded);
    return new Map(this.passages.map((id) => [id, p.get(id)!]));
  }
}

export function parsePassageModel(raw: unknown): PassageModelFile {
  return ModelSchema.parse(raw);
}

/** The trained model, or undefined when none has been trained (answers then rest on retrieval and concepts). */
export function loadPassageModel(file = PASSAGE_MODEL_FILE): PassageModel | undefined {
  if (!existsSync(file)) return undefined;
  return new PassageModel(parsePassageModel(JSON.parse(readFileSync(file, 'utf8'))));
}
