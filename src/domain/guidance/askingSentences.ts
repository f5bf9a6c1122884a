/**
 * Which sentences of a message ask: those with a question mark, or, when none has one, the last, and the first
 * when it opens like a question or a request ("Translate this note: …"). The answerer reads the concepts of these
 * sentences as what is asked, and the passage score reads their words apart from the story's (the same function
 * in training and in the bot, so they cannot drift).
 */

/**
 * How a first sentence opens when it asks without a question mark: a question word, an auxiliary, or a request
 * ("Translate this note: …"). Any other first sentence is the story the question is about ("my employee made a
 * meme of our ADM…"): read as a question, its subjects were declined (an official account named in the story)
 * or split the message into two questions.
 */
const OPENS_A_QUESTION =
  /^(what|how|why|when|where|who|which|can|could|should|would|may|must|do|does|did|is|are|am|was|will|shall|please|pls|plz|translate|write|rewrite|draft|summarize|summarise|help|give|tell|explain|show|find|make|create|prepare|check|review|proofread|correct|fix|list|i need|i want|i d like|est ce|comment|pourquoi|quand|ou|qui|que|quoi|quel|quelle|quels|quelles|combien|peux|pouvez|puis|dois|devrais|doit|faut|y a t il|svp|stp|merci de|pourriez|pourrais|traduis|traduisez|traduire|ecris|ecrivez|reecris|redige|redigez|resume|resumez|aide|aidez|donne|donnez|dis|dites|explique|expliquez|montre|trouve|fais|faites|prepare|preparez|verifie|verifiez|relis|relisez|corrige|corrigez|j ai besoin|je veux|je voudrais|j aimerais)\b/;

/** For each folded sentence, whether it asks (see the module comment). */
export function askingFlags(sentences: readonly string[], questionMarks: readonly boolean[]): boolean[] {
  const anyMark = questionMarks.some(Boolean);
  return sentences.map((sentence, i) =>
    anyMark
      ? questionMarks[i] === true
      : i === sentences.length - 1 || (i === 0 && OPENS_A_QUESTION.test(sentence)),
  );
}

/** Whether anything in a message asks: a question mark, or a sentence that opens like a question or a request. */
export function asksAnything(sentences: readonly string[], questionMarks: readonly boolean[]): boolean {
  return questionMarks.some(Boolean) || sentences.some((sentence) => OPENS_A_QUESTION.test(sentence));
}

/** The asking sentences of a message, joined. */
export function askedText(sentences: readonly string[], asking: readonly boolean[]): string {
  return sentences.filter((_, i) => asking[i]).join(' ');
}
