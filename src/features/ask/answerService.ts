import { createAnswerer } from '../../domain/guidance/answerer';
import { buildAnswerCard } from './answerCards';
import { sawPostOfferCard } from '../sawPost/api';
import type { AnswerService } from '../../platform/guidanceBot';

/** Joins the answering pipeline (plain TypeScript) to the card it is shown as. */
export function createAnswerService(): AnswerService {
  const answerer = createAnswerer();
  return (question, preferred) => {
    const result = answerer.answer(question, { lang: preferred });
    const card = result.kind === 'smalltalk' ? undefined : buildAnswerCard(result, question);
    // The step-by-step flow is offered (never pushed) when the question describes a post the manager became
    // aware of. Not after an urgent card: an urgent situation is routed, not coached step by step.
    const offer = card !== undefined && result.kind === 'answer' && result.offerSawAPost;
    return {
      kind: result.kind,
      lang: result.lang,
      ...(card ? { card } : {}),
      ...(offer ? { followUp: sawPostOfferCard(result.lang) } : {}),
    };
  };
}
