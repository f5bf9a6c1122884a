import type { Lang } from '../../shared/i18n/lang';
import { foldAccents } from './normalise';

/**
 * Turns text into index terms, the same way for passages and questions: fold accents, drop
 * stop words, stem per language, then map synonyms to one canonical term. Questions and
 * passages meeting in the same term space is what lets "fire", "dismiss" and "discipline", or
 * "surveiller" and "surveillance", find the same passage.
 */

const STOP: Record<Lang, Set<string>> = {
  en: new Set(
    (
      'a an the and or but if of to in on at by for with from as into about over after before than then so ' +
      'is are was were be been being am do does did done have has had having will would shall should can could may might must ' +
      'i me my mine we us our you your yours he him his she her hers they them their it its this that these those ' +
      'what which who whom whose when where why how there here any some all each every both either no not nor ' +
      'just only also very too more most such own same other up out off again further once s t re ve ll d m ' +
      'get got getting go going want let make one someone something anything thing things really please hey ok okay ' +
      'know think like stuff guy guys kinda sorta gonna wanna idk lol pls plz ppl question questions'
    ).split(' '),
  ),
  fr: new Set(
    (
      'a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je j la le les leur leurs lui ma mais me ' +
      'meme mes moi mon ne nos notre nous on ou par pas pour qu que qui quoi sa se ses son sur ta te tes toi ton tu un une ' +
      'vos votre vous c d l n s t y ete etre est sont suis es etes ai as avons avez ont avait fait faire peut peuvent puis ' +
      'dois doit devrais devrait doivent comment pourquoi quand quel quelle quels quelles est-ce si ca cela ceci ici la-bas ' +
      'tout tous toute toutes tres plus moins aussi bien alors donc car ni sans sous chez vers selon dont depuis ' +
      'quelqu quelque chose quelqu-un il-y-a y-a-t-il ya svp stp sais savoir question questions ' +
      // informal Quebec French and fillers: "pis" (and), "pu" (no longer), "ben", "faque" (so)
      'pis pu pus ben faque mettons coudonc tsé tse tsais astheure icitte contre trop deja encore juste '
    ).split(' '),
  ),
};

const EN_RULES: [string, string][] = [
  ['izations', 'iz'],
  ['ization', 'iz'],
  ['isation', 'iz'],
  ['ational', 'at'],
  ['ations', 'at'],
  ['ation', 'at'],
  ['ments', ''],
  ['ment', ''],
  ['nesses', ''],
  ['ness', ''],
  ['ities', ''],
  ['ity', ''],
  ['ions', ''],
  ['ion', ''],
  ['ings', ''],
  ['ing', ''],
  ['edly', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ers', ''],
  ['er', ''],
  ['ed', ''],
  ['ful', ''],
  ['ly', ''],
  ['es', ''],
  ['al', ''],
  ['s', ''],
  ['e', ''],
];

/** A light suffix-stripping stemmer (two passes, stems of at least three letters). */
export function stemEnglish(word: string): string {
  let w = word;
  // career(s), volunteer(s), engineer(s): the -er is not a suffix ("career" must not become "care")
  if (/eers?$/.test(w)) return w.replace(/s$/, '');
  for (let pass = 0; pass < 2; pass++) {
    if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) break;
    let changed = false;
    for (const [suffix, repl] of EN_RULES) {
      if (w.endsWith(suffix) && w.length - suffix.length + repl.length >= 3) {
        w = w.slice(0, w.length - suffix.length) + repl;
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  // stopp → stop, committ → commit; but keep -ll, -ss, -zz (tell, pass)
  if (/([bcdfgkmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

const FR_SUFFIXES = [
  'issements',
  'issement',
  'ications',
  'ication',
  'atrices',
  'atrice',
  'ateurs',
  'ateur',
  'ations',
  'ation',
  'itions',
  'ition',
  'ements',
  'ement',
  'ments',
  'ment',
  'euses',
  'euse',
  'eux',
  'iques',
  'ique',
  'ismes',
  'isme',
  'istes',
  'iste',
  'ites',
  'ite',
  'ables',
  'able',
  'ibles',
  'ible',
  'ances',
  'ance',
  'ences',
  'ence',
  'aient',
  'ait',
  'ais',
  'ant',
  'ent',
  'ees',
  'ee',
  'es',
  'er',
  'ez',
  'ions',
  'ons',
  'e',
  's',
  'x',
];

/** A light French stemmer in the spirit of Savoy's: plural, gender and common derivational endings. */
export function stemFrench(word: string): string {
  let w = word;
  if (w.length > 4 && (w.endsWith('s') || w.endsWith('x'))) w = w.slice(0, -1);
  for (const suffix of FR_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, w.length - suffix.length);
      break;
    }
  }
  if (/([bcdfgkmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

export function stem(word: string, lang: Lang): string {
  return lang === 'en' ? stemEnglish(word) : stemFrench(word);
}

/**
 * Synonym groups (surface words, any inflection). Every word of a group is indexed and queried
 * as the group's first word, so a question may use any of them. Kept to words that mean the
 * same thing *in this guidance*; a group that is too wide makes distinct passages collide.
 */
const SYNONYMS: Record<Lang, string[][]> = {
  en: [
    ['post', 'tweet', 'toot', 'status', 'publication', 'reel', 'story'],
    ['share', 'retweet', 'repost', 'reshare', 'forward', 'boost', 'amplify'],
    [
      'employee',
      'staff',
      'staffer',
      'worker',
      'subordinate',
      'report',
      'reports',
      'analyst',
      'officer',
      'direct',
    ],
    [
      'social',
      'facebook',
      'twitter',
      'instagram',
      'tiktok',
      'reddit',
      'threads',
      'bluesky',
      'youtube',
      'snapchat',
    ],
    [
      'administrative',
      'discipline',
      'disciplinary',
      'fire',
      'dismiss',
      'terminate',
      'termination',
      'sack',
      'suspend',
      'suspension',
      'punish',
      'reprimand',
      'sanction',
      'penalty',
    ],
    ['delete', 'remove', 'erase', 'scrub', 'removal', 'deletion'],
    ['monitor', 'surveil', 'surveillance', 'spy', 'track', 'stalk', 'snoop', 'police', 'scan'],
    [
      'political',
      'politics',
      'partisan',
      'party',
      'election',
      'campaign',
      'vote',
      'voting',
      'candidate',
      'politician',
    ],
    [
      'harass',
      'harassment',
      'troll',
      'trolling',
      'abuse',
      'abusive',
      'cyberbully',
      'pile-on',
      'insult',
      'insulted',
      'berate',
      'berated',
    ],
    ['leader', 'executive', 'exec', 'senior', 'director', 'dg', 'adm', 'deputy', 'ex'],
    [
      'hire',
      'hiring',
      'recruit',
      'recruiter',
      'recruitment',
      'staffing',
      'interview',
      'applicant',
      'competition',
    ],
    ['union', 'steward', 'bargaining'],
    ['ombud', 'ombuds', 'ombudsman', 'ombudsperson'],
    ['viral', 'trending', 'blew', 'blowing'],
    ['backlash', 'criticism', 'outrage', 'flak'],
    ['bias', 'biases', 'prejudice', 'stereotype', 'assumption'],
    ['training', 'course', 'coaching', 'refresher'],
    ['disclaimer', 'disclaimers'],
    ['private', 'locked', 'privacy'],
    ['judgment', 'judgement', 'judge'],
    ['oath', 'swear', 'sworn', 'pledge'],
    ['career', 'promotion', 'advancement'],
    ['monitor', 'watch'],
    ['consequence', 'repercussion', 'implication', 'impact', 'effect', 'fallout'],
    ['profit', 'money', 'financial', 'sell', 'selling', 'business', 'side', 'hustle', 'gain'],
    ['bully', 'bullying', 'intimidate', 'belittle', 'mock', 'mocking'],
    [
      'discrimination',
      'discriminate',
      'discriminatory',
      'racist',
      'sexist',
      'homophobic',
      'transphobic',
      'misogynist',
    ],
    ['disclosure', 'disclose', 'leak', 'leaked'],
    ['safe', 'safety', 'secure'],
    ['conversation', 'chat', 'talk', 'discussion', 'discuss', 'speak'],
    ['goal', 'aim', 'objective', 'purpose', 'point'],
    ['intention', 'intent', 'motive', 'motivation', 'meant'],
    [
      'proportional',
      'proportionate',
      'overreact',
      'overreacting',
      'overkill',
      'harsh',
      'harshly',
      'lenient',
      'overboard',
      'heavy-handed',
    ],
    [
      'identity',
      'race',
      'racial',
      'racialized',
      'racialised',
      'ethnic',
      'ethnicity',
      'indigenous',
      'black',
      'gender',
      'transgender',
      'trans',
      'lgbtq',
      'lgbtq2',
      '2slgbtqi',
      'gay',
      'lesbian',
      'queer',
      'sexual',
      'orientation',
      'religion',
      'religious',
      'faith',
      'muslim',
      'jewish',
      'sikh',
      'disability',
      'disabled',
    ],
    ['manager', 'mgr', 'supervisor', 'boss', 'managers'],
    // world events people argue about online: the grey-areas paragraph's "geopolitical events"
    [
      'geopolitical',
      'geopolitics',
      'war',
      'wars',
      'warfare',
      'invasion',
      'ukraine',
      'russia',
      'gaza',
      'israel',
      'palestine',
      'overseas',
    ],
    // a post unlike the person: the well-being step
    ['character', 'uncharacteristic', 'unusual', 'atypical', 'unlike'],
    [
      'well',
      'wellbeing',
      'wellness',
      'struggling',
      'struggle',
      'stressed',
      'burnout',
      'hardship',
      'distress',
    ],
    ['dispute', 'recourse', 'grievance', 'feud', 'quarrel', 'disagreement', 'squabble', 'spat'],
    ['unconscious', 'preconceived', 'preconception', 'assume', 'assuming', 'blind'],
  ],
  fr: [
    [
      'publication',
      'publier',
      'publie',
      'message',
      'gazouillis',
      'tweet',
      'statut',
      'billet',
      'post',
      'poster',
      'publiee',
    ],
    ['partager', 'repartager', 'retweeter', 'relayer', 'republier', 'partage'],
    ['employe', 'subalterne', 'collaborateur', 'collaboratrice', 'analyste', 'agent', 'agente', 'salarie'],
    ['sociaux', 'facebook', 'twitter', 'instagram', 'tiktok', 'reddit', 'youtube', 'reseaux', 'social'],
    [
      'administratives',
      'disciplinaire',
      'discipline',
      'congedier',
      'renvoyer',
      'licencier',
      'suspendre',
      'suspension',
      'sanctionner',
      'sanction',
      'punir',
      'reprimande',
      'congediement',
      'renvoi',
      'licenciement',
    ],
    ['supprimer', 'effacer', 'enlever', 'oter', 'suppression', 'retirer', 'retrait'],
    ['surveiller', 'espionner', 'epier', 'traquer', 'surveillance', 'fouiller'],
    [
      'politique',
      'partisan',
      'partisane',
      'parti',
      'election',
      'elections',
      'campagne',
      'candidat',
      'candidate',
      'voter',
      'vote',
      'electoral',
    ],
    ['harcelement', 'harceler', 'harcele', 'trolls', 'troll', 'cyberharcelement', 'abus'],
    ['cadre', 'dirigeant', 'leader', 'directeur', 'directrice', 'sma', 'sous-ministre', 'haute', 'superieur'],
    ['embauche', 'embaucher', 'recruter', 'recrutement', 'dotation', 'entrevue', 'concours', 'postuler'],
    ['syndicat', 'syndical', 'syndicale', 'delegue'],
    ['ombudsman', 'ombud', 'protecteur'],
    ['virale', 'viral', 'buzz'],
    ['negative', 'critique', 'critiques', 'tolle', 'reactions'],
    ['prejuge', 'prejuges', 'biais', 'stereotype'],
    ['formation', 'cours', 'coaching', 'perfectionnement'],
    ['avertissement', 'desistement', 'disclaimer', 'non-responsabilite'],
    ['confidentialite', 'prive', 'privee', 'verrouille'],
    ['serment', 'jurer', 'assermente'],
    ['carriere', 'promotion', 'avancement'],
    ['repercussion', 'consequence', 'impact', 'incidence', 'effet'],
    ['financier', 'argent', 'profit', 'vendre', 'vente', 'entreprise', 'commerce', 'gain'],
    ['intimide', 'intimidation', 'intimider', 'humilier', 'moquer', 'denigrer'],
    ['discrimination', 'discriminatoire', 'discriminer', 'raciste', 'sexiste', 'homophobe', 'transphobe'],
    ['divulgation', 'divulguer', 'fuite', 'coulage'],
    ['securitaire', 'securite', 'sur'],
    ['conversation', 'discussion', 'discuter', 'parler', 'jaser', 'echanger'],
    ['objectif', 'but', 'viser', 'finalite', 'sert', 'utilite'],
    ['intention', 'motif', 'motivation', 'voulait'],
    ['proportionnelle', 'proportionne', 'exagerer', 'demesure', 'severe', 'severite', 'dure', 'sevir'],
    [
      'identite',
      'identitaire',
      'identitaires',
      'race',
      'racise',
      'racisee',
      'racises',
      'ethnique',
      'autochtone',
      'noir',
      'noire',
      'genre',
      'trans',
      'transgenre',
      'lgbtq',
      '2eslgbtqi',
      'gai',
      'gaie',
      'lesbienne',
      'queer',
      'sexuelle',
      'religion',
      'religieux',
      'religieuse',
      'musulman',
      'musulmane',
      'juif',
      'juive',
      'sikh',
      'handicap',
      'handicape',
      'handicapee',
    ],
    ['aimer', 'like', 'liker', 'likes', 'aime'],
    ['gestionnaire', 'superviseur', 'superviseure', 'patron', 'patronne', 'boss'],
    [
      'geopolitique',
      'geopolitiques',
      'guerre',
      'guerres',
      'invasion',
      'ukraine',
      'russie',
      'gaza',
      'israel',
      'palestine',
    ],
    ['inhabituelle', 'inhabituel', 'inusite', 'atypique'],
    ['difficultes', 'difficulte', 'detresse', 'epuisement', 'epuise'],
    ['differends', 'differend', 'litige', 'recours', 'grief', 'chicane', 'brouille', 'desaccord'],
    ['inconscients', 'inconscient', 'preconcu', 'preconcues'],
  ],
};

const synonymMaps: Record<Lang, Map<string, string>> = { en: new Map(), fr: new Map() };
for (const lang of ['en', 'fr'] as const) {
  for (const group of SYNONYMS[lang]) {
    const canonical = stem(foldAccents(group[0]!), lang);
    for (const word of group) {
      const s = stem(foldAccents(word), lang);
      if (!synonymMaps[lang].has(s)) synonymMaps[lang].set(s, canonical);
    }
  }
}

/** Splits folded text into words (letters, digits, inner hyphens kept as separate words). */
export function words(folded: string): string[] {
  return folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/** Index terms of already-folded text: stop words out, stems in, synonyms merged. */
export function terms(folded: string, lang: Lang): string[] {
  const out: string[] = [];
  const ws = words(folded);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (STOP[lang].has(w) || (w.length < 2 && !/\d/.test(w))) continue;
    // "orientation" is also this guidance's French name: in "orientation sexuelle" only "sexuelle" counts
    if (lang === 'fr' && w === 'orientation' && ws[i + 1]?.startsWith('sexuel')) continue;
    const s = stem(w, lang);
    if (STOP[lang].has(s)) continue; // "wants", "things": inflected stop words
    out.push(synonymMaps[lang].get(s) ?? s);
  }
  return out;
}

/** Folds then analyses raw text (passages, hints). */
export function analyse(text: string, lang: Lang): string[] {
  return terms(
    foldAccents(text.toLowerCase())
      .replace(/['\u2019]/g, ' ')
      .replace(/[^a-z0-9\s-]/g, ' '),
    lang,
  );
}
