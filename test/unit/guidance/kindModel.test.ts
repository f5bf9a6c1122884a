import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/projectRoot';
import { createAnswerer } from '../../../src/guidance/answerer';
import { loadEvalQuestions } from '../../../src/guidance/evaluation';
import {
  features,
  KIND_CLASSES,
  LinearHead,
  loadKindModel,
  MODEL_FILE,
  modelFromFile,
  PackedHeads,
  type KindModelFile,
} from '../../../src/guidance/kindModel';
import { normaliseQuestion } from '../../../src/guidance/normalise';

/**
 * The learned kind classifier (content/kind-model.json, `npm run train:kind`). Held-out checks use
 * blind rounds 4 and 5, which the training script never reads; thresholds sit a little below what
 * the model reaches on its own (the pipeline OR-s it with the rules).
 */
const model = loadKindModel()!;
const fold = (q: string): string => normaliseQuestion(q).folded;

describe('kind model', () => {
  it('loads quickly and is small', () => {
    expect(model).not.toBeNull();
    expect(statSync(MODEL_FILE).size).toBeLessThan(2 * 1024 * 1024);
    const t0 = Date.now();
    modelFromFile(JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as KindModelFile);
    expect(Date.now() - t0).toBeLessThan(500);
  });

  it('is deterministic and gives probabilities', () => {
    const q = fold('My employee posted a photo of a Secret document on Instagram');
    const a = model.predict(q);
    const b = model.predict(q);
    expect(a).toEqual(b);
    expect(a.pInScope + a.pUrgent + a.pOutOfScope).toBeCloseTo(1, 5);
    expect(features(q, model.dim)).toEqual(features(q, model.dim));
  });

  it('scores with the packed inference layout exactly as with the training layout', () => {
    // Seeded pseudo-random weights: the check is about the layout, not about one trained file.
    const dim = 4096;
    let seed = 42;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
    const head = (classes: number) =>
      new LinearHead(
        dim,
        classes,
        Float32Array.from({ length: dim * classes }, random),
        Float32Array.from({ length: classes }, random),
      );
    const [kind, topic] = [head(3), head(6)];
    const packed = new PackedHeads([kind, topic]);
    for (const { q } of loadEvalQuestions()) {
      const x = features(fold(q), dim);
      expect(packed.logits(x)).toEqual([kind.logits(x), topic.logits(x)]);
    }
  });

  it('was trained without the held-out blind rounds', () => {
    const file = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as KindModelFile;
    expect(file.trainedOn.files.some((f) => /round[45]/.test(f))).toBe(false);
  });

  it('recognises the three kinds and the urgent topic in both languages', () => {
    expect(
      model.predict(fold("My analyst posted last night that she doesn't want to live anymore")).topic,
    ).toBe('self-harm');
    const fr = model.predict(
      fold('Un journaliste de La Presse m’appelle au sujet du gazouillis de mon employé'),
    );
    expect(fr.pUrgent).toBeGreaterThan(0.5);
    expect(fr.topic).toBe('journalist');
    expect(
      model.predict(fold('How do I submit a leave request in the pay system?')).pOutOfScope,
    ).toBeGreaterThan(0.5);
    expect(model.predict(fold('Can my employees share political opinions online?')).pInScope).toBeGreaterThan(
      0.5,
    );
  });

  it.each(['blind-round4.jsonl', 'blind-round5.jsonl'])('alone, classifies held-out %s well', (file) => {
    const qs = loadEvalQuestions(path.join(PROJECT_ROOT, 'test', 'eval', file)).filter((q) =>
      ['answer', 'urgent', 'out-of-scope'].includes(q.kind),
    );
    const want = (k: string) => (k === 'answer' ? 'in-scope' : k);
    let right = 0;
    let urgentCaught = 0;
    let urgent = 0;
    for (const q of qs) {
      const p = model.predict(fold(q.q));
      const probs = [p.pInScope, p.pUrgent, p.pOutOfScope];
      if (KIND_CLASSES[probs.indexOf(Math.max(...probs))] === want(q.kind)) right += 1;
      if (q.kind === 'urgent') {
        urgent += 1;
        if (p.pUrgent >= model.thresholds.urgentGeneral) urgentCaught += 1;
      }
    }
    expect(right / qs.length).toBeGreaterThanOrEqual(0.87);
    expect(urgentCaught / urgent).toBeGreaterThanOrEqual(0.8);
  });

  it('can be switched off: the rules then decide alone', () => {
    const rulesOnly = createAnswerer(undefined, { kindModel: null });
    expect(rulesOnly.answer('Can my employees share political opinions online?').kind).toBe('answer');
  });
});
