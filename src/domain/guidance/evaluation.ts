import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../shared/i18n/lang';
import { PROJECT_ROOT } from '../../shared/projectRoot';
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
  split: string;
  /** Style and sub-type labels (narrative, verdict, quebec, not-urgent-trap…), when the set has them. */
  tags?: string[];
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
export interface AlarmCount {
  alarms: number;
  total: number;
}
export const pct = (r: Ratio): number => (r.total === 0 ? 1 : r.right / r.total);

export interface EvalReport {
  /** keys like "en answer", "fr urgent"; values over the chosen split(s) */
  byLangKind: Record<string, Ratio>;
  /** Per tag: right (answer: top passage accepted; other kinds: right kind) over the questions with the tag. */
  byTag: Record<string, Ratio>;
  /** Per language, answer questions whose FIRST listed passage is among the passages quoted. */
  firstListedQuoted: Record<Lang, Ratio>;
  /** Crisis card shown for a question that is not urgent: over all of them, and over the not-urgent traps. */
  falseUrgent: { all: AlarmCount; traps: AlarmCount };
  confusion: Record<AnswerKind, Record<AnswerKind, number>>;
  baseline: Record<Lang, Ratio>;
  failures: { q: string; expected: string; got: string; tags: string[] }[];
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
  const firstListedQuoted: Record<Lang, Ratio> = { en: { right: 0, total: 0 }, fr: { right: 0, total: 0 } };
  const falseUrgent = { all: { alarms: 0, total: 0 }, traps: { alarms: 0, total: 0 } };
  const byTag: Record<string, Ratio> = {};
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
        got: `${r.kind} ${r.passages.map((p) => p.id).join('|')}`,
        tags: item.tags ?? [],
      });
    for (const tag of item.tags ?? []) {
      const t = (byTag[tag] ??= { right: 0, total: 0 });
      t.total += 1;
      if (ok) t.right += 1;
    }
    if (item.kind !== 'urgent') {
      const alarm = r.kind === 'urgent' ? 1 : 0;
      falseUrgent.all.total += 1;
      falseUrgent.all.alarms += alarm;
      if (item.tags?.includes('not-urgent-trap')) {
        falseUrgent.traps.total += 1;
        falseUrgent.traps.alarms += alarm;
      }
    }
    if (item.kind === 'answer') {
      firstListedQuoted[item.lang].total += 1;
      if (r.kind === 'answer' && r.passages.some((p) => p.id === item.passages[0]))
        firstListedQuoted[item.lang].right += 1;
      baseline[item.lang].total += 1;
      const b = baselineIdx[item.lang].top(item.q);
      if (b && item.passages.includes(b.id)) baseline[item.lang].right += 1;
    }
  }
  return { byLangKind, byTag, firstListedQuoted, falseUrgent, confusion, baseline, failures };
}

/** A message labelled only for danger (test/eval/danger-tune-*.jsonl): urgent or not, and which danger. */
export interface DangerQuestion {
  q: string;
  lang: Lang;
  urgent: boolean;
  topic: string | null;
}

export function loadDangerQuestions(file: string): DangerQuestion[] {
  return loadEvalQuestions(file) as unknown as DangerQuestion[];
}

/** Crisis-card recall on the urgent messages, and false alarms on the others. */
export function evaluateDanger(
  questions: readonly DangerQuestion[],
  answerer: Answerer = createAnswerer(),
): { recall: Ratio; falseAlarms: AlarmCount; missed: string[]; alarmed: string[] } {
  const recall = { right: 0, total: 0 };
  const falseAlarms = { alarms: 0, total: 0 };
  const missed: string[] = [];
  const alarmed: string[] = [];
  for (const item of questions) {
    const urgent = answerer.answer(item.q, { lang: item.lang }).kind === 'urgent';
    if (item.urgent) {
      recall.total += 1;
      if (urgent) recall.right += 1;
      else missed.push(item.q);
    } else {
      falseAlarms.total += 1;
      if (urgent) {
        falseAlarms.alarms += 1;
        alarmed.push(item.q);
      }
    }
  }
  return { recall, falseAlarms, missed, alarmed };
}
