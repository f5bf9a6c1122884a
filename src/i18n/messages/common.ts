import { defineMessages } from '../define';

/** Strings of the bot's edge: welcome, help, errors, language switching. */
export const common = defineMessages({
  en: {
    'common.botName': 'Social Media Guidance',
    'common.error.generic':
      'Sorry, something went wrong on our side and I could not finish that. Please try again; if it keeps happening, tell your IT help desk.',
    'common.language.switched': 'I will speak English with you from now on. Type "français" to switch back.',
  },
  fr: {
    'common.botName': 'Orientation sur les médias sociaux',
    'common.error.generic':
      "Désolé, un problème est survenu de notre côté et je n'ai pas pu terminer. Veuillez réessayer; si le problème persiste, communiquez avec votre service d'assistance informatique.",
    'common.language.switched': 'Je vous parlerai désormais en français. Tapez « English » pour revenir à l’anglais.',
  },
});
