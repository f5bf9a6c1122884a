import path from 'node:path';
import { PROJECT_ROOT } from '../../shared/projectRoot';
import { LogisticModelSchema, loadLogisticModel, type LogisticModel } from './logisticModel';

/**
 * A small logistic-regression score of how much a question reads like one the guidance does not cover (leave,
 * staffing, IT, official accounts, another task…), trained by `npm run train:scope` (scripts/train-scope.ts)
 * on the labelled sets in test/eval/ (their answerable and out-of-scope questions) and stored in
 * content/scope-model.json. It only ever declines, never raises urgency, and only a question the rules would
 * otherwise answer (see OFF_TOPIC_SCORE in thresholds.ts).
 */
export const SCOPE_MODEL_FILE = path.join(PROJECT_ROOT, 'content', 'scope-model.json');

export function parseScopeModel(raw: unknown): void {
  LogisticModelSchema.parse(raw);
}

/** The trained model, or undefined when none has been trained (then only the rules decline). */
export function loadScopeModel(file = SCOPE_MODEL_FILE): LogisticModel | undefined {
  return loadLogisticModel(file);
}
