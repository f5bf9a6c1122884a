/**
 * Decides what kind of message this is before any retrieval: small talk, an urgent situation,
 * something outside the guidance, or a question for the guidance. Works on the folded text
 * (lower case, no accents), with patterns for both languages, because a French question may come
 * from an English-preference user and vice versa.
 *
 * Urgent patterns lean towards recall: a false alarm costs one extra card, a missed emergency
 * costs far more.
 */

export type UrgentTopic =
  'disclosure' | 'violence' | 'self-harm' | 'harassment' | 'journalist' | 'viral-hate';
export const URGENT_TOPICS: readonly UrgentTopic[] = [
  'self-harm',
  'violence',
  'harassment',
  'disclosure',
  'journalist',
  'viral-hate',
];

export type SmalltalkKind = 'help' | 'greeting' | 'thanks' | 'other';

export interface Classification {
  kind: 'smalltalk' | 'urgent' | 'out-of-scope' | 'in-scope';
  urgentTopic?: UrgentTopic;
  smalltalkKind?: SmalltalkKind;
  /** The question names social media, posts or the guidance's own subjects. */
  domainSignal: boolean;
  /** "Should I fire her?": asks the bot to judge a specific person. */
  verdictRequested: boolean;
  /** Describes a post the manager saw or was told about. */
  describesPost: boolean;
}

const any = (...parts: string[]): RegExp => new RegExp(parts.join('|'));

/** Order matters: the first matching topic names the card. Self-harm and violence come first. */
const URGENT: Record<UrgentTopic, RegExp[]> = {
  'self-harm': [
    any(
      '\\bsuicid',
      '\\bkill (him|her|them)sel(f|ves)',
      '\\bkill myself\\b',
      '\\bend(ing)? (his|her|their|my) (own )?life',
      '\\bself[ -]?harm',
      '\\bhurt(ing)? (him|her|them)sel(f|ves)',
      '\\bharm(ing)? (him|her|them)sel(f|ves)',
      '\\b(want|wants|wanted) to die\\b',
      '\\bnot (want|wanting) to (live|be alive|be here)',
      '\\bno (longer |more )?reasons? to live',
      '\\b(does not|doesn t|don t|do not|didn t) want to (live|be alive|wake up)',
      '\\bbetter off dead',
      '\\bend it all\\b',
      '\\bgoodbye (post|message|note)',
      '\\bfarewell (post|message|note) .*(life|world)',
      '\\bse suicider',
      '\\bsuicidaire',
      '\\bmettre fin a (ses|sa|mes) (jours|vie)',
      '\\bs enlever la vie',
      '\\bse (faire|fait) du mal',
      '\\bautomutil',
      '\\bidees noires',
      '\\b(veut|veux|voulait|envie de) mourir',
      '\\braisons? de vivre',
      '\\bplus envie de vivre',
      '\\b(veut|voulait|va) en finir\\b',
      '\\b(en|d en) finir avec la vie',
    ),
  ],
  violence: [
    any(
      '\\b(death|bomb|violent|physical) threats?',
      '\\bthreat(s|en|ens|ened|ening)?\\b.{0,60}\\b(kill|shoot|stab|hurt|harm|attack|bomb|violence|violent|beat|murder)',
      '\\b(kill|shoot|stab|murder|bomb|attack|beat up)\\b.{0,40}\\b(him|her|them|us|you|boss|manager|colleague|coworker|office|people|everyone|minister|team)\\b',
      '\\b(gun|guns|firearm|firearms|weapon|weapons|rifle|knife)\\b(?! (control|law|laws|legislation|registry|ban|policy|policies|rights|debate))',
      '\\bmass shooting',
      '\\bmenace(s)? de mort',
      '\\bmenac\\w*.{0,60}\\b(tuer|frapper|blesser|attaquer|violence|bombe|tirer)',
      '\\b(tuer|abattre|poignarder|tirer sur|faire sauter)\\b',
      '\\b(arme|armes|fusil|couteau|bombe)\\b(?! (a feu )?(controle|loi|registre|debat|politique))',
      '\\bviolence physique',
    ),
  ],
  harassment: [
    any(
      '\\bdox',
      '\\bhome address (was |got |has been )?(posted|shared|published|leaked)',
      '\\b(posted|shared|published|leaked) (his|her|their|my) (home )?address',
      '\\b(is|are|was|were|been|being|getting|gets|got|keeps getting|receiving|receives) (being )?(harass|target|attack|threaten|bulli|troll|stalk|abus|swarm)\\w*.{0,80}\\b(because|for|over|since|job|work|works|position|role|department|public servant|government|online|social|twitter|facebook|post)',
      '\\b(harass|troll|stalk|abus|attack|threaten|swarm)\\w* (him|her|them|my (employee|staff|analyst|team member|colleague))\\b.{0,60}\\b(job|work|position|role|department|public servant|government)',
      '\\b(hate mail|pile[ -]?on) .{0,40}\\b(employee|staff|her|him|them)',
      '\\b(adresse|domicile) .{0,30}(publiee|divulguee|partagee|diffusee|affichee)',
      '\\b(est|sont|se fait|se font|a ete|ont ete|etre|subit|subissent|recoit|recoivent|victime)\\b.{0,20}\\b(harcele|harcelee|harceles|harcelees|harcelement|cible|ciblee|cibles|attaque|attaquee|menace|menacee|intimide|intimidee|insulte|insultee)\\w*.{0,80}\\b(parce qu|a cause|en raison|travail|poste|emploi|ministere|fonctionnaire|gouvernement|en ligne|reseaux|medias sociaux)',
    ),
  ],
  disclosure: [
    any(
      '\\b(leak|leaked|leaking|disclos|posted|shared|published|revealed|tweeted|screenshot|screenshotted|put|uploaded)\\w*\\b.{0,60}\\b(classified|secret|protected (a|b|c|information|info|document)|confidential|cabinet|personal information|personal info|private information|client (data|information|file|record)|sin|social insurance|health record|medical|home address|phone number)',
      '\\b(classified|secret|protected b|protected a|confidential|cabinet confidence|personal information|client data)\\b.{0,60}\\b(online|on social|on twitter|on facebook|on x|on reddit|on linkedin|posted|leaked|shared|public)',
      '\\bunauthori[sz]ed disclosure',
      '\\b(divulg|fuite|publi|partag|affich|diffus|coul)\\w*.{0,60}\\b(classifie|secret|protege|confidentiel|renseignements personnels|information personnelle|informations personnelles|donnees (des )?clients|dossier|nas|assurance sociale|cabinet)',
      '\\b(classifie|secret|protege b|confidentiel|renseignements personnels|renseignements proteges)\\w*.{0,60}\\b(en ligne|reseaux|medias sociaux|publie|divulgue|partage|facebook|twitter)',
      '\\bdivulgation non autorisee',
    ),
  ],
  journalist: [
    any(
      '\\b(journalist|reporter|the press|newspaper|cbc|ctv|global news|radio-canada|media outlet|news outlet)\\b',
      '\\bmedia (call|request|inquiry|enquiry|query)\\b.{0,60}\\b(about|regarding|on|received|got)',
      '\\b(got|received|have|had) a media (call|request|inquiry|enquiry|query)',
      '\\b(journaliste|la presse|le devoir|radio-canada|reporter)\\b',
      '\\b(demande|appel) (des|d un|de) medias?\\b.{0,60}\\b(sur|au sujet|concernant|recu)',
      '\\b(recu|reçu|eu) une demande (des|de|d un) medias?',
    ),
  ],
  'viral-hate': [
    any(
      '\\b(hate|hateful|racist|antisemitic|anti-semitic|islamophobic|homophobic|transphobic|bigoted|slur|misogynist|xenophobic|hate speech)\\w*\\b.{0,100}\\b(viral|trending|blow(ing|n)? up|blew up|thousands|spreading|everywhere|shares|retweets|picked up)',
      '\\b(viral|trending|blowing up|blew up)\\b.{0,100}\\b(hate|hateful|racist|antisemitic|anti-semitic|islamophobic|homophobic|transphobic|bigoted|slur|xenophobic)',
      '\\b(haineu|haine|raciste|antisemite|islamophobe|homophobe|transphobe|xenophobe)\\w*\\b.{0,100}\\b(viral|virale|devenu|fait le tour|partage des milliers|milliers|buzz|se repand|circule)',
      '\\b(viral|virale|fait le tour|buzz)\\b.{0,100}\\b(haineu|haine|raciste|antisemite|islamophobe|homophobe|transphobe)',
    ),
  ],
};

/**
 * "Should we discuss harassment at team meetings?" asks about the guidance's advice, not about a
 * case happening now; a named or pointed-to person ("my employee", "she") makes it a case again.
 */
const GENERAL_DISCUSSION = any(
  '\\b(talk|discuss|discussion|bring up|address|raise|meeting|meetings|in general|policy|parler|discuter|aborder|reunion|reunions|en general)\\b',
);
const SPECIFIC_PERSON = any(
  '\\b(my|our) (employee|staff|analyst|team member|colleague|report|direct report)',
  '\\b(she|he|her|him|mon employe|mon employee|ma collegue|mon collegue|mon analyste|elle|il) (is|was|has|est|a ete|se fait|recoit)\\b',
  '\\b(mon|ma|notre) (employe|employee|analyste|collegue|agent|agente)',
);

const SMALLTALK: { kind: SmalltalkKind; re: RegExp }[] = [
  {
    kind: 'help',
    re: /^(help|aide|aidez moi|aide moi|menu|\?|what can you do|what do you do|what can i ask( you)?|how does this work|how do i use (this|you)|que peux tu faire|que pouvez vous faire|qu est ce que tu fais|comment ca marche|comment (vous )?utiliser|commandes?|commands?|options?|start|commencer)( please| svp| s il vous plait)?$/,
  },
  {
    kind: 'greeting',
    re: /^(hi|hello|hey|hiya|good (morning|afternoon|evening|day)|greetings|yo|bonjour|bonsoir|salut|allo|coucou|bon matin|hi there|hello there)( bot| there| everyone| all| toi| a vous)?$/,
  },
  {
    kind: 'thanks',
    re: /^(thanks?( you)?( so much| very much| a lot)?|thx|ty|cheers|great thanks|ok thanks|merci( beaucoup| bien)?|super merci|parfait merci|ok merci|that helps|ca aide|c est utile)$/,
  },
  {
    kind: 'other',
    re: /^(ok|okay|k|cool|great|nice|yes|no|oui|non|d accord|parfait|super|bye|goodbye|au revoir|a plus|test|testing|how are you|ca va|comment ca va|who are you|qui es tu|are you a (bot|robot|human))$/,
  },
];

/** Requests to produce something, or topics plainly not about this guidance. */
const OUT_OF_SCOPE_ALWAYS = any(
  '^(please |can you |could you |pls |svp |peux tu |pouvez vous )?(write|draft|compose|generate|create|rewrite|edit|proofread|redige|rediger|ecris|ecrire|compose|genere|corrige|traduis|translate)\\b',
  '\\b(tell me|give me|raconte|dis moi) (a |une )?(joke|poem|story|blague|histoire|poeme)',
  '\\b(joke|blague|poem|poeme|haiku|riddle|devinette)\\b',
  '\\b(who|which party|what party|quel parti|pour qui)\\b.{0,40}\\b(should i|do you|dois je|devrais je|recommend|recommandes|recommandez)\\b.{0,20}\\b(vote|voter|support|appuyer)',
  '\\b(should i|do i|dois je|devrais je) vote\\b',
  '\\b(python|javascript|typescript|sql|regex|excel formula|powershell|code snippet|bash script)\\b',
);
const OUT_OF_SCOPE_TOPIC = any(
  '\\b(weather|forecast|temperature|rain|snow|meteo|neige|pluie|quel temps|fera t il beau)\\b',
  '\\b(pay|paycheque|paycheck|salary|salaries|overtime|phoenix|pay stub|pay raise|retro pay|paie|salaire|heures supplementaires|remuneration|talon de paie)\\b',
  '\\b(vacation|annual leave|sick leave|parental leave|leave request|time off|day off|conges?|vacances|maladie)\\b',
  '\\b(travel|travel claim|per diem|expense|expenses|flight|hotel|deplacement|voyage|frais|note de frais)\\b',
  '\\b(recipe|restaurant|lunch|dinner|movie|hockey|nhl|game score|stock|stocks|bitcoin|crypto|horoscope|recette|film|match)\\b',
  '\\b(pension|benefits|dental|telework agreement|parking|printer|laptop|password|vpn|wifi|wi-fi|retraite|stationnement|imprimante|mot de passe|ordinateur)\\b',
  '\\b(capital of|how tall|how far|what time is it|quelle heure|capitale)\\b',
);

/** Words that tie a question to social media or to this guidance's subjects. */
const DOMAIN = any(
  '\\b(social|media|medias|reseaux|online|en ligne|internet|post|posts|posted|posting|tweet|tweets|tweeted|publication|publications|publie|publier|publiee|gazouillis)\\b',
  '\\b(facebook|twitter|instagram|tiktok|linkedin|reddit|youtube|bluesky|threads|snapchat|x com)\\b',
  '\\b(like|liked|likes|liking|share|shared|sharing|retweet|repost|comments|commented|aime|partage|partager|commentaire)\\b',
  '\\b(accounts?|profiles?|bio|comptes?|profils?|disclaimers?|avis de non)\\b',
  '\\b(elections?|electoral|candidat\\w*|campaign\\w*|campagne|party|parti|partisane?)\\b',
  '\\b(values and ethics|valeurs et (de l )?ethique|code of conduct|code de conduite|impartial|partisan|non-partisan|political|politique|loyalty|loyaute|oath|serment|charter|charte)\\b',
  '\\b(race|racial\\w*|racise\\w*|gender|genre|religion|religious|disability|handicap|lgbtq\\w*|trans|identity|identite|conflict|conflit|dispute|differend|union|syndicat|mental health|sante mentale|concerns|preoccupations|hiring|embauche|career|carriere|ethics|ethique|inappropriate|inapproprie\\w*|offensive|offensant\\w*)\\b',
  '\\b(harass\\w*|harcel\\w*|discriminat\\w*|bully\\w*|intimid\\w*|monitor\\w*|surveill\\w*|ombud\\w*|digital footprint|empreinte numerique|privacy|confidentialite|psychologically|psychologique\\w*)\\b',
);

const VERDICT = any(
  '\\b(should|can|could|must|do) (i|we)\\b.{0,30}\\b(fire|dismiss|terminate|sack|suspend|discipline|punish|reprimand|sanction|let (him|her|them) go|write (him|her|them) up)\\b',
  '\\b(fire|dismiss|terminate|suspend|discipline|punish|reprimand|sanction)\\w* (him|her|them|this (person|employee)|my (employee|analyst|staff))\\b',
  '\\b(is|was) (this|that|it)( \\w+)? (grounds|enough|cause) for (dismissal|firing|termination|discipline|suspension)',
  '\\b(is|was) (he|she|they|my employee) (in trouble|going to be fired|guilty|wrong)',
  '\\b(did|has|have) (he|she|they|my employee) (break|broken|broke|violate|violated) (the|a) (code|rule|rules)',
  '\\b(dois je|devrais je|puis je|peut on|faut il|doit on)\\b.{0,30}\\b(congedier|renvoyer|licencier|suspendre|sanctionner|punir|discipliner|reprimander|mettre a la porte)',
  '\\b(congedier|renvoyer|licencier|suspendre|sanctionner|punir|discipliner)\\b.{0,10}\\b(le|la|l|cet|cette|mon|ma)\\b',
  '\\b(est ce|est-ce) (un motif|une raison|suffisant) (de|pour) (congediement|renvoi|licenciement|sanction|mesure disciplinaire)',
  '\\b(a t il|a t elle|ont ils) (enfreint|viole) le code',
);

const DESCRIBES_POST = any(
  '\\b(i|we|someone|a colleague|a coworker|my team) (saw|see|found|noticed|came across|was shown|were shown|was told about|got a complaint about|was sent)\\b.{0,80}\\b(post|tweet|comment|video|photo|picture|story|reel|meme|message|thread)',
  '\\b(employees?|staff|analysts?|team members?|colleagues?|coworkers?|reports?|guys?|he|she|they|someone on my team)\\b.{0,40}\\b(posted|tweeted|shared|retweeted|liked|commented|published|wrote|uploaded|reposted)\\b',
  '\\b(employees?|staff|analysts?|team members?|colleagues?)\\b.{0,20}\\b(posts?|tweets?|comments?|videos?)\\b',
  '\\b(m a|m ont) (montre|envoye|transmis|signale)\\b.{0,40}\\b(publication|gazouillis|commentaire|video|photo|message|tweet|post)',
  '\\b(j ai|on m a|nous avons|un collegue a|quelqu un a) (vu|trouve|remarque|signale|montre|transmis|envoye)\\b.{0,80}\\b(publication|gazouillis|commentaire|video|photo|message|tweet|post)',
  '\\b(employe|employee|analyste|membre de (mon|l) equipe|collegue|il|elle)\\b.{0,40}\\b(a publie|a partage|a aime|a commente|a ecrit|a diffuse|a repartage|a retweete|a mis en ligne)',
  '\\b(publication|gazouillis|commentaire) (d un|d une|de mon|de ma|de l) (employe|employee|analyste|collegue|membre)',
);

export function classify(folded: string): Classification {
  const domainSignal = DOMAIN.test(folded);
  const verdictRequested = VERDICT.test(folded);
  const describesPost = DESCRIBES_POST.test(folded);
  const base = { domainSignal, verdictRequested, describesPost };

  for (const topic of URGENT_TOPICS) {
    if (topic === 'harassment' && GENERAL_DISCUSSION.test(folded) && !SPECIFIC_PERSON.test(folded)) continue;
    if (URGENT[topic].some((re) => re.test(folded))) return { ...base, kind: 'urgent', urgentTopic: topic };
  }
  const short = folded.replace(/\b(please|svp|s il vous plait|bot)\b/g, '').trim();
  for (const s of SMALLTALK) {
    if (s.re.test(short)) return { ...base, kind: 'smalltalk', smalltalkKind: s.kind };
  }
  if (OUT_OF_SCOPE_ALWAYS.test(folded)) return { ...base, kind: 'out-of-scope' };
  if (!domainSignal && !verdictRequested && OUT_OF_SCOPE_TOPIC.test(folded))
    return { ...base, kind: 'out-of-scope' };
  return { ...base, kind: 'in-scope' };
}
