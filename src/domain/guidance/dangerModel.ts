import path from 'node:path';
import { PROJECT_ROOT } from '../../shared/projectRoot';
import {
  LogisticModel,
  LogisticModelSchema,
  loadLogisticModel,
  type LogisticModelFile,
} from './logisticModel';

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

export type DangerModelFile = LogisticModelFile;
export type DangerModel = LogisticModel;

export function parseDangerModel(raw: unknown): DangerModelFile {
  return LogisticModelSchema.parse(raw);
}

/** The trained model, or undefined when none has been trained (danger.json's model rules then never hold). */
export function loadDangerModel(file = DANGER_MODEL_FILE): DangerModel | undefined {
  return loadLogisticModel(file);
}
