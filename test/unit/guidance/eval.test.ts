import { evaluate, loadEvalQuestions, pct } from '../../../src/guidance/evaluation';
import { itMeetsProductTargets, scores } from './targets';

/**
 * Runs the same evaluation as `npm run eval` and fails below the targets. Thresholds apply to the
 * whole set; the held-out split is reported by the script.
 */
describe('evaluation set', () => {
  const questions = loadEvalQuestions();
  const report = evaluate(questions);
  const { r } = scores(report);

  it('is big and varied enough to mean something', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(questions.filter((q) => q.lang === 'fr').length).toBeGreaterThanOrEqual(60);
    expect(questions.filter((q) => q.kind === 'out-of-scope').length).toBeGreaterThanOrEqual(20);
    expect(questions.filter((q) => q.kind === 'urgent').length).toBeGreaterThanOrEqual(20);
    expect(questions.filter((q) => q.split === 'dev').length).toBeGreaterThanOrEqual(questions.length * 0.2);
  });

  itMeetsProductTargets(questions, report);
  it('beats plain BM25 over the raw passages by far', () => {
    expect(pct(r('en answer'))).toBeGreaterThan(pct(report.baseline.en) + 0.25);
    expect(pct(r('fr answer'))).toBeGreaterThan(pct(report.baseline.fr) + 0.25);
  });
});
