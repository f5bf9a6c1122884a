import { createAnswerer } from '../guidance/answerer';
import { buildAnswerCard } from '../cards/answerCards';
import type { AnswerService } from './guidanceBot';

/** Joins the answering pipeline (plain TypeScript) to the card it is shown as. */
export function createAnswerService(): AnswerService {
  const answerer = createAnswerer();
  return (question, preferred) => {
    const result = answerer.answer(question, { lang: preferred });
    const card = result.kind === 'smalltalk' ? undefined : buildAnswerCard(result, question);
    return { kind: result.kind, lang: result.lang, ...(card ? { card } : {}) };
  };
}
