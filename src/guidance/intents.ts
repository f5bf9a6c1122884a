/**
 * Intent cues: short, general phrasings whose meaning the bag-of-words index cannot see, because
 * the passages they point to share their content words with a neighbour. "Should I make him take
 * it down?" and "Is it gone for good once deleted?" use the same words (delete, post) but ask for
 * different passages; "my boss wants me to check everyone's Facebook weekly" is about monitoring
 * although it never says "monitor". Each cue lifts one passage to the top when retrieval already
 * found it (it never brings in a passage the question has no word in common with).
 *
 * Works on folded text (lower case, no accents, punctuation as spaces), both languages at once.
 */

export interface IntentCue {
  passageId: string;
  re: RegExp;
  /** When this also matches, the cue does not apply (a neighbouring passage's cue is stronger). */
  unless?: RegExp;
}

const any = (...parts: string[]): RegExp => new RegExp(parts.join('|'));

const FOR_GOOD = any(
  '\\b(for good|permanently|forever|for ever|really gone|gone for good|completely gone|disappear)\\b',
  '\\b(pour de bon|definitivement|pour toujours|a jamais|vraiment (supprime|efface|parti|disparu)\\w*|disparait)\\b',
);

export const INTENT_CUES: IntentCue[] = [
  {
    // asking someone to remove a post: the take-down question, not permanence
    passageId: 'aware-post.steps.consult.take-down',
    re: any(
      '\\b(make|ask|asking|tell|order|require|force|get|have|insist)\\b.{0,25}\\b(take|taking|took) (it|this|that|the \\w+|his \\w+|her \\w+|their \\w+)? ?down\\b',
      '\\b(make|ask|asking|tell|order|require|force|get|have)\\b (him|her|them|the employee|my employee|my staff|the staff member)\\b.{0,10}\\b(to )?(delete|remove|erase|pull)\\b',
      '\\b(should|must|do i|can i|shall|need to)\\b.{0,30}\\b(be )?(deleted|removed|taken down|pulled)\\b',
      '\\b(exiger|demander|obliger|forcer|lui dire)\\b.{0,15}\\b(qu (il|elle) (retire|supprime|enleve|efface)|(de )?(retirer|supprimer|enlever|effacer))',
      '\\b(faut il|faudrait il|dois je|devrais je|doit on|devrait on)\\b.{0,20}\\b(faire )?(retirer|supprimer|enlever|effacer)\\b',
      '\\b(devrait|doit) (elle |il )?etre (retiree|supprimee|enlevee|effacee|retire|supprime)',
    ),
    unless: FOR_GOOD,
  },
  {
    passageId: 'talking-points.careers.permanence',
    re: FOR_GOOD,
  },
  {
    // watching employees' accounts, whatever the verb
    passageId: 'aware-post.no-monitoring',
    re: any(
      '\\b(keep an eye on|keep tabs on|check|checking|look at|looking at|go through|going through|scroll through|review|reviewing|watch|watching|follow|following)\\b.{0,40}\\b(everyone s|everybody s|their|my team s|my staff s|my employees|the team s|employees|staff s)\\b.{0,25}\\b(facebook|twitter|instagram|tiktok|linkedin|social|accounts?|profiles?|feeds?|posts?|pages?)',
      '\\b(check|checking|look at|review|watch)\\b.{0,40}\\b(regularly|every (day|week|month)|weekly|daily|routinely|each week)\\b',
      '\\b(verifier|checker|check|regarder|surveiller|garder un oeil sur|suivre|passer en revue|consulter)\\b.{0,40}\\b(comptes|profils|reseaux|publications|pages|facebook|ce que (mon|notre|l) (equipe|personnel)|ce que mes employes)',
      '\\b(verifier|checker|check|regarder|surveiller|consulter)\\b.{0,60}\\b(chaque (jour|semaine|mois)|regulierement|tous les jours|toutes les semaines|systematiquement)\\b',
    ),
    // looking candidates up is the hiring point
    unless:
      /\b(candidat\w*|applicants?|hiring|recruit\w*|interview\w*|embauche|dotation|entrevue|postulant\w*)\b/,
  },
  {
    // a private or locked account is the privacy-settings point
    passageId: 'talking-points.privacy-settings',
    re: any(
      '\\b(account|profile|insta|instagram|facebook|page|feed|tiktok|twitter)\\b( \\w+)? (is|was|are|being|set to) (private|locked|friends only|protected)',
      '\\b(private|locked|protected|friends only) (account|profile|insta|instagram|facebook|page|feed|tiktok)',
      '\\b(compte|profil|page|insta|instagram|facebook)\\b( \\w+)? (est|etait|sont|en mode) (prive|privee|verrouille|verrouillee|ferme)',
      '\\b(compte|profil) (prive|privee|verrouille|ferme)',
    ),
  },
];

/** The passage a cue points to, or undefined. */
export function cuedPassage(folded: string): string | undefined {
  for (const cue of INTENT_CUES) {
    if (cue.re.test(folded) && !(cue.unless && cue.unless.test(folded))) return cue.passageId;
  }
  return undefined;
}
