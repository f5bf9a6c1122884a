import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Lang } from '../../shared/i18n/lang';
import { PROJECT_ROOT } from '../../shared/projectRoot';
import { NEGATION_WINDOW_WORDS } from './thresholds';

/**
 * Chat spellings rewritten to the forms the routing files use ("pis" → "puis", "shud" → "should",
 * "isnt" → "isn t"), from content/lexicon.json. Applied to folded text, per language, before danger,
 * kind or retrieval look at it, so a Québec or hurried question reads like a formal one.
 */

const FOLDED_WORDS = /^[a-z0-9]+( [a-z0-9]+)*$/;
const Spellings = z.record(
  z.string().regex(FOLDED_WORDS, 'keys are folded words'),
  z.string().regex(FOLDED_WORDS, 'values are folded words'),
);
const LexiconSchema = z
  .object({
    $comment: z.array(z.string()).optional(),
    spellings: z.object({ both: Spellings, en: Spellings, fr: Spellings }).strict(),
    negations: z.array(z.string().regex(/^[a-z0-9]+$/, 'negations are single folded words')).min(1),
  })
  .strict();
export type LexiconFile = z.infer<typeof LexiconSchema>;

export const LEXICON_FILE = path.join(PROJECT_ROOT, 'content', 'lexicon.json');

export function parseLexicon(raw: unknown): LexiconFile {
  return LexiconSchema.parse(raw);
}

export function loadLexicon(file = LEXICON_FILE): LexiconFile {
  return parseLexicon(JSON.parse(readFileSync(file, 'utf8')));
}

export class Spelling {
  private readonly rewrite: Record<Lang, { re: RegExp; map: Map<string, string> }>;

  constructor(file: LexiconFile = loadLexicon()) {
    const build = (lang: Lang) => {
      const map = new Map(Object.entries({ ...file.spellings.both, ...file.spellings[lang] }));
      // Longest keys first, so "c tu" wins over a one-word key inside it.
      const keys = [...map.keys()].sort((a, b) => b.length - a.length);
      return { re: new RegExp(`(?<![a-z0-9])(?:${keys.join('|')})(?![a-z0-9])`, 'g'), map };
    };
    this.rewrite = { en: build('en'), fr: build('fr') };
  }

  /** `folded` with the language's chat spellings replaced. */
  apply(folded: string, lang: Lang): string {
    const { re, map } = this.rewrite[lang];
    return folded.replace(re, (m) => map.get(m) ?? m);
  }
}

/** The French particle before a verb, and how many words after it it reaches (n' + a + the verb). */
const FRENCH_VERB_NEGATION = new Set(['n', 'ne']);
const FRENCH_VERB_NEGATION_REACH = 2;

/** A negation does not reach past these: "nothing hateful, and he gave his dog away". */
const CLAUSE_JOINS = new Set(['and', 'but', 'then', 'et', 'mais', 'puis']);

/**
 * Whether a word of a sentence is negated: a negation word ("not", "no", "nothing", French "n", "pas",
 * "rien", "aucun") up to NEGATION_WINDOW_WORDS words before it, without a conjunction in between.
 */
export class Negation {
  private readonly words: ReadonlySet<string>;

  constructor(file: LexiconFile = loadLexicon()) {
    this.words = new Set(file.negations);
  }

  /** `words` are a sentence's words; `index` the position of the first word of what may be negated. */
  negates(words: readonly string[], index: number): boolean {
    const window = words.slice(Math.max(0, index - NEGATION_WINDOW_WORDS), index);
    let start = 0;
    window.forEach((w, i) => {
      if (CLAUSE_JOINS.has(w)) start = i + 1;
    });
    return window.slice(start).some((w, i, kept) => {
      if (!this.words.has(w)) return false;
      // French "n'"/"ne" negates the verb just after it ("il n'a menacé personne", "ne veut pas"), not what
      // follows that verb ("je n'en peux plus, adieu tout le monde").
      const distance = kept.length - i;
      return !FRENCH_VERB_NEGATION.has(w) || distance <= FRENCH_VERB_NEGATION_REACH;
    });
  }
}
