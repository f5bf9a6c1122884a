/**
 * `npm run eval`: accuracy of the answering pipeline on a labelled question set, per language and kind,
 * per style tag (when the set has `tags`), the false crisis-card rate, the kind confusion matrix and a
 * plain-BM25 baseline for comparison.
 *   --set <file>    the set to evaluate (default test/eval/questions.jsonl); repeatable
 *   --failures      also lists the questions answered wrongly, with their tags
 *   --json          the reports as JSON instead of text
 */
import path from 'node:path';
import {
  evaluate,
  loadEvalQuestions,
  pct,
  EVAL_FILE,
  type EvalReport,
  type Ratio,
} from '../src/domain/guidance/evaluation';
import { createAnswerer } from '../src/domain/guidance/answerer';

const args = process.argv.slice(2);
const showFailures = args.includes('--failures');
const asJson = args.includes('--json');
const sets: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--set' && args[i + 1]) sets.push(args[++i]!);
if (sets.length === 0) sets.push(EVAL_FILE);

const answerer = createAnswerer();
const fmt = (r: Ratio): string => `${(100 * pct(r)).toFixed(1).padStart(5)}%  (${r.right}/${r.total})`;
const rate = (a: { alarms: number; total: number }): string =>
  `${((100 * a.alarms) / Math.max(1, a.total)).toFixed(1).padStart(5)}%  (${a.alarms}/${a.total})`;
const sum = (...rs: (Ratio | undefined)[]): Ratio =>
  rs.reduce<Ratio>((a, b) => ({ right: a.right + (b?.right ?? 0), total: a.total + (b?.total ?? 0) }), {
    right: 0,
    total: 0,
  });

function print(title: string, report: EvalReport): void {
  const k = report.byLangKind;
  console.log(`\n== ${title} ==`);
  console.log(`  top-1 passage right, English    ${fmt(sum(k['en answer']))}`);
  console.log(`  top-1 passage right, French     ${fmt(sum(k['fr answer']))}`);
  console.log(`  first listed passage quoted en  ${fmt(report.firstListedQuoted.en)}`);
  console.log(`  first listed passage quoted fr  ${fmt(report.firstListedQuoted.fr)}`);
  console.log(`  off-topic politely declined     ${fmt(sum(k['en out-of-scope'], k['fr out-of-scope']))}`);
  console.log(`  real danger → crisis card       ${fmt(sum(k['en urgent'], k['fr urgent']))}`);
  console.log(`  small talk answered as such     ${fmt(sum(k['en smalltalk'], k['fr smalltalk']))}`);
  console.log(`  false urgent (all non-urgent)   ${rate(report.falseUrgent.all)}`);
  console.log(`  false urgent (not-urgent traps) ${rate(report.falseUrgent.traps)}`);
  console.log(`  baseline BM25 (raw passages) en ${fmt(report.baseline.en)}  fr ${fmt(report.baseline.fr)}`);
  console.log('\n  by language and kind');
  for (const key of Object.keys(k).sort()) console.log(`    ${key.padEnd(18)} ${fmt(k[key]!)}`);
  const tags = Object.keys(report.byTag).sort();
  if (tags.length > 0) {
    console.log('\n  by tag (answer: top-1 right; other kinds: right kind)');
    for (const tag of tags) console.log(`    ${tag.padEnd(20)} ${fmt(report.byTag[tag]!)}`);
  }
  const kinds = Object.keys(report.confusion) as (keyof EvalReport['confusion'])[];
  console.log('\n  confusion (rows expected, columns got)');
  console.log('    ' + ''.padEnd(14) + kinds.map((c) => c.padStart(13)).join(''));
  for (const row of kinds)
    console.log(
      '    ' + row.padEnd(14) + kinds.map((col) => String(report.confusion[row][col]).padStart(13)).join(''),
    );
  if (showFailures) {
    console.log(`\n  failures (${report.failures.length})`);
    for (const f of report.failures)
      console.log(`  ✗ ${f.q}\n      expected ${f.expected}; got ${f.got}  [${f.tags.join(', ')}]`);
  }
}

const out: Record<string, EvalReport> = {};
for (const file of sets) {
  const all = loadEvalQuestions(path.resolve(file));
  const name = path.basename(file);
  const report = evaluate(all, answerer);
  out[name] = report;
  if (!asJson) print(`${name} (${all.length} questions)`, report);
}
if (asJson) console.log(JSON.stringify(out, null, 2));
