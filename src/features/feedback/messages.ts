import { defineMessages } from '../../shared/i18n/define';

/** Replies to "Was this helpful?" and the optional, consented sharing of the question. */
export const feedback = defineMessages({
  en: {
    'feedback.thanks': 'Thank you: your answer has been counted (anonymously).',
    'feedback.already': 'You already told me about this answer. Thank you.',
    'feedback.shareTitle': 'Help improve the answers?',
    'feedback.shareBody':
      'If you agree, I will keep the question below, without your name, for {days} days so the team can improve answers. Check that it names no one.',
    'feedback.shareButton': 'Share this question',
    'feedback.shared': 'Thank you. Your question was kept without your name.',
  },
  fr: {
    'feedback.thanks': 'Merci : votre réponse a été comptée (de façon anonyme).',
    'feedback.already': 'Vous m’avez déjà donné votre avis sur cette réponse. Merci.',
    'feedback.shareTitle': 'Aider à améliorer les réponses?',
    'feedback.shareBody':
      'Si vous êtes d’accord, je conserverai la question ci-dessous, sans votre nom, pendant {days} jours afin que l’équipe puisse améliorer les réponses. Vérifiez qu’elle ne nomme personne.',
    'feedback.shareButton': 'Partager cette question',
    'feedback.shared': 'Merci. Votre question a été conservée sans votre nom.',
  },
});
