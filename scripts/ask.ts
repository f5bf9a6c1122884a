/**
 * Command line for the answering pipeline (the same one the bot uses).
 *   npm run --silent ask -- "a question"        prints the reply as a person reads it
 *   npm run --silent ask -- --jsonl < in.jsonl   one {"q","lang"?} per line in, one
 *                                                {"q","lang","kind","text","passages"} per line out
 * Only replies go to stdout; nothing else is printed there.
 */
import { createInterface } from 'node:readline';
import { createAnswerer, type AnswerResult } from '../src/domain/guidance/answerer';
import { buildAnswerCard } from '../src/features/ask/answerCards';
import { flattenCardText } from '../src/shared/cards/flatten';
import { t } from '../src/i18n';
import { isLang, type Lang } from '../src/shared/i18n/lang';

const answerer = createAnswerer();

function replyText(result: AnswerResult): string {
  if (result.kind === 'smalltalk')
    return t(result.lang, `answers.smalltalk.${result.smalltalkKind ?? 'other'}`);
  const card = buildAnswerCard(result);
  return card ? flattenCardText(card) : '';
}

function answerLine(q: string, lang: Lang | undefined) {
  const result = answerer.answer(q, lang ? { lang } : {});
  return {
    q,
    lang: result.lang,
    kind: result.kind,
    text: replyText(result),
    passages: result.passages.map((p) => p.id),
  };
}

async function jsonl(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let q = '';
    let lang: Lang | undefined;
    try {
      const parsed = JSON.parse(line) as { q?: unknown; lang?: unknown };
      q = typeof parsed.q === 'string' ? parsed.q : '';
      lang = isLang(parsed.lang) ? parsed.lang : undefined;
    } catch {
      q = '';
    }
    process.stdout.write(JSON.stringify(answerLine(q, lang)) + '\n');
  }
}

const args = process.argv.slice(2);
if (args.includes('--jsonl')) {
  jsonl().catch((err: unknown) => {
    process.stderr.write(String(err) + '\n');
    process.exit(1);
  });
} else {
  const langArg = args.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  const question = args.filter((a) => !a.startsWith('--')).join(' ');
  if (!question) {
    process.stderr.write(
      'usage: npm run --silent ask -- "your question" [--lang=en|fr]  |  --jsonl < questions.jsonl\n',
    );
    process.exit(2);
  }
  const line = answerLine(question, isLang(langArg) ? langArg : undefined);
  process.stdout.write(line.text + '\n');
}
