import { defineMessages } from '../../shared/i18n/define';

/**
 * The questions the answerer suggests when it declines or is unsure and retrieval found nothing closer.
 * They are the answerer's own output, so they live beside it (the domain imports no catalogue of a feature);
 * src/i18n merges them into `t()` like every other catalogue.
 */
export const exampleQuestionMessages = defineMessages({
  en: {
    'answers.example.1': 'What should I tell my team about social media?',
    'answers.example.2': 'What should I do if I see an inappropriate post?',
    'answers.example.3': 'Should I monitor my employees’ social media?',
  },
  fr: {
    'answers.example.1': 'Que dois-je dire à mon équipe au sujet des médias sociaux?',
    'answers.example.2': 'Que faire si je vois une publication inappropriée?',
    'answers.example.3': 'Dois-je surveiller les médias sociaux de mes employés?',
  },
});
