import type { UrgentTopic } from './classify';

/**
 * Structured urgent-situation detector, used alongside the phrase patterns in classify.ts.
 *
 * Instead of one pattern per phrasing, each urgent category is described as CONCEPTS that must
 * co-occur within a short window of the question (actor × harm × exposure/immediacy). Each
 * concept is a bilingual lexicon over folded text (lower case, no accents, punctuation as spaces).
 * Before matching, words a few keystrokes away from a lexicon word are corrected ("clasified",
 * "twiter", "facebok", "kil himself"), so typos do not hide an emergency.
 *
 * A narrative with the urgent fact in the middle still matches, because only the co-occurrence of
 * the concepts matters, not the sentence's shape. General questions about the guidance's advice
 * ("how do I discuss harassment with my team?", "what if someone leaks protected information?")
 * are recognised by their framing and left to the answerer, unless they also point at a real case.
 */

const alt = (...parts: string[]): string => `(?:${parts.join('|')})`;
const re = (...parts: string[]): RegExp => new RegExp(`\\b${alt(...parts)}`, 'g');

// ---------------------------------------------------------------- typo tolerance

/** Words worth correcting towards: the vocabulary the concepts below rely on. */
const LEXICON = (
  'classified confidential protected secret embargo embargoed briefing cabinet personal information ' +
  'twitter facebook instagram linkedin tiktok reddit youtube discord telegram snapchat ' +
  'posted shared leaked published uploaded tweeted screenshot screenshots ' +
  'himself herself themselves myself suicide suicidal goodbye farewell burden ' +
  'threat threats threatened threatening threatens violence violent weapon weapons shooting stabbing ' +
  'harass harassed harassing harassment targeted stalking stalked trolled trolling doxxed doxxing address ' +
  'journalist journalists reporter reporters newspaper interview ' +
  'viral racist racism antisemitic islamophobic homophobic transphobic misogynist hateful spreading ' +
  'employee colleague coworker ' +
  'classifie classifies confidentiel confidentiels protege proteges renseignements personnels ' +
  'publie publiee partage partagee diffuse capture suicidaire suicider menace menaces menacee menacer ' +
  'harcelement harcelee harcele harceler journaliste journalistes virale raciste haineux haineuse ' +
  'homophobe transphobe islamophobe antisemite adresse employe employee collegue mourir'
)
  .split(' ')
  .filter(Boolean);
const LEXICON_SET = new Set(LEXICON);

/** Real words a correction must never rewrite (they sit one keystroke from a lexicon word). */
const KEEP = new Set(
  (
    'thread threads treat treats short shout shoots shooter posters poster hosted posted costed pasted ' +
    'shares shared shard secrets secrete secretly protect protests protest proteger protegee publier ' +
    'address addressed addresses adresser adressee viral virals virale burdens burden burdensome ' +
    'employer employers employees employes employee employe menage menager menacer ' +
    'reporter reported reports reporting report threaten shooting stabbing partager partages partagees ' +
    'harassers harasser colleagues collegues collegue colleague public publique publics publiques ' +
    'poste postes postee postees posting scared shaded shored stared spared snared threads treated ' +
    'manage menages nature suicides policy police polices'
  ).split(' '),
);

/** Short or far-off misspellings a distance rule would miss or get wrong. */
const SHORT_FIXES: Record<string, string> = {
  kil: 'kill',
  kms: 'kill myself',
  unalive: 'kill',
  fb: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  twitr: 'twitter',
  twtr: 'twitter',
  sucide: 'suicide',
  suicde: 'suicide',
  harrass: 'harass',
  harrassed: 'harassed',
  harrassment: 'harassment',
  harrasment: 'harassment',
  harcellement: 'harcelement',
  harcelle: 'harcele',
  harcellee: 'harcelee',
  journaliste: 'journaliste',
  jounalist: 'journalist',
  threatning: 'threatening',
  thretening: 'threatening',
  treatening: 'threatening',
};

function distanceAtMost1or2(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  // small banded Damerau–Levenshtein
  const prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length]! <= max;
}

const correctionCache = new Map<string, string>();

function correctToken(t: string): string {
  const fixed = SHORT_FIXES[t];
  if (fixed) return fixed;
  if (t.length < 5 || LEXICON_SET.has(t) || KEEP.has(t) || /\d/.test(t)) return t;
  const cached = correctionCache.get(t);
  if (cached !== undefined) return cached;
  const max = t.length >= 8 ? 2 : 1;
  let out = t;
  for (const w of LEXICON) {
    if (w.length < 5) continue;
    if (w[0] !== t[0] && w[1] !== t[1]) continue; // typos rarely change both first letters
    // same first six letters: an inflection ("personnelle", "threatend"), which stem patterns cover
    if (t.length > 7 && w.slice(0, 6) === t.slice(0, 6)) continue;
    if (distanceAtMost1or2(t, w, max)) {
      out = w;
      break;
    }
  }
  if (correctionCache.size < 5000) correctionCache.set(t, out);
  return out;
}

/** The folded question with likely typos of urgent-vocabulary words corrected. */
export function correctTypos(folded: string): string {
  return folded
    .split(' ')
    .map((t) => correctToken(t))
    .join(' ');
}

// ---------------------------------------------------------------- concepts

const PLATFORM = alt(
  'facebook',
  'twitter',
  'x',
  'instagram',
  'tiktok',
  'linkedin',
  'reddit',
  'youtube',
  'discord',
  'telegram',
  'snapchat',
  'threads',
  'bluesky',
  'mastodon',
  'whatsapp',
  'a forum',
  'forums?',
  'social media',
  'socials',
  'les reseaux( sociaux)?',
  'reseaux sociaux',
  'medias sociaux',
  'un forum',
  'group chat',
  'groupe( facebook| de discussion)?',
);

/** Information an employee must not put online. */
const SENSITIVE = re(
  'classified',
  'top secret',
  'secret (doc|document|file|briefing|report|memo|info|information|material|plan)\\w*',
  'secret',
  'protected (a|b|c|info\\w*|document\\w*|file\\w*|data|material)',
  'confidential',
  'cabinet (confidence|document|doc|memo|paper|submission)\\w*',
  'embargo\\w*',
  'unannounced',
  'not (yet )?(been )?(announced|public|released)',
  'briefing (note|notes|material|deck|binder)',
  'internal (memo|memos|document|documents|email|emails|report|reports)',
  '(client|citizen|taxpayer|applicant|claimant|patient|beneficiary|recipient|caller|member of the public|inmate|veteran|refugee|student)s? (s )?(name|names|file|files|data|info|information|address|addresses|details|sin|health|record|records|case|photo|phone)',
  'personal (information|info|details|data)',
  '(health|medical) (info|information|file|files|record|records|details|leave|condition|history)',
  'medical leave',
  'sin number',
  'social insurance',
  'case files?',
  'investigation (file|files|details|report|notes)',
  'home address\\w*',
  '(list|lists|names|addresses|file numbers?) of (clients|citizens|taxpayers|applicants|claimants|patients|beneficiaries)',
  '(clients|citizens|taxpayers|applicants|claimants|patients|beneficiaries) (s )?(names|addresses|file numbers?|files|details|info)',
  'phone numbers',
  // fr
  'classifie\\w*',
  'tres secret',
  'secrets?',
  'protege (a|b|c)',
  'renseignements? (proteges?|personnels?|confidentiels?|medicaux|de sante|classifies?)',
  'informations? (personnelles?|protegees?|confidentielles?|classifiees?)',
  'donnees (personnelles|des clients|de clients|confidentielles|protegees)',
  'documents? (proteges?|confidentiels?|classifies?|secrets?|internes?|du cabinet)',
  'confidentiel\\w*',
  'confidences? du cabinet',
  'sous embargo',
  'pas encore (annonce|public|publie)\\w*',
  'notes? (d information|de breffage|interne)',
  '(dossier|dossiers|nom|noms|adresse|adresses|renseignements|donnees|photo|numero) (d un|d une|du|des|de) (client|clients|citoyen|citoyens|contribuable|contribuables|demandeur|demandeurs|prestataire|prestataires|patient|patients|detenu|detenus|veteran|veterans|refugie|refugies)',
  'numero d assurance sociale',
  '(liste|listes|noms|adresses|numeros) (des|de|de nos) (clients|citoyens|contribuables|demandeurs|prestataires|patients|beneficiaires)',
  '(clients|citoyens|contribuables|demandeurs|prestataires|patients|beneficiaires) (avec )?(leurs|les) (adresses|noms|numeros|dossiers|coordonnees)',
  'assurance sociale',
  'nas',
  'dossiers? (medical|medicaux|d enquete|de sante|client)',
  'conges? de maladie',
  'adresses? (personnelles?|de domicile|civiques?)',
);

/** Making something public or visible online. */
const EXPOSED = re(
  '(posted|shared|tweeted|published|leaked|uploaded|reposted|retweeted|dumped|streamed|broadcast|screenshotted)',
  '(posting|sharing|tweeting|publishing|leaking|uploading|dumping|streaming)',
  'put (it|them|this|that)? ?(up|online|out)',
  'online',
  'on ' + PLATFORM,
  'in (a|her|his|their|the) (post|story|stories|reel|video|photo|picture|tweet|thread|live|group|chat)',
  'screenshots?',
  '(readable|visible|legible|can be seen|you can see|shows?|showing)',
  '(went|gone|made|going) public',
  'publicly',
  '(circulating|going around|floating around|out there)',
  // fr
  '(publie|publiee|publies|publiees|partage|partagee|partages|partagees|diffuse|diffusee|diffuses|coule|coulee|coules|mis en ligne|mise en ligne|mis sur|affiche|affichee|texte|filme|repartage|retweete)',
  'en ligne',
  'sur ' + PLATFORM,
  'dans (une|sa|son|ses) (publication|story|stories|video|photo|gazouillis|groupe|clavardage)',
  'captures? d ecran',
  '(lisible|lisibles|visible|visibles|on voit|on peut (voir|lire))',
  '(circule|circulent|traine|trainent)',
  'rendu public\\w*',
);

/** Harm or threat of harm to people. */
const VIOLENT = re(
  'threat\\w*',
  'menac\\w*',
  'kill\\w*',
  'shoot\\w*',
  'stab\\w*',
  'murder\\w*',
  'beat (him|her|them|you|up)',
  'bomb\\w*',
  'blow (up|it up)',
  'burn (it|the \\w+|down)',
  '(gun|guns|rifle|firearm|firearms|weapon|weapons|knife|knives|ammo|ammunition|explosives?)',
  'take care of (the|my|our|that|this) (director|boss|manager|supervisor|minister|deputy|dg|adm|dm|team lead|colleague|coworker|ceo)',
  'make (them|him|her|you|us|everyone|everybody|management|the managers|the directors)( all)? (pay|regret|sorry)',
  '(regret it|will pay|ll pay|gonna pay|going to pay|be sorry)',
  'watch (your|their|his|her) back',
  'what (he|she|they|i) (s|is|are|am|re) (really )?capable of',
  '(see|find out|learn|show (them|you|everyone)) what (he|she|they|i) (can do|s capable)',
  'know\\w* where (you|she|he|they|we) (live|lives|work|works|park|parks)',
  '(hurt|harm|attack|assault) (him|her|them|you|us|people|someone|somebody|everyone|the \\w+|my \\w+|our \\w+)',
  // fr
  'tuer',
  'tue',
  'tirer sur',
  'poignard\\w*',
  'frapper',
  'battre',
  'bombe',
  'faire sauter',
  '(arme|armes|fusil|fusils|couteau|couteaux|explosifs?)',
  '(faire|fera|ferai|ferait|va) (payer|regretter)',
  '(vont|va|allez|vas) (le |la |les )?(payer|regretter)',
  'regler (son|leur|ton) compte',
  's occuper (de son cas|du directeur|de la directrice|du patron|du gestionnaire|de la gestionnaire)',
  'sai(t|s) (ou|o) (tu|elle|il|ils|vous|on) (habite|habitent|reste|restent|vit|travaille)',
  's en prendre (a|physiquement)',
  '(faire|fera) du mal',
);

/**
 * Someone on the receiving end of harassment, doxxing or a campaign: passive or object forms,
 * so that an employee who bullies a colleague (a Code matter, answered) is not taken for one.
 */
const VICTIMISED = re(
  '(is|are|was|were|been|being|get|gets|getting|got|keeps? getting|faces|facing|receiv\\w*|under) (\\w+ )?(harass\\w*|targeted|trolled|abused|threatened|doxx?ed|stalked|attacked|swarmed|mobbed|brigaded|bullied|insulted|threats|death threats|hate mail|abuse|attacks)',
  '(harass|target|troll|threaten|dox|stalk|swarm|brigad|insult)\\w* (her|him|them|my \\w+|our \\w+|one of)',
  '(abuse|attacks|threats|hate|harassment) (from|by) (strangers|people|the public|members of the public|trolls|a group|users)',
  'flood\\w* (her|his|their|an?|the|my) .{0,40}(account|inbox|page|dms|mentions|comments) with',
  'messag\\w* (her|him|them) (threats|insults|abuse|hate)',
  '(spamm|flood|bombard|swarm|harass|target)\\w* (her|his|their) (family|kids|children|partner|wife|husband|parents|home|personal)',
  'trolls? (found|are|have|keep|posted|tracked)',
  '(found|tracked down|dug up) (the|her|his|their) (name|address|family|home|identity)',
  'threats? (against|to|toward|towards) (her|him|them|my|our)',
  '(posted|shared|published|leaked|found|put) (her|his|their) (home )?(address|phone|number|kids|children|family|photos?|car|licen[cs]e)',
  'photos? of (her|his|their) (kids|children|family|house|home|car)',
  'dox\\w*',
  'hate mail',
  'online mob',
  'pil(e|ing) ?on',
  // fr
  '(se fait|se font|a ete|ont ete|est|sont|etre|subit|subissent|recoit|recoivent|victimes? de|fait l objet de|font l objet de) (\\w+ )?(harcel\\w*|cible\\w*|menace\\w*|insulte\\w*|intimide\\w*|traque\\w*|attaque\\w*|lynchage|injures|menaces)',
  '(harcelent|ciblent|menacent|insultent|intimident|traquent|attaquent|s acharnent sur) (ma|mon|notre|une|un|cette|cet|l|la|le)',
  '(envoient|envoie|envoyer|recoit|recoivent) des (menaces|insultes|messages haineux|injures)',
  '(publie|partage|diffuse|trouve)\\w* (son|sa|ses) (adresse|numero|enfants|famille|photo|photos|domicile)',
  'adresse\\w* (personnelle\\w* |de domicile )?(d un|d une|de (mon|ma|notre|l)) ?\\w+ (a ete |ont ete |est |sont )?(publiee|diffusee|partagee|affichee|mise en ligne|coulee)',
  'photos? de (ses|son|sa) (enfants|famille|maison|auto|voiture)',
  'lynchage',
);

/** A specific person the manager is responsible for (not a general case). */
const PERSON = re(
  '(my|our) (employee|employees|staff|analyst|analysts|team member|team members|colleague|colleagues|report|direct report|officer|officers|inspector|inspectors|agent|agents|clerk|advisor|adviser|assistant|intern|student|worker|coworker|co worker)s?',
  'one of (my|our) \\w+',
  'someone on (my|our) team',
  '(she|he|her|him)',
  '(an|one) (employee|analyst|officer|inspector|agent|team member|staff member|colleague)',
  '(mon|ma|mes|notre|nos) (employe|employee|employes|employees|analyste|analystes|collegue|collegues|agent|agente|agents|agentes|inspecteur|inspectrice|personnel|conseiller|conseillere|adjoint|adjointe|stagiaire|equipe)',
  'un(e)? (de mes|de nos) \\w+',
  'un(e)? (employe|employee|agent|agente|analyste|collegue|inspecteur|inspectrice|fonctionnaire)',
  '(elle|il)',
);

/** Why they are targeted: their job, a decision, their visibility as a public servant. */
const JOB_LINK = re(
  'because',
  'since',
  'after',
  'over (a|her|his|their|the)',
  'decision\\w*',
  'file\\w*',
  '(job|work|position|role|department|agency|ministry|program|office|service)',
  'public servant',
  'news (article|story|report)',
  'article',
  'video',
  'inspection',
  'online',
  'on ' + PLATFORM,
  'accounts?',
  '(messages|comments|dms|emails)',
  // fr
  'parce qu',
  'depuis',
  'a cause',
  'en raison',
  'apres',
  '(decision|dossier|travail|poste|emploi|ministere|agence|programme|bureau|service)',
  'fonctionnaire',
  'en ligne',
  'sur ' + PLATFORM,
  '(compte|comptes|messages|commentaires|courriels)',
);

/** Signs of a wish to die or self-harm, often indirect. */
const SELF_HARM = re(
  'suicid\\w*',
  'kill (him|her|them|my)sel(f|ves)',
  'kill myself',
  '(take|taking|end|ending) (his|her|their|my) (own )?life',
  'self ?harm\\w*',
  '(hurt|harm|cut|cutting) (him|her|them|my)sel(f|ves)',
  'want\\w* to die',
  '(no|not (see|seeing|find|finding) (a|any)|lost (his|her|their|my)|without a|any) reasons? (to|for) (live|living|keep going|go on|going on|continue|get up|stay)',
  'keep going any ?more',
  '(no|any) point (in )?(living|going on|anymore|any more|to (it|anything|life))',
  'better off (dead|without (me|him|her|them))',
  '(be|being) a burden',
  'burden (to|on|for) (anyone|everyone|others|anybody|you|us|them|his|her|their|my)',
  'end (it|it all|things|everything)( all)?\\b',
  '(goodbye|farewell) (message|post|note|letter|video)',
  '(my|his|her|their) last (post|message|tweet|story|video)',
  'last (post|message|tweet) (ever|before)',
  'thank (you|u) all for everything',
  '(notice|care|miss (him|her|me)|matter) if (he|she|i|they) (was|were|is|were) (gone|not here|dead)',
  'if (he|she|i) (was|were) gone',
  'giv(e|ing) away (his|her|their|my) (stuff|things|belongings)',
  '(hopeless|can t go on|cannot go on|can t take (it|this) any ?more)',
  'overdos\\w*',
  '(jump|jumping) (off|from) (a|the) (bridge|building|roof)',
  'not (be|being) (around|here) (anymore|any more|much longer|tomorrow)',
  '(disappear|vanish) (forever|for good)',
  // fr
  'suicid\\w*',
  '(se|me|te) (tuer|suicider|faire du mal|blesser|mutiler)',
  'en finir',
  'mettre fin a (ses|sa|mes|ma) (jours|vie)',
  's enlever la vie',
  '(envie de|veut|veux|voulait) mourir',
  '(plus|pu|pus) (envie de vivre|la force|de raison)',
  '(aucune|pas de|plus de|perdu sa) raisons? de (vivre|continuer)',
  'mieux (sans (moi|lui|elle|eux)|mort|morte)',
  '(etre|suis|est) un fardeau',
  'fardeau pour',
  'message d adieu',
  'debarrass\\w* de (moi|lui|elle)',
  '(personne|nul) ne (remarquerait|verrait|s apercevrait)',
  '(dernier|derniere) (message|publication)',
  'adieux?',
  'au bout du rouleau',
  'desespoir',
  'disparaitre (pour toujours|a jamais|pour de bon)',
);

/** Media contact or coverage. */
const MEDIA = re(
  'journalists?',
  'reporters?',
  'the press',
  'press (call|request|inquiry|enquiry)',
  'newspapers?',
  'news (outlet|desk|story|article|crew|team|channel|segment)',
  'running a (story|piece|segment)',
  'doing a (story|piece|segment)',
  '(story|article|piece|segment|column) (about|on) (her|him|them|my|our|the|a|an|one)',
  'media outlets?',
  'interview request',
  'asking for (a )?(comment|statement|interview)',
  'wants? (a )?(comment|statement|interview)',
  'cbc',
  'ctv',
  'global news',
  'globe and mail',
  'national post',
  'toronto star',
  'ottawa citizen',
  'hill times',
  'ipolitics',
  'politico',
  'rebel news',
  'podcaster',
  'columnist',
  // fr
  'journalistes?',
  'la presse',
  'le devoir',
  'radio canada',
  'tva',
  'lcn',
  'noovo',
  'journal de (montreal|quebec)',
  'recherchistes?',
  'chroniqueu\\w*',
  'salle de nouvelles',
  '(prepare|ecrit|publie|fait) un (article|reportage|topo)',
  '(article|reportage|topo|chronique) (sur|au sujet)',
  '(les )?medias (appellent|ont appele|m ont (appele|contacte|ecrit)|veulent|demandent)',
  'demande d entrevue',
);

/** Hateful content. */
const HATE = re(
  'hate\\w*',
  'racis\\w*',
  'anti ?semit\\w*',
  'islamophob\\w*',
  'homophob\\w*',
  'transphob\\w*',
  'misogyn\\w*',
  'sexist\\w*',
  'xenophob\\w*',
  'bigot\\w*',
  'slurs?',
  'nazi\\w*',
  'white supremac\\w*',
  'dehumani\\w*',
  // fr
  'haine\\w*',
  'haineu\\w*',
  'raciste\\w*',
  'antisemit\\w*',
  'islamophob\\w*',
  'homophob\\w*',
  'transphob\\w*',
  'xenophob\\w*',
  'misogyn\\w*',
);

/** Content spreading fast or widely. */
const SPREADING = re(
  'viral',
  'trending',
  'spread\\w*',
  'going around',
  'circulat\\w*',
  '(thousands|hundreds|millions|\\d+ ?k|\\d{3,}) (of )?(shares|views|likes|retweets|reposts|comments|people)',
  'thousands',
  '(shares|retweets|reposts)',
  'blow(ing|n)? up',
  'blew up',
  'picked up',
  'everywhere',
  'tagg\\w* (the|our) (department|agency|ministry|minister)',
  'people are tagging',
  // fr
  'viral\\w*',
  'circule\\w*',
  'fait le tour',
  'se repand\\w*',
  'milliers',
  'centaines',
  '(vues|partages)',
  'buzz',
  'partout',
  'identifi\\w* (le|notre) ministere',
  'tagu\\w*',
  'enflamm\\w*',
);

/**
 * A question about the guidance's advice in general, not a case: "how do I discuss…", "what if
 * someone…", "can employees…". A pointed-to case ("my employee", "she", "yesterday") overrides it.
 */
const GENERAL_FRAME = new RegExp(
  '\\b' +
    alt(
      'how (do|should|can|would) (i|we) (discuss|talk about|bring up|address|raise|lead|run|approach|cover|handle)',
      '(discuss|talk about|bring up|address|raise) .{0,40}\\b(team meetings?|with (my|the|our) team|staff meeting)',
      '(at|in|during) (a |our |the )?(team|staff) meetings?',
      '(should|do|can|could) (i|we) (talk|discuss|bring|raise|address)',
      'what if',
      '^(and )?if',
      '(do|handle|respond|react|say)\\b.{0,20}\\bif (an?|someone|somebody|employees?|staff|a team member|a public servant|public servants)',
      'when (an?|someone|somebody|employees|staff|team members|a colleague|colleagues)',
      'in general',
      'in case',
      'hypothetical\\w*',
      '(can|may|could) (an?|my)? ?(employees?|public servants?|staff|someone)',
      'are (employees|public servants|staff) allowed',
      'is it (ok|okay|allowed|acceptable|a violation|a breach|against)',
      'does the guidance',
      // fr
      'comment (aborder|parler|discuter|traiter|gerer)',
      'en reunion',
      'reunions? d equipe',
      'et si',
      '^(et )?si',
      '(que|quoi) faire (si|lorsqu|quand)',
      'comment (reagir|gerer|intervenir|repondre) (si|lorsqu|quand)',
      'lorsqu (un|une|on)',
      'quand (un|une|des)',
      'en general',
      'au cas ou',
      'est il (permis|acceptable|correct)',
      'peu(t|vent) (ils|elles|on|un|une|les)',
    ),
);

/** Marks an actual case: a time, or a past event. */
const NOW_MARK =
  /\b(just|today|tonight|yesterday|last (night|week)|this (morning|afternoon|week)|right now|an hour ago|minutes ago|currently|already|has been|have been|is going|are going|aujourd hui|hier|ce matin|cet apres midi|en ce moment|tantot|deja|vient de|viennent de|depuis)\b/;

interface Rule {
  topic: UrgentTopic;
  /** every group must match, all within `window` characters of the first group's match */
  groups: RegExp[];
  window: number;
  /** whether the general framing exempts it (a real case is still urgent) */
  generalExempt: boolean;
}

const RULES: Rule[] = [
  { topic: 'self-harm', groups: [SELF_HARM], window: 0, generalExempt: false },
  { topic: 'violence', groups: [VIOLENT, PERSON], window: 140, generalExempt: true },
  { topic: 'harassment', groups: [VICTIMISED, JOB_LINK], window: 160, generalExempt: true },
  { topic: 'disclosure', groups: [SENSITIVE, EXPOSED], window: 140, generalExempt: true },
  { topic: 'journalist', groups: [MEDIA], window: 0, generalExempt: true },
  { topic: 'viral-hate', groups: [HATE, SPREADING], window: 160, generalExempt: true },
];

function positions(text: string, group: RegExp): number[] {
  const out: number[] = [];
  group.lastIndex = 0;
  for (let m = group.exec(text); m !== null; m = group.exec(text)) {
    out.push(m.index);
    if (m[0].length === 0) group.lastIndex++;
    if (out.length > 20) break;
  }
  return out;
}

/** Whether some match of every group lies within `window` characters of one anchor match. */
function coOccur(text: string, groups: RegExp[], window: number): boolean {
  const pos: number[][] = [];
  for (const g of groups) {
    const p = positions(text, g);
    if (p.length === 0) return false; // most questions stop at the first concept
    pos.push(p);
  }
  if (groups.length === 1) return true;
  return pos[0]!.some((a) => pos.slice(1).every((ps) => ps.some((b) => Math.abs(a - b) <= window)));
}

/** "What if a journalist asks…", "how do I discuss…": advice in general, not a case happening now. */
export function isGeneralQuestion(folded: string): boolean {
  return GENERAL_FRAME.test(folded) && !NOW_MARK.test(folded);
}

/** The urgent category this question describes, or undefined. */
export function detectUrgent(folded: string): UrgentTopic | undefined {
  const text = correctTypos(folded);
  const general = GENERAL_FRAME.test(text) && !NOW_MARK.test(text);
  for (const rule of RULES) {
    if (general && rule.generalExempt) continue;
    if (coOccur(text, rule.groups, rule.window)) return rule.topic;
  }
  return undefined;
}
