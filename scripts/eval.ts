/**
 * `npm run eval`: accuracy of the answering pipeline on test/eval/questions.jsonl, per split,
 * language and kind, with the kind confusion matrix and a plain-BM25 baseline for comparison.
 *   --failures      also lists the questions answered wrongly
 *   --set <file>    evaluates another question file (e.g. test/eval/challenge.jsonl); repeatable
 */
import path from 'node:path';
import { evaluate, loadEvalQuestions, pct, EVAL_FILE, type EvalReport } from '../src/guidance/evaluation';
import { createAnswerer } from '../src/guidance/answerer';

const args = process.argv.slice(2);
const showFailures = args.includes('--failures');
const sets: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--set' && args[i + 1]) sets.push(args[++i]!);
if (sets.length === 0) sets.push(EVAL_FILE);

const answerer = createAnswerer();
const fmt = (r: { right: number; total: number }): string =>
  `${(100 * pct(r)).toFixed(1).padStart(5)}%  (${r.right}/${r.total})`;

function print(title: string, report: EvalReport): void {
  console.log(`\n== ${title} ==`);
  for (const key of Object.keys(report.byLangKind).sort())
    console.log(`  ${key.padEnd(18)} ${fmt(report.byLangKind[key]!)}`);
  console.log(`  baseline BM25 (raw passages) en ${fmt(report.baseline.en)}  fr ${fmt(report.baseline.fr)}`);
  const kinds = Object.keys(report.confusion) as (keyof EvalReport['confusion'])[];
  const total = kinds.reduce((s, k) => s + kinds.reduce((s2, k2) => s2 + report.confusion[k][k2], 0), 0);
  const unsure = kinds.reduce((s, k) => s + report.confusion[k].unsure, 0);
  console.log(
    `  unsure rate        ${((100 * unsure) / Math.max(1, total)).toFixed(1)}%  (${unsure}/${total})`,
  );
  console.log('\n  confusion (rows expected, columns got)');
  console.log('  ' + ''.padEnd(14) + kinds.map((k) => k.padStart(13)).join(''));
  for (const k of kinds)
    console.log(
      '  ' + k.padEnd(14) + kinds.map((k2) => String(report.confusion[k][k2]).padStart(13)).join(''),
    );
  if (showFailures)
    for (const f of report.failures) console.log(`  ✗ ${f.q}\n      expected ${f.expected}; got ${f.got}`);
}

for (const file of sets) {
  const all = loadEvalQuestions(path.resolve(file));
  const name = path.basename(file);
  const splits = [...new Set(all.map((q) => q.split))];
  if (splits.length > 1)
    for (const split of splits) {
      const part = all.filter((q) => q.split === split);
      print(`${name} ${split} (${part.length} questions)`, evaluate(part, answerer));
    }
  print(`${name} all (${all.length} questions)`, evaluate(all, answerer));
}
