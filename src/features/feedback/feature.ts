import { createHash } from 'node:crypto';
import type { AppServices } from '../../platform/app';
import type { Feature } from '../../platform/feature';
import type { Turn } from '../../platform/turn';
import { renderCard } from '../../shared/cards/render';
import { FeedbackService } from '../../domain/feedback/feedbackService';
import { t, isLang } from '../../i18n';

/** "Was this helpful? Yes / No" on answer cards, and the manager's choice to share their question. */
export function feedbackFeature(services: AppServices): Feature {
  const service = new FeedbackService(services.store, services.config.recordRetentionDays);

  // One vote per answer card per person, without storing who: the key is a one-way hash.
  const voteKey = (turn: Turn) =>
    createHash('sha256')
      .update(
        `${turn.context.activity.replyToId ?? turn.context.activity.id}|${turn.context.activity.from.id}`,
      )
      .digest('hex');

  return {
    name: 'feedback',
    scopes: ['personal', 'channel', 'groupChat'],
    verbs: {
      feedback: async (turn, value) => {
        const helpful = value.helpful === true;
        const passages = Array.isArray(value.passages) ? value.passages : [];
        const counted = await service.vote(voteKey(turn), passages, helpful);
        services.logger.info({ event: 'feedback.vote', helpful, counted }, 'answer feedback');
        if (!counted) {
          await turn.sendText(t(turn.lang, 'feedback.already'));
          return;
        }
        const question = typeof value.q === 'string' ? value.q.trim() : '';
        // Sharing a question is offered only in personal chat: a channel is not the place for it.
        if (!question || turn.scope !== 'personal') {
          await turn.sendText(t(turn.lang, 'feedback.thanks'));
          return;
        }
        await turn.sendCard(
          renderCard('feedback-share', {
            thanks: t(turn.lang, 'feedback.thanks'),
            title: t(turn.lang, 'feedback.shareTitle'),
            body: t(turn.lang, 'feedback.shareBody', { days: services.config.recordRetentionDays }),
            question,
            button: t(turn.lang, 'feedback.shareButton'),
            share: {
              verb: 'feedback.share',
              q: question,
              helpful,
              passages,
              contentVersion: value.contentVersion,
            },
          }),
        );
      },
      'feedback.share': async (turn, value) => {
        const question = typeof value.q === 'string' ? value.q.trim().slice(0, 500) : '';
        if (!question) {
          await turn.sendHelp();
          return;
        }
        await service.shareQuestion(voteKey(turn), {
          question,
          lang: isLang(value.lang) ? value.lang : turn.lang,
          helpful: value.helpful === true,
          passages: Array.isArray(value.passages)
            ? value.passages.filter((p): p is string => typeof p === 'string')
            : [],
          ...(typeof value.contentVersion === 'string' ? { contentVersion: value.contentVersion } : {}),
        });
        await turn.sendText(t(turn.lang, 'feedback.shared'));
      },
    },
  };
}
