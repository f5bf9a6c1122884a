import { defineMessages } from '../../shared/i18n/define';

/** Escalation to an office: the manager's dialog, the office's case card, notifications, channel registration. */
export const escalation = defineMessages({
  en: {
    'escalation.office.valuesEthics': 'values and ethics office',
    'escalation.office.ombud': 'Ombud',
    'escalation.officeThe.valuesEthics': 'the values and ethics office',
    'escalation.officeThe.ombud': 'the Ombud',
    'escalation.officeTo.valuesEthics': 'to the values and ethics office',
    'escalation.officeTo.ombud': 'to the Ombud',
    'escalation.officeOf.valuesEthics': 'from the values and ethics office',
    'escalation.officeOf.ombud': 'from the Ombud',
    'escalation.officeBy.valuesEthics': 'by the values and ethics office',
    'escalation.officeBy.ombud': 'by the Ombud',
    'escalation.officeTitle.valuesEthics': 'Values and ethics office',
    'escalation.officeTitle.ombud': 'Ombud',
    'escalation.officeAbout.valuesEthics':
      'advises you on applying the Values and Ethics Code for the Public Sector to the situation.',
    'escalation.officeAbout.ombud':
      'is confidential, impartial, independent and informal: a place to talk a difficult situation through and look at your options.',
    'escalation.contactDefault': 'your organization’s {office} (your intranet lists how to reach it)',
    'escalation.intro':
      'I will send your request to an office as a case. You choose the office, describe the situation briefly, and see exactly what the office will see before anything is sent. Type "cancel" at any time.',
    'escalation.chooseOffice':
      'Which office should receive it?\n\n- **Values and ethics office**: {veAbout}\n- **Ombud**: {ombudAbout}',
    'escalation.noChannel':
      'The {office} has not connected a Teams channel to me yet, so I cannot send your request. Please contact them directly: {contact}. Nothing has been sent or kept.',
    'escalation.summary.ask':
      'Describe the situation in a few sentences and what you need from the office.\n\n**Include**: what happened, in general terms; what you have done so far; your question.\n\n**Leave out**: names, unless the office needs them to help; a copy or screenshot of the post, unless it is needed; anything about a person’s health or private life.',
    'escalation.summary.tooShort': 'Please write at least one short sentence.',
    'escalation.summary.tooLong':
      'Please keep it under {limit} characters; the office will ask if they need more.',
    'escalation.pii.warn':
      'Your text seems to contain {kinds}. The office does not need it to start, and it would be kept with the case. Would you like to rewrite it, or keep it as it is?',
    'escalation.pii.email': 'an e-mail address',
    'escalation.pii.phone': 'a phone number',
    'escalation.pii.sin': 'a social insurance number',
    'escalation.pii.and': ' and ',
    'escalation.pii.rewrite': 'Rewrite it',
    'escalation.pii.keep': 'Keep it as is',
    'escalation.record.ask':
      'Attach your "I saw a post" record to the request? The office would see the steps you went through, not your private notes.',
    'escalation.record.attach': 'Attach the record',
    'escalation.record.skip': 'Do not attach',
    'escalation.urgency.ask': 'How urgent is it?',
    'escalation.urgency.routine': 'Routine',
    'escalation.urgency.timeSensitive': 'Time-sensitive',
    'escalation.urgency.urgent': 'Urgent',
    'escalation.contact.ask':
      'How would you like the office to contact you? They use your work contact details from the directory: you do not need to type them.',
    'escalation.contact.teamsChat': 'Teams chat',
    'escalation.contact.phone': 'Phone',
    'escalation.contact.email': 'E-mail',
    'escalation.consent.ask':
      'This is exactly what the {office} will see, with your name so they can contact you. Nothing is sent until you choose "Send it".',
    'escalation.consent.send': 'Send it',
    'escalation.consent.edit': 'Change the summary',
    'escalation.consent.cancel': 'Cancel',
    'escalation.retry': 'Please choose one of the options.',
    'escalation.cancelled': 'Nothing was sent, and your text was not kept.',
    'escalation.notSent': 'Your request in progress was not sent, and its text was not kept.',
    'escalation.help':
      'You are preparing a request to an office, at the question {where}. Nothing is sent until you choose "Send it". Type "back" for the previous question (your answers are kept), or "cancel" to stop: nothing is sent.',
    'escalation.where.office': 'about which office should receive it',
    'escalation.where.summary': 'asking you to describe the situation',
    'escalation.where.pii': 'about personal information in your text',
    'escalation.where.record': 'about attaching your "I saw a post" record',
    'escalation.where.urgency': 'about how urgent it is',
    'escalation.where.contact': 'about how the office should contact you',
    'escalation.where.consent': 'asking you to check what the office will see',
    'escalation.already':
      'You are already preparing a request; nothing has been sent yet. Here is where you are:',
    'escalation.atStart': 'This is the first question: there is nothing to go back to.',
    'escalation.summary.previous':
      'What you wrote before: “{summary}”. Type "keep" to keep it, or send a new text.',
    'escalation.record.askDraft':
      'Attach what you have noted so far in "I saw a post" (you were at step {n} of {total})? The office would see your choices, not your private notes. Afterwards you come back to the walk-through, with your notes kept.',
    'escalation.created':
      'Your request **{caseId}** is saved and is being sent to the {office}. What happens next: someone from the office takes it and contacts you the way you chose ({contact}). I will tell you here when it reaches the office, when it is taken, if they have a question, and when it is closed. Type "my cases" to see its status.',
    'escalation.posted': 'Your request {caseId} has reached the {office}.',
    'escalation.alreadySent':
      'Your request **{caseId}** was already sent to the {office}. Nothing new was created. Type "my cases" to see its status.',
    'escalation.consent.stale':
      'That request is no longer open, so nothing was sent. Type "escalate" to start a new one.',
    'escalation.undelivered':
      'I could not deliver your request {caseId} to the {office}: I no longer have access to its Teams channel. Your request is saved, but the office has not seen it. Please contact them directly: {contact}.',
    'escalation.assigned': '{name} from the {office} has taken your request {caseId}.',
    'escalation.reopened': 'Your request {caseId} was reopened by the {office}: {name} has it.',
    'escalation.thread.answered':
      '{who}: the manager answered your question on {caseId}. The answer is on the card.',
    'escalation.thread.urgent':
      '{who}: urgent request {caseId} has just arrived and nobody has it yet. To take it, use "{assign}" on the card.',
    'escalation.reminder.to': 'Reminder for {who}: {notice}',
    'escalation.reminder.plain': 'Reminder: {notice}',
    'escalation.reminder.unassigned':
      'request {caseId} has waited {hours} and nobody has it. To take it, use "{assign}" on the card.',
    'escalation.reminder.ageing':
      'request {caseId} has had no activity for {hours}. Take the next step on the card, or hand it back to the office if someone else should have it.',
    'escalation.reminder.hours.one': '1 business hour',
    'escalation.reminder.hours.other': '{n} business hours',
    'escalation.closed':
      'Your request {caseId} was closed by the {office}. Outcome: {outcome}. Type "my cases" to get a copy of the case.',
    'escalation.closedNote': 'The office’s note: {note}',
    'escalation.question.title': 'The {office} has a question about your request {caseId}',
    'escalation.question.placeholder': 'Your answer',
    'escalation.question.send': 'Send my answer',
    'escalation.question.privacy': 'Your answer is added to the case; only the office sees it.',
    'escalation.answer.thanks': 'Thank you. Your answer was added to {caseId}.',
    'escalation.answer.empty': 'Please type an answer before sending it.',
    'escalation.answer.already': 'That question already has an answer.',
    'escalation.answer.closed': 'That case is closed; your answer was not added.',
    'escalation.status.new': 'New',
    'escalation.status.assigned': 'Assigned',
    'escalation.status.waiting': 'Waiting for the manager',
    'escalation.status.closed': 'Closed',
    'escalation.delivery.undelivered': 'Not delivered',
    'escalation.outcome.adviceGiven': 'Advice given',
    'escalation.outcome.referredHr': 'Referred to human resources',
    'escalation.outcome.referredLabourRelations': 'Referred to labour relations',
    'escalation.outcome.noFurtherAction': 'No further action',
    'escalation.card.title': 'Request {caseId}',
    'escalation.card.confidentialTitle': 'Confidential request {caseId}',
    'escalation.card.confidentialNote':
      'A confidential request was received. Its details go only to the person who takes it.',
    'escalation.card.from': 'From',
    'escalation.card.urgency': 'Urgency',
    'escalation.card.received': 'Received',
    'escalation.card.age': 'Age',
    'escalation.card.status': 'Status',
    'escalation.card.assignee': 'Assigned to',
    'escalation.card.nobody': 'Nobody yet',
    'escalation.card.contact': 'Contact by',
    'escalation.card.language': 'Manager’s official language',
    'escalation.card.openBoard': 'Open it on the case board',
    'escalation.card.chatManager': 'Chat with the manager in Teams',
    'escalation.language.en': 'English',
    'escalation.language.fr': 'French',
    'escalation.card.summary': 'Summary',
    'escalation.card.record': 'Attached "I saw a post" record',
    'escalation.card.question': 'Question from the office',
    'escalation.card.answer': 'Manager’s answer',
    'escalation.card.noAnswer': 'No answer yet',
    'escalation.card.outcome': 'Outcome',
    'escalation.card.note': 'Note',
    'escalation.card.assign': 'Assign to me',
    'escalation.card.takeOver': 'Take over',
    'escalation.card.release': 'Hand back',
    'escalation.card.reopen': 'Reopen',
    'escalation.card.ask': 'Request more information',
    'escalation.card.askLabel': 'Question for the manager (they receive it in a personal chat)',
    'escalation.card.askSend': 'Send the question',
    'escalation.card.close': 'Close',
    'escalation.card.closeOutcome': 'Outcome',
    'escalation.card.closeNote': 'Note (included in the manager’s copy of the case)',
    'escalation.card.closeSend': 'Close the case',
    'escalation.age.minutes': 'less than an hour',
    'escalation.age.hours': '{count} h',
    'escalation.age.days': '{count} d',
    'escalation.office.denied':
      'Only members of the office’s team can act on its cases. Nothing was changed.',
    'escalation.office.taken': '{name} has this case. Nothing was changed.',
    'escalation.office.closed': 'This case is closed. Nothing was changed.',
    'escalation.office.notClosed': 'This case is open: there is nothing to reopen.',
    'escalation.office.reopenExpired':
      'This case was closed more than {days} days ago and can no longer be reopened. Nothing was changed.',
    'escalation.office.notAssignee': 'Only {name}, who has this case, can do that. Nothing was changed.',
    'escalation.office.notFound':
      'This case no longer exists (it may have been deleted after its retention period).',
    'escalation.office.askEmpty': 'Please type a question for the manager.',
    'escalation.office.asked': 'Your question was sent to the manager. Their answer will appear on the card.',
    'escalation.office.askNoChat':
      'The question is saved on the case, but the manager has no chat with me, so I could not send it. Please contact them ({contact}).',
    'escalation.office.closeOutcome': 'Please choose an outcome.',
    'escalation.office.noteRequired':
      'An urgent or time-sensitive case needs a note on what was done before it is closed. Nothing was changed.',
    'escalation.office.details':
      'Details of confidential request {caseId}, for you as the person who has it.',
    'escalation.register.done':
      'This channel now receives the {office}’s requests. Each one is posted here as a new thread; only members of this team can act on it.',
    'escalation.register.refused':
      'Only an owner of this team or a configured office administrator can register a channel for an office. Nothing was changed.',
    'escalation.register.channelOnly':
      'To register an office channel, mention me in that channel: "@{botName} register values and ethics office" or "@{botName} register ombud".',
    'escalation.myCases.title': 'My cases',
    'escalation.myCases.empty':
      'You have no cases. Type "escalate" to send a request to the values and ethics office or the Ombud.',
    'escalation.myCases.line': '{caseId}: {office}, {status}, sent {date}',
    'escalation.myCases.copy': 'Copy of {caseId}',
    'escalation.myCases.more': 'Showing your {count} most recent cases.',
    'escalation.copy.title': 'Copy of case {caseId}',
    'escalation.copy.office': 'Office',
    'escalation.copy.history': 'History',
    'escalation.copy.notFound': 'I could not find that case among yours.',
    'escalation.audit.created': 'Created',
    'escalation.audit.posted': 'Delivered to the office',
    'escalation.audit.undelivered': 'Could not be delivered',
    'escalation.audit.assigned': 'Assigned',
    'escalation.audit.informationRequested': 'Information requested',
    'escalation.audit.answered': 'Answered',
    'escalation.audit.closed': 'Closed',
    'escalation.audit.purged': 'Deleted',
    'escalation.audit.unassigned': 'Handed back to the office',
    'escalation.audit.reopened': 'Reopened',
    'escalation.audit.reminded': 'Reminder posted for the office',
    'escalation.audit.byYou': 'by you',
    'escalation.audit.byOffice': 'by the office',
    'escalation.audit.bySystem': 'automatically',
    'escalation.recordText': '"I saw a post" record of {date}. {answers}',
    'escalation.recordText.draft':
      '"I saw a post" walk-through under way ({date}, at step {n} of {total}). {answers}',
    'escalation.recordText.answer': 'To “{question}” the manager answered “{answer}”.',
    'escalation.recordText.noViolationYet':
      'The manager has not yet answered whether the post clearly violates the Code.',
    'escalation.recordText.topics':
      'Questions the manager chose to bring to organizational experts: {topics}.',
    'escalation.recordText.noTopics': 'The manager chose no questions for organizational experts.',
    'escalation.recordText.quoted': '“{text}”',
  },
  fr: {
    'escalation.office.valuesEthics': 'bureau des valeurs et de l’éthique',
    'escalation.office.ombud': 'Ombud',
    'escalation.officeThe.valuesEthics': 'le bureau des valeurs et de l’éthique',
    'escalation.officeThe.ombud': 'l’Ombud',
    'escalation.officeTo.valuesEthics': 'au bureau des valeurs et de l’éthique',
    'escalation.officeTo.ombud': 'à l’Ombud',
    'escalation.officeOf.valuesEthics': 'du bureau des valeurs et de l’éthique',
    'escalation.officeOf.ombud': 'de l’Ombud',
    'escalation.officeBy.valuesEthics': 'par le bureau des valeurs et de l’éthique',
    'escalation.officeBy.ombud': 'par l’Ombud',
    'escalation.officeTitle.valuesEthics': 'Bureau des valeurs et de l’éthique',
    'escalation.officeTitle.ombud': 'Ombud',
    'escalation.officeAbout.valuesEthics':
      'vous conseille sur l’application du Code de valeurs et d’éthique du secteur public à la situation.',
    'escalation.officeAbout.ombud':
      'est confidentiel, impartial, indépendant et informel : un endroit pour discuter d’une situation difficile et examiner vos options.',
    'escalation.contactDefault': '{the} de votre organisation (votre intranet indique comment le joindre)',
    'escalation.intro':
      'J’enverrai votre demande à un bureau sous forme de cas. Vous choisissez le bureau, décrivez brièvement la situation et voyez exactement ce que le bureau verra avant tout envoi. Tapez « annuler » à tout moment.',
    'escalation.chooseOffice':
      'Quel bureau doit la recevoir?\n\n- **Bureau des valeurs et de l’éthique** : {veAbout}\n- **Ombud** : {ombudAbout}',
    'escalation.noChannel':
      'Aucun canal Teams n’a encore été relié pour {the}; je ne peux donc pas envoyer votre demande. Veuillez le joindre directement : {contact}. Rien n’a été envoyé ni conservé.',
    'escalation.summary.ask':
      'Décrivez la situation en quelques phrases et ce dont vous avez besoin de la part du bureau.\n\n**À inclure** : ce qui s’est passé, en termes généraux; ce que vous avez fait jusqu’ici; votre question.\n\n**À omettre** : les noms, sauf si le bureau en a besoin pour vous aider; une copie ou une capture de la publication, sauf si elle est nécessaire; tout ce qui touche la santé ou la vie privée d’une personne.',
    'escalation.summary.tooShort': 'Veuillez écrire au moins une courte phrase.',
    'escalation.summary.tooLong':
      'Veuillez vous limiter à {limit} caractères; le bureau vous demandera des précisions au besoin.',
    'escalation.pii.warn':
      'Votre texte semble contenir {kinds}. Le bureau n’en a pas besoin pour commencer, et ce serait conservé avec le cas. Voulez-vous le réécrire ou le garder tel quel?',
    'escalation.pii.email': 'une adresse courriel',
    'escalation.pii.phone': 'un numéro de téléphone',
    'escalation.pii.sin': 'un numéro d’assurance sociale',
    'escalation.pii.and': ' et ',
    'escalation.pii.rewrite': 'Le réécrire',
    'escalation.pii.keep': 'Le garder tel quel',
    'escalation.record.ask':
      'Joindre votre dossier « J’ai vu une publication » à la demande? Le bureau verrait les étapes que vous avez suivies, pas vos notes personnelles.',
    'escalation.record.attach': 'Joindre le dossier',
    'escalation.record.skip': 'Ne pas joindre',
    'escalation.urgency.ask': 'Quel est le degré d’urgence?',
    'escalation.urgency.routine': 'Courant',
    'escalation.urgency.timeSensitive': 'Délai serré',
    'escalation.urgency.urgent': 'Urgent',
    'escalation.contact.ask':
      'Comment voulez-vous que le bureau communique avec vous? Il utilise vos coordonnées professionnelles de l’annuaire : vous n’avez pas à les taper.',
    'escalation.contact.teamsChat': 'Clavardage Teams',
    'escalation.contact.phone': 'Téléphone',
    'escalation.contact.email': 'Courriel',
    'escalation.consent.ask':
      'Voici exactement ce que {the} verra, avec votre nom pour qu’il puisse vous joindre. Rien n’est envoyé avant que vous choisissiez « L’envoyer ».',
    'escalation.consent.send': 'L’envoyer',
    'escalation.consent.edit': 'Modifier le résumé',
    'escalation.consent.cancel': 'Annuler',
    'escalation.retry': 'Veuillez choisir l’une des options.',
    'escalation.cancelled': 'Rien n’a été envoyé, et votre texte n’a pas été conservé.',
    'escalation.notSent': 'Votre demande en cours n’a pas été envoyée, et son texte n’a pas été conservé.',
    'escalation.help':
      'Vous préparez une demande à un bureau, à la question {where}. Rien n’est envoyé avant que vous choisissiez « L’envoyer ». Tapez « retour » pour la question précédente (vos réponses sont conservées) ou « annuler » pour arrêter : rien n’est envoyé.',
    'escalation.where.office': 'sur le bureau qui doit la recevoir',
    'escalation.where.summary': 'qui vous demande de décrire la situation',
    'escalation.where.pii': 'sur les renseignements personnels de votre texte',
    'escalation.where.record': 'sur la pièce jointe de votre dossier « J’ai vu une publication »',
    'escalation.where.urgency': 'sur le degré d’urgence',
    'escalation.where.contact': 'sur la façon dont le bureau doit vous joindre',
    'escalation.where.consent': 'qui vous demande de vérifier ce que le bureau verra',
    'escalation.already':
      'Vous préparez déjà une demande; rien n’a encore été envoyé. Voici où vous en êtes :',
    'escalation.atStart': 'C’est la première question : il n’y a rien avant.',
    'escalation.summary.previous':
      'Ce que vous aviez écrit : « {summary} ». Tapez « garder » pour le garder, ou envoyez un nouveau texte.',
    'escalation.record.askDraft':
      'Joindre ce que vous avez noté jusqu’ici dans « J’ai vu une publication » (vous étiez à l’étape {n} sur {total})? Le bureau verrait vos choix, pas vos notes personnelles. Ensuite, vous reviendrez au parcours, avec vos notes conservées.',
    'escalation.created':
      'Votre demande **{caseId}** est enregistrée et est en cours d’envoi {to}. La suite : une personne du bureau la prend en charge et communique avec vous de la façon choisie ({contact}). Je vous informerai ici quand elle arrivera au bureau, quand elle sera prise en charge, si le bureau a une question et quand elle sera fermée. Tapez « mes cas » pour en voir l’état.',
    'escalation.posted': 'Votre demande {caseId} est arrivée {to}.',
    'escalation.alreadySent':
      'Votre demande **{caseId}** a déjà été envoyée {to}. Rien de nouveau n’a été créé. Tapez « mes cas » pour en voir l’état.',
    'escalation.consent.stale':
      'Cette demande n’est plus ouverte : rien n’a été envoyé. Tapez « consulter » pour en commencer une nouvelle.',
    'escalation.undelivered':
      'Je n’ai pas pu remettre votre demande {caseId} {to} : je n’ai plus accès à son canal Teams. Votre demande est enregistrée, mais le bureau ne l’a pas vue. Veuillez le joindre directement : {contact}.',
    'escalation.assigned': '{name}, {of}, a pris en charge votre demande {caseId}.',
    'escalation.reopened': 'Votre demande {caseId} a été rouverte {by} : {name} s’en occupe.',
    'escalation.thread.answered':
      '{who} : le gestionnaire a répondu à votre question sur {caseId}. La réponse figure sur la carte.',
    'escalation.thread.urgent':
      '{who} : la demande urgente {caseId} vient d’arriver et personne ne s’en occupe encore. Pour la prendre, utilisez « {assign} » sur la carte.',
    'escalation.reminder.to': 'Rappel pour {who} : {notice}',
    'escalation.reminder.plain': 'Rappel : {notice}',
    'escalation.reminder.unassigned':
      'la demande {caseId} attend depuis {hours} et personne ne s’en occupe. Pour la prendre, utilisez « {assign} » sur la carte.',
    'escalation.reminder.ageing':
      'la demande {caseId} est sans activité depuis {hours}. Passez à l’étape suivante sur la carte, ou remettez-la au bureau si quelqu’un d’autre doit s’en occuper.',
    'escalation.reminder.hours.one': '1 heure ouvrable',
    'escalation.reminder.hours.other': '{n} heures ouvrables',
    'escalation.closed':
      'Votre demande {caseId} a été fermée {by}. Résultat : {outcome}. Tapez « mes cas » pour obtenir une copie du cas.',
    'escalation.closedNote': 'La note du bureau : {note}',
    'escalation.question.title': 'Question {of} sur votre demande {caseId}',
    'escalation.question.placeholder': 'Votre réponse',
    'escalation.question.send': 'Envoyer ma réponse',
    'escalation.question.privacy': 'Votre réponse est ajoutée au cas; seul le bureau la voit.',
    'escalation.answer.thanks': 'Merci. Votre réponse a été ajoutée au cas {caseId}.',
    'escalation.answer.empty': 'Veuillez taper une réponse avant de l’envoyer.',
    'escalation.answer.already': 'Cette question a déjà une réponse.',
    'escalation.answer.closed': 'Ce cas est fermé; votre réponse n’a pas été ajoutée.',
    'escalation.status.new': 'Nouveau',
    'escalation.status.assigned': 'Pris en charge',
    'escalation.status.waiting': 'En attente du gestionnaire',
    'escalation.status.closed': 'Fermé',
    'escalation.delivery.undelivered': 'Non remis',
    'escalation.outcome.adviceGiven': 'Conseils donnés',
    'escalation.outcome.referredHr': 'Renvoyé aux ressources humaines',
    'escalation.outcome.referredLabourRelations': 'Renvoyé aux relations de travail',
    'escalation.outcome.noFurtherAction': 'Aucune autre mesure',
    'escalation.card.title': 'Demande {caseId}',
    'escalation.card.confidentialTitle': 'Demande confidentielle {caseId}',
    'escalation.card.confidentialNote':
      'Une demande confidentielle a été reçue. Ses détails ne sont transmis qu’à la personne qui la prend en charge.',
    'escalation.card.from': 'De',
    'escalation.card.urgency': 'Urgence',
    'escalation.card.received': 'Reçue',
    'escalation.card.age': 'Âge',
    'escalation.card.status': 'État',
    'escalation.card.assignee': 'Prise en charge par',
    'escalation.card.nobody': 'Personne pour l’instant',
    'escalation.card.contact': 'Joindre par',
    'escalation.card.language': 'Langue officielle du gestionnaire',
    'escalation.card.openBoard': 'L’ouvrir dans le tableau des cas',
    'escalation.card.chatManager': 'Clavarder avec le gestionnaire dans Teams',
    'escalation.language.en': 'anglais',
    'escalation.language.fr': 'français',
    'escalation.card.summary': 'Résumé',
    'escalation.card.record': 'Dossier « J’ai vu une publication » joint',
    'escalation.card.question': 'Question du bureau',
    'escalation.card.answer': 'Réponse du gestionnaire',
    'escalation.card.noAnswer': 'Pas encore de réponse',
    'escalation.card.outcome': 'Résultat',
    'escalation.card.note': 'Note',
    'escalation.card.assign': 'Me l’attribuer',
    'escalation.card.takeOver': 'Le prendre en charge',
    'escalation.card.release': 'Le remettre au bureau',
    'escalation.card.reopen': 'Rouvrir',
    'escalation.card.ask': 'Demander des précisions',
    'escalation.card.askLabel':
      'Question pour le gestionnaire (il la reçoit dans une conversation personnelle)',
    'escalation.card.askSend': 'Envoyer la question',
    'escalation.card.close': 'Fermer',
    'escalation.card.closeOutcome': 'Résultat',
    'escalation.card.closeNote': 'Note (incluse dans la copie du cas remise au gestionnaire)',
    'escalation.card.closeSend': 'Fermer le cas',
    'escalation.age.minutes': 'moins d’une heure',
    'escalation.age.hours': '{count} h',
    'escalation.age.days': '{count} j',
    'escalation.office.denied':
      'Seuls les membres de l’équipe du bureau peuvent agir sur ses cas. Rien n’a été modifié.',
    'escalation.office.taken': '{name} a ce cas. Rien n’a été modifié.',
    'escalation.office.closed': 'Ce cas est fermé. Rien n’a été modifié.',
    'escalation.office.notClosed': 'Ce cas est ouvert : il n’y a rien à rouvrir.',
    'escalation.office.reopenExpired':
      'Ce cas a été fermé il y a plus de {days} jours et ne peut plus être rouvert. Rien n’a été modifié.',
    'escalation.office.notAssignee':
      'Seule la personne qui a ce cas ({name}) peut faire cela. Rien n’a été modifié.',
    'escalation.office.notFound':
      'Ce cas n’existe plus (il a peut-être été supprimé à la fin de sa période de conservation).',
    'escalation.office.askEmpty': 'Veuillez taper une question pour le gestionnaire.',
    'escalation.office.asked':
      'Votre question a été envoyée au gestionnaire. Sa réponse s’affichera sur la carte.',
    'escalation.office.askNoChat':
      'La question est enregistrée dans le cas, mais le gestionnaire n’a pas de conversation avec moi; je n’ai donc pas pu la lui envoyer. Veuillez le joindre ({contact}).',
    'escalation.office.closeOutcome': 'Veuillez choisir un résultat.',
    'escalation.office.noteRequired':
      'Un cas urgent ou à délai serré ne se ferme pas sans une note sur ce qui a été fait. Rien n’a été modifié.',
    'escalation.office.details':
      'Détails de la demande confidentielle {caseId}, pour vous, en tant que personne qui l’a prise en charge.',
    'escalation.register.done':
      'Ce canal reçoit maintenant les demandes destinées {to}. Chacune y est publiée dans un nouveau fil; seuls les membres de cette équipe peuvent y donner suite.',
    'escalation.register.refused':
      'Seul un propriétaire de cette équipe ou un administrateur de bureau désigné dans la configuration peut enregistrer le canal d’un bureau. Rien n’a été modifié.',
    'escalation.register.channelOnly':
      'Pour enregistrer le canal d’un bureau, mentionnez-moi dans ce canal : « @{botName} enregistrer valeurs et éthique » ou « @{botName} enregistrer ombud ».',
    'escalation.myCases.title': 'Mes cas',
    'escalation.myCases.empty':
      'Vous n’avez aucun cas. Tapez « consulter » pour envoyer une demande au bureau des valeurs et de l’éthique ou à l’Ombud.',
    'escalation.myCases.line': '{caseId} : {office}, {status}, envoyée le {date}',
    'escalation.myCases.copy': 'Copie de {caseId}',
    'escalation.myCases.more': 'Vos {count} cas les plus récents sont affichés.',
    'escalation.copy.title': 'Copie du cas {caseId}',
    'escalation.copy.office': 'Bureau',
    'escalation.copy.history': 'Historique',
    'escalation.copy.notFound': 'Je n’ai pas trouvé ce cas parmi les vôtres.',
    'escalation.audit.created': 'Créé',
    'escalation.audit.posted': 'Remis au bureau',
    'escalation.audit.undelivered': 'N’a pas pu être remis',
    'escalation.audit.assigned': 'Pris en charge',
    'escalation.audit.informationRequested': 'Précisions demandées',
    'escalation.audit.answered': 'Réponse donnée',
    'escalation.audit.closed': 'Fermé',
    'escalation.audit.purged': 'Supprimé',
    'escalation.audit.unassigned': 'Remis au bureau',
    'escalation.audit.reopened': 'Rouvert',
    'escalation.audit.reminded': 'Rappel publié pour le bureau',
    'escalation.audit.byYou': 'par vous',
    'escalation.audit.byOffice': 'par le bureau',
    'escalation.audit.bySystem': 'automatiquement',
    'escalation.recordText': 'Dossier « J’ai vu une publication » du {date}. {answers}',
    'escalation.recordText.draft':
      'Parcours « J’ai vu une publication » en cours ({date}, à l’étape {n} sur {total}). {answers}',
    'escalation.recordText.answer': 'À la question « {question} », le gestionnaire a répondu « {answer} ».',
    'escalation.recordText.noViolationYet':
      'Le gestionnaire n’a pas encore dit si la publication contrevient clairement au Code.',
    'escalation.recordText.topics':
      'Questions que le gestionnaire a choisi de poser aux experts de l’organisation : {topics}.',
    'escalation.recordText.noTopics':
      'Le gestionnaire n’a choisi aucune question pour les experts de l’organisation.',
    'escalation.recordText.quoted': '« {text} »',
  },
});
