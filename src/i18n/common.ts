import { defineMessages } from '../shared/i18n/define';

/** Strings of the bot's edge: welcome, help, privacy, errors, bad input, language switching. */
export const common = defineMessages({
  en: {
    'common.botName': 'Social Media Guidance',
    'common.error.generic':
      'Sorry, something went wrong on my side and I could not finish that. Anything you were in the middle of has been reset. Please try again; if it keeps happening, tell your IT help desk.',
    'common.error.unavailable':
      'Sorry, I cannot reach my records right now. Nothing you sent has been lost on your side: please try again in a minute.',
    'common.error.delivery':
      'Sorry, Teams could not take my reply just now, so part of it may be missing. Nothing you were doing has been reset: please send your last message again in a minute.',
    'common.language.switched': 'From now on I will answer in English. Type "français" to switch to French.',
    'common.input.empty':
      'I did not find a question in that message. Type a question about personal social media, or "help" to see what I can do.',
    'common.input.textOnly':
      'I can only read text: files, images and other attachments are not opened or kept. Please type your question instead.',
    'common.input.tooLong':
      'Your message is long, so I read only its first {limit} characters. Shorter questions give better answers.',
    'common.fallback.unknownAction': 'That button is no longer available. Here is what I can do for you now.',
    'common.fallback.personalOnly':
      'To keep things private, I do that only in our personal chat. Open a chat with me (search for "{botName}") and type "{command}".',
    'common.fallback.notYet': 'That feature is not available yet. Here is what I can do for you now.',
    'common.throttled.user':
      'You are sending messages faster than I can answer them, so I will not read what you send for the next {seconds} seconds. Please wait, then send your last message again.',
    'common.throttled.conversation':
      'This conversation is sending me messages faster than I can answer them, so I will not read what is sent here for the next {seconds} seconds. Please wait, then send your last message again.',
    'welcome.title': 'Hello! I help managers apply the guidance on public servants’ personal social media',
    'welcome.intro':
      'Ask me a question in your own words, in English or French, for example: "Can I tell my team not to post about the election?" I answer with the official text of "Public servants’ use of personal social media: Guidance for managers", with its source.',
    'welcome.noDecisions':
      'I am an automated assistant. I quote official guidance; I do not make decisions about anyone, and I do not judge any person’s post. For advice on a specific situation, talk to your values and ethics office.',
    'welcome.privacyTitle': 'Privacy',
    'welcome.privacy':
      'Please do not type names of employees: I do not need them. I keep your language choice, anonymous "was this helpful" counts, and the records you choose to create, which are deleted after {recordDays} days. I never keep files or images. Requests you send to an office are kept by that office for up to {caseDays} days after they are closed.',
    'welcome.team.title': 'Social Media Guidance is now available to this team',
    'welcome.team.body':
      'Mention me (@{botName}) with "talking points" or "discussion guide" to post the guidance’s points for a team discussion here. Questions about a particular situation are best asked in a personal chat with me: nothing about a person or a case is ever posted in a channel.',
    'help.title': 'What I can do',
    'help.intro':
      'Type a question about personal social media in your own words, in English or French. I answer with the official guidance for managers and its source.',
    'help.examplesTitle': 'Try asking',
    'help.example1': 'Should I monitor my employees’ social media accounts?',
    'help.example2': 'What should I tell my team about social media?',
    'help.example3': 'An employee’s post was raised in a media query. What now?',
    'help.commandsTitle': 'Or choose',
    'help.moreCommands': 'You can also type {commands}.',
    'help.channelNote':
      'In a team channel or group chat, mention me (@{botName}) first. Personal matters stay in our personal chat.',
    'help.privacyNote':
      'I quote official guidance and make no decisions about anyone. Please do not type employees’ names.',
    'command.help': 'Help',
    'command.language': 'Français',
    'command.talkingPoints': 'Talking points',
    'command.discussionGuide': 'Discussion guide',
    'command.sawPost': 'I saw a post',
    'command.myRecords': 'My records',
    'command.myCases': 'My cases',
    'command.escalate': 'Talk to an office',
  },
  fr: {
    'common.botName': 'Orientation médias sociaux',
    'common.error.generic':
      'Désolé, un problème est survenu de mon côté et je n’ai pas pu terminer. Ce que vous étiez en train de faire a été réinitialisé. Veuillez réessayer; si le problème persiste, communiquez avec votre service d’assistance informatique.',
    'common.error.unavailable':
      'Désolé, je n’arrive pas à joindre mes dossiers pour l’instant. Rien de ce que vous avez envoyé n’est perdu de votre côté : veuillez réessayer dans une minute.',
    'common.error.delivery':
      'Désolé, Teams n’a pas pu recevoir ma réponse pour l’instant; il se peut qu’une partie manque. Rien de ce que vous faisiez n’a été réinitialisé : veuillez renvoyer votre dernier message dans une minute.',
    'common.language.switched':
      'Je vous répondrai désormais en français. Tapez « English » pour passer à l’anglais.',
    'common.input.empty':
      'Je n’ai pas trouvé de question dans ce message. Posez une question sur les médias sociaux personnels, ou tapez « aide » pour voir ce que je peux faire.',
    'common.input.textOnly':
      'Je ne peux lire que du texte : les fichiers, images et autres pièces jointes ne sont ni ouverts ni conservés. Veuillez plutôt taper votre question.',
    'common.input.tooLong':
      'Votre message est long; je n’en ai lu que les {limit} premiers caractères. Les questions plus courtes donnent de meilleures réponses.',
    'common.fallback.unknownAction':
      'Ce bouton n’est plus disponible. Voici ce que je peux faire pour vous maintenant.',
    'common.fallback.personalOnly':
      'Par souci de confidentialité, je ne fais cela que dans notre conversation personnelle. Ouvrez une conversation avec moi (cherchez « {botName} ») et tapez « {command} ».',
    'common.fallback.notYet':
      'Cette fonction n’est pas encore offerte. Voici ce que je peux faire pour vous maintenant.',
    'common.throttled.user':
      'Vous m’envoyez des messages plus vite que je ne peux y répondre : je ne lirai pas ce que vous envoyez pendant les {seconds} prochaines secondes. Veuillez patienter, puis envoyer de nouveau votre dernier message.',
    'common.throttled.conversation':
      'Cette conversation m’envoie des messages plus vite que je ne peux y répondre : je ne lirai pas ce qui y est envoyé pendant les {seconds} prochaines secondes. Veuillez patienter, puis envoyer de nouveau votre dernier message.',
    'welcome.title':
      'Bonjour! J’aide les gestionnaires à appliquer l’orientation sur l’utilisation des médias sociaux à des fins personnelles par les fonctionnaires',
    'welcome.intro':
      'Posez-moi une question dans vos mots, en français ou en anglais, par exemple : « Puis-je demander à mon équipe de ne pas publier sur les élections? » Je réponds avec le texte de l’orientation officielle à l’intention des gestionnaires, en citant la source.',
    'welcome.noDecisions':
      'Je suis un assistant automatisé. Je cite l’orientation officielle; je ne prends aucune décision à l’égard de qui que ce soit et je ne juge la publication de personne. Pour obtenir des conseils sur une situation précise, adressez-vous à votre bureau des valeurs et de l’éthique.',
    'welcome.privacyTitle': 'Protection des renseignements personnels',
    'welcome.privacy':
      'Veuillez ne pas taper le nom d’employés : je n’en ai pas besoin. Je conserve votre choix de langue, des comptes anonymes « cette réponse vous a-t-elle aidé » et les dossiers que vous choisissez de créer, qui sont supprimés après {recordDays} jours. Je ne conserve jamais de fichiers ni d’images. Les demandes que vous envoyez à un bureau sont conservées par ce bureau jusqu’à {caseDays} jours après leur fermeture.',
    'welcome.team.title': 'Orientation médias sociaux est maintenant offert à cette équipe',
    'welcome.team.body':
      'Mentionnez-moi (@{botName}) avec « points de discussion » ou « guide de discussion » pour publier ici les points de l’orientation à aborder en équipe. Les questions sur une situation précise se posent plutôt dans une conversation personnelle avec moi : rien au sujet d’une personne ou d’un dossier n’est jamais publié dans un canal.',
    'help.title': 'Ce que je peux faire',
    'help.intro':
      'Posez une question sur les médias sociaux personnels dans vos mots, en français ou en anglais. Je réponds avec l’orientation officielle à l’intention des gestionnaires et sa source.',
    'help.examplesTitle': 'Exemples de questions',
    'help.example1': 'Devrais-je surveiller les comptes de médias sociaux de mes employés?',
    'help.example2': 'Que devrais-je dire à mon équipe au sujet des médias sociaux?',
    'help.example3': 'La publication d’un employé fait l’objet d’une demande des médias. Que faire?',
    'help.commandsTitle': 'Ou choisissez',
    'help.moreCommands': 'Vous pouvez aussi taper {commands}.',
    'help.channelNote':
      'Dans un canal d’équipe ou une conversation de groupe, mentionnez-moi d’abord (@{botName}). Les questions personnelles restent dans notre conversation personnelle.',
    'help.privacyNote':
      'Je cite l’orientation officielle et ne prends aucune décision à l’égard de qui que ce soit. Veuillez ne pas taper le nom d’employés.',
    'command.help': 'Aide',
    'command.language': 'English',
    'command.talkingPoints': 'Points de discussion',
    'command.discussionGuide': 'Guide de discussion',
    'command.sawPost': 'J’ai vu une publication',
    'command.myRecords': 'Mes dossiers',
    'command.myCases': 'Mes cas',
    'command.escalate': 'Consulter un bureau',
  },
});
