import { evaluate, loadEvalQuestions, pct } from '../../../src/guidance/evaluation';

/**
 * Runs the same evaluation as `npm run eval` and fails below the targets. Thresholds apply to the
 * whole set; the held-out split is reported by the script.
 */
describe('evaluation set', () => {
  const questions = loadEvalQuestions();
  const report = evaluate(questions);
  const r = (key: string) => report.byLangKind[key] ?? { right: 0, total: 0 };
  const merge = (...keys: string[]) =>
    keys
      .map(r)
      .reduce((a, b) => ({ right: a.right + b.right, total: a.total + b.total }), { right: 0, total: 0 });

  it('is big and varied enough to mean something', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(questions.filter((q) => q.lang === 'fr').length).toBeGreaterThanOrEqual(60);
    expect(questions.filter((q) => q.kind === 'out-of-scope').length).toBeGreaterThanOrEqual(20);
    expect(questions.filter((q) => q.kind === 'urgent').length).toBeGreaterThanOrEqual(20);
    expect(questions.filter((q) => q.split === 'dev').length).toBeGreaterThanOrEqual(questions.length * 0.2);
  });

  it('answers ≥ 90% of English in-scope questions with the right passage', () => {
    expect(pct(r('en answer'))).toBeGreaterThanOrEqual(0.9);
  });
  it('answers ≥ 85% of French in-scope questions with the right passage', () => {
    expect(pct(r('fr answer'))).toBeGreaterThanOrEqual(0.85);
  });
  it('declines ≥ 95% of out-of-scope questions', () => {
    expect(pct(merge('en out-of-scope', 'fr out-of-scope'))).toBeGreaterThanOrEqual(0.95);
  });
  it('routes every urgent situation as urgent', () => {
    expect(report.confusion.urgent.urgent).toBe(questions.filter((q) => q.kind === 'urgent').length);
  });
  it('beats plain BM25 over the raw passages by far', () => {
    expect(pct(r('en answer'))).toBeGreaterThan(pct(report.baseline.en) + 0.25);
    expect(pct(r('fr answer'))).toBeGreaterThan(pct(report.baseline.fr) + 0.25);
  });
});
