import type { AppServices } from '../app';
import { USER_CHATS, type UserChatRecord } from '../bot/conversationRegistry';
import type { Actor, CaseRecord } from '../cases/types';
import type { AdaptiveCardJson } from '../cards/render';
import { caseCard, officeName, questionCard } from '../features/escalationCards';
import { OfficeDirectory } from '../features/officeChannels';
import { t, type Lang } from '../i18n';
import { safeError } from '../logging/logger';

/**
 * What follows a change made on the board, so it has the same visible effects as a click on the case card
 * (src/features/escalation.ts, officeAction): the card in the office channel is updated for everyone, the
 * manager is told in their personal chat (taken, question with an answer box, closed), and the Ombud's
 * assignee receives the details privately. Built from the escalation feature's own card builders and
 * directory; the feature does not export its post-action step yet, so this mirrors it — replace it with
 * that hook once it exists. Failures are logged and never undo the change.
 */

export type BoardAction = 'assign' | 'requestInfo' | 'close';

export interface CaseChange {
  readonly action: BoardAction;
  readonly before: CaseRecord;
  readonly after: CaseRecord;
  readonly officer: Actor;
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export function caseEffects(services: AppServices): (change: CaseChange) => Promise<void> {
  const { config, logger, store, gateway } = services;
  const directory = new OfficeDirectory(store, config);
  const cardActivity = (card: AdaptiveCardJson) => ({
    type: 'message' as const,
    attachments: [{ contentType: ADAPTIVE, content: card }],
  });

  const sendToUser = async (aadObjectId: string, activity: Record<string, unknown>): Promise<boolean> => {
    const chat = await store.get<UserChatRecord>(USER_CHATS, aadObjectId);
    if (!chat) return false;
    try {
      await gateway.send(
        { serviceUrl: chat.value.serviceUrl, conversationId: chat.value.conversationId },
        activity,
      );
      return true;
    } catch (err) {
      logger.warn({ event: 'tabs.case.notifyFailed', err: safeError(err) }, 'personal message not delivered');
      return false;
    }
  };

  const refreshChannelCard = async (c: CaseRecord, lang: Lang): Promise<void> => {
    if (!c.thread) return;
    try {
      await gateway.update(
        { serviceUrl: c.thread.serviceUrl, conversationId: c.thread.conversationId },
        c.thread.activityId,
        cardActivity(caseCard(c, { lang, now: new Date(), audience: { kind: 'channel' }, actions: true })),
      );
    } catch (err) {
      logger.warn(
        { event: 'tabs.case.cardRefreshFailed', caseId: c.caseId, err: safeError(err) },
        'card not refreshed',
      );
    }
  };

  return async ({ action, before, after, officer }) => {
    const channelLang = (await directory.resolve(after.office))?.lang ?? config.defaultLanguage;
    await refreshChannelCard(after, channelLang);
    const ml = after.managerLang;
    const office = officeName(ml, after.office);
    const newlyTaken = action === 'assign' || (action === 'requestInfo' && before.assignee === undefined);
    if (newlyTaken) {
      await sendToUser(after.managerAadObjectId, {
        type: 'message',
        text: t(ml, 'escalation.assigned', { name: officer.name, office, caseId: after.caseId }),
      });
      if (after.office === 'ombud' && after.assignee) {
        const card = caseCard(after, {
          lang: channelLang,
          now: new Date(),
          audience: { kind: 'officer', aadObjectId: after.assignee.aadObjectId },
        });
        card.body = [
          {
            type: 'TextBlock',
            text: t(channelLang, 'escalation.office.details', { caseId: after.caseId }),
            wrap: true,
          },
          ...((card.body as unknown[]) ?? []),
        ];
        await sendToUser(after.assignee.aadObjectId, cardActivity(card));
      }
    }
    if (action === 'requestInfo') {
      const question = after.questions[after.questions.length - 1];
      if (question)
        await sendToUser(after.managerAadObjectId, cardActivity(questionCard(after, question, ml)));
    }
    if (action === 'close' && after.outcome) {
      await sendToUser(after.managerAadObjectId, {
        type: 'message',
        text: t(ml, 'escalation.closed', {
          caseId: after.caseId,
          office,
          outcome: t(ml, `escalation.outcome.${after.outcome}`),
        }),
      });
    }
  };
}
