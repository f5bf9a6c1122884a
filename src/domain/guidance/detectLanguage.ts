import type { Lang } from '../../shared/i18n/lang';

/**
 * Language of a question, from function words (and accents, which English questions rarely
 * have). Rule: the text decides when it clearly leans one way — at least two marker words and
 * twice as many as the other language; otherwise the user's preference decides, and English when
 * there is none. A one- or two-word message ("merci", "hi") counts when its words belong to one
 * language only. So a French question gets French even from a user whose Teams is in English,
 * while a mixed sentence keeps the language the user chose.
 */

const FR = new Set(
  (
    'le la les des du de un une et est sont que qui quoi pour dans avec sur mon ma mes ton ta tes son sa ses ne pas ' +
    'je j vous nous il elle ils elles ce cet cette ces au aux peut peuvent puis dois doit faire comment pourquoi ' +
    'quand quel quelle quels quelles mais ou si employe employes equipe gestionnaire publication publie publier ' +
    'reseaux medias sociaux bonjour merci salut aide avez etes suis ai a-t-il est-ce qu l d s n c y en leur leurs ' +
    'lui tres plus moins aussi avoir etre fait sont selon dont chez vers depuis alors donc car sans sous ca ' +
    't toi moi es tes qu est-ce quoi pis ben faque tu peux pouvez pourriez pourrais svp stp ' +
    // small talk: a greeting or a goodbye alone is often all a message says
    'bonne bonsoir nuit parfait genial coucou allo enchante enchantee oui tantot bientot neuf'
  ).split(' '),
);
const EN = new Set(
  (
    'the a an and is are was were of to in for with on my your our his her their i you we he she they it this that ' +
    'these those what how why when which who should can could would do does did not no if or but about from ' +
    'employee employees team manager post posted posts social media hi hello thanks thank help me am be been has ' +
    'have had will there any some into out up just so than then them us its ' +
    'good great nice yes bye night morning evening awesome meet'
  ).split(' '),
);

export interface LanguageGuess {
  lang: Lang;
  /** True when the text itself decided, false when the preference (or the default) did. */
  fromText: boolean;
}

export function detectLanguage(text: string, preference?: Lang): LanguageGuess {
  const fallback: Lang = preference ?? 'en';
  const lower = text.toLowerCase();
  const words = lower
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z-]+/)
    .filter(Boolean);
  let fr = 0;
  let en = 0;
  for (const w of words) {
    if (FR.has(w)) fr += 1;
    if (EN.has(w)) en += 1;
    // French joins a verb and its pronoun with a hyphen ("raconte-moi", "pouvez-vous", "dis-tu"): the pronoun
    // counts as a word of its own ("est-ce" and "a-t-il" are listed whole, and their parts count again).
    if (w.includes('-')) for (const part of w.split('-')) if (FR.has(part)) fr += 1;
  }
  // Accented letters and French quotes are strong French signals.
  fr += Math.min(3, (lower.match(/[éèêàùâîôûçœ«»]/g) ?? []).length);
  if (fr >= 2 && fr >= 2 * en) return { lang: 'fr', fromText: true };
  if (en >= 2 && en >= 2 * fr) return { lang: 'en', fromText: true };
  // One-word greetings are clear enough on their own.
  if (words.length <= 2 && fr > en) return { lang: 'fr', fromText: true };
  if (words.length <= 2 && en > fr) return { lang: 'en', fromText: true };
  return { lang: fallback, fromText: false };
}
