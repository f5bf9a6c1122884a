import { defineMessages } from '../../shared/i18n/define';

/** Strings of the talking-point and discussion-guide cards and of posting them to a team channel. */
export const talkingPoints = defineMessages({
  en: {
    'talkingPoints.card.title': 'Talking points: personal social media',
    'talkingPoints.card.lead':
      'Points from the Government of Canada guidance for managers, to discuss with your team.',
    'talkingPoints.guide.card.title': 'Discussion guide: personal social media',
    'talkingPoints.guide.card.lead':
      'A guide for a team conversation, quoting the Government of Canada guidance for managers.',
    'talkingPoints.guide.section.why': 'Why the guidance matters',
    'talkingPoints.guide.section.applies': 'How it applies to us',
    'talkingPoints.guide.section.ethics': 'Making ethical decisions',
    'talkingPoints.guide.section.support': 'Where to turn',
    'talkingPoints.guide.section.safeSpace': 'A psychologically safe space to raise concerns',
    'talkingPoints.guide.resourceNote':
      'Summaries of related resources are written by this app; they are not official wording.',
    'talkingPoints.card.source': 'Source: {link}',
    'talkingPoints.card.workingTranslation':
      'Working translation (the official French text was not available to this app).',
    'talkingPoints.card.officialFrench': 'Official French page',
    'talkingPoints.card.showOther': 'Français',
    'talkingPoints.card.postToChannel': 'Post to a team channel',
    'talkingPoints.card.useful': 'Useful for my team',
    'talkingPoints.card.usefulCount.zero': 'No one has marked this useful for their team yet.',
    'talkingPoints.card.usefulCount.one': '1 person found this useful for their team.',
    'talkingPoints.card.usefulCount.many': '{count} people found this useful for their team.',
    'talkingPoints.card.automated':
      'Posted with the Social Media Guidance app. It quotes official guidance and makes no decisions about anyone.',
    'talkingPoints.post.noTeams':
      'I am not in any team you belong to yet, so I cannot post there. To add me: in Teams, open Apps, find "{botName}", select "Add to a team" and choose your team. Then type "talking points" here again.',
    'talkingPoints.post.chooseTeam.title': 'Which team?',
    'talkingPoints.post.chooseTeam.text': 'Choose the team, or type its number or name.',
    'talkingPoints.post.chooseTeam.more': 'Other teams (type the number):',
    'talkingPoints.post.chooseChannel.title': 'Which channel of {team}?',
    'talkingPoints.post.chooseChannel.text': 'Choose the channel, or type its number or name.',
    'talkingPoints.post.general': 'General',
    'talkingPoints.post.notUnderstood':
      'I did not find that in the list. Choose a button, type a number from the list, or type "cancel" to stop.',
    'talkingPoints.post.intro.title': 'Add a short introduction? (optional)',
    'talkingPoints.post.intro.text':
      'It appears above the card, as you type it (up to {limit} characters). Please do not write about a person or a situation: the whole team will read it.',
    'talkingPoints.post.intro.label': 'Introduction',
    'talkingPoints.post.intro.placeholder': 'For our team meeting on Thursday',
    'talkingPoints.post.intro.continue': 'Continue',
    'talkingPoints.post.intro.skip': 'No introduction',
    'talkingPoints.post.intro.tooLong':
      'That introduction has {length} characters; the limit is {limit}. Please shorten it, or choose "No introduction".',
    'talkingPoints.post.confirm.title': 'Ready to post',
    'talkingPoints.post.confirm.where': 'Where',
    'talkingPoints.post.confirm.what': 'What',
    'talkingPoints.post.confirm.intro': 'Introduction',
    'talkingPoints.post.confirm.noIntro': '(none)',
    'talkingPoints.post.confirm.post': 'Post',
    'talkingPoints.post.confirm.cancel': 'Cancel',
    'talkingPoints.post.confirm.hint': 'Select "Post", or type "post". Type "cancel" to stop.',
    'talkingPoints.post.kind.talkingPoints': 'Talking points',
    'talkingPoints.post.kind.discussionGuide': 'Discussion guide',
    'talkingPoints.post.done': 'Posted in {where}. [Open the post]({link})',
    'talkingPoints.post.already': 'This was already posted in {where}. [Open the post]({link})',
    'talkingPoints.post.inProgress': 'I am already posting this card. Wait a moment, then check {where}.',
    'talkingPoints.post.expired':
      'That confirmation is no longer available. Type "talking points" to start again.',
    'talkingPoints.post.cancelled': 'Cancelled: nothing was posted.',
    'talkingPoints.post.failed.forbidden':
      'I could not post in {where}: I have been removed from that team or blocked there. Ask a team owner to add "{botName}" to the team again, then try once more.',
    'talkingPoints.post.failed.notFound':
      'I could not find {where}: the channel may have been deleted. Start again to choose another channel.',
    'talkingPoints.post.failed.throttled':
      'Teams is busy, so the card was not posted. Try again in a minute: select "Post" again.',
    'talkingPoints.post.failed.unavailable':
      'Teams did not answer properly, so I cannot tell whether the card was posted in {where}. Please check the channel before posting it again (type "talking points" to start a new post).',
    'talkingPoints.post.failed.rejected':
      'Teams refused the card, so nothing was posted. Please tell your IT help desk.',
    'talkingPoints.post.teamGone':
      'I can no longer reach {team}: I may have been removed from it. Ask a team owner to add "{botName}" to the team again.',
    'talkingPoints.post.channel.failed':
      'Teams is not answering right now, so I cannot list the channels. Try again in a minute.',
    'talkingPoints.post.personalOnly':
      'To post in a team channel, use our personal chat, or mention me in the channel with "talking points".',
    'talkingPoints.vote.thanks': 'Thanks: your vote was counted.',
    'talkingPoints.vote.already': 'You have already marked this useful; each person counts once.',
    'talkingPoints.vote.unknown': 'I no longer have a record of this card, so the vote was not counted.',
    'talkingPoints.view.unknown': 'I no longer have a record of this card; the text above is unchanged.',
  },
  fr: {
    'talkingPoints.card.title': 'Points de discussion : médias sociaux personnels',
    'talkingPoints.card.lead':
      'Des points tirés de l’orientation du gouvernement du Canada à l’intention des gestionnaires, à aborder avec votre équipe.',
    'talkingPoints.guide.card.title': 'Guide de discussion : médias sociaux personnels',
    'talkingPoints.guide.card.lead':
      'Un guide pour une conversation d’équipe, qui cite l’orientation du gouvernement du Canada à l’intention des gestionnaires.',
    'talkingPoints.guide.section.why': 'Pourquoi l’orientation est importante',
    'talkingPoints.guide.section.applies': 'Comment elle s’applique à nous',
    'talkingPoints.guide.section.ethics': 'Prendre des décisions éthiques',
    'talkingPoints.guide.section.support': 'Vers qui se tourner',
    'talkingPoints.guide.section.safeSpace':
      'Un espace psychologiquement sécuritaire pour soulever des préoccupations',
    'talkingPoints.guide.resourceNote':
      'Les résumés des ressources connexes sont rédigés par cette application; ils ne constituent pas un libellé officiel.',
    'talkingPoints.card.source': 'Source : {link}',
    'talkingPoints.card.workingTranslation':
      'Traduction de travail (le texte français officiel n’était pas accessible à cette application).',
    'talkingPoints.card.officialFrench': 'Page officielle en français',
    'talkingPoints.card.showOther': 'English',
    'talkingPoints.card.postToChannel': 'Publier dans un canal d’équipe',
    'talkingPoints.card.useful': 'Utile pour mon équipe',
    'talkingPoints.card.usefulCount.zero': 'Personne n’a encore indiqué que c’était utile pour son équipe.',
    'talkingPoints.card.usefulCount.one': '1 personne a trouvé cela utile pour son équipe.',
    'talkingPoints.card.usefulCount.many': '{count} personnes ont trouvé cela utile pour leur équipe.',
    'talkingPoints.card.automated':
      'Publié avec l’application Orientation médias sociaux. Elle cite l’orientation officielle et ne prend aucune décision à l’égard de qui que ce soit.',
    'talkingPoints.post.noTeams':
      'Je ne fais encore partie d’aucune équipe dont vous êtes membre, alors je ne peux pas y publier. Pour m’ajouter : dans Teams, ouvrez Applications, cherchez « {botName} », choisissez « Ajouter à une équipe » et sélectionnez votre équipe. Tapez ensuite de nouveau « points de discussion » ici.',
    'talkingPoints.post.chooseTeam.title': 'Quelle équipe?',
    'talkingPoints.post.chooseTeam.text': 'Choisissez l’équipe, ou tapez son numéro ou son nom.',
    'talkingPoints.post.chooseTeam.more': 'Autres équipes (tapez le numéro) :',
    'talkingPoints.post.chooseChannel.title': 'Quel canal de {team}?',
    'talkingPoints.post.chooseChannel.text': 'Choisissez le canal, ou tapez son numéro ou son nom.',
    'talkingPoints.post.general': 'Général',
    'talkingPoints.post.notUnderstood':
      'Je n’ai pas trouvé cela dans la liste. Choisissez un bouton, tapez un numéro de la liste, ou tapez « annuler » pour arrêter.',
    'talkingPoints.post.intro.title': 'Ajouter une courte introduction? (facultatif)',
    'talkingPoints.post.intro.text':
      'Elle s’affiche au-dessus de la carte, telle que vous la tapez (jusqu’à {limit} caractères). Veuillez ne pas écrire au sujet d’une personne ou d’une situation : toute l’équipe la lira.',
    'talkingPoints.post.intro.label': 'Introduction',
    'talkingPoints.post.intro.placeholder': 'Pour notre réunion d’équipe de jeudi',
    'talkingPoints.post.intro.continue': 'Continuer',
    'talkingPoints.post.intro.skip': 'Aucune introduction',
    'talkingPoints.post.intro.tooLong':
      'Cette introduction compte {length} caractères; la limite est de {limit}. Veuillez la raccourcir, ou choisissez « Aucune introduction ».',
    'talkingPoints.post.confirm.title': 'Prêt à publier',
    'talkingPoints.post.confirm.where': 'Où',
    'talkingPoints.post.confirm.what': 'Quoi',
    'talkingPoints.post.confirm.intro': 'Introduction',
    'talkingPoints.post.confirm.noIntro': '(aucune)',
    'talkingPoints.post.confirm.post': 'Publier',
    'talkingPoints.post.confirm.cancel': 'Annuler',
    'talkingPoints.post.confirm.hint':
      'Choisissez « Publier », ou tapez « publier ». Tapez « annuler » pour arrêter.',
    'talkingPoints.post.kind.talkingPoints': 'Points de discussion',
    'talkingPoints.post.kind.discussionGuide': 'Guide de discussion',
    'talkingPoints.post.done': 'Publié dans {where}. [Ouvrir la publication]({link})',
    'talkingPoints.post.already':
      'Cette carte a déjà été publiée dans {where}. [Ouvrir la publication]({link})',
    'talkingPoints.post.inProgress':
      'Je suis déjà en train de publier cette carte. Attendez un instant, puis vérifiez {where}.',
    'talkingPoints.post.expired':
      'Cette confirmation n’est plus disponible. Tapez « points de discussion » pour recommencer.',
    'talkingPoints.post.cancelled': 'Annulé : rien n’a été publié.',
    'talkingPoints.post.failed.forbidden':
      'Je n’ai pas pu publier dans {where} : j’ai été retiré de cette équipe ou bloqué. Demandez à un propriétaire de l’équipe d’y ajouter de nouveau « {botName} », puis réessayez.',
    'talkingPoints.post.failed.notFound':
      'Je n’ai pas trouvé {where} : le canal a peut-être été supprimé. Recommencez pour choisir un autre canal.',
    'talkingPoints.post.failed.throttled':
      'Teams est occupé, alors la carte n’a pas été publiée. Réessayez dans une minute : choisissez de nouveau « Publier ».',
    'talkingPoints.post.failed.unavailable':
      'Teams n’a pas répondu correctement, alors je ne peux pas savoir si la carte a été publiée dans {where}. Veuillez vérifier le canal avant de la publier de nouveau (tapez « points de discussion » pour une nouvelle publication).',
    'talkingPoints.post.failed.rejected':
      'Teams a refusé la carte, alors rien n’a été publié. Veuillez en informer votre service d’assistance informatique.',
    'talkingPoints.post.teamGone':
      'Je ne peux plus joindre {team} : j’en ai peut-être été retiré. Demandez à un propriétaire de l’équipe d’y ajouter de nouveau « {botName} ».',
    'talkingPoints.post.channel.failed':
      'Teams ne répond pas pour l’instant, alors je ne peux pas afficher la liste des canaux. Réessayez dans une minute.',
    'talkingPoints.post.personalOnly':
      'Pour publier dans un canal d’équipe, utilisez notre conversation personnelle, ou mentionnez-moi dans le canal avec « points de discussion ».',
    'talkingPoints.vote.thanks': 'Merci : votre vote a été compté.',
    'talkingPoints.vote.already':
      'Vous avez déjà indiqué que c’était utile; chaque personne compte une seule fois.',
    'talkingPoints.vote.unknown': 'Je n’ai plus de trace de cette carte, alors le vote n’a pas été compté.',
    'talkingPoints.view.unknown': 'Je n’ai plus de trace de cette carte; le texte ci-dessus est inchangé.',
  },
});
