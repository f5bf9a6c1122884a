import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/projectRoot';
import { evaluate, loadEvalQuestions, pct } from '../../../src/guidance/evaluation';
import { scores } from './targets';

/**
 * Blind rounds: sets written from the guidance alone, before looking at the classifier (round 3)
 * or after a method change but before looking at its failures (round 4). Thresholds sit a little
 * below what the pipeline reaches, so a change that overfits the tuned sets shows up here; urgent
 * routing stays at 100%.
 */
const SETS: { file: string; en: number; fr: number; min: number }[] = [
  { file: 'blind-round3.jsonl', en: 0.92, fr: 0.9, min: 160 },
  { file: 'blind-round4.jsonl', en: 0.84, fr: 0.86, min: 60 },
  // round 5: written before the learned kind classifier; held out from its training
  { file: 'blind-round5.jsonl', en: 0.8, fr: 0.93, min: 120 },
  // round 6: in-scope only, every passage a target, written before the passage-choice work looked
  // at retrieval code; used for evaluation only. 70/90 en and 43/49 fr when added; 80/90 and 46/49 after
  // the broader per-passage hints (whose author checked round-6 totals, so it is no longer fully blind).
  { file: 'blind-round6.jsonl', en: 0.85, fr: 0.9, min: 100 },
  // round 7: in-scope only, written from the guidance text alone by someone who saw neither the code nor the
  // hints; the broader hints were written without seeing it. First measured 83.3% en / 92.5% fr, then
  // 90.0% / 90.0% with the broader hints. Evaluation only.
  { file: 'blind-round7.jsonl', en: 0.86, fr: 0.85, min: 120 },
];

describe.each(SETS)('blind set $file', ({ file, en, fr, min }) => {
  const questions = loadEvalQuestions(path.join(PROJECT_ROOT, 'test', 'eval', file));
  const report = evaluate(questions);
  const { r, merge } = scores(report);

  it('is big enough to mean something', () => {
    expect(questions.length).toBeGreaterThanOrEqual(min);
  });
  it(`answers ≥ ${en * 100}% of English in-scope questions with the right passage`, () => {
    expect(pct(r('en answer'))).toBeGreaterThanOrEqual(en);
  });
  it(`answers ≥ ${fr * 100}% of French in-scope questions with the right passage`, () => {
    expect(pct(r('fr answer'))).toBeGreaterThanOrEqual(fr);
  });
  it('declines ≥ 95% of out-of-scope questions', () => {
    expect(pct(merge('en out-of-scope', 'fr out-of-scope'))).toBeGreaterThanOrEqual(0.95);
  });
  it('routes every urgent situation as urgent', () => {
    expect(report.confusion.urgent.urgent).toBe(questions.filter((q) => q.kind === 'urgent').length);
  });
});
