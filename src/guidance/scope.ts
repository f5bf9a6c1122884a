/**
 * Scope as a balance of evidence rather than a list of refusals.
 *
 * In-scope evidence: words about social media and online conduct and the guidance's own subjects
 * (counted per distinct group, so "post on Facebook" weighs more than "online"). Other-domain
 * evidence: each of a few broad areas a manager also asks about but this guidance does not cover
 * (HR administration, IT and tools, events and facilities, money and travel, personal life,
 * corporate communications). A question leans out of scope when the other-domain evidence is at
 * least as heavy as the in-scope evidence; a question with neither is left to retrieval, which
 * answers only when the question's words are the guidance's words (see answerer.ts).
 *
 * Works on folded text, both languages at once.
 */

const any = (...parts: string[]): RegExp => new RegExp(parts.join('|'));

/** Broad other-domain areas, one regex each: the number of areas matched is the evidence. */
export const OTHER_DOMAINS: { area: string; re: RegExp }[] = [
  {
    area: 'hr-admin',
    re: any(
      '\\b(staff(ing)? (a|the|this|my) (position|job|role)|advertised process|non advertised|job (poster|posting|description|offer)|work description|pool of candidates|qualified pool|onboard\\w*|probation\\w*|acting (assignment|appointment|pay)|deployment|secondment|interchange canada|reclassif\\w*|org chart)\\b',
      '\\b(attendance|absenteeism|(always|often|constantly|chronically|keeps? (being|showing up)) late|lateness|tardiness|punctual\\w*|sick note|medical certificate|duty to accommodate|workplace accommodation|ergonomic\\w*)\\b',
      '\\b(performance (review|agreement|management|issues?|rating|evaluation)|underperform\\w*|learning plan|training budget|course registration|language (test|testing|training)|second language|collective agreement|grievance|shift schedule|work schedule|flex(ible)? hours|compressed (week|schedule)|telework agreement|hybrid work|(return|back) to (the )?office|office days|desk booking|hotelling|hoteling)\\b',
      '\\b(doter|dotation|processus (annonce|non annonce)|bassin de candidats|affichage de poste|description de travail|accueil des nouveaux|entree en fonction|stage probatoire|periode de stage|interim|affectation|detachement|organigramme|assiduite|absenteisme|(toujours|souvent|constamment|tout le temps) en retard|retards|ponctualite|billet (medical|du medecin)|certificat medical|mesures d adaptation|ergonom\\w*|rendement|plan d apprentissage|formation linguistique|langue seconde|grief|griefs|convention collective|horaire de travail|heures flexibles|semaine comprimee|travail hybride|retour au bureau|jours au bureau|reservation de (bureau|poste de travail))\\b',
    ),
  },
  {
    area: 'learning-security',
    re: any(
      '\\b(mentor\\w*|coaching program|learn (a language|spanish|french|english|mandarin|to code)|language (course|class|app)|podcasts?|books? (about|on) leadership|leadership (book|course|podcast)|security clearance|reliability status|workplace (accident|injury|incident report)|injured at work|bereavement|offsite|off site|retreat|planning day|strategic planning)\\b',
      '\\b(mentorat|programme de mentorat|apprendre (l espagnol|l anglais|le francais|une langue)|cours de langue|balados?|livres? (sur|de) leadership|cote de securite|cote de fiabilite|accident de travail|lesion professionnelle|blessure au travail|deuil|conge de deuil|journee de reflexion|lac a l epaule|planification strategique)\\b',
    ),
  },
  {
    area: 'it-tools',
    re: any(
      '\\b(teams (channel|meeting|chat|call|status|site)|ms teams|microsoft teams|(set ?up|create|make|add) (a |an )?(new )?(channel|team site|sharepoint|distribution list)|out of office|outlook|vpn|laptop|printer|sharepoint|onedrive|gcdocs|excel|powerpoint|word document|pdf|chatgpt|chat gpt|copilot|generative ai|gen ai|ai tools?|mfa|authenticator|screen reader|headset|docking station)\\b',
      '\\b(canal teams|reunion teams|clavardage teams|reponse d absence|message d absence|ordinateur portable|portable|imprimante|intelligence artificielle|ia generative|outil d ia|casque d ecoute|station d accueil)\\b',
    ),
  },
  {
    area: 'events-facilities',
    re: any(
      '\\b(christmas|holiday (party|lunch|potluck)|office party|potluck|team building|retirement (party|gift|lunch)|birthday|farewell (lunch|card|party|gift)|office move|furniture|cafeteria|fitness centre|gym)\\b',
      '\\b(party de noel|fete de noel|noel|diner d equipe|dine d equipe|repas communautaire|consolidation d equipe|cadeau|anniversaire|fete de depart|demenagement|mobilier|cafeteria)\\b',
    ),
  },
  {
    area: 'money-travel',
    re: any(
      '\\b(per diem|direct deposit|banking (info|information|details)|hospitality|procurement|invoice|acquisition card|credit card|rrsp|tfsa|mortgage|invest|investing|investments?|stocks?|crypto\\w*|taxes|tax return)\\b',
      '\\b(depot direct|informations bancaires|indemnites?|accueil et hospitalite|carte d achat|facture|reer|celi|hypotheque|placements?|investir|impots|declaration de revenus)\\b',
    ),
  },
  {
    area: 'personal-life',
    re: any(
      '\\b(recipe|weather|forecast|restaurant|movie|netflix|hockey|soccer|football|basketball|baseball|golf|horoscope|dog|puppy|kitten|car insurance|oil change|flat tire|vacation spot|symptoms?|diet|workout|gift ideas?)\\b',
      '\\b(recette|meteo|film|chien|chiot|chaton|assurance auto|pneu|destination de vacances|symptomes?|regime|entrainement|idee cadeau)\\b',
    ),
  },
  {
    area: 'corporate-comms',
    re: any(
      '\\b(comms plan|communications? plan|news release|press release|media lines|key messages for the minister|social media strategy|content calendar|editorial calendar|campaign for (our|the) program|advertising campaign)\\b',
      '\\b(plan de communication|communique de presse|lignes de presse|strategie (de |des )?medias sociaux|calendrier (de contenu|editorial)|campagne (publicitaire|de communication))\\b',
    ),
  },
];

/** The department's own accounts: run by communications, not the guidance's personal use. */
const CORPORATE_ACCOUNT = any(
  '\\b(official|corporate|departmental|organizational|organisational|institutional|government|agency|ministry|department s|department|branch|program|programs)\\b( (twitter|x|facebook|instagram|linkedin|youtube|tiktok|social media))? (account|accounts|page|pages|channel|channels|handle|feed|presence)\\b',
  '\\b(department|ministry|agency|organization|organisation|branch|program)( s)? (official )?(twitter|x|facebook|instagram|linkedin|youtube|tiktok)\\b',
  '\\b(compte|comptes|page|pages|chaine) (x |facebook |instagram |linkedin |twitter |youtube )?(officiel\\w*|institutionnel\\w*|ministeriel\\w*|corporati\\w*|du ministere|de l organisation|de la direction|du programme|de l agence|du gouvernement)\\b',
);

/** Signs the question is about someone's own, personal use: that keeps it in scope. */
const PERSONAL_USE = any(
  '\\b(personal|own|private) (account|accounts|page|profile|social media|time|capacity|opinion|views)\\b',
  '\\b(employees?|staff|team members?|public servants?|colleagues?|analysts?|he|she|they|someone|somebody|my \\w+)\\b.{0,30}\\b(post|posted|posting|posts|share|shared|sharing|shares|like|liked|liking|likes|comment\\w*|retweet\\w*|repost\\w*|criticiz\\w*|criticis\\w*|mock\\w*|attack\\w*|insult\\w*)\\b',
  '\\b(compte|page|profil|comptes) (personnel|personnels|personnelle|prive)\\b',
  '\\b(a titre personnel|fins personnelles)\\b',
  '\\b(employes?|employees?|fonctionnaires?|collegues?|personnel|il|elle|ils|elles|quelqu un|mon \\w+|ma \\w+)\\b.{0,30}\\b(publie|partage|aime|commente|critique|repartage|insulte|ridiculise)\\w*',
);

/** How many other-domain areas the question touches. */
export function otherDomainCount(folded: string): number {
  let n = 0;
  for (const d of OTHER_DOMAINS) if (d.re.test(folded)) n += 1;
  return n;
}

/** A question about the organisation's own accounts or communications, not personal use. */
export function aboutCorporateAccount(folded: string): boolean {
  return CORPORATE_ACCOUNT.test(folded) && !PERSONAL_USE.test(folded);
}

/** Words about the manager's people and role: context, not topic, but they show a work question. */
export const MANAGER_CONTEXT =
  /\b(team|teams|employees?|staff|manager|managers|colleagues?|coworkers?|supervisor|direct reports?|equipe|equipes|employes?|personnel|gestionnaires?|collegues?|superviseur\w*)\b/;

/** Weight of one other-domain area against one in-scope group (strong groups weigh 2, weak 1). */
export const OTHER_AREA_WEIGHT = 1.5;
