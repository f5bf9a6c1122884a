/**
 * Systematic augmentation for the kind classifier (scripts/train-kind.ts): templates × slot lists
 * in both languages for each urgent category, many out-of-scope domains, and in-scope questions
 * (including the general "how do we talk about…" framings that must NOT be routed urgent).
 * Written from the guidance and general knowledge of public-service work, not from any eval set.
 */
import type { UrgentTopic } from '../src/guidance/classify';
import type { KindClass } from '../src/guidance/kindModel';

export interface AugExample {
  q: string;
  kind: KindClass;
  topic?: UrgentTopic;
  lang: 'en' | 'fr';
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Fills {slot} placeholders at random, `n` distinct results at most. */
function expand(r: () => number, templates: string[], slots: Record<string, string[]>, n: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i < n * 4 && out.size < n; i++) {
    const t = pick(r, templates);
    out.add(t.replace(/\{(\w+)\}/g, (_, k: string) => pick(r, slots[k] ?? [`{${k}}`])));
  }
  return [...out];
}

const EN = {
  S: [
    'my employee',
    'one of my analysts',
    'a team member',
    'someone on my team',
    'an officer in my unit',
    'my team lead',
    'a new hire',
    'one of my staff',
    'an intern on my team',
    'Sam',
    'Priya',
    'Marc',
    'the contractor on my team',
    'a supervisor who reports to me',
    'one of my program officers',
    'my senior advisor',
  ],
  P: [
    'on Facebook',
    'on X',
    'on Twitter',
    'on Instagram',
    'on TikTok',
    'on LinkedIn',
    'on Reddit',
    'in a Facebook group',
    'on their story',
    'online',
    'in a Discord server',
    'on YouTube',
    'on Threads',
    'in a public WhatsApp group',
    '',
  ],
  when: ['', 'last night', 'this morning', 'an hour ago', 'yesterday', 'just now', 'over the weekend'],
};
const FR = {
  S: [
    'mon employé',
    'une de mes analystes',
    'un membre de mon équipe',
    "quelqu'un de mon équipe",
    'un agent de mon unité',
    "ma cheffe d'équipe",
    'une nouvelle employée',
    'un stagiaire',
    'Julie',
    'Marc',
    'un conseiller principal',
    'une agente de programme',
    'un superviseur sous ma responsabilité',
  ],
  P: [
    'sur Facebook',
    'sur X',
    'sur Twitter',
    'sur Instagram',
    'sur TikTok',
    'sur LinkedIn',
    'sur Reddit',
    'dans un groupe Facebook',
    'dans sa story',
    'en ligne',
    'sur YouTube',
    'sur les réseaux sociaux',
    '',
  ],
  when: ['', 'hier soir', 'ce matin', 'il y a une heure', 'hier', 'à l’instant', 'en fin de semaine'],
};

const URGENT_EN: Record<UrgentTopic, { t: string[]; s: Record<string, string[]> }> = {
  disclosure: {
    t: [
      '{S} posted {doc} {P} {when}',
      '{S} shared {doc} {P} and it is still up',
      '{S} leaked {doc} {P}',
      '{S} put a screenshot of {doc} {P}',
      'I just found out {S} published {doc} {P}',
      "{doc} is on {S}'s public profile {P}, what do I do",
      'urgent: {S} uploaded {doc} {P}',
    ],
    s: {
      doc: [
        'a Secret briefing note',
        'a classified document',
        'a Protected B file',
        'the draft Cabinet memo',
        'client names and SINs',
        "a list of clients' home addresses",
        "someone's medical file",
        'personal information about a taxpayer',
        'the names of refugee claimants',
        'an embargoed announcement',
        'confidential budget figures',
        'internal security procedures',
        'a photo of a whiteboard with protected info',
        'a screenshot of a case file',
        "the minister's unreleased speech",
        'passport numbers of applicants',
      ],
    },
  },
  violence: {
    t: [
      '{S} posted {P} that {threat}',
      '{S} wrote {P} {when} that {threat}',
      '{S} threatened to {act} {P}',
      'a comment by {S} {P} says {threat}',
      '{S} is making threats {P}: {threat}',
    ],
    s: {
      threat: [
        "he's going to shoot up the office",
        'someone should put a bullet in the minister',
        'she will make her manager pay with a knife',
        "he'll bring a gun to work tomorrow",
        'the MP deserves to die',
        'he is going to kill his ex',
        'there will be blood at the town hall',
        'protesters should be run over',
        'he knows where the director lives and will hurt her',
        'everyone at the office will regret it tomorrow',
      ],
      act: [
        'hurt a coworker',
        'beat up a protester',
        'kill the director',
        'attack a client',
        'burn down the building',
        'shoot his supervisor',
      ],
    },
  },
  'self-harm': {
    t: [
      '{S} posted {P} {when} that {sh}',
      '{S} wrote {P} that {sh}',
      "I'm worried {S} will hurt themselves after posting that {sh}",
      "{S}'s post {P} says {sh}",
      '{S} just posted something that sounds like {note}',
    ],
    s: {
      sh: [
        "she doesn't want to live anymore",
        'he wants to end it all',
        'nobody will miss him',
        "she can't go on anymore",
        "he's thinking of killing himself",
        'this is goodbye forever',
        "she doesn't see the point in living",
        "he won't be around much longer",
        'everyone would be better off without her',
        'she is done with life',
        'he wants to disappear for good',
      ],
      note: ['a goodbye note', 'a suicide note', 'a farewell to everyone', 'a last message'],
    },
  },
  harassment: {
    t: [
      "{S}'s home address was posted {P} after {ev}",
      'people are harassing {S} {P} because {ev}',
      '{S} is getting threats {P} since {ev}',
      'someone doxxed {S} {P} after {ev}',
      "trolls are sharing {S}'s family photos {P} because {ev}",
      '{S} is being targeted {P} for doing their job: {ev}',
      'strangers keep messaging {S} {P} with insults since {ev}',
    ],
    s: {
      ev: [
        'she denied their claim',
        'he issued a fine',
        'a news story named her',
        'he handled their audit',
        'she refused their visa',
        'the inspection report came out',
        'his name appeared in a decision',
        'she answered questions at a public consultation',
        'he enforced the regulations at the border',
      ],
    },
  },
  journalist: {
    t: [
      "a reporter from {outlet} {contact} about {S}'s post",
      '{outlet} wants a comment on what {S} tweeted',
      'got a media call from {outlet} about a post by {S}, deadline {time}',
      'a journalist at {outlet} {contact} asking if we endorse what {S} posted',
      "{outlet} is writing a story about {S}'s comments {P} and wants our response",
    ],
    s: {
      outlet: [
        'CBC',
        'CTV',
        'Global News',
        'the Globe and Mail',
        'the Toronto Star',
        'the Ottawa Citizen',
        'iPolitics',
        'a local paper',
        'a podcast host',
        'the Hill Times',
        'a freelance journalist',
      ],
      contact: ['just called me', 'emailed me', 'sent me a DM', 'left a voicemail', 'is on the phone'],
      time: ['3pm', 'end of day', 'tomorrow morning', 'noon'],
    },
  },
  'viral-hate': {
    t: [
      "{S}'s {hate} post {viral}",
      'a {hate} video {S} posted {viral}',
      "{S}'s {hate} comment {P} {viral}",
      '{S} shared a {hate} meme and it {viral}',
    ],
    s: {
      hate: [
        'racist',
        'antisemitic',
        'islamophobic',
        'homophobic',
        'transphobic',
        'misogynistic',
        'hateful',
        'anti-Indigenous',
      ],
      viral: [
        'went viral',
        'is trending',
        'is blowing up and the department is tagged',
        'has thousands of shares',
        'is all over X and people are naming our department',
        'is being picked up by news sites',
        'is spreading everywhere',
      ],
    },
  },
};

const URGENT_FR: Record<UrgentTopic, { t: string[]; s: Record<string, string[]> }> = {
  disclosure: {
    t: [
      '{S} a publié {doc} {P} {when}',
      '{S} a partagé {doc} {P} et c’est encore en ligne',
      '{S} a divulgué {doc} {P}',
      '{S} a mis une capture d’écran de {doc} {P}',
      'je viens de voir que {S} a diffusé {doc} {P}',
    ],
    s: {
      doc: [
        'un document classifié Secret',
        'un dossier Protégé B',
        'un mémoire au Cabinet',
        'la liste des clients avec leurs NAS',
        'les adresses de clients',
        'le dossier médical d’un employé',
        'des renseignements personnels d’un contribuable',
        'les noms de demandeurs d’asile',
        'une annonce sous embargo',
        'des chiffres budgétaires confidentiels',
        'des procédures de sécurité internes',
        'les numéros de passeport de demandeurs',
      ],
    },
  },
  violence: {
    t: [
      '{S} a écrit {P} que {threat}',
      '{S} a publié {when} {P} que {threat}',
      '{S} a menacé de {act} {P}',
      'un commentaire de {S} {P} dit que {threat}',
    ],
    s: {
      threat: [
        'il va tirer sur tout le monde au bureau',
        'quelqu’un devrait abattre le ministre',
        'elle va régler ses comptes avec son gestionnaire avec une arme',
        'il apportera une arme au travail demain',
        'le député mérite de mourir',
        'il va tuer son ex',
        'les manifestants devraient se faire frapper',
        'tout le monde au bureau va le regretter demain',
      ],
      act: [
        'frapper un collègue',
        'tabasser un manifestant',
        'tuer la directrice',
        'attaquer un client',
        'mettre le feu à l’édifice',
      ],
    },
  },
  'self-harm': {
    t: [
      '{S} a publié {P} {when} {sh}',
      '{S} a écrit {P} {sh}',
      'j’ai peur que {S} se fasse du mal, elle a écrit {sh}',
      'la publication de {S} ressemble à {note}',
    ],
    s: {
      sh: [
        'qu’elle ne veut plus vivre',
        'qu’il veut en finir',
        'que personne ne va s’ennuyer de lui',
        'qu’elle n’en peut plus et veut disparaître',
        'qu’il pense au suicide',
        'qu’elle veut mettre fin à ses jours',
        'que tout le monde serait mieux sans lui',
        'des adieux à tout le monde',
      ],
      note: ['une lettre d’adieu', 'un message d’adieu', 'un dernier message'],
    },
  },
  harassment: {
    t: [
      'l’adresse de {S} a été publiée {P} après {ev}',
      'des gens harcèlent {S} {P} parce que {ev}',
      '{S} reçoit des menaces {P} depuis que {ev}',
      'on a publié le nom et la photo de {S} {P} après {ev}',
      '{S} est ciblé {P} pour avoir fait son travail : {ev}',
    ],
    s: {
      ev: [
        'elle a refusé leur demande',
        'il a donné une amende',
        'un reportage l’a nommée',
        'il a fait leur vérification',
        'elle a refusé leur visa',
        'le rapport d’inspection est sorti',
        'son nom est paru dans une décision',
        'il a appliqué la réglementation à la frontière',
      ],
    },
  },
  journalist: {
    t: [
      'un journaliste de {outlet} {contact} au sujet de la publication de {S}',
      '{outlet} veut un commentaire sur ce que {S} a publié',
      'appel des médias de {outlet} sur un message de {S}, échéance {time}',
      'une journaliste de {outlet} demande si le ministère endosse ce que {S} a publié',
    ],
    s: {
      outlet: [
        'Radio-Canada',
        'La Presse',
        'Le Devoir',
        'TVA Nouvelles',
        'Le Droit',
        'un journal local',
        'un balado',
        'Noovo',
      ],
      contact: ['m’appelle', 'm’a écrit', 'm’a envoyé un message', 'a laissé un message vocal'],
      time: ['15 h', 'fin de journée', 'demain matin', 'midi'],
    },
  },
  'viral-hate': {
    t: [
      'la publication {hate} de {S} {viral}',
      'une vidéo {hate} publiée par {S} {viral}',
      'le commentaire {hate} de {S} {P} {viral}',
    ],
    s: {
      hate: [
        'raciste',
        'antisémite',
        'islamophobe',
        'homophobe',
        'transphobe',
        'misogyne',
        'haineuse',
        'anti-autochtone',
      ],
      viral: [
        'devient virale',
        'est virale',
        'circule partout et le ministère est identifié',
        'a des milliers de partages',
        'fait le tour des réseaux sociaux',
        'est reprise par les médias',
      ],
    },
  },
};

const OOS_EN = {
  t: [
    'How do I {act}?',
    'Where can I find {thing}?',
    'Can you {task}?',
    "What's the policy on {topic}?",
    'Quick question about {topic}',
    'who do I contact about {topic}?',
    'is there a form for {topic}?',
    'what are the rules for {topic}?',
    '{topic}: what do I need to know as a manager?',
    'My employee asked me about {topic}, where do I send them?',
  ],
  s: {
    act: [
      'submit a leave request',
      'approve overtime in the system',
      'fill in my timesheet',
      'book a boardroom',
      'reset my network password',
      'set up the VPN',
      'file a travel claim',
      'order a new laptop',
      'get a building access card',
      'reclassify a position',
      'launch a staffing process',
      'post a job on GC Jobs',
      'onboard a summer student',
      'get an acquisition card',
      'request a security clearance',
      'register for language training',
      'write a performance agreement',
      'fix a Phoenix pay problem',
      'buy software',
      'renew a contract with a supplier',
      'plan a team retreat',
      'set up a Teams channel',
      'export a report from SAP',
      'calculate acting pay',
      'request a parking spot',
    ],
    thing: [
      'the collective agreement',
      'the travel directive',
      'my pay stub',
      'the telework policy',
      'the org chart',
      'the pension calculator',
      'the dental plan details',
      'the procurement manual',
      'the fiscal year-end deadlines',
      'French courses',
      'the mandatory training catalogue',
    ],
    task: [
      'write my performance review',
      'draft an email to my director',
      'translate this memo into French',
      'summarise this report',
      'tell me a joke',
      'recommend a restaurant for our team lunch',
      "check tomorrow's weather",
      'write a Python script',
      'explain the federal budget',
      'help me plan my vacation',
    ],
    topic: [
      'parental leave',
      'sick leave',
      'overtime pay',
      'per diems',
      'telework',
      'return to office',
      'dress code',
      'dogs in the office',
      'gifts from suppliers',
      'conflict of interest in stock ownership',
      'classification grievances',
      'second language evaluations',
      'pension buyback',
      'relocation',
      'office ergonomics',
      'fire drills',
      'parking',
      'budget forecasting',
      'hiring students',
      'employee absenteeism',
      'lateness at meetings',
      'probation periods',
      'acting appointments',
      'contract management',
      "the department's official Twitter account",
    ],
  },
};
const OOS_FR = {
  t: [
    'Comment {act} ?',
    'Où trouver {thing} ?',
    'Peux-tu {task} ?',
    'Quelle est la politique sur {topic} ?',
    'Petite question sur {topic}',
    'Qui contacter pour {topic} ?',
    'Y a-t-il un formulaire pour {topic} ?',
    'Quelles sont les règles concernant {topic} ?',
    'Mon employé me pose une question sur {topic}, je le dirige où ?',
  ],
  s: {
    act: [
      'soumettre une demande de congé',
      'approuver des heures supplémentaires',
      'remplir ma feuille de temps',
      'réserver une salle de réunion',
      'réinitialiser mon mot de passe',
      'configurer le RPV',
      'remplir une demande de remboursement de voyage',
      'commander un portable',
      'obtenir une carte d’accès',
      'reclassifier un poste',
      'lancer un processus de dotation',
      'afficher un poste',
      'accueillir un étudiant d’été',
      'obtenir une carte d’achat',
      'demander une cote de sécurité',
      'm’inscrire à une formation linguistique',
      'régler un problème de paye Phénix',
      'acheter un logiciel',
      'renouveler un contrat',
      'organiser une retraite d’équipe',
      'créer un canal Teams',
    ],
    thing: [
      'la convention collective',
      'la directive sur les voyages',
      'mon talon de paye',
      'la politique de télétravail',
      'l’organigramme',
      'le calculateur de pension',
      'le régime de soins dentaires',
      'le guide d’approvisionnement',
      'les cours de langue seconde',
      'le catalogue de formation obligatoire',
    ],
    task: [
      'rédiger mon évaluation de rendement',
      'écrire un courriel à ma directrice',
      'traduire ce document en anglais',
      'résumer ce rapport',
      'me raconter une blague',
      'recommander un restaurant',
      'me donner la météo de demain',
      'écrire un script Python',
      'expliquer le budget fédéral',
      'planifier mes vacances',
    ],
    topic: [
      'le congé parental',
      'les congés de maladie',
      'la rémunération des heures supplémentaires',
      'les indemnités de repas',
      'le télétravail',
      'le retour au bureau',
      'le code vestimentaire',
      'les chiens au bureau',
      'les cadeaux des fournisseurs',
      'la classification',
      'l’évaluation de langue seconde',
      'le rachat de service pour la pension',
      'la réinstallation',
      'l’ergonomie',
      'le stationnement',
      'les prévisions budgétaires',
      'l’embauche d’étudiants',
      'l’absentéisme',
      'les retards aux réunions',
      'la période de probation',
      'les nominations intérimaires',
      'le compte Facebook officiel du ministère',
    ],
  },
};

/** In-scope: the guidance's own subjects, phrased like the out-of-scope templates so form alone decides nothing. */
const IN_EN = {
  t: [
    'How do I {act}?',
    "What's the guidance on {topic}?",
    'Quick question about {topic}',
    'what are the rules for {topic}?',
    '{topic}: what do I need to know as a manager?',
    'My employee asked me about {topic}, what do I tell them?',
    'Who can I consult about {topic}?',
    'In general, {gen}',
    'How should we {gen2}?',
  ],
  s: {
    act: [
      'talk to my team about social media',
      'handle a post that crosses the line',
      'respond to an inappropriate tweet by an employee',
      'approach an employee about something they posted',
      'explain the values and ethics code for online posts',
      'support an employee facing backlash online',
      'decide whether a post should be taken down',
      "check my own bias about an employee's post",
      'raise social media expectations at a team meeting',
      'deal with a complaint from the public about a post',
      'tell my staff that disclaimers are not enough',
    ],
    topic: [
      'posting political opinions',
      'disclaimers in a bio',
      'privacy settings',
      'liking or sharing offensive content',
      'old tweets from years ago',
      'employees commenting on their area of work',
      'volunteering for a candidate online',
      'freedom of expression for public servants',
      "monitoring employees' accounts",
      'a post reported by a colleague',
      'hate speech by public servants in general',
      'identity-based debates online',
      'the duty of loyalty online',
      'impartiality on social media',
      'digital footprint and hiring',
      'posts by executives',
    ],
    gen: [
      'what does the guidance say about unauthorized disclosure of protected information?',
      "what if a journalist ever asks about an employee's post?",
      'how do we support staff who get harassed online because of their job?',
      'what should managers do if a post goes viral?',
      'what if someone posts something hateful?',
      'how should a team discuss online threats against public servants?',
    ],
    gen2: [
      'talk as a team about harassment from the public',
      'discuss what to do if one of us is doxxed',
      'prepare the team for media queries about posts',
      'talk about mental health and social media',
      'handle grey areas like international conflicts',
    ],
  },
};
/** Short guidance questions with no social-media word, and clear Code violations that are not emergencies. */
const IN_GENERIC_EN = {
  t: [
    'How do I {g}?',
    'how can I {g}',
    'What does the guidance say about how to {g}?',
    '{S} is {cv} {P}',
    '{S} {cv2}. What should I do?',
  ],
  s: {
    g: [
      'foster a safe space where people raise concerns',
      'check my own unconscious bias',
      'know what the end goal is',
      'restore trust in the team',
      'communicate my decision to the employee',
      'support someone going through a hard time',
      'understand the context before judging',
      'find out what the employee intended',
      'know which offices to involve',
      'tell if this is likely to happen again',
      'decide if administrative action is needed',
      'keep the response proportional',
      'handle a complex question I cannot answer',
      'make sure the team stays inclusive and healthy',
      'remind staff of their oath',
      'explain impartiality to my team',
      'talk about the duty of loyalty',
      'tell people where to turn for support',
    ],
    cv: [
      'using their federal job title to sell skincare',
      'promoting a side business by saying they are a government inspector',
      'advertising paid consulting by mentioning their government role',
      'mocking a coworker in public comments',
      'making fun of a colleague with a disability',
      'selling products to clients they met through work',
    ],
    cv2: [
      'mentions being a federal officer to get customers for her business',
      'uses his government position to promote his company',
      'made a post bullying a colleague',
      'keeps posting about a colleague in a demeaning way',
    ],
    S: EN.S,
    P: EN.P,
  },
};
const IN_GENERIC_FR = {
  t: [
    'Comment {g} ?',
    'Que dit l’orientation sur la façon de {g} ?',
    '{S} est en train de {cv} {P}',
    '{S} {cv2}. Que faire ?',
  ],
  s: {
    g: [
      'créer un espace sécuritaire pour soulever des préoccupations',
      'vérifier mes préjugés inconscients',
      'savoir quel est l’objectif final',
      'rétablir la confiance dans l’équipe',
      'communiquer ma décision à l’employé',
      'soutenir une personne qui vit des difficultés',
      'comprendre le contexte avant de juger',
      'connaître les intentions de l’employé',
      'savoir quels bureaux impliquer',
      'savoir si cela risque de se reproduire',
      'décider si des mesures administratives sont nécessaires',
      'garder une réponse proportionnelle',
      'répondre à une question complexe',
      'rappeler le serment au personnel',
      'expliquer l’impartialité à mon équipe',
    ],
    cv: [
      'utiliser son titre fédéral pour vendre des produits',
      'promouvoir son entreprise en se présentant comme inspectrice du gouvernement',
      'se moquer d’un collègue dans des commentaires publics',
      'annoncer des services payants en mentionnant son poste au gouvernement',
    ],
    cv2: [
      'mentionne son poste fédéral pour attirer des clients',
      'utilise son poste au gouvernement pour promouvoir son entreprise',
      'a publié un message intimidant envers une collègue',
    ],
    S: FR.S,
    P: FR.P,
  },
};
const IN_FR = {
  t: [
    'Comment {act} ?',
    'Que dit l’orientation sur {topic} ?',
    'Petite question sur {topic}',
    'Quelles sont les règles concernant {topic} ?',
    'Mon employé me pose une question sur {topic}, que lui dire ?',
    'Qui consulter au sujet de {topic} ?',
    'De façon générale, {gen}',
    'Comment devrait-on {gen2} ?',
  ],
  s: {
    act: [
      'parler des médias sociaux avec mon équipe',
      'gérer une publication qui dépasse les bornes',
      'réagir au gazouillis inapproprié d’un employé',
      'aborder un employé au sujet de sa publication',
      'expliquer le code de valeurs et d’éthique pour les publications',
      'soutenir un employé qui subit des réactions négatives en ligne',
      'décider si une publication doit être retirée',
      'vérifier mes propres préjugés',
      'traiter une plainte du public au sujet d’une publication',
    ],
    topic: [
      'les opinions politiques en ligne',
      'les avis de non-responsabilité',
      'les paramètres de confidentialité',
      'aimer ou partager du contenu offensant',
      'les vieilles publications',
      'commenter son domaine de travail',
      'faire du bénévolat pour un candidat',
      'la liberté d’expression des fonctionnaires',
      'la surveillance des comptes des employés',
      'une publication signalée par un collègue',
      'les propos haineux en général',
      'l’empreinte numérique et l’embauche',
      'le devoir de loyauté en ligne',
      'l’impartialité dans les médias sociaux',
    ],
    gen: [
      'que dit l’orientation sur la divulgation non autorisée de renseignements protégés ?',
      'que faire si un journaliste pose un jour des questions sur une publication ?',
      'comment soutenir les employés harcelés en ligne à cause de leur poste ?',
      'que faire si une publication devient virale ?',
    ],
    gen2: [
      'parler en équipe du harcèlement venant du public',
      'discuter de ce qu’on ferait si l’un de nous était exposé en ligne',
      'préparer l’équipe aux demandes des médias',
      'aborder les zones grises comme les conflits internationaux',
    ],
  },
};

/** Random typo: drop, swap, double or replace one letter of a word of ≥ 5 letters. */
export function injectTypo(r: () => number, q: string): string {
  const ws = q.split(' ');
  const cand = ws.map((w, i) => (w.length >= 5 ? i : -1)).filter((i) => i >= 0);
  if (cand.length === 0) return q;
  const i = pick(r, cand);
  const w = ws[i]!;
  const j = 1 + Math.floor(r() * (w.length - 2));
  const op = Math.floor(r() * 4);
  ws[i] =
    op === 0
      ? w.slice(0, j) + w.slice(j + 1)
      : op === 1
        ? w.slice(0, j - 1) + w[j] + w[j - 1] + w.slice(j + 1)
        : op === 2
          ? w.slice(0, j) + w[j] + w.slice(j)
          : w.slice(0, j) + pick(r, [...'aeiourstnl']) + w.slice(j + 1);
  return ws.join(' ');
}

export function augment(seed = 7): AugExample[] {
  const r = rng(seed);
  const out: AugExample[] = [];
  for (const [lang, urgent, base] of [
    ['en', URGENT_EN, EN],
    ['fr', URGENT_FR, FR],
  ] as const)
    for (const topic of Object.keys(urgent) as UrgentTopic[]) {
      const spec = urgent[topic];
      for (const q of expand(r, spec.t, { ...base, ...spec.s }, 70))
        out.push({ q: q.replace(/\s+/g, ' ').trim(), kind: 'urgent', topic, lang });
    }
  for (const [lang, spec, n] of [
    ['en', OOS_EN, 260],
    ['fr', OOS_FR, 220],
  ] as const)
    for (const q of expand(r, spec.t, spec.s, n)) out.push({ q, kind: 'out-of-scope', lang });
  for (const [lang, spec, n] of [
    ['en', IN_EN, 220],
    ['fr', IN_FR, 180],
    ['en', IN_GENERIC_EN, 120],
    ['fr', IN_GENERIC_FR, 90],
  ] as const)
    for (const q of expand(r, spec.t, spec.s, n)) out.push({ q, kind: 'in-scope', lang });
  // typo copies of a quarter of everything
  const typos = out.filter(() => r() < 0.25).map((e) => ({ ...e, q: injectTypo(r, e.q) }));
  return [...out, ...typos];
}
