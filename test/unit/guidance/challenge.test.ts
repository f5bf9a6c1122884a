import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/projectRoot';
import { loadContent } from '../../../src/guidance/content';
import { evaluate, loadEvalQuestions } from '../../../src/guidance/evaluation';
import { itMeetsProductTargets } from './targets';

/**
 * The challenge set (test/eval/challenge.jsonl) was written independently of questions.jsonl, in
 * managers' own wording: terse, rambling, typos, unaccented and informal Québec French, named
 * colleagues, out-of-scope requests that use social-media words, indirect urgent situations.
 * Thresholds sit a little below what the pipeline reaches, and at the product targets where it
 * reaches them, so a change that helps questions.jsonl but hurts these shows up.
 */
describe('challenge set', () => {
  const questions = loadEvalQuestions(path.join(PROJECT_ROOT, 'test', 'eval', 'challenge.jsonl'));
  const report = evaluate(questions);

  it('is big and varied enough to mean something', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(questions.filter((q) => q.lang === 'fr').length).toBeGreaterThanOrEqual(70);
    expect(questions.filter((q) => q.kind === 'out-of-scope').length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => q.kind === 'urgent').length).toBeGreaterThanOrEqual(30);
  });

  it('targets every passage with at least two questions', () => {
    const counts = new Map<string, number>();
    for (const q of questions)
      if (q.kind === 'answer') counts.set(q.passages[0]!, (counts.get(q.passages[0]!) ?? 0) + 1);
    const thin = loadContent()
      .passages.map((p) => p.id)
      .filter((id) => (counts.get(id) ?? 0) < 2);
    expect(thin).toEqual([]);
  });

  itMeetsProductTargets(questions, report);
  it('says "unsure" to at most 5% of the questions', () => {
    const unsure = Object.values(report.confusion).reduce((s, row) => s + row.unsure, 0);
    expect(unsure / questions.length).toBeLessThanOrEqual(0.05);
  });
});
