import { MAX_QUESTION_CHARS } from '../../shared/limits';
/**
 * First step of the pipeline: turns whatever a user typed (HTML, markdown, template syntax,
 * emoji, 10,000 characters…) into plain text that the later steps can reason about. The result
 * is used only for matching; it is never shown back to the user, so names typed in a question are
 * neither echoed nor stored by the answerer.
 */

export interface NormalisedQuestion {
  /** Cleaned text, original case and accents, for language detection. */
  text: string;
  /** Lower-case, accent-folded, punctuation turned to spaces: what matchers and the index see. */
  folded: string;
  /** The same, sentence by sentence (a negation or a rule's reach stops at a sentence's end). */
  sentences: string[];
  /** For each sentence: it ended with a question mark. */
  questionMarks: boolean[];
  /** The raw text had a laughing or winking emoji (a joke marker the folded text no longer shows). */
  laughing: boolean;
  /**
   * `folded` without the quotations in the first person (« si quelqu'un veut ma chaise, servez-vous »): what a post or a
   * person said, not the manager's own words. A quoted title without a speaker ("what to do if a post…") stays.
   */
  withoutReportedSpeech: string;
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

/**
 * Laughing, winking, tongue-out, flexing or party faces: they turn a violent figure of speech into a joke
 * or a boast ("gonna kill this presentation 💪").
 */
const LAUGHING =
  /[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F639}\u{1F61C}\u{1F61D}\u{1F61B}\u{1F643}\u{1F609}\u{1F60F}\u{1F4AA}\u{1F389}\u{1F60E}\u{1F64C}\u{1F973}]|\bx-?D\b/u;
/** Where a sentence ends, before punctuation is folded away (captured, to see which ones ask). */
const SENTENCE_END = /([.!?;\n\u2026]+)/;

/**
 * A first- or second-person word of English or French, in folded text ("j", "m" and "t" are what « j' », « m' »
 * and « t' » fold to): a quotation in which someone says I or you is that person's words, not the manager's.
 */
const SPEAKER_OR_ADDRESSEE =
  /\b(i|im|me|my|mine|myself|je|j|moi|mon|ma|mes|m|you|your|yours|youre|tu|te|t|toi|ton|ta|tes|vous|votre|vos)\b/;
/** A quotation in single quotes: opened after a space, closed before a space or punctuation ('…', not « j'ai »). */
const SINGLE_QUOTED = /(^|[\s(:])'(?=\S)(.+?)(?<=\S)'(?=[\s.,!?;:)]|$)/g;

/** A link to a social media platform: its name is what the routing reads ("x.com/…" is "x"). */
const PLATFORM_LINK =
  /(?:\bhttps?:\/\/)?(?:\bwww\.|\bm\.)?\b(facebook|instagram|tiktok|linkedin|reddit|youtube|youtu|x|twitter|threads|bsky|bluesky|twitch|discord|snapchat)\.(?:com|net|app|be|social|gg|tv)(?:\/\S*)?/gi;
/** "r/name" (after a space, or at the start; names have three letters or more, unlike "r/w"): a Reddit forum. */
const SUBREDDIT = /(^|[\s(])\/?r\/(?=[A-Za-z0-9_]{3,})/g;

/** Lower case, no accents, every character but letters and digits turned to a space. */
export function fold(text: string): string {
  return foldAccents(text.toLowerCase())
    .replace(/[^a-z0-9\s]/g, ' ') // apostrophes and hyphens too: "l'employé", "peux-tu", "non-partisan"
    .replace(/\s+/g, ' ')
    .trim();
}

export function normaliseQuestion(input: unknown): NormalisedQuestion {
  let text = typeof input === 'string' ? input : '';
  text = text.slice(0, MAX_QUESTION_CHARS * 4); // bound the work the regexes below do
  const laughing = LAUGHING.test(text);
  text = text
    .replace(/<[^>]{0,200}>/g, ' ') // HTML tags: keep the words between them
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, ' ')
    .replace(/!?\[([^\]]{0,200})\]\([^)]{0,500}\)/g, '$1') // markdown link/image: keep the label
    .replace(/\$\{([^}]{0,200})\}/g, ' $1 ') // template syntax is just text to us
    // A link or a subreddit names the platform the post is on: "reddit.com/r/…", "r/CanadaPublicServants".
    .replace(PLATFORM_LINK, ' $1 ')
    .replace(SUBREDDIT, '$1Reddit ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/[`*_#>|~]/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
  const parts = text.split(SENTENCE_END);
  const sentences: string[] = [];
  const questionMarks: boolean[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const sentence = fold(parts[i]!);
    if (sentence === '') continue;
    sentences.push(sentence);
    // A question mark just inside a closing quote ends a quoted question (what a post or a person said:
    // "asking 'is this who you have working for you?'"), not the manager's own.
    const quoted = /^\s*["']/.test(parts[i + 2] ?? '');
    questionMarks.push((parts[i + 1] ?? '').includes('?') && !quoted);
  }
  const folded = sentences.join(' ');
  const withoutReportedSpeech = fold(
    text
      .replace(/"([^"]*)"/g, (quote, inner: string) => (SPEAKER_OR_ADDRESSEE.test(fold(inner)) ? ' ' : quote))
      .replace(SINGLE_QUOTED, (quote, before: string, inner: string) =>
        SPEAKER_OR_ADDRESSEE.test(fold(inner)) ? `${before} ` : quote,
      ),
  );
  return {
    text,
    folded,
    sentences,
    questionMarks,
    laughing,
    withoutReportedSpeech,
    empty: !/[a-z0-9]/.test(folded),
  };
}
