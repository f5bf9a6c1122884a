import { detectUrgent, isGeneralQuestion } from './urgency';
import { aboutCorporateAccount, otherDomainCount, OTHER_AREA_WEIGHT } from './scope';

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
      // indirect wording: farewells, being a burden, not being around
      '\\b(better off|happier|easier) without (me|him|her|them)\\b',
      '\\b(can t|cannot|can not|couldn t) (go on|take it|do this) any ?more',
      '\\bno (point|reason) (in )?(living|going on|to go on)',
      '\\b(disappear|vanish) (forever|for good|for ever)',
      '\\bnot (be|being) (around|here) (anymore|any more|much longer|next)',
      '\\b(sounded|sounds|read|reads|looked|looks|felt|feels|seemed|seems) like (a |her |his |their )?(goodbye|farewell|suicide note|last message)',
      '\\b(veut|veux|voulait|voulais|envie de) disparaitre\\b',
      '\\b(n en peut|n en pouvait|en peut) (plus|pu|pus)\\b.{0,40}\\b(disparaitre|mourir|vivre|adieu|en finir|partir pour de bon)',
      '\\b(won t|will not|wont|isn t going to|not going to) be (around|here|alive)( (much )?(longer|anymore|any more|next|tomorrow))?\\b',
      '\\b(ne sera|sera|serai|serait) (plus|pu|pus) (la|parmi nous|en vie)\\b',
      '\\b(saying|said|says|posted|wrote|writing) (goodbye|farewell) to (everyone|everybody|the world|all)',
      '\\bgiv(e|ing) away (all )?(his|her|their|my) (stuff|things|belongings|possessions)',
      '\\b(veut|veux|voulait|voulais|veulent) (pu|plus|pus) vivre',
      '\\b(serait|serais|seraient|seront|sera) (mieux|mieux lotis?|plus heureux\\w*) sans (moi|lui|elle|eux)',
      '\\b(disparaitre|disparaître) (pour toujours|a jamais|pour de bon)',
      '\\b(plus|pu) (etre|etre la|la) (la )?(la semaine|demain|bientot|longtemps)',
      '\\b(dit|dire|fait ses|faire ses) adieux',
      '\\b(se|me|te) (blesser|mutiler)\\b',
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
      // indirect threats
      '\\b(i ll|i will|i d|we ll|we will|they ll|they d|they will|they would|he ll|he d|he will|he would|she ll|she d|she will|going to|gonna)\\b.{0,30}\\b(hurt|harm|kill|beat|attack|shoot|stab|rape|find and hurt) (her|him|them|you|us|everyone|everybody)\\b',
      '\\b(lui|leur|vous|nous|te|me) (faire|fera|ferait|ferai|ferons|feront) (du )?(mal|la peau|payer)\\b',
      '\\b(attendre|guetter|suivre)\\b.{0,40}\\b(a la sortie|dans le stationnement|chez (elle|lui|eux)|apres (le|son) travail)\\b',
      '\\b(wait|waiting) for (her|him|them) (outside|after work|in the parking|at (her|his|their) (car|house|home))',
      '\\b(take|taking) out (the|our|my|his|her|that) (minister|boss|manager|director|deputy|dm|adm|pm|prime minister|office|building)',
      '\\bmake (her|him|them|you|us) pay\\b',
      '\\bknows? where (she|he|they|you|we|i) (works?|lives?|live)',
      '\\b(shoot|shooting|blow) up (the|our|an?|this) ',
      '\\b(hurt|harm) (people|someone|somebody|everyone|colleagues|coworkers|us)\\b',
      '\\bs en prendre (physiquement )?a',
      '\\bsait (ou|o) (elle|il|ils|elles|tu|vous|on) (travaille|habite|reste|vit)',
      '\\b(va|vont|allait|allaient) (le|la|les|nous|vous|lui|leur)? ?(payer|regretter)\\b',
      '\\b(menace|menaces|menacer|menacant\\w*)\\b.{0,40}\\b(physique\\w*|vie|mort|battre|casser)',
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
      // doxxing in either order: personal details put online
      '\\b(posted|shared|published|leaked|spread|put up|circulated|found)\\b.{0,40}\\b(home address|address|phone number|cell number|kids|children|licen[cs]e plate|where (she|he|they) lives?)\\b',
      '\\b(home address|phone number|cell number)\\b.{0,40}\\b(posted|shared|published|leaked|online|out there|circulating)',
      '\\b(publie|publiee|partage|diffuse|divulgue|coule|affiche|trouve)\\w*\\b.{0,40}\\b(adresse|numero de telephone|numero de cellulaire|enfants|plaque)\\b',
      // a campaign against someone for doing their job
      '\\b(going after|ganging up on|piling on|targeting|attacking|harassing|trolling|threatening|insulting|swarming|brigading|mobbing)\\b.{0,60}\\b(because|since|over|for)\\b.{0,30}\\b(job|work|works|position|role|decision|file|files|department|public servant|government|claim|application)',
      '\\b(hundreds|dozens|tons|flood|barrage|stream) of (nasty|hateful|hate|abusive|threatening|vile|angry) (messages|comments|emails|dms|posts|calls)',
      '\\b(s acharnent|s acharne|harcelent|harcele|cible\\w*|insultent|menacent|attaquent|intimident)\\b.{0,60}\\b(parce qu|a cause|en raison|depuis qu)',
      '\\b(des (centaines|dizaines|tonnes)|plein|une avalanche|une pluie) (de|d) (messages|commentaires|courriels|insultes|menaces) (haineux|haineuses|hostiles|violents|violentes|orduriers|injurieux)',
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
      // sensitive material seen circulating online, whatever the verb
      '\\b(classified|secret|protected b|protected a|protected info\\w*|cabinet (doc|document|documents|confidence|memo|paper)|briefing notes?|draft (budget|memo|cabinet)|client (data|info|information|files?|records?)|personal info\\w*|sins?|social insurance)\\b.{0,80}\\b(circulat\\w*|floating around|out there|on (reddit|twitter|x|facebook|instagram|tiktok|linkedin|discord|telegram|a forum|social)|went public|made public|in a (post|story|reel|tweet|video|photo|screenshot|group))',
      '\\b(screenshot|photo|picture|video|story|reel|post|tweet)\\b.{0,60}\\b(client (data|info|information|files?|records?|names?)|case files?|taxpayer|personal info\\w*|protected|classified|secret|confidential)',
      '\\b(mis|met|mettre|poste|postee|texte|texté|envoye|filme|photographie)\\w*\\b.{0,60}\\b(renseignements personnels|renseignements proteges|informations? personnelles?|donnees (des |de )?clients?|dossiers? (de |des )?clients?|nas\\b|contribuable)',
      '\\b(document|documents|dossier|dossiers|note|notes|info|information|informations|renseignements)\\b.{0,30}\\b(classifie|classifies|secret|secrets|protege|proteges|confidentiel|confidentiels|du cabinet)\\w*\\b.{0,80}\\b(traine|trainent|circule|circulent|en ligne|sur (x|twitter|facebook|instagram|tiktok|reddit|linkedin|les reseaux)|public|publie|publies)',
      '\\b(photo|capture|video|story|stories|publication|post)\\b.{0,60}\\b(dossiers? (de |des )?clients?|renseignements personnels|donnees (des |de )?clients?|contribuables?|classifie|protege|confidentiel)',
    ),
  ],
  journalist: [
    any(
      '\\b(journalists?|reporters?|the press|newspapers?|cbc|ctv|global news|radio canada|media outlet|news outlet|columnist|news desk|newsroom|podcaster|the citizen|globe and mail|national post|toronto star|hill times|ipolitics|la presse canadienne)\\b',
      '\\b(asking|asked|request\\w*|wants?|wanting|looking) (for )?(a )?(comment|statement|interview)\\b.{0,80}\\b(post|tweet|video|comment|employee|staff|analyst|officer)',
      '\\b(media|press|news) (is|are) (calling|asking|all over|picking up)',
      '\\bmedia (call|request|inquiry|enquiry|query)\\b.{0,40}\\b(about|regarding|on|concerning)\\b (my|our|his|her|their|an?|one of|the|this|that) ?(employees?|staff|analysts?|colleagues?|team|posts?|tweets?|videos?|comments?|officers?)?',
      '\\b(got|received|have|had) a media (call|request|inquiry|enquiry|query)',
      '\\b(journalistes?|la presse|le devoir|radio canada|ici premiere|tva|lcn|journal de (montreal|quebec)|reporters?|recherchistes?|chroniqueur\\w*|salle de nouvelles|une emission)\\b',
      '\\b(demande|demandent|veut|veulent|voulait|souhaite)\\w* (des |un |une )?(commentaires?|entrevue|declaration|reaction)\\b.{0,80}\\b(publication|gazouillis|post|video|employe\\w*|agent\\w*|analyste)',
      '\\b(les )?medias (appellent|ont appele|s interessent|veulent|demandent)',
      '\\b(demande|appel) (des|d un|de) medias?\\b.{0,60}\\b(sur|au sujet|concernant|recu)',
      '\\b(recu|reçu|eu) une demande (des|de|d un) medias?',
    ),
  ],
  'viral-hate': [
    any(
      '\\b(hate|hateful|racist|anti ?semitic|islamophobic|homophobic|transphobic|bigoted|slur|misogynist|xenophobic|hate speech)\\w*\\b.{0,100}\\b(viral|trending|blow(ing|n)? up|blew up|thousands|spreading|everywhere|shares|retweets|picked up)',
      '\\b(viral|trending|blowing up|blew up)\\b.{0,100}\\b(hate|hateful|racist|anti ?semitic|islamophobic|homophobic|transphobic|bigoted|slur|xenophobic)',
      '\\b(haineu|haine|raciste|antisemite|islamophobe|homophobe|transphobe|xenophobe)\\w*\\b.{0,100}\\b(viral|virale|devenu|fait le tour|partage des milliers|milliers|buzz|se repand|circule)',
      '\\b(viral|virale|fait le tour|buzz)\\b.{0,100}\\b(haineu|haine|raciste|antisemite|islamophobe|homophobe|transphobe)',
      '\\b(hate|hateful|racist|anti ?semitic|islamophobic|homophobic|transphobic|bigoted|misogynist|xenophobic)\\w*\\b.{0,100}\\b(\\d+ ?k|\\d{3,}|hundreds of thousands|millions?|thousands) (of )?(views|shares|likes|retweets|reposts|comments|people)',
      '\\b(haineu|haine|raciste|antisemite|islamophobe|homophobe|transphobe|xenophobe)\\w*\\b.{0,100}\\b(\\d+ ?k|\\d{3,}|des centaines de milliers|des millions|millions?|milliers) (de |d )?(vues|partages|mentions|j aime|commentaires|personnes)',
      '\\b(everyone|everybody|people|the internet) (is|are) (sharing|tagging|talking about)\\b.{0,60}\\b(hate|hateful|racist|anti ?semitic|islamophobic|homophobic|transphobic|slur)',
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

/**
 * Requests to produce something, or questions that are plainly about something else even when they
 * use social-media words: marketing a corporate account, another government's rules, a lawsuit,
 * whom to vote for. These decline whatever else the question says.
 */
const OUT_OF_SCOPE_ALWAYS = any(
  '^(hey |hi |ok |so )?(please |can you |could you |would you |pls |svp |peux tu |pourrais tu |pouvez vous |pourriez vous )?(write|draft|compose|generate|create|rewrite|edit|proofread|redige|rediger|ecris|ecrire|genere|corrige|traduis|traduire|translate|summari[sz]e|resume)\\b',
  '\\b(write|draft|compose) (me|us) (a|an|some|my)\\b',
  '\\b(help me|aide moi a|aidez moi a|m aider a) (write|draft|rediger|ecrire|composer)\\b',
  '\\b(tell me|give me|raconte|dis moi) (a |une )?(joke|poem|story|blague|histoire|poeme)',
  '\\b(poem|poeme|haiku|riddle|devinette)\\b',
  '\\b(tell|give|raconte|dis|fais)( me| moi| nous)? (a |an |une |des |some )?(joke|jokes|blague|blagues)\\b',
  // producing content: "make me a tweet", "fais-moi un post"
  '\\b(make|write|draft|create|generate|compose|craft|prepare|come up with) (me |us )?(a|an|some|my|our) (tweet|post|caption|linkedin post|thread|bio|announcement|reel|video script|script|hashtag)',
  '\\b(fais|faites|ecris|ecrivez|redige|redigez|prepare|preparez|cree|creez|compose|composez) (moi |nous )?(un|une|des|mon|ma|notre) (post|publication|tweet|gazouillis|legende|bio|annonce|texte|message|reel|video)',
  // growing an audience
  '\\b(more|get|gain|increase|boost) (views|likes|followers|engagement|subscribers|impressions|clicks|shares)\\b',
  '\\bhow (to|do i|can i|do we|can we) (make|create|get|go|produce|write)\\b.{0,20}\\b(viral|trending)',
  '\\b(plus de|davantage de|augmenter (mes|nos|les)) (vues|likes|j aime|abonnes|partages|clics)\\b',
  '\\b(devenir|rendre) (viral|virale|virales|viraux)\\b',
  '\\bfor (my|our) (side business|small business|business|company|brand|shop|store|startup|etsy|podcast|channel)\\b',
  '\\bpour (mon|ma|notre) (entreprise|commerce|boutique|marque|business|chaine|balado|podcast)\\b',
  // predictions and polls
  '\\bwho (will|s going to|is going to|is gonna|s gonna|do you think will) win\\b',
  '\\b(qui va gagner|qui gagnera|sondages?|polls?|poll numbers)\\b',
  // whom to vote for
  '\\b(who|whom|which party|what party|which candidate|quel parti|quel candidat|pour qui)\\b.{0,40}\\b(should i|do you|would you|dois je|devrais je|je devrais|je dois|recommend|recommandes|recommandez)\\b.{0,20}\\b(vote|voter|support|appuyer)',
  '\\b(should i|do i|dois je|devrais je) vote\\b',
  '\\b(who to vote for|vote for (who|whom|which)|best (party|candidate)|meilleur (parti|candidat))\\b',
  '\\b(quel parti|quel candidat|pour qui)\\b.{0,30}\\bvoter\\b',
  '\\b(python|javascript|typescript|java|c\\+\\+|html|css|sql|regex|excel formula|powershell|code snippet|bash script|a function that|une fonction qui)\\b',
  // marketing and growing an account: not about personal conduct
  '\\b(hashtags?|mots? clics?|more followers|gain followers|grow (our|my|the)\\b.{0,30}\\b(following|followers|audience|page|account|channel)|(plus d|obtenir des|gagner des) abonnes|engagement rate|taux d engagement|organic reach|portee organique|algorithm|algorithme|hootsuite|sprout social|canva|content calendar|calendrier (de contenu|editorial)|seo|sponsored posts?|publicites? payantes?|ad campaign|campagne publicitaire|marketing|influencers|influenceurs|influenceuses|(an|un|une|the|des|les) influenc(er|eur|euse)|influencer marketing)\\b',
  '\\b(best|ideal|optimal) (time|day|days|hour)( of (the )?(day|week))? to (post|tweet|publish)',
  '\\b(meilleur|bon) (moment|jour|heure) pour (publier|poster|tweeter)',
  '\\b(schedule|scheduling|automate|plan|planning) (our |my |the )?(posts|tweets|content)\\b',
  '\\b(planifier|programmer|automatiser|gerer) (les|nos|des) publications (du|de notre|de la|de l|de nos)',
  '\\b(augmenter|ameliorer|booster) (l engagement|la portee|la visibilite|nos abonnes|notre audience)',
  '\\b(increase|improve|boost|grow) (engagement|reach|visibility|our audience|impressions)',
  // another government's rules
  '\\b(uk|u k|british|united kingdom|american|united states|usa|u s|australian?|new zealand|french|european|eu|ontario|quebec|alberta|british columbia|manitoba|saskatchewan|nova scotia|new brunswick|provincial|municipal|state)\\b (civil service|civil servants|public service|public servants|government|federal employees|state employees)',
  '\\bhatch act\\b',
  '\\b(employees|staff|workers|servants|policy|policies|rules|guidelines) (of|for|at) (the )?(city|town|municipality|province|state|private sector|company|corporation)\\b',
  '\\b(city|town|municipality|province|state) of [a-z]+ (employees|staff|workers|policy|rules|guidelines)\\b',
  '\\b(private sector|secteur prive|my company s|company policy|politique de (l|mon|notre) entreprise|employes (de la ville|municipaux|du prive))\\b',
  '\\b(gouvernement|fonction publique|fonctionnaires) (du|de l|de la|des|d) (quebec|ontario|alberta|france|etats unis|royaume uni|province|provinces|municipalite|ville)\\b',
  '\\bfonction publique (quebecoise|ontarienne|provinciale|municipale|francaise|americaine|britannique)\\b',
  '\\b(should|could|can|must) (our|the|my) (department|ministry|organization|organisation|agency|branch|directorate) (be|go|join|get|open an account|have an account) on\\b',
  '\\b(notre|le|mon) (ministere|organisation|organisme|agence|direction) (devrait|doit|pourrait) (etre|aller|ouvrir un compte|avoir un compte) sur\\b',
  '\\b(other|another) (countries|country|governments|government|provinces|province)\\b.{0,30}\\b(policy|policies|rules|guidance|do|handle)',
  '\\b(autres?|d autres) (pays|gouvernements|provinces)\\b',
  // lawsuits and legal advice
  '\\b(sued|suing|sue (me|him|her|them|us)|lawsuit|my lawyer|a lawyer|attorney|small claims|court case|take (him|her|them|me|us) to court|cease and desist|legal advice)\\b',
  '\\b(peux|peut|puis|pourrais|pourrait|dois|devrais) (je |on |il |elle )?(le|la|les|l|lui) poursuivre\\b',
  '\\b(poursuite|poursuites|poursuivre en justice|me (fait|fais|font) poursuivre|poursuivi|poursuivie|avocat|avocate|mise en demeure|recours juridiques?|conseils? juridiques?|petites creances)\\b',
);
const OUT_OF_SCOPE_TOPIC = any(
  '\\b(weather|forecast|temperature|rain|raining|snow|snowing|storm|sunny|humid|meteo|neige|pluie|tempete|degres|quel temps|fera t il beau)\\b',
  '\\b(pay|payday|paycheque|paycheck|salary|salaries|overtime|phoenix|pay stub|pay raise|retro pay|acting pay|bilingual bonus|paie|paye|salaire|heures supplementaires|remuneration|talon de paie|phenix|augmentation de salaire)\\b',
  '\\b(vacation|annual leave|sick leave|sick days|parental leave|maternity|paternity|leave request|time off|day off|days off|conges?|vacances|jours de maladie|conge parental|conge de maladie)\\b',
  '\\b(travel|travel claim|per diem|expense|expenses|flight|hotel|mileage|deplacement|deplacements|voyage|frais|note de frais|kilometrage|indemnite)\\b',
  '\\b(recipe|restaurant|resto|lunch|dinner|movie|movies|netflix|tv show|hockey|nhl|leafs|habs|senators|game score|score|super bowl|world cup|soccer|football|basketball|baseball|golf|stock|stocks|bitcoin|crypto|horoscope|recette|film|films|match|partie de hockey|coupe du monde)\\b',
  '\\b(pension|benefits|dental|telework|teletravail|return to office|rto|parking|printer|laptop|password|vpn|wifi|wi fi|computer|ordi|ordinateur|informatique|help desk|service desk|it support|soutien technique|outlook|boardroom|meeting room|salle de reunion|calendar invite|sharepoint|onedrive|powerpoint|retraite|stationnement|imprimante|mot de passe|cellulaire|phone plan)\\b',
  '\\b(capital of|how tall|how far|what time is it|quelle heure|capitale|exchange rate|taux de change|convert|usd|cad|population of|who invented|math|calculate|calculer)\\b',
  '\\b(dress code|code vestimentaire|book a (room|boardroom)|booker une salle|reserver une salle|town hall|gdp|pib|taxes|impots|tax return|declaration de revenus|prime minister|premier ministre du canada)\\b',
  '\\b(performance review|performance agreement|evaluation de rendement|entente de rendement|job poster|job posting|affichage de poste|classification|staffing action|budget|procurement|approvisionnement|contract|contrat|language training|second language evaluation|sle|ec \\d\\d|as \\d\\d|pm \\d\\d)\\b',
);

/**
 * Words that tie a question to social media or to this guidance's subjects. Strong words decide on
 * their own; weak words (accounts, unions, careers, identity…) also belong to other topics, so a
 * clearly other-domain word (pay, leave, password…) outweighs them.
 */
const DOMAIN_STRONG_PARTS = [
  '\\b(social|media|medias|reseaux|online|en ligne|internet|post|posts|posted|posting|tweet|tweets|tweeted|publication|publications|publie|publier|publiee|gazouillis|meme|memes|story|stories|reel|reels|thread|dm|dms)\\b',
  '\\b(facebook|fb|twitter|instagram|insta|ig|tiktok|linkedin|reddit|youtube|bluesky|threads|snapchat|x com|mastodon|discord)\\b',
  '\\b(liked|likes|liking|a like|un like|des likes|share|shared|sharing|retweet\\w*|repost\\w*|comments|commented|commente|aime|aimer|partage|partager|commentaire|commentaires)\\b',
  '\\b(disclaimers?|avis de non)\\b',
  '\\b(values and ethics|valeurs et (de l )?ethique|code of conduct|code de conduite|impartial\\w*|partisan\\w*|non partisan\\w*|political|politics|politiques?(?! (de|du|des|d|sur|en matiere)\\b)|loyalty|loyaute|oath|serment|charter|charte|democracy|democratie|public trust|confiance du public)\\b',
  '\\b(ethics|ethique|inappropriate|inapproprie\\w*|offensive|offensant\\w*|hate speech|propos haineux|freedom of expression|liberte d expression|free speech)\\b',
  '\\b(harass\\w*|harcel\\w*|discriminat\\w*|bully\\w*|intimid\\w*|monitor\\w*|surveill\\w*|ombud\\w*|digital footprint|empreinte numerique|privacy|confidentialite|psychologically|psychologique\\w*|unconscious bias|prejuges inconscients)\\b',
].map((p) => new RegExp(p));
/** How many of the strong domain word groups the question uses (0 = no strong domain evidence). */
export function strongDomainGroups(folded: string): number {
  return DOMAIN_STRONG_PARTS.filter((re) => re.test(folded)).length;
}
const DOMAIN_STRONG = { test: (t: string): boolean => DOMAIN_STRONG_PARTS.some((re) => re.test(t)) };
const DOMAIN_WEAK = any(
  '\\b(accounts?|profiles?|bio|comptes?|profils?)\\b',
  '\\b(elections?|electoral\\w*|candidat\\w*|campaign\\w*|campagne|party|parti|vote|voter)\\b',
  '\\b(race|racial\\w*|racise\\w*|gender|genre|religion|religious|disability|handicap|lgbtq\\w*|trans|identity|identite|conflict|conflit|dispute|differend|union|syndicat|mental health|sante mentale|concerns|preoccupations|hiring|embauche|career|carriere)\\b',
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
  '\\b(employees?|staff|analysts?|team members?|colleagues?|coworkers?|reports?|guys?|he|she|they|someone on my team|team leads?|supervisors?|directors?|interns?|students?|contractors?|consultants?|officers?|agents?)\\b.{0,40}\\b(posted|tweeted|shared|retweeted|liked|commented|published|wrote|uploaded|reposted|keeps (posting|tweeting|sharing|commenting)|is (posting|tweeting|sharing|commenting)|has been (posting|tweeting|sharing))\\b',
  '\\b(employees?|staff|analysts?|team members?|colleagues?)\\b.{0,20}\\b(posts?|tweets?|comments?|videos?)\\b',
  '\\b(m a|m ont) (montre|envoye|transmis|signale)\\b.{0,40}\\b(publication|gazouillis|commentaire|video|photo|message|tweet|post)',
  '\\b(j ai|on m a|nous avons|un collegue a|quelqu un a) (vu|trouve|remarque|signale|montre|transmis|envoye)\\b.{0,80}\\b(publication|gazouillis|commentaire|video|photo|message|tweet|post)',
  '\\b(employe|employee|analyste|membre de (mon|l) equipe|collegue|il|elle)\\b.{0,40}\\b(a publie|a partage|a aime|a commente|a ecrit|a diffuse|a repartage|a retweete|a mis en ligne)',
  '\\b(publication|gazouillis|commentaire) (d un|d une|de mon|de ma|de l) (employe|employee|analyste|collegue|membre)',
);

export function classify(folded: string): Classification {
  const strongDomain = DOMAIN_STRONG.test(folded);
  const domainSignal = strongDomain || DOMAIN_WEAK.test(folded);
  const verdictRequested = VERDICT.test(folded);
  const describesPost = DESCRIBES_POST.test(folded);
  const base = { domainSignal, verdictRequested, describesPost };

  for (const topic of URGENT_TOPICS) {
    if (topic === 'harassment' && GENERAL_DISCUSSION.test(folded) && !SPECIFIC_PERSON.test(folded)) continue;
    // "what if a journalist ever asks…" is the guidance's media-query point, not a call to return
    if (topic === 'journalist' && isGeneralQuestion(folded) && !SPECIFIC_PERSON.test(folded)) continue;
    if (URGENT[topic].some((re) => re.test(folded))) return { ...base, kind: 'urgent', urgentTopic: topic };
  }
  const structured = detectUrgent(folded);
  if (structured) return { ...base, kind: 'urgent', urgentTopic: structured };
  const short = folded.replace(/\b(please|svp|s il vous plait|bot)\b/g, '').trim();
  for (const s of SMALLTALK) {
    if (s.re.test(short)) return { ...base, kind: 'smalltalk', smalltalkKind: s.kind };
  }
  if (OUT_OF_SCOPE_ALWAYS.test(folded)) return { ...base, kind: 'out-of-scope' };
  // balance of evidence: other-domain areas against in-scope word groups
  if (aboutCorporateAccount(folded)) return { ...base, kind: 'out-of-scope' };
  const strongGroups = DOMAIN_STRONG_PARTS.filter((re) => re.test(folded)).length;
  const domainEvidence = 2 * strongGroups + (DOMAIN_WEAK.test(folded) ? 1 : 0);
  const otherEvidence =
    OTHER_AREA_WEIGHT * (otherDomainCount(folded) || (OUT_OF_SCOPE_TOPIC.test(folded) ? 1 : 0));
  if (!verdictRequested && otherEvidence > 0 && otherEvidence >= domainEvidence)
    return { ...base, kind: 'out-of-scope' };
  return { ...base, kind: 'in-scope' };
}
