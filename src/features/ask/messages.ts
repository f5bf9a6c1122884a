import { defineMessages } from '../../shared/i18n/define';

/**
 * The answerer's own framing around quoted guidance (cards, urgent contacts, declines, small talk).
 * None of these strings is guidance text; guidance text comes only from content/.
 */
export const answers = defineMessages({
  en: {
    'answers.card.title': 'From the guidance for managers',
    'answers.card.automated':
      'Automated answer: it quotes the official guidance word for word and is not advice on a specific case.',
    'answers.card.verdict':
      'I can’t judge a specific person or decide a case. Here are the steps the guidance suggests; your values and ethics office can advise you on the decision.',
    'answers.card.context': 'In the guidance, this point belongs to:',
    'answers.card.workingTranslation':
      'Working translation by this bot’s team, not the official French text.',
    'answers.card.officialFrench': 'Official French page',
    'answers.card.sourceLine': 'Source: “{title}”, canada.ca. Text taken {date}; content version {version}.',
    'answers.card.source': 'Source',
    'answers.card.seeAlso': 'See also (summary by this bot’s team, not official wording)',
    'answers.card.related': 'Related questions',
    'answers.card.helpful': 'Was this helpful?',
    'answers.card.yes': 'Yes, helpful',
    'answers.card.no': 'No, not helpful',
    'answers.card.escalate': 'Talk to the values and ethics office',
    'answers.urgent.badge': 'Urgent',
    'answers.urgent.title': 'This may need action now',
    'answers.urgent.intro':
      'This sounds urgent. Do not wait for a chat answer: contact the people below now.',
    'answers.urgent.self-harm.title': 'An employee may be at risk of harming themselves',
    'answers.urgent.self-harm.1': 'If the person is in immediate danger, call 9-1-1.',
    'answers.urgent.self-harm.2': 'Suicide crisis helpline: call or text 9-8-8.',
    'answers.urgent.self-harm.3': 'The Employee Assistance Program (EAP) offers support to public servants.',
    'answers.urgent.violence.title': 'A threat of violence',
    'answers.urgent.violence.1': 'If anyone is in immediate danger, call 9-1-1 (police).',
    'answers.urgent.violence.2': 'Tell your departmental security team right away.',
    'answers.urgent.violence.3': 'Keep a copy of the threat (screenshot, link, time); do not reply to it.',
    'answers.urgent.safety.title': 'Someone may be in danger',
    'answers.urgent.safety.1': 'If anyone is in immediate danger, call 9-1-1.',
    'answers.urgent.safety.2':
      'Tell your departmental security team now. If the person may harm themselves: call or text 9-8-8.',
    'answers.urgent.safety.3': 'The Employee Assistance Program (EAP) offers support to public servants.',
    'answers.urgent.harassment.title': 'An employee is harassed or exposed because of their job',
    'answers.urgent.harassment.1': 'Contact your departmental security team about the employee’s safety.',
    'answers.urgent.harassment.2': 'Check in with the employee and offer your support.',
    'answers.urgent.harassment.3': 'Remind them that the Employee Assistance Program (EAP) is available.',
    'answers.urgent.disclosure.title': 'Information may have been disclosed without authorization',
    'answers.urgent.disclosure.1': 'Follow your organization’s protocols for security incidents.',
    'answers.urgent.disclosure.2': 'Contact your departmental security team.',
    'answers.urgent.disclosure.3':
      'If someone’s personal information is involved, contact your privacy office.',
    'answers.urgent.guidance': 'What the guidance says:',
    'answers.unsure.title': 'I’m not sure I understood',
    'answers.unsure.body':
      'I could not find a passage of the guidance that clearly answers this. Did you mean one of these topics? You can also rephrase, or ask your values and ethics office.',
    'answers.oos.title': 'That is outside what I can help with',
    'answers.oos.body':
      'I answer managers’ questions about the guidance on public servants’ use of personal social media: talking to your team, posts you become aware of, disclaimers and privacy settings, political activities, and where to get help. For anything else (pay, leave, travel, writing posts…), please use your usual channels.',
    'answers.oos.try': 'Try one of these:',
    'answers.smalltalk.help':
      'I answer questions about the guidance for managers on public servants’ use of personal social media, in English or French, by quoting the official text. Try: “What should I tell my team about social media?”',
    'answers.smalltalk.greeting':
      'Hello! Ask me a question about the guidance for managers on public servants’ use of personal social media.',
    'answers.smalltalk.thanks': 'You’re welcome. Ask me anything else about the guidance.',
    'answers.smalltalk.other':
      'I answer questions about the guidance for managers on personal social media. Type “help” to see what I can do.',
  },
  fr: {
    'answers.card.title': 'Extrait de l’orientation à l’intention des gestionnaires',
    'answers.card.automated':
      'Réponse automatisée : elle reprend l’orientation officielle, en traduction de travail, et ne constitue pas un avis sur un cas précis.',
    'answers.card.verdict':
      'Je ne peux pas juger une personne ni trancher un cas précis. Voici les mesures que propose l’orientation; le bureau des valeurs et de l’éthique de votre organisation peut vous conseiller sur la décision.',
    'answers.card.context': 'Dans l’orientation, ce point fait partie de :',
    'answers.card.workingTranslation':
      'Traduction de travail de l’équipe de ce robot, et non le texte officiel en français.',
    'answers.card.officialFrench': 'Page officielle en français',
    'answers.card.sourceLine':
      'Source : « {title} », canada.ca. Texte recueilli le {date}; version du contenu {version}.',
    'answers.card.source': 'Source',
    'answers.card.seeAlso': 'Voir aussi (résumé de l’équipe de ce robot, et non le libellé officiel)',
    'answers.card.related': 'Questions connexes',
    'answers.card.helpful': 'Cette réponse vous a-t-elle été utile?',
    'answers.card.yes': 'Oui, utile',
    'answers.card.no': 'Non, pas utile',
    'answers.card.escalate': 'Parler au bureau des valeurs et de l’éthique',
    'answers.urgent.badge': 'Urgent',
    'answers.urgent.title': 'Cette situation peut exiger une action immédiate',
    'answers.urgent.intro':
      'Cette situation semble urgente. N’attendez pas une réponse par clavardage : communiquez dès maintenant avec les personnes ci-dessous.',
    'answers.urgent.self-harm.title': 'Un employé pourrait risquer de se faire du mal',
    'answers.urgent.self-harm.1': 'Si la personne est en danger immédiat, composez le 9-1-1.',
    'answers.urgent.self-harm.2': 'Ligne d’aide en cas de crise de suicide : appelez ou textez le 9-8-8.',
    'answers.urgent.self-harm.3':
      'Le Programme d’aide aux employés (PAE) offre du soutien aux fonctionnaires.',
    'answers.urgent.violence.title': 'Une menace de violence',
    'answers.urgent.violence.1': 'Si quelqu’un est en danger immédiat, composez le 9-1-1 (police).',
    'answers.urgent.violence.2': 'Avisez immédiatement l’équipe de la sécurité de votre ministère.',
    'answers.urgent.violence.3':
      'Conservez une copie de la menace (capture d’écran, lien, heure); n’y répondez pas.',
    'answers.urgent.safety.title': 'Quelqu’un pourrait être en danger',
    'answers.urgent.safety.1': 'Si quelqu’un est en danger immédiat, composez le 9-1-1.',
    'answers.urgent.safety.2':
      'Avisez dès maintenant l’équipe de la sécurité de votre ministère. Si la personne risque de se faire du mal : appelez ou textez le 9-8-8.',
    'answers.urgent.safety.3': 'Le Programme d’aide aux employés (PAE) offre du soutien aux fonctionnaires.',
    'answers.urgent.harassment.title': 'Un employé est harcelé ou exposé en raison de son travail',
    'answers.urgent.harassment.1':
      'Communiquez avec l’équipe de la sécurité de votre ministère au sujet de la sécurité de l’employé.',
    'answers.urgent.harassment.2': 'Prenez des nouvelles de l’employé et offrez-lui votre soutien.',
    'answers.urgent.harassment.3': 'Rappelez-lui que le Programme d’aide aux employés (PAE) est offert.',
    'answers.urgent.disclosure.title': 'Des renseignements ont peut-être été divulgués sans autorisation',
    'answers.urgent.disclosure.1':
      'Suivez les protocoles de votre organisation en matière d’incidents de sécurité.',
    'answers.urgent.disclosure.2': 'Communiquez avec l’équipe de la sécurité de votre ministère.',
    'answers.urgent.disclosure.3':
      'Si des renseignements personnels sont en cause, communiquez avec le bureau de la protection des renseignements personnels.',
    'answers.urgent.guidance': 'Ce que dit l’orientation :',
    'answers.unsure.title': 'Je ne suis pas certain d’avoir compris',
    'answers.unsure.body':
      'Je n’ai pas trouvé de passage de l’orientation qui réponde clairement à cette question. Vouliez-vous parler de l’un de ces sujets? Vous pouvez aussi reformuler ou vous adresser au bureau des valeurs et de l’éthique.',
    'answers.oos.title': 'Cette question dépasse ce que je peux faire',
    'answers.oos.body':
      'Je réponds aux questions des gestionnaires sur l’orientation relative à l’utilisation des médias sociaux à des fins personnelles par les fonctionnaires : en parler à votre équipe, les publications portées à votre attention, les avis de non-responsabilité et la confidentialité, les activités politiques et les ressources d’aide. Pour tout autre sujet (paie, congés, déplacements, rédaction de publications…), veuillez utiliser les canaux habituels.',
    'answers.oos.try': 'Essayez l’une de ces questions :',
    'answers.smalltalk.help':
      'Je réponds aux questions sur l’orientation à l’intention des gestionnaires relative à l’utilisation des médias sociaux à des fins personnelles par les fonctionnaires, en français ou en anglais, en citant le texte. Essayez : « Que dois-je dire à mon équipe au sujet des médias sociaux? »',
    'answers.smalltalk.greeting':
      'Bonjour! Posez-moi une question sur l’orientation à l’intention des gestionnaires relative aux médias sociaux personnels.',
    'answers.smalltalk.thanks': 'Je vous en prie. Posez-moi toute autre question sur l’orientation.',
    'answers.smalltalk.other':
      'Je réponds aux questions sur l’orientation à l’intention des gestionnaires relative aux médias sociaux personnels. Tapez « aide » pour voir ce que je peux faire.',
  },
});
