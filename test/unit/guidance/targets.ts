import { pct } from '../../../src/guidance/evaluation';
import type { evaluate, loadEvalQuestions } from '../../../src/guidance/evaluation';

type Report = ReturnType<typeof evaluate>;
type Questions = ReturnType<typeof loadEvalQuestions>;

/** Right/total per "lang kind" key of an evaluation report, and the sum of several keys. */
export function scores(report: Report) {
  const r = (key: string) => report.byLangKind[key] ?? { right: 0, total: 0 };
  const merge = (...keys: string[]) =>
    keys
      .map(r)
      .reduce((a, b) => ({ right: a.right + b.right, total: a.total + b.total }), { right: 0, total: 0 });
  return { r, merge };
}

/** The product targets, as tests, for a labelled question set. */
export function itMeetsProductTargets(questions: Questions, report: Report): void {
  const { r, merge } = scores(report);
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
}
