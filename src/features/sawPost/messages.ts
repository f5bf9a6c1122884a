import { defineMessages } from '../../shared/i18n/define';

/**
 * The "I saw a post" walk-through and its records. Framing only: every guidance sentence on these cards
 * comes verbatim from content/, never from here. Nothing here judges a person or recommends a measure.
 */
export const sawPost = defineMessages({
  en: {
    'sawPost.title': 'I saw a post',
    'sawPost.stepLabel': 'I saw a post · Step {n} of {total}',
    'sawPost.guidanceLabel': 'What the guidance says',
    'sawPost.source': 'Source: “{title}”, canada.ca',
    'sawPost.continue': 'Continue',
    'sawPost.next': 'Next',
    'sawPost.back': 'Back',
    'sawPost.createRecord': 'Create my record',
    'sawPost.hint.single':
      'Choose an option, or type its number. Type “back” to go back or “cancel” to stop.',
    'sawPost.hint.multi':
      'Tick all that apply, or type their numbers (for example “1, 3”), “all” or “none”. Type “back” to go back.',
    'sawPost.hint.note':
      'Typing instead? Send “next”, or “note:” followed by your note. Type “back” to go back.',
    'sawPost.hint.last':
      'Typing instead? Send “note:” followed by your note to add it, then “create” to create your record. Type “back” to go back.',
    'sawPost.chooseOne': 'Please choose one of the options.',
    'sawPost.invalidClick':
      'Nothing was chosen. Tick one of the options on the card above, then choose “Next”. Your earlier answers are kept.',
    'sawPost.noted':
      'Your note is added; nothing is recorded yet. Check it on the card below, then choose “Create my record” (or type “create”).',
    'sawPost.resumeAfterEscalation':
      'Back to “I saw a post”, step {n} of {total}. Your answers and notes are kept: carry on when you are ready.',
    'sawPost.noteLabel':
      'Private note (optional). No names, please: describe what you considered, not the person.',
    'sawPost.notePlaceholder': 'What I considered…',
    'sawPost.framing.heading': 'Before you start',
    'sawPost.framing.body':
      'I will walk you through what the guidance says, one short step at a time, and leave you with a private record of what you considered. I do not judge the post or the person, and I do not decide anything.',
    'sawPost.framing.privacy':
      'Do not type the employee’s name or paste the post: I do not need them. Your notes are private to you and deleted after {days} days.',
    'sawPost.how.heading': 'How did the post come to your attention?',
    'sawPost.how.media': 'A media query',
    'sawPost.how.public': 'A comment from a member of the public',
    'sawPost.how.colleague': 'A colleague saw it and reported it',
    'sawPost.how.socialMedia': 'It was highlighted on social media',
    'sawPost.how.professionalNetwork': 'It was shared on a professional network page',
    'sawPost.how.other': 'Another way',
    'sawPost.how.mediaNote':
      'Because a journalist is asking, involve your communications (media relations) team now: do not comment yourself, and follow your organization’s protocols for media requests.',
    'sawPost.violation.heading': 'Does the post clearly violate the Values and Ethics Code?',
    'sawPost.violation.body':
      'The guidance gives three examples of a clear violation. If you are not sure, choose “I am not sure”: the guidance suggests steps for that case.',
    'sawPost.violation.financialGain': 'Yes: it uses a public service position for private financial gain',
    'sawPost.violation.bullying':
      'Yes: it bullies a colleague or discriminates on grounds protected by the Canadian Human Rights Act',
    'sawPost.violation.disclosure': 'Yes: it discloses protected information without authorization',
    'sawPost.violation.otherViolation': 'Yes: it clearly violates the Code in another way',
    'sawPost.violation.notSure': 'I am not sure',
    'sawPost.protocols.heading': 'Follow your organization’s protocols',
    'sawPost.protocols.body':
      'For a post that clearly violates the Code, the guidance says to follow your organization’s protocols. The card above says whom to contact now. Then create your record: from it you can send the matter to the values and ethics office or the Ombud.',
    'sawPost.urgent.title': 'A post that clearly violates the Values and Ethics Code',
    'sawPost.urgent.1': 'Follow your organization’s protocols for addressing such instances.',
    'sawPost.urgent.2':
      'Involve your values and ethics office, labour relations or human resources, as your protocols say.',
    'sawPost.urgent.3': 'Keep a record of what you considered: I will help you create it next.',
    'sawPost.suggested.heading.context': 'Understand the context',
    'sawPost.suggested.heading.conversations': 'Have honest and open conversations',
    'sawPost.suggested.heading.bias': 'Check your own unconscious biases',
    'sawPost.suggested.heading.wellBeing': 'Consider the person’s well-being',
    'sawPost.suggested.heading.intentions': 'Ask about intentions and goals',
    'sawPost.suggested.body':
      'Suggested step {n} of 5 for a post you are not sure about. Take a moment on it; you can add a private note about what you considered.',
    'sawPost.consult.heading': 'Consult organizational experts',
    'sawPost.consult.body':
      'The guidance says to consult organizational experts to determine the correct approach. Which of these questions will you bring to them? I record what you considered; I never recommend a measure for anyone.',
    'sawPost.consult.recurrence':
      'Is it likely to happen again, and does the employee need more guidance or training?',
    'sawPost.consult.takeDown': 'Should the post be taken down?',
    'sawPost.consult.adminAction': 'Should administrative actions be taken?',
    'sawPost.involve.heading': 'Whom will you involve?',
    'sawPost.involve.body':
      'Depending on the complexity and severity of the situation. Choose all that apply. Your organization’s code of conduct has more resources.',
    'sawPost.office.valuesEthics': 'Values and ethics office',
    'sawPost.office.ombud': 'Ombud',
    'sawPost.office.labourRelations': 'Labour relations',
    'sawPost.office.humanResources': 'Human resources',
    'sawPost.office.conflictOfInterest': 'Conflict of interest office',
    'sawPost.office.other': 'Other relevant parties',
    'sawPost.communicate.heading': 'Communicate the decision and keep supporting',
    'sawPost.communicate.body':
      'Once the decision is made with your experts, communicate it clearly with its repercussions and the expected behaviour, and keep supporting the person, especially if the post went viral or they face backlash or harassment.',
    'sawPost.invalid': 'Sorry, that is not one of the options. Please choose one of these: {options}.',
    'sawPost.invalidMulti':
      'Sorry, I did not recognise those choices. Type their numbers, for example “1, 3”, or “all” or “none”.',
    'sawPost.atStart': 'This is the first step: there is nothing to go back to.',
    'sawPost.stale': 'That button belongs to an earlier step. Here is where you are now.',
    'sawPost.ended':
      'That “I saw a post” walk-through has ended. Type “I saw a post” to start again, or “my records” to see your records.',
    'sawPost.cancelled': 'Stopped. Nothing was recorded and your notes were discarded.',
    'sawPost.help':
      'You are in “I saw a post”, at step {n} of {total}; your answers so far are kept. Choose an option or type its number. Type “back” for the previous step, “escalate” to send the matter to an office (you come back here after, nothing lost), or “cancel” to stop (nothing is recorded). You can also ask a question: I will answer it and bring you back here.',
    'sawPost.resume': 'Back to step {n} of {total} of “I saw a post”:',
    'sawPost.offer.body':
      'Would you like me to walk you through the guidance’s steps for this, one at a time? It ends with a private record of what you considered.',
    'sawPost.offer.button': 'Start “I saw a post”',
    'sawPost.done': 'Done. Type “my records” to see this record again; it is deleted after {days} days.',
    'sawPost.alreadyRecorded':
      'This walk-through was already recorded. Nothing new was created; here is your record.',
    'record.title': 'Your record: I saw a post',
    'record.dates': 'Created {created}; kept until {expires}, then deleted automatically.',
    'record.notVerdict':
      'This record lists what you considered and whom you will consult. It is not a decision about anyone.',
    'record.how': 'How it came to your attention',
    'record.violation': 'Clear violation of the Code?',
    'record.steps': 'Suggested steps you considered',
    'record.consult': 'Questions for organizational experts',
    'record.involve': 'Whom you will involve',
    'record.closingNote': 'Closing note',
    'record.note': 'Your note',
    'record.none': 'None chosen',
    'record.aim': 'Your aim, in the guidance’s words',
    'record.escalateValuesEthics': 'Values and ethics office',
    'record.escalateOmbud': 'Ombud',
    'record.escalateLabel': 'To talk it over with an office, choose one below.',
    'record.startAgain': 'Start again',
    'record.done': 'Done',
    'records.title': 'My records',
    'records.intro':
      'Your “I saw a post” records, newest first. Each is deleted {days} days after it was created.',
    'records.none':
      'You have no records. Records you create with “I saw a post” are kept for {days} days, then deleted.',
    'records.item': '{date}: {how}',
    'records.notFound': 'That record no longer exists: records are deleted after {days} days.',
    'records.open': 'Open',
    'record.copy': 'Send me a copy',
    'record.delete': 'Delete',
    'records.delete.question': 'Delete this record?',
    'records.delete.detail':
      '{title}. A deleted record cannot be recovered. Requests already sent to an office keep what was attached to them.',
    'records.delete.confirm': 'Delete it',
    'records.delete.keep': 'Keep it',
    'records.deleted': 'Your record is deleted. Type “my records” to see the others.',
    'records.alreadyDeleted': 'That record was already deleted. Nothing else was changed.',
    'records.kept': 'Nothing was deleted: your record is kept until {expires}.',
    'records.copy.heading': 'Copy of your “I saw a post” record, to keep',
    'records.copy.fact': '{title}: {value}',
    'records.copy.keep':
      'This copy stays in this chat, visible only to you, after the record itself is deleted on {expires}.',
  },
  fr: {
    'sawPost.title': 'J’ai vu une publication',
    'sawPost.stepLabel': 'J’ai vu une publication · Étape {n} sur {total}',
    'sawPost.guidanceLabel': 'Ce que dit l’orientation',
    'sawPost.source': 'Source : « {title} », canada.ca',
    'sawPost.continue': 'Continuer',
    'sawPost.next': 'Suivant',
    'sawPost.back': 'Retour',
    'sawPost.createRecord': 'Créer mon dossier',
    'sawPost.hint.single':
      'Choisissez une option ou tapez son numéro. Tapez « retour » pour revenir en arrière ou « annuler » pour arrêter.',
    'sawPost.hint.multi':
      'Cochez tout ce qui s’applique, ou tapez les numéros (par exemple « 1, 3 »), « tous » ou « aucun ». Tapez « retour » pour revenir en arrière.',
    'sawPost.hint.note':
      'Vous préférez taper? Envoyez « suivant », ou « note : » suivi de votre note. Tapez « retour » pour revenir en arrière.',
    'sawPost.hint.last':
      'Vous préférez taper? Envoyez « note : » suivi de votre note pour l’ajouter, puis « créer » pour créer votre dossier. Tapez « retour » pour revenir en arrière.',
    'sawPost.chooseOne': 'Veuillez choisir l’une des options.',
    'sawPost.invalidClick':
      'Rien n’a été choisi. Cochez l’une des options de la carte ci-dessus, puis choisissez « Suivant ». Vos réponses précédentes sont conservées.',
    'sawPost.noted':
      'Votre note est ajoutée; rien n’est encore consigné. Vérifiez-la sur la carte ci-dessous, puis choisissez « Créer mon dossier » (ou tapez « créer »).',
    'sawPost.resumeAfterEscalation':
      'Retour à « J’ai vu une publication », étape {n} sur {total}. Vos réponses et vos notes sont conservées : continuez quand vous serez prêt.',
    'sawPost.noteLabel':
      'Note privée (facultative). Aucun nom, s’il vous plaît : décrivez ce que vous avez pris en compte, pas la personne.',
    'sawPost.notePlaceholder': 'Ce que j’ai pris en compte…',
    'sawPost.framing.heading': 'Avant de commencer',
    'sawPost.framing.body':
      'Je vais vous guider dans ce que dit l’orientation, une courte étape à la fois, et vous laisser un dossier privé de ce que vous avez pris en compte. Je ne juge ni la publication ni la personne, et je ne décide de rien.',
    'sawPost.framing.privacy':
      'Ne tapez pas le nom de l’employé et ne collez pas la publication : je n’en ai pas besoin. Vos notes sont privées et supprimées après {days} jours.',
    'sawPost.how.heading': 'Comment la publication a-t-elle été portée à votre attention?',
    'sawPost.how.media': 'Une demande des médias',
    'sawPost.how.public': 'Le commentaire d’un membre du public',
    'sawPost.how.colleague': 'Un collègue l’a vue et signalée',
    'sawPost.how.socialMedia': 'Elle a été mise en évidence dans les médias sociaux',
    'sawPost.how.professionalNetwork': 'Elle a été partagée sur la page d’un réseau professionnel',
    'sawPost.how.other': 'D’une autre façon',
    'sawPost.how.mediaNote':
      'Comme un journaliste pose des questions, faites appel dès maintenant à votre équipe des communications (relations avec les médias) : ne faites pas de commentaire vous-même et suivez les protocoles de votre organisation pour les demandes des médias.',
    'sawPost.violation.heading':
      'La publication contrevient-elle clairement au Code de valeurs et d’éthique?',
    'sawPost.violation.body':
      'L’orientation donne trois exemples de contravention claire. Si vous n’êtes pas certain, choisissez « Je ne suis pas certain » : l’orientation propose des mesures pour ce cas.',
    'sawPost.violation.financialGain':
      'Oui : elle tire parti d’un poste dans la fonction publique pour un gain financier personnel',
    'sawPost.violation.bullying':
      'Oui : elle intimide un collègue ou fait de la discrimination pour un motif protégé par la Loi canadienne sur les droits de la personne',
    'sawPost.violation.disclosure': 'Oui : elle divulgue des renseignements protégés sans autorisation',
    'sawPost.violation.otherViolation': 'Oui : elle contrevient clairement au Code d’une autre façon',
    'sawPost.violation.notSure': 'Je ne suis pas certain',
    'sawPost.protocols.heading': 'Suivez les protocoles de votre organisation',
    'sawPost.protocols.body':
      'Pour une publication qui contrevient clairement au Code, l’orientation dit de suivre les protocoles de votre organisation. La carte ci-dessus indique qui joindre maintenant. Créez ensuite votre dossier : vous pourrez de là soumettre la question au bureau des valeurs et de l’éthique ou à l’ombud.',
    'sawPost.urgent.title': 'Une publication qui contrevient clairement au Code de valeurs et d’éthique',
    'sawPost.urgent.1': 'Suivez les protocoles de votre organisation pour traiter ces situations.',
    'sawPost.urgent.2':
      'Faites appel à votre bureau des valeurs et de l’éthique, aux relations de travail ou aux ressources humaines, selon vos protocoles.',
    'sawPost.urgent.3':
      'Consignez ce que vous avez pris en compte : je vous aiderai à créer ce dossier ensuite.',
    'sawPost.suggested.heading.context': 'Comprendre le contexte',
    'sawPost.suggested.heading.conversations': 'Avoir des conversations honnêtes et ouvertes',
    'sawPost.suggested.heading.bias': 'Examiner vos propres préjugés inconscients',
    'sawPost.suggested.heading.wellBeing': 'Tenir compte du bien-être de la personne',
    'sawPost.suggested.heading.intentions': 'Demander les intentions et les objectifs',
    'sawPost.suggested.body':
      'Mesure suggérée {n} sur 5 pour une publication dont vous n’êtes pas certain. Prenez un moment pour y réfléchir; vous pouvez ajouter une note privée sur ce que vous avez pris en compte.',
    'sawPost.consult.heading': 'Consulter les experts de votre organisation',
    'sawPost.consult.body':
      'L’orientation dit de consulter les experts de votre organisation pour déterminer la bonne façon de réagir. Lesquelles de ces questions leur poserez-vous? Je consigne ce que vous avez pris en compte; je ne recommande jamais de mesure à l’égard de qui que ce soit.',
    'sawPost.consult.recurrence':
      'Le problème risque-t-il de se reproduire, et l’employé a-t-il besoin d’orientation ou de formation supplémentaire?',
    'sawPost.consult.takeDown': 'La publication devrait-elle être retirée?',
    'sawPost.consult.adminAction': 'Des mesures administratives devraient-elles être prises?',
    'sawPost.involve.heading': 'À qui ferez-vous appel?',
    'sawPost.involve.body':
      'Selon la complexité et la gravité de la situation. Choisissez tout ce qui s’applique. Le code de conduite de votre organisation offre d’autres ressources.',
    'sawPost.office.valuesEthics': 'Bureau des valeurs et de l’éthique',
    'sawPost.office.ombud': 'Ombud',
    'sawPost.office.labourRelations': 'Relations de travail',
    'sawPost.office.humanResources': 'Ressources humaines',
    'sawPost.office.conflictOfInterest': 'Bureau des conflits d’intérêts',
    'sawPost.office.other': 'Autres parties concernées',
    'sawPost.communicate.heading': 'Communiquer la décision et continuer d’offrir du soutien',
    'sawPost.communicate.body':
      'Une fois la décision prise avec vos experts, communiquez-la clairement, avec ses conséquences et le comportement attendu, et continuez de soutenir la personne, surtout si la publication est devenue virale ou si elle subit des réactions négatives ou du harcèlement.',
    'sawPost.invalid':
      'Désolé, ce n’est pas l’une des options. Veuillez choisir l’une de celles-ci : {options}.',
    'sawPost.invalidMulti':
      'Désolé, je n’ai pas reconnu ces choix. Tapez leurs numéros, par exemple « 1, 3 », ou « tous » ou « aucun ».',
    'sawPost.atStart': 'C’est la première étape : il n’y a rien avant.',
    'sawPost.stale': 'Ce bouton appartient à une étape précédente. Voici où vous en êtes.',
    'sawPost.ended':
      'Ce parcours « J’ai vu une publication » est terminé. Tapez « j’ai vu une publication » pour recommencer, ou « mes dossiers » pour voir vos dossiers.',
    'sawPost.cancelled': 'Arrêté. Rien n’a été consigné et vos notes ont été supprimées.',
    'sawPost.help':
      'Vous êtes dans « J’ai vu une publication », à l’étape {n} sur {total}; vos réponses sont conservées. Choisissez une option ou tapez son numéro. Tapez « retour » pour l’étape précédente, « consulter » pour soumettre la question à un bureau (vous reviendrez ici ensuite, sans rien perdre) ou « annuler » pour arrêter (rien n’est consigné). Vous pouvez aussi poser une question : j’y répondrai, puis nous reviendrons ici.',
    'sawPost.resume': 'Retour à l’étape {n} sur {total} de « J’ai vu une publication » :',
    'sawPost.offer.body':
      'Voulez-vous que je vous guide dans les étapes que propose l’orientation, une à la fois? Le parcours se termine par un dossier privé de ce que vous avez pris en compte.',
    'sawPost.offer.button': 'Commencer « J’ai vu une publication »',
    'sawPost.done':
      'Terminé. Tapez « mes dossiers » pour revoir ce dossier; il est supprimé après {days} jours.',
    'sawPost.alreadyRecorded':
      'Ce parcours était déjà consigné. Rien de nouveau n’a été créé; voici votre dossier.',
    'record.title': 'Votre dossier : J’ai vu une publication',
    'record.dates': 'Créé le {created}; conservé jusqu’au {expires}, puis supprimé automatiquement.',
    'record.notVerdict':
      'Ce dossier indique ce que vous avez pris en compte et qui vous consulterez. Ce n’est une décision à l’égard de personne.',
    'record.how': 'Comment elle a été portée à votre attention',
    'record.violation': 'Contravention claire au Code?',
    'record.steps': 'Mesures suggérées prises en compte',
    'record.consult': 'Questions pour les experts de l’organisation',
    'record.involve': 'À qui vous ferez appel',
    'record.closingNote': 'Note finale',
    'record.note': 'Votre note',
    'record.none': 'Aucun choix',
    'record.aim': 'Votre objectif, selon l’orientation',
    'record.escalateValuesEthics': 'Bureau des valeurs et de l’éthique',
    'record.escalateOmbud': 'Ombud',
    'record.escalateLabel': 'Pour en discuter avec un bureau, choisissez-le ci-dessous.',
    'record.startAgain': 'Recommencer',
    'record.done': 'Terminé',
    'records.title': 'Mes dossiers',
    'records.intro':
      'Vos dossiers « J’ai vu une publication », du plus récent au plus ancien. Chacun est supprimé {days} jours après sa création.',
    'records.none':
      'Vous n’avez aucun dossier. Les dossiers créés avec « J’ai vu une publication » sont conservés {days} jours, puis supprimés.',
    'records.item': '{date} : {how}',
    'records.notFound': 'Ce dossier n’existe plus : les dossiers sont supprimés après {days} jours.',
    'records.open': 'Ouvrir',
    'record.copy': 'M’envoyer une copie',
    'record.delete': 'Supprimer',
    'records.delete.question': 'Supprimer ce dossier?',
    'records.delete.detail':
      '{title}. Un dossier supprimé ne peut pas être récupéré. Les demandes déjà envoyées à un bureau gardent ce qui y était joint.',
    'records.delete.confirm': 'Le supprimer',
    'records.delete.keep': 'Le garder',
    'records.deleted': 'Votre dossier est supprimé. Tapez « mes dossiers » pour voir les autres.',
    'records.alreadyDeleted': 'Ce dossier était déjà supprimé. Rien d’autre n’a été modifié.',
    'records.kept': 'Rien n’a été supprimé : votre dossier est conservé jusqu’au {expires}.',
    'records.copy.heading': 'Copie de votre dossier « J’ai vu une publication », à conserver',
    'records.copy.fact': '{title} : {value}',
    'records.copy.keep':
      'Cette copie reste dans cette conversation, visible de vous seul, après la suppression du dossier le {expires}.',
  },
});
