/**
 * `npm run hints -- [--prune]`: what content/retrieval-hints.json contributes to answers, measured on the
 * repository's tuning sets (test/eval: questions, challenge, blind rounds, fresh-tune).
 *   1. Each family (topic labels, example questions, keywords) taken out in turn: top-1 right with and without.
 *   2. Each example question and keyword taken out alone: the questions whose answer it changes. A hint whose
 *      removal loses exactly one question of the sets the hints were written against (questions, challenge,
 *      blind rounds) and changes nothing in the sets written later (fresh-tune, fresh-tune-2) only repairs
 *      that question: it was written for it and teaches the bot nothing that carries over. `--prune` deletes
 *      those from the file.
 * Slow (a few minutes): one index per hint, each scored on the questions that hint's passage touches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createAnswerer } from '../src/domain/guidance/answerer';
import { parseContent } from '../src/domain/guidance/content';
import { loadEvalQuestions, type EvalQuestion } from '../src/domain/guidance/evaluation';
import { PROJECT_ROOT } from '../src/shared/projectRoot';
import { EARLIER_SETS } from './evalSets';

type Hints = {
  passages: Record<
    string,
    {
      topic: { en: string; fr: string };
      questions: { en: string[]; fr: string[] };
      keywords: { en: string[]; fr: string[] };
      relatedResources: string[];
    }
  >;
};

const CONTENT = path.join(PROJECT_ROOT, 'content');
const HINTS_FILE = path.join(CONTENT, 'retrieval-hints.json');
const read = (f: string): unknown => JSON.parse(readFileSync(path.join(CONTENT, f), 'utf8'));
const guidance = read('guidance.json');
const resources = read('related-resources.json');
const original = read('retrieval-hints.json') as Hints;

const SETS = [...EARLIER_SETS, 'fresh-tune', 'fresh-tune-2'];
/** Sets written after the hints: a hint that helps one of their questions carried over to it. */
const LATER = new Set(['fresh-tune', 'fresh-tune-2']);
const tagged = SETS.flatMap((s) =>
  loadEvalQuestions(path.join(PROJECT_ROOT, 'test', 'eval', `${s}.jsonl`)).map((q) => ({
    q,
    later: LATER.has(s),
  })),
).filter(({ q }) => q.kind === 'answer');
const questions: EvalQuestion[] = tagged.map(({ q }) => q);

function answererWith(hints: Hints) {
  return createAnswerer(parseContent({ guidance, hints, resources }));
}
const right = (a: ReturnType<typeof answererWith>, q: EvalQuestion) => {
  const r = a.answer(q.q, { lang: q.lang });
  return r.kind === 'answer' && q.passages.includes(r.passages[0]?.id ?? '');
};

const clone = (h: Hints): Hints => JSON.parse(JSON.stringify(h)) as Hints;
const baseline = answererWith(original);
const baseRight = questions.map((q) => right(baseline, q));
const score = (flags: boolean[]) => flags.filter(Boolean).length;
console.log(
  `answer questions in the tuning sets: ${questions.length}; top-1 right with all hints: ${score(baseRight)}`,
);

// 1. Families.
for (const family of ['questions', 'keywords', 'topic'] as const) {
  const h = clone(original);
  for (const p of Object.values(h.passages)) {
    if (family === 'topic') p.topic = { en: '-', fr: '-' };
    else p[family] = family === 'questions' ? { en: ['-'], fr: ['-'] } : { en: [], fr: [] };
  }
  const a = answererWith(h);
  console.log(`without ${family.padEnd(9)}: ${score(questions.map((q) => right(a, q)))}`);
}

// 2. Each hint alone, scored on the questions that name its passage or whose answer quotes it.
const relevant = new Map<string, number[]>();
questions.forEach((q, i) => {
  const quoted = baseline.answer(q.q, { lang: q.lang }).passages.map((p) => p.id);
  for (const id of new Set([...q.passages, ...quoted]))
    (relevant.get(id) ?? relevant.set(id, []).get(id)!).push(i);
});
const singleRepairs: {
  passage: string;
  family: 'questions' | 'keywords';
  lang: 'en' | 'fr';
  text: string;
}[] = [];
let tried = 0;
for (const [id, hint] of Object.entries(original.passages)) {
  const idx = relevant.get(id) ?? [];
  for (const family of ['questions', 'keywords'] as const)
    for (const lang of ['en', 'fr'] as const)
      hint[family][lang].forEach((text, k) => {
        if (family === 'questions' && hint.questions[lang].length === 1) return; // the schema needs one
        tried += 1;
        const h = clone(original);
        h.passages[id]![family][lang].splice(k, 1);
        const a = answererWith(h);
        let lost = 0;
        let changedLater = 0;
        for (const i of idx) {
          const now = right(a, questions[i]!);
          if (now === baseRight[i]) continue;
          if (tagged[i]!.later) changedLater += 1;
          else if (baseRight[i]) lost += 1;
          else lost += 2; // removing it helped an older question: not a single repair
        }
        if (lost === 1 && changedLater === 0) singleRepairs.push({ passage: id, family, lang, text });
      });
}
console.log(`hints tried alone: ${tried}; hints that only repair a single question: ${singleRepairs.length}`);
for (const s of singleRepairs) console.log(`  ${s.passage} ${s.family}.${s.lang}: ${s.text}`);

if (process.argv.includes('--prune')) {
  const h = clone(original);
  for (const s of singleRepairs) {
    const list = h.passages[s.passage]![s.family][s.lang];
    list.splice(list.indexOf(s.text), 1);
  }
  writeFileSync(HINTS_FILE, JSON.stringify(h, null, 2) + '\n');
  const after = answererWith(h);
  console.log(`pruned; top-1 right now: ${score(questions.map((q) => right(after, q)))}`);
}
