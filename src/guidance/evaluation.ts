import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/lang';
import { PROJECT_ROOT } from '../projectRoot';
import { createAnswerer, type AnswerKind, type Answerer } from './answerer';
import { BaselineIndex } from './retrieve';

/**
 * The evaluation behind `npm run eval` and the threshold test, in one place so the two can
 * never disagree. An in-scope question counts as right only when the answer is of kind
 * 'answer' and its first quoted passage is one of the accepted ids.
 */

export interface EvalQuestion {
  q: string;
  lang: Lang;
  kind: AnswerKind;
  passages: string[];
  split: 'train' | 'dev' | 'challenge';
}

export const EVAL_FILE = path.join(PROJECT_ROOT, 'test', 'eval', 'questions.jsonl');

export function loadEvalQuestions(file = EVAL_FILE): EvalQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvalQuestion);
}

export interface Ratio {
  right: number;
  total: number;
}
export const pct = (r: Ratio): number => (r.total === 0 ? 1 : r.right / r.total);

export interface EvalReport {
  /** keys like "en answer", "fr urgent"; values over the chosen split(s) */
  byLangKind: Record<string, Ratio>;
  confusion: Record<AnswerKind, Record<AnswerKind, number>>;
  baseline: Record<Lang, Ratio>;
  failures: { q: string; expected: string; got: string }[];
}

const KINDS: AnswerKind[] = ['answer', 'urgent', 'out-of-scope', 'unsure', 'smalltalk'];

export function evaluate(questions: EvalQuestion[], answerer: Answerer = createAnswerer()): EvalReport {
  const byLangKind: Record<string, Ratio> = {};
  const confusion = Object.fromEntries(
    KINDS.map((k) => [k, Object.fromEntries(KINDS.map((k2) => [k2, 0]))]),
  ) as EvalReport['confusion'];
  const baselineIdx = {
    en: new BaselineIndex(answerer.content, 'en'),
    fr: new BaselineIndex(answerer.content, 'fr'),
  };
  const baseline: Record<Lang, Ratio> = { en: { right: 0, total: 0 }, fr: { right: 0, total: 0 } };
  const failures: EvalReport['failures'] = [];

  for (const item of questions) {
    const r = answerer.answer(item.q, { lang: item.lang });
    confusion[item.kind][r.kind] += 1;
    const key = `${item.lang} ${item.kind}`;
    const ratio = (byLangKind[key] ??= { right: 0, total: 0 });
    ratio.total += 1;
    const top = r.passages[0]?.id;
    const ok =
      item.kind === 'answer'
        ? r.kind === 'answer' && top !== undefined && item.passages.includes(top)
        : r.kind === item.kind;
    if (ok) ratio.right += 1;
    else
      failures.push({
        q: item.q,
        expected: `${item.kind} ${item.passages.join('|')}`,
        got: `${r.kind} ${top ?? ''}`,
      });
    if (item.kind === 'answer') {
      baseline[item.lang].total += 1;
      const b = baselineIdx[item.lang].top(item.q);
      if (b && item.passages.includes(b.id)) baseline[item.lang].right += 1;
    }
  }
  return { byLangKind, confusion, baseline, failures };
}
