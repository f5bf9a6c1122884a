/**
 * First step of the pipeline: turns whatever a user typed (HTML, markdown, template syntax,
 * emoji, 10,000 characters…) into plain text that the later steps can reason about. The result
 * is used only for matching; it is never shown back to the user, so names typed in a question are
 * neither echoed nor stored by the answerer.
 */

/** Long enough for any real question; longer input is cut so one message cannot slow the bot down. */
export const MAX_QUESTION_CHARS = 1000;

export interface NormalisedQuestion {
  /** Cleaned text, original case and accents, for language detection. */
  text: string;
  /** Lower-case, accent-folded, punctuation turned to spaces: what matchers and the index see. */
  folded: string;
  /** True when nothing usable was left (empty, whitespace, emoji or markup only). */
  empty: boolean;
}

/** Removes diacritics (é→e, ç→c) so "employe", "employé" and "EMPLOYÉ" match alike. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

export function normaliseQuestion(input: unknown): NormalisedQuestion {
  let text = typeof input === 'string' ? input : '';
  text = text.slice(0, MAX_QUESTION_CHARS * 4); // bound the work the regexes below do
  text = text
    .replace(/<[^>]{0,200}>/g, ' ') // HTML tags: keep the words between them
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, ' ')
    .replace(/!?\[([^\]]{0,200})\]\([^)]{0,500}\)/g, '$1') // markdown link/image: keep the label
    .replace(/\$\{([^}]{0,200})\}/g, ' $1 ') // template syntax is just text to us
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/[`*_#>|~]/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
  const folded = foldAccents(text.toLowerCase())
    .replace(/[^a-z0-9\s]/g, ' ') // apostrophes and hyphens too: "l'employé", "peux-tu", "non-partisan"
    .replace(/\s+/g, ' ')
    .trim();
  return { text, folded, empty: !/[a-z0-9]/.test(folded) };
}
