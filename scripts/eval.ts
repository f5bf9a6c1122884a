/**
 * `npm run eval`: accuracy of the answering pipeline on test/eval/questions.jsonl, per split,
 * language and kind, with the kind confusion matrix and a plain-BM25 baseline for comparison.
 * `--failures` also lists the questions answered wrongly.
 */
import { evaluate, loadEvalQuestions, pct, type EvalReport } from '../src/guidance/evaluation';
import { createAnswerer } from '../src/guidance/answerer';

const showFailures = process.argv.includes('--failures');
const all = loadEvalQuestions();
const answerer = createAnswerer();
const fmt = (r: { right: number; total: number }): string =>
  `${(100 * pct(r)).toFixed(1).padStart(5)}%  (${r.right}/${r.total})`;

function print(title: string, report: EvalReport): void {
  console.log(`\n== ${title} ==`);
  for (const key of Object.keys(report.byLangKind).sort())
    console.log(`  ${key.padEnd(18)} ${fmt(report.byLangKind[key]!)}`);
  console.log(`  baseline BM25 (raw passages) en ${fmt(report.baseline.en)}  fr ${fmt(report.baseline.fr)}`);
  const kinds = Object.keys(report.confusion) as (keyof EvalReport['confusion'])[];
  console.log('\n  confusion (rows expected, columns got)');
  console.log('  ' + ''.padEnd(14) + kinds.map((k) => k.padStart(13)).join(''));
  for (const k of kinds)
    console.log(
      '  ' + k.padEnd(14) + kinds.map((k2) => String(report.confusion[k][k2]).padStart(13)).join(''),
    );
  if (showFailures)
    for (const f of report.failures) console.log(`  ✗ ${f.q}\n      expected ${f.expected}; got ${f.got}`);
}

print(
  `train (${all.filter((q) => q.split === 'train').length} questions)`,
  evaluate(
    all.filter((q) => q.split === 'train'),
    answerer,
  ),
);
print(
  `dev / held out (${all.filter((q) => q.split === 'dev').length} questions)`,
  evaluate(
    all.filter((q) => q.split === 'dev'),
    answerer,
  ),
);
print(`all (${all.length} questions)`, evaluate(all, answerer));
