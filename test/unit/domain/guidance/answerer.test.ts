import { createAnswerer } from '../../../../src/domain/guidance/answerer';
import { detectLanguage } from '../../../../src/domain/guidance/detectLanguage';

const answerer = createAnswerer();
const ask = (q: string, lang?: 'en' | 'fr') => answerer.answer(q, lang ? { lang } : {});

describe('language rule', () => {
  it('answers a clearly French question in French even for an English-preference user', () => {
    expect(ask('Dois-je surveiller les comptes de mes employés?', 'en').lang).toBe('fr');
  });
  it('answers a clearly English question in English even for a French-preference user', () => {
    expect(ask('Should I monitor my employees on social media?', 'fr').lang).toBe('en');
  });
  it('keeps the preference when the text is ambiguous', () => {
    expect(detectLanguage('LinkedIn ok?', 'fr')).toEqual({ lang: 'fr', fromText: false });
    expect(detectLanguage('LinkedIn ok?')).toEqual({ lang: 'en', fromText: false });
  });
  it.each(['Raconte-moi une blague', 'Pouvez-vous m’aider?', 'Peux-tu m’expliquer?', 'Dis-moi une chose'])(
    'reads a French verb joined to its pronoun ("%s") as French, whatever the preference',
    (q) => {
      expect(detectLanguage(q, 'en')).toEqual({ lang: 'fr', fromText: true });
    },
  );
  it('reads a greeting or a goodbye alone in its own language ("Bonne nuit!", "Good night!")', () => {
    expect(detectLanguage('Bonne nuit!', 'en')).toEqual({ lang: 'fr', fromText: true });
    expect(detectLanguage('Good night!', 'fr')).toEqual({ lang: 'en', fromText: true });
    expect(ask('Enchanté!', 'en')).toMatchObject({ kind: 'smalltalk', lang: 'fr' });
  });
  it('still reads English hyphenated words as English', () => {
    expect(detectLanguage('Can I follow-up on the well-being of my employee?', 'fr').lang).toBe('en');
  });
  it('declines a request for a joke in French, and answers a question about a post written as a joke', () => {
    const declined = ask('Raconte-moi une blague');
    expect(declined.kind).toBe('out-of-scope');
    expect(declined.lang).toBe('fr');
    const answered = ask(
      'Mes inspecteurs ont écrit en blague sur Facebook qu’ils tueraient pour une journée sans plainte. Y a-tu un problème?',
    );
    expect(answered.kind).toBe('answer');
    expect(answered.lang).toBe('fr');
  });
});

describe('small talk next to a question', () => {
  it('answers the question when the pleasantry comes with one, however short', () => {
    expect(ask('Thanks so much, and can my staff post about the election?').kind).toBe('answer');
    expect(
      ask('Bonsoir, désolée de l’heure : mon employé a publié une photo de son badge, je fais quoi?').kind,
    ).toBe('answer');
  });
});

describe('another subject told only in the story', () => {
  const story =
    'Kim, a CS-03, deleted a post on X once she saw it joked about a senior official’s appearance. Someone had screenshotted it and it turned up in a Discord server.';
  it('does not decline a question about one of the guidance’s topics', () => {
    const r = ask(`${story} Is she right that deleting it ends the risk?`);
    expect(r.kind).toBe('answer');
  });

  it('still declines when the question asks about the other subject', () => {
    expect(ask(`${story} Can she get the day off to deal with it?`).kind).toBe('out-of-scope');
  });

  it('still declines in-person harassment asked about with a word the guidance shares', () => {
    expect(
      ask('Un gestionnaire crie après mes employés pendant les réunions en présentiel. C’est du harcèlement?')
        .kind,
    ).toBe('out-of-scope');
  });
});

describe('classification', () => {
  it.each([
    ['hi', 'en', 'greeting'],
    ['help', 'en', 'help'],
    ['bonjour', 'fr', 'greeting'],
    ['merci beaucoup', 'fr', 'thanks'],
    ['Que peux-tu faire?', 'fr', 'help'],
    ['thanks, that is exactly what I needed', 'en', 'thanks'],
    ['who are you and what can you help with?', 'en', 'help'],
    ['t’es qui, toi?', 'fr', 'help'],
    // said, not asked: a pleasantry may run longer when it asks nothing and names no subject
    ['Thanks so much, that really helped me prep for tomorrow’s conversation.', 'en', 'thanks'],
    ['Bonsoir, désolée de vous écrire si tard', 'fr', 'greeting'],
    ['How are you doing today?', 'en', 'greeting'],
  ])('%s is small talk in %s', (q, lang, kind) => {
    const r = ask(q);
    expect(r.kind).toBe('smalltalk');
    expect(r.lang).toBe(lang);
    expect(r.smalltalkKind).toBe(kind);
  });

  it.each([
    ['My employee posted that she wants to end her life', 'self-harm'],
    ['Mon employé a publié qu’il veut se suicider', 'self-harm'],
    ['He says he doesn’t want to live anymore', 'self-harm'],
    ['Une employée dit qu’elle ne voit plus de raison de vivre', 'self-harm'],
    ['my analyst said she’s thinking of ending it', 'self-harm'],
    ['She posted that she has been giving away her things and won’t be around much longer', 'self-harm'],
    ['someone threatened to kill my employee in the comments', 'violence'],
    ['Un employé a publié une menace de mort contre un collègue', 'violence'],
    ['He posted a photo of his rifle captioned "see you all at the office Monday"', 'violence'],
    ['Someone doxxed my analyst', 'harassment'],
    [
      'Quelqu’un a publié l’adresse du domicile de mon employée en disant d’aller lui rendre visite',
      'harassment',
    ],
    // Phrases of content/danger.json that once never matched (a "|" read as a one-word choice).
    [
      'A man has been parked across the street from her house every night since her post went viral.',
      'harassment',
    ],
    ['Il a écrit sur Facebook qu’il sortira du bureau les pieds devant, pis pas tout seul.', 'violence'],
    ['She texted me: by the time you read this I’ll be gone.', 'self-harm'],
    ['He commented under her post: ‘your son gets off the bus at 3:40, right?’', 'harassment'],
    [
      'Elle m’a texté : je pense pas rester ici ben longtemps, ce serait mieux pour tout le monde.',
      'self-harm',
    ],
    ['analyst posted farewell msg, gave her cat away yesterday', 'self-harm'],
    ['a client posted where she lives, ‘see you tonight’', 'harassment'],
    [
      'He said at lunch he’d bring his shotgun to the all-staff meeting Friday if they cut his unit.',
      'violence',
    ],
    ['He posted a photo of range targets with our manager’s face printed on them.', 'violence'],
    [
      'A client replied to her post: ‘Enjoy your last quiet days. You won’t always have a guard with you.’',
      'violence',
    ],
    ['Il a publié : « lundi ça va être un carnage au 3e étage, vous allez voir ».', 'violence'],
    // an "if anyone…" quoted from what the person wrote is their words, not the manager's hypothetical
    [
      'Mon employé a écrit sur Teams « si quelqu’un veut mon écran, servez-vous » et sur Facebook « plus de souffrance bientôt ». Je fais quoi?',
      'self-harm',
    ],
    [
      'Quelqu’un a écrit sous sa vidéo : « on sait que ton fils joue au hockey le jeudi à l’aréna Maurice-Richard ».',
      'harassment',
    ],
  ])('routes "%s" to the crisis card (%s)', (q, topic) => {
    const r = ask(q);
    expect(r.kind).toBe('urgent');
    expect(r.urgentTopic).toBe(topic);
  });

  it.each([
    ['An employee shared a meme about the carbon tax. Should I do anything?'],
    ['He ranted about return-to-office, nothing hateful. Should I act?'],
    ['He did NOT threaten anyone, he just posted that the reorg is a mess.'],
    ['She shared a news story about a shooting with an angry caption about gun laws.'],
    ['My analyst is killing it on LinkedIn, can she mention her team?'],
    ['Can I ask him to take down his post about the party’s attack ads?'],
    ['Shoot me a note: do disclaimers protect staff?'],
    ['Ça m’a tué de lire ses commentaires sur le budget, je fais quoi?'],
    ['Je m’adresse à vous parce qu’une employée a publié une critique du ministère.'],
    ['Quelle adresse courriel donner à mon équipe pour signaler une publication?'],
    ['Translate my briefing note into French, please.'],
    ['The Liberals will find out what consequences look like at the polls, my analyst tweeted. Is that OK?'],
    ['Je pense pas rester ici longtemps, le poste ne me convient pas. Puis-je le dire sur LinkedIn?'],
    // over and done with, or a well-known meme
    [
      'Last year a client told my employee ‘you’ll regret this’; security handled it and there has been nothing since. Should she lock her Instagram?',
    ],
    [
      'Situation réglée : il y a un an, quelqu’un a publié l’adresse de mon employée, la police a fait un suivi, plus rien depuis. Elle veut fermer ses comptes.',
    ],
    [
      'My employee shared the classic meme of a raccoon holding a knife, ‘me before my 9am meeting’. Proportional response?',
    ],
    // a costume, a combat sport, a fake gun, a figure of speech, an attempt long past and spoken of openly
    [
      'My employee posted a video of his amateur boxing match, bloody nose and all. A client complained. Do I act?',
    ],
    ['Toute l’équipe est en beau fusil contre la réforme, un employé l’a écrit sur Facebook. J’interviens?'],
    ['Shoot me the link to the guidance on disclaimers?'],
    // a quoted title is the manager's own general question
    ['Our director wants a one-pager titled "what to do if a post suggests self-harm". Any references?'],
    [
      'There was a shooting downtown over the weekend and it’s all over my feed. One of my employees shared the news story. Should I say anything?',
    ],
    [
      'He posted a TikTok re-enacting a gangster movie scene with a toy gun. Someone sent it to me. Now what?',
    ],
    [
      'Il y a quelques années, une employée a fait une tentative de suicide; elle en parle maintenant ouvertement sur LinkedIn. Un directeur trouve que ça nuit à l’image du ministère. A-t-il raison?',
    ],
    // one farewell, read by two expressions over the same words, is one sign, not two
    [
      'Mon analyste qui s’en va à Emploi Canada a publié un message d’adieu sur LinkedIn. Peut-elle parler de ses nouveaux dossiers?',
    ],
  ])('does not show the crisis card for an ordinary question: "%s"', (q) => {
    expect(ask(q).kind).not.toBe('urgent');
  });

  it.each([
    ['A reporter asked me about my employee’s tweet', 'aware-post.how-raised.media-query'],
    [
      'Un journaliste m’appelle au sujet d’une publication de mon employé',
      'aware-post.how-raised.media-query',
    ],
    ['An employee posted a Protected B document on Twitter, what now?', 'aware-post.clear-violation'],
    [
      'Une employée a divulgué des renseignements personnels de clients sur Facebook',
      'aware-post.clear-violation',
    ],
  ])('answers "%s" from the guidance (no danger to anyone): %s', (q, id) => {
    const r = ask(q);
    expect(r.kind).toBe('answer');
    expect(r.passages.map((p) => p.id)).toContain(id);
  });

  it.each([
    'What is the weather tomorrow?',
    'How do I fix my Phoenix pay?',
    'Write me a tweet about my promotion',
    'Which party should I vote for?',
    'Tell me a joke',
    'Combien de jours de congé ai-je?',
    'Pour quel parti devrais-je voter?',
    'Can I hire someone through a non-advertised appointment?',
    'À quelle heure ferme la cafétéria de l’édifice?',
    'Who’s the current Minister of Health?',
    'Est-ce que le retour au bureau trois jours par semaine s’applique aux étudiants?',
    'Puis-je offrir le café et les muffins lors d’une consultation publique?',
    'Is there media training for people who speak to reporters on behalf of the department?',
    'The Teams app freezes every time I share my screen, who do I call?',
    // another subject asked with no social media anywhere: its words only look like the guidance's
    'Which French language courses can my team take this fall?',
    'Est-ce que TikTok est encore interdit sur les cellulaires du ministère?',
    // the question points back at the story's other subject
    'My officer tweeted that her overtime still hasn’t been paid. How do I get that fixed?',
    'Do Easter Monday and Good Friday count toward our three days a week on site?',
    'Could you just summarize the new overtime directive in three bullets?',
    // the only social media word is part of the other subject's own phrase
    'Can I get more storage on the team’s shared drive?',
    'Le lecteur partagé de la direction est plein, je demande plus d’espace à qui?',
    // no rule names these subjects: the trained off-topic score declines them
    'Can I approve a four-day compressed schedule for my analyst?',
    'What’s the per diem for a trip to Iqaluit?',
  ])('declines "%s" as out of scope', (q) => {
    expect(ask(q).kind).toBe('out-of-scope');
  });

  it('still answers a post shared on social media when another subject is named beside it', () => {
    const r = ask('An analyst shared a screenshot of our shared drive on Facebook. Is that a problem?');
    expect(r.kind).toBe('answer');
  });

  it('does not mistake a question about discussing harassment for an emergency', () => {
    const r = ask('Should we discuss at team meetings how to handle harassment from the public?');
    expect(r.kind).toBe('answer');
    expect(r.passages[0]!.id).toBe('intro.harassment-discussion');
  });

  it('says it is unsure, with closest topics, when the question names no topic', () => {
    const r = ask('social media?');
    expect(r.kind).toBe('unsure');
    expect(r.relatedQuestions.length).toBeGreaterThan(0);
    expect(r.relatedQuestions.length).toBeLessThanOrEqual(3);
  });
});

describe('tactical gear', () => {
  it('is not a threat on its own: a selection board asking about an applicant’s shooting-range posts gets an answer', () => {
    const r = ask(
      'One of our board members wants to scroll through candidates’ Instagram because an applicant posts a lot of shooting-range and tactical gear stuff. Is that allowed?',
    );
    expect(r.kind).not.toBe('urgent');
  });
  it.each([
    'He posted a photo of his new tactical gear and body armour, and wrote that Monday at the office everyone will finally listen.',
    'My employee bought a kevlar vest and posted the floor plan of our building with the caption soon.',
  ])('still alarms with a workplace, a time or a floor plan: %s', (q) => {
    expect(ask(q).kind).toBe('urgent');
  });
});

describe('field operations words', () => {
  it.each([
    // a station, a wharf or a rail line is where field staff work, not a place to end one's life
    'Our weather station tech posted photos of the station in the blizzard, with the door keypad visible. Should I worry about the keypad?',
    'Un agent des pêches a publié une photo de lui sur le quai avec une saisie de homards. Il peut?',
    // a figure of speech, weapons seized at work, a training accident told as grief
    'Our regional director once tweeted that a rescue was a suicide mission dreamed up in Ottawa. Will old posts follow him?',
    'Un douanier a mis sur Instagram les armes saisies au poste frontalier mardi. C’est grave?',
  ])('answers "%s" without the crisis card', (q) => {
    expect(ask(q).kind).not.toBe('urgent');
  });
  it.each([
    'A claimant keeps telling my agent she won’t get home in one piece after her shift.',
    'Un client fâché a écrit à mon agent : « ta femme reste encore sur la rue des Érables? Ça serait plate. »',
    'A former inmate posted a photo of my officer’s house, her car in the driveway. No caption.',
    'He has been looking up how much morphine would be too much for someone his weight.',
  ])('shows the crisis card for "%s"', (q) => {
    expect(ask(q).kind).toBe('urgent');
  });
});

describe('answers', () => {
  it('answers paraphrases, typos and French with the right passage', () => {
    expect(ask('do disclaimers work').passages[0]!.id).toBe('talking-points.disclaimers');
    expect(ask('monitering staff acounts ok?').passages[0]!.id).toBe('aware-post.no-monitoring');
    expect(ask('Un avis de non-responsabilité suffit-il?').passages[0]!.id).toBe(
      'talking-points.disclaimers',
    );
  });

  it.each([
    ['What should I tell my team?', 'talking-points', 12],
    ['quels points aborder avec mon équipe?', 'talking-points', 12],
    ['What are the steps if I see an inappropriate post?', 'aware-post.steps', 8],
    ['Quelles sont les étapes pour une publication douteuse?', 'aware-post.steps', 8],
  ])('gives the whole list for "%s"', (q, id, n) => {
    const r = ask(q);
    expect(r.kind).toBe('answer');
    expect(r.passages[0]!.id).toBe(id);
    expect(r.passages[0]!.listItems).toHaveLength(n);
  });

  it.each([
    "I don't think it's a clear violation, but it's not great either. What now?",
    'Ce n’est pas une violation claire, mais ça me dérange quand même. Je fais quoi?',
  ])('gives the steps for when you are not sure, not the clear-breach protocols, for "%s"', (q) => {
    const r = ask(q);
    expect(r.kind).toBe('answer');
    expect(r.passages[0]!.id).toBe('aware-post.steps');
  });

  it('keeps nested sub-points in the list', () => {
    const steps = ask('What are the steps if I see an inappropriate post?').passages[0]!;
    const consult = steps.listItems!.find((i) => i.id === 'aware-post.steps.consult')!;
    expect(consult.listItems!.map((i) => i.id)).toEqual([
      'aware-post.steps.consult.recurrence',
      'aware-post.steps.consult.take-down',
      'aware-post.steps.consult.admin-action',
    ]);
  });

  it('quotes French as a working translation with the French source link', () => {
    const p = ask('Dois-je surveiller les comptes de mes employés?').passages[0]!;
    expect(p.workingTranslation).toBe(true);
    expect(p.text).toMatch(/surveiller/);
    expect(p.sourceUrl).toMatch(/canada\.ca\/fr\//);
    expect(ask('Should I monitor my staff online?').passages[0]!.workingTranslation).toBe(false);
  });

  it('never gives a verdict on a person or a post: the steps for assessing it first, flagged', () => {
    for (const q of [
      'Should I fire her for that tweet?',
      'Dois-je congédier cet employé?',
      'He called the minister a clown on X. Is that a violation of the code?',
    ]) {
      const r = ask(q);
      expect(r.kind).toBe('answer');
      expect(r.verdictRequested).toBe(true);
      expect(r.passages[0]!.id).toBe('aware-post.steps');
      expect(r.passages).toHaveLength(2);
    }
  });

  it('names the clear violation when the post is one of the guidance’s own examples', () => {
    const r = ask(
      'She sells paid immigration consulting on Instagram and says she works at IRCC. Is that a breach?',
    );
    expect(r.verdictRequested).toBe(true);
    expect(r.passages[0]!.id).toBe('aware-post.clear-violation');
  });

  it('lets a question about a topic of its own decide, not a verdict told only in the story', () => {
    const story =
      'A clerk on my team posted a long video on TikTok about the new scheduling rules. I honestly can’t tell whether it crosses a line.';
    const toldInStory = answerer.explain(`${story} Who should I loop in before I talk to her?`).trace;
    expect(toldInStory.concepts.map((h) => h.concept.id)).toContain('frame.verdict');
    expect(toldInStory.decision).not.toBe('scenario verdict');
    // asked in the question, the verdict frame still gives the steps instead of a verdict
    const asked = answerer.explain(`${story} Is it a violation, and who should I loop in?`);
    expect(asked.trace.decision).toBe('scenario verdict');
    expect(asked.result.passages[0]!.id).toBe('aware-post.steps');
  });

  it('answers a story about a post followed by "what do I do" with the steps, and offers the walk-through', () => {
    const r = ask(
      'One of my officers posted a long rant about our new scheduling system on Facebook. A few people on the team are annoyed. What should I do?',
    );
    expect(r.kind).toBe('answer');
    expect(r.offerSawAPost).toBe(true);
    expect(r.passages[0]!.id).toBe('aware-post.steps');
  });

  it.each([
    'A colleague showed me a post one of my employees made about our minister. What do I do?',
    'Mon directeur m’a parlé d’une vidéo TikTok qu’une de mes agentes a publiée. Par où je commence?',
  ])('reads a post someone showed or told the manager about as a story of a post: "%s"', (q) => {
    const r = ask(q);
    expect(r.offerSawAPost).toBe(true);
    expect(r.passages[0]!.id).toBe('aware-post.steps');
  });

  it('reads « la politique de… » as a policy, not as politics', () => {
    const r = ask(
      'Un employé a publié sur Facebook une critique de la politique de retour au bureau. Est-ce que je dois intervenir?',
    );
    expect(r.kind).toBe('answer');
    expect(r.passages[0]!.id).not.toBe('talking-points.political-activities');
  });

  it('answers both parts of a two-part question, one passage each', () => {
    const r = ask('Do disclaimers protect my staff? And should I monitor their accounts?');
    expect(r.twoParts).toBe(true);
    expect(r.passages.map((p) => p.id)).toEqual(['talking-points.disclaimers', 'aware-post.no-monitoring']);
  });

  it('reads a story typed without a question mark as one question, not its first sentence as a second', () => {
    const story = ask(
      'my analyst put a meme of our DG as a clown on his public instagram. half the team liked it. i laughed too but im his manager so now what',
    );
    expect(story.twoParts).toBe(false);
    // Two real questions without marks still get one passage each when the first opens like a question.
    const two = ask('do disclaimers protect my staff. and should i monitor their accounts');
    expect(two.twoParts).toBe(true);
  });

  it('reads a question quoted from a post as part of the story, not as what the manager asks', () => {
    const r = ask(
      "A stranger replied under my employee's post on our department's official account asking 'is this who you hire?'. He had posted a crude joke about a singer, nothing about work. how do I explain to him why it still matters",
    );
    // The official account is part of the story: the manager's question is about the employee's post.
    expect(r.kind).toBe('answer');
  });

  it('flags a question describing a post the manager saw', () => {
    expect(ask('I saw a post by one of my employees that seems off, what do I do?').offerSawAPost).toBe(true);
    expect(ask('Do disclaimers work?').offerSawAPost).toBe(false);
  });

  it('offers at most three related questions, in the answer language, none quoted already', () => {
    const r = ask('Quels points aborder avec mon équipe?');
    expect(r.relatedQuestions.length).toBeLessThanOrEqual(3);
    for (const q of r.relatedQuestions) expect(q).not.toMatch(/\b(the|should|what)\b/i);
  });
});

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t '],
    ['emoji only', '😀🎉👍'],
    ['10,000 characters', 'social media post '.repeat(600)],
    ['HTML', '<script>alert(1)</script><b>Should I monitor</b> my staff?'],
    ['markdown link', '[click](https://evil.example) should I monitor my staff?'],
    ['template syntax', '${process.exit()} should I monitor my staff?'],
    ['mixed languages', 'Should I surveiller mes employés on Facebook?'],
    ['not a string', undefined as unknown as string],
  ])('does not crash on %s', (_label, q) => {
    const r = answerer.answer(q);
    expect(['answer', 'urgent', 'out-of-scope', 'unsure', 'smalltalk']).toContain(r.kind);
  });

  it('treats empty and emoji-only messages as a request for help', () => {
    expect(ask('').smalltalkKind).toBe('help');
    expect(ask('🙂').smalltalkKind).toBe('help');
  });

  it('still answers a question wrapped in HTML or markdown', () => {
    expect(ask('<p>Should I <b>monitor</b> my staff on social media?</p>').passages[0]!.id).toBe(
      'aware-post.no-monitoring',
    );
  });

  it('never echoes the question (names stay out of the result)', () => {
    const r = ask('Should I fire Jennifer Tremblay for her tweet about the minister?');
    expect(JSON.stringify(r)).not.toMatch(/Jennifer|Tremblay/);
  });
});
