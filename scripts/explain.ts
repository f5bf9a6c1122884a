/**
 * `npm run explain -- "question"` (optionally `--lang fr`): why the bot answers a question as it does,
 * for the office's content owners. Prints the language, the danger check (signals found, which were
 * cancelled by a negation, whether a joke or a general question was seen, which rule held), the concepts
 * of content/concepts.json the question has (and the expressions that matched), the candidate passages
 * with their lexical and concept scores, and the decision. Content files are read afresh on every run, so
 * an expression added to content/ shows its effect at once.
 */
import { createAnswerer } from '../src/domain/guidance/answerer';
import { isLang, type Lang } from '../src/shared/i18n/lang';
import { OFF_TOPIC_SCORE, OFF_TOPIC_SCORE_NO_TOPIC } from '../src/domain/guidance/thresholds';

const args = process.argv.slice(2);
let lang: Lang | undefined;
const words: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--lang' && isLang(args[i + 1])) lang = args[++i] as Lang;
  else words.push(args[i]!);
}
const question = words.join(' ').trim();
if (!question) {
  console.error('usage: npm run explain -- "a question" [--lang en|fr]');
  process.exit(2);
}

const { result, trace } = createAnswerer().explain(question, lang ? { lang } : {});
const out: string[] = [];
out.push(`question   ${question}`);
out.push(`folded     ${trace.folded}`);
out.push(
  `language   ${trace.lang} (${trace.languageFromText ? 'from the words of the question' : 'from the preference or the default'})`,
);
out.push('');
out.push('danger (content/danger.json)');
const live = trace.danger.signals.filter((s) => !s.negated);
const cancelled = trace.danger.signals.filter((s) => s.negated);
for (const s of live) out.push(`  signal   ${s.group.padEnd(16)} ${s.expression}`);
for (const s of cancelled) out.push(`  negated  ${s.group.padEnd(16)} ${s.expression}`);
if (trace.danger.joking) out.push('  a joke marker was seen (rules marked "jokes": false do not apply)');
if (trace.danger.general)
  out.push('  a general question was seen (rules marked "general": false do not apply)');
if (trace.danger.score !== undefined)
  out.push(
    `  trained score ${trace.danger.score.toFixed(3)} (content/danger-model.json; a rule with "model" needs at least its threshold)`,
  );
out.push(
  trace.danger.topic
    ? `  → urgent: rule ${trace.danger.rule} (${trace.danger.topic})`
    : `  → no danger rule holds${trace.danger.signals.length === 0 ? ' (no signal at all)' : ''}`,
);
out.push('');
if (trace.offTopicScore !== undefined)
  out.push(
    `off-topic score ${trace.offTopicScore.toFixed(3)} (content/scope-model.json; from ${OFF_TOPIC_SCORE} a question is declined, from ${OFF_TOPIC_SCORE_NO_TOPIC} one with no social media word and no topic)`,
    '',
  );
out.push('concepts (content/concepts.json)');
if (trace.concepts.length === 0) out.push('  none');
for (const h of trace.concepts) {
  const where = h.inQuestion ? 'question' : 'story   ';
  out.push(`  ${h.concept.role.padEnd(9)} ${where} ${h.concept.id}`);
  for (const e of h.expressions) out.push(`                       matched: ${e}`);
  for (const [id, w] of Object.entries(h.concept.passages ?? {}))
    out.push(`                       adds ${w} to ${id}`);
}
if (trace.candidates.length > 0) {
  out.push('');
  out.push(
    'candidates (final = lexical score ÷ best lexical score, weighted + what concepts add + learned score)',
  );
  for (const c of trace.candidates) {
    const lexical = c.final - c.concepts - c.learned;
    out.push(
      `  ${c.final.toFixed(2).padStart(5)} = ${lexical.toFixed(2)} + ${c.concepts.toFixed(2)} + ${c.learned.toFixed(2)}   bm25 ${c.bm25.toFixed(2).padStart(5)}  ${c.id}`,
    );
  }
}
if (trace.retrieval) {
  const r = trace.retrieval;
  out.push(
    `  coverage ${r.coverage.toFixed(2)}, query weight ${r.queryWeight.toFixed(2)}, max idf ${r.maxTermIdf.toFixed(2)}, known terms ${r.knownTerms}/${r.queryTerms}`,
  );
}
out.push('');
out.push(`decision   ${trace.decision}`);
out.push(
  `answer     ${result.kind}${result.urgentTopic ? ` (${result.urgentTopic})` : ''}${result.smalltalkKind ? ` (${result.smalltalkKind})` : ''}`,
);
for (const p of result.passages) out.push(`  quotes   ${p.id}`);
if (result.verdictRequested) out.push('  (a verdict was asked for: the answer gives the steps instead)');
if (result.offerSawAPost) out.push('  (a post is described: the "I saw a post" walk-through is offered)');
console.log(out.join('\n'));
