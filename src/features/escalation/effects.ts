import { cardActivity, type Activity } from '../../platform/activities';
import type { AppServices } from '../../platform/app';
import { USER_CHATS, type UserChatRecord } from '../../platform/conversationRegistry';
import { tabDeepLink } from '../../platform/connectorGateway';
import { BOARD_TAB_ENTITY_ID } from '../../shared/contract/tabs';
import type { Actor, CaseRecord } from '../../domain/cases/types';
import type { DueReminder } from '../../domain/cases/reminders';
import { escapeMarkdown, type AdaptiveCardJson } from '../../shared/cards/render';
import { officeWords } from './officeWords';
import { t, type Lang } from '../../i18n';
import { safeError } from '../../shared/logger';
import { caseCard, questionCard } from './cards';
import { OfficeDirectory } from './officeChannels';
import { mentioning, officeContacts } from './mentions';

/** An office member's change to a case, from the card or from any other surface (e.g. a tab). */
export type CaseChangeAction = 'assign' | 'requestInfo' | 'close' | 'release' | 'reopen';
export interface CaseChange {
  readonly action: CaseChangeAction;
  readonly before: CaseRecord;
  readonly after: CaseRecord;
  readonly officer: Actor;
}

export interface CaseEffects {
  /** The office channel's card for this case (the channel's view, with its buttons). */
  channelCard(c: CaseRecord): Promise<AdaptiveCardJson>;
  /** The link that opens the case on the office's board tab, when the Teams app id is configured. */
  boardLink(c: CaseRecord): Promise<string | undefined>;
  /** Updates the posted card in place, for everyone in the channel. */
  refreshChannelCard(c: CaseRecord): Promise<void>;
  /** A proactive message to someone's personal chat with the bot; false if they have none or it failed. */
  sendToUser(aadObjectId: string, activity: Partial<Activity>): Promise<boolean>;
  notifyManager(c: CaseRecord, text: string): Promise<boolean>;
  /**
   * A reply in the case's thread that @mentions whoever has the case (Teams notifies them), in the office
   * channel's language. Only the notice: the answer itself is on the card, where confidentiality applies.
   */
  tellAssigneeInThread(c: CaseRecord, notice: 'answered'): Promise<void>;
  /**
   * An urgent case has just been posted: a reply in its thread @mentions the office's contacts (see
   * officeContacts), so someone is notified by name rather than left to notice the card. Best effort: the
   * card is there either way.
   */
  alertOfficeInThread(c: CaseRecord): Promise<void>;
  /**
   * A stalled case's reminder in its thread, in the channel's language: an ageing case @mentions whoever
   * has it, an unassigned one the office's contacts. Throws when Teams refused it, so that the reminder
   * worker can try again.
   */
  remindInThread(c: CaseRecord, reminder: DueReminder): Promise<void>;
  /**
   * What every change shows: the card refreshed for everyone, the manager told (taken, question with an
   * answer box, closed), and the Ombud's details sent privately to whoever took the case.
   */
  afterChange(change: CaseChange): Promise<{ readonly questionSent?: boolean }>;
}

/** The visible effects of case changes, shared by the case card's buttons and other surfaces. */
export function createCaseEffects(
  services: Pick<AppServices, 'config' | 'logger' | 'store' | 'gateway' | 'membership'>,
  now: () => Date = () => new Date(),
): CaseEffects {
  const { config, logger, store, gateway } = services;
  const directory = new OfficeDirectory(store, config);

  const sendToUser = async (aadObjectId: string, activity: Partial<Activity>): Promise<boolean> => {
    const chat = await store.get<UserChatRecord>(USER_CHATS, aadObjectId);
    if (!chat) return false;
    try {
      await gateway.send(
        { serviceUrl: chat.value.serviceUrl, conversationId: chat.value.conversationId },
        activity,
      );
      return true;
    } catch (err) {
      logger.warn({ event: 'case.notifyFailed', err: safeError(err) }, 'personal message not delivered');
      return false;
    }
  };
  const notifyManager = (c: CaseRecord, text: string) =>
    sendToUser(c.managerAadObjectId, { type: 'message', text });
  const channelLang = async (c: CaseRecord): Promise<Lang> =>
    (await directory.resolve(c.office))?.lang ?? config.defaultLanguage;
  // The board tab is pinned in the office's channel (see the README), so the link names that channel.
  const boardLink = async (c: CaseRecord): Promise<string | undefined> => {
    if (!config.teamsAppId) return undefined;
    const channel = await directory.resolve(c.office);
    return tabDeepLink({
      appId: config.teamsAppId,
      entityId: BOARD_TAB_ENTITY_ID,
      subEntityId: c.caseId,
      ...(channel ? { channelId: channel.channelId } : {}),
    });
  };

  const channelCard = async (c: CaseRecord) => {
    const link = await boardLink(c);
    return caseCard(c, {
      lang: await channelLang(c),
      now: now(),
      audience: { kind: 'channel' },
      actions: true,
      reopenDays: config.caseReopenDays,
      ...(link ? { boardLink: link } : {}),
    });
  };

  const refreshChannelCard = async (c: CaseRecord): Promise<void> => {
    if (!c.thread) return;
    try {
      await gateway.update(
        { serviceUrl: c.thread.serviceUrl, conversationId: c.thread.conversationId },
        c.thread.activityId,
        cardActivity(await channelCard(c)),
      );
    } catch (err) {
      logger.warn(
        { event: 'case.cardRefreshFailed', caseId: c.caseId, err: safeError(err) },
        'card not refreshed',
      );
    }
  };

  /** A reply in the case's thread (a notice, never case text: the card is where confidentiality applies). */
  const postInThread = async (
    c: CaseRecord,
    text: string,
    entities: NonNullable<Activity['entities']>,
  ): Promise<void> => {
    if (!c.thread) return;
    await gateway.send(
      { serviceUrl: c.thread.serviceUrl, conversationId: c.thread.conversationId },
      { type: 'message', text, ...(entities.length > 0 ? { entities } : {}) },
    );
  };

  // A mention needs the person's Teams id, known once they have acted from the card; else their name alone.
  const addressing = (person: Actor) =>
    person.teamsId
      ? mentioning([{ teamsId: person.teamsId, name: person.name }])
      : { who: escapeMarkdown(person.name), entities: [] };

  const tellAssigneeInThread = async (c: CaseRecord, notice: 'answered'): Promise<void> => {
    if (!c.thread || !c.assignee) return;
    const lang = await channelLang(c);
    const { who, entities } = addressing(c.assignee);
    try {
      await postInThread(c, t(lang, `escalation.thread.${notice}`, { who, caseId: c.caseId }), entities);
    } catch (err) {
      logger.warn(
        { event: 'case.threadNoticeFailed', caseId: c.caseId, err: safeError(err) },
        'thread notice not posted',
      );
    }
  };

  const alertOfficeInThread = async (c: CaseRecord): Promise<void> => {
    const channel = await directory.resolve(c.office);
    if (!c.thread || !channel) return;
    const people = await officeContacts(channel, services);
    if (people.length === 0) {
      // Nobody to name (a configured channel and no administrators in its team): the card speaks alone.
      logger.info({ event: 'case.urgentNobodyToMention', caseId: c.caseId }, 'urgent notice not posted');
      return;
    }
    const { who, entities } = mentioning(people);
    const lang = channel.lang;
    const text = t(lang, 'escalation.thread.urgent', {
      who,
      caseId: c.caseId,
      assign: t(lang, 'escalation.card.assign'),
    });
    try {
      await postInThread(c, text, entities);
      logger.info(
        { event: 'case.urgentNotice', caseId: c.caseId, mentioned: people.length },
        'office mentioned',
      );
    } catch (err) {
      logger.warn(
        { event: 'case.threadNoticeFailed', caseId: c.caseId, err: safeError(err) },
        'urgent notice not posted',
      );
    }
  };

  const remindInThread = async (c: CaseRecord, reminder: DueReminder): Promise<void> => {
    const channel = await directory.resolve(c.office);
    const lang = channel?.lang ?? config.defaultLanguage;
    const { who, entities } =
      reminder.kind === 'ageing' && c.assignee
        ? addressing(c.assignee)
        : mentioning(channel ? await officeContacts(channel, services) : []);
    const notice = t(lang, `escalation.reminder.${reminder.kind}`, {
      caseId: c.caseId,
      hours: t(
        lang,
        reminder.hours === 1 ? 'escalation.reminder.hours.one' : 'escalation.reminder.hours.other',
        {
          n: reminder.hours,
        },
      ),
      assign: t(lang, 'escalation.card.assign'),
    });
    await postInThread(
      c,
      who
        ? t(lang, 'escalation.reminder.to', { who, notice })
        : t(lang, 'escalation.reminder.plain', { notice }),
      entities,
    );
  };

  /** The Ombud's details go to the person who took the case, in their personal chat (if they have one). */
  const sendDetailsToAssignee = async (c: CaseRecord) => {
    if (!c.assignee) return;
    const lang = await channelLang(c);
    const card = caseCard(c, {
      lang,
      now: now(),
      audience: { kind: 'officer', aadObjectId: c.assignee.aadObjectId },
    });
    card.body = [
      { type: 'TextBlock', text: t(lang, 'escalation.office.details', { caseId: c.caseId }), wrap: true },
      ...((card.body as unknown[]) ?? []),
    ];
    await sendToUser(c.assignee.aadObjectId, cardActivity(card));
  };

  /**
   * Each change, said in the case's thread so the channel keeps its story: whoever had the case before is
   * @mentioned when someone else changed it (taken over, closed, reopened by a colleague). Names and the
   * case id only: what the case says stays on the card, where confidentiality applies.
   */
  const noteChangeInThread = async ({ action, before, after, officer }: CaseChange): Promise<void> => {
    if (!after.thread) return;
    const lang = await channelLang(after);
    const kind = action === 'assign' && before.assignee ? 'takeOver' : action;
    const notice = t(lang, `escalation.thread.change.${kind}`, {
      officer: escapeMarkdown(officer.name),
      caseId: after.caseId,
    });
    const holder = before.assignee ?? after.assignee;
    const tell = holder && holder.aadObjectId !== officer.aadObjectId ? addressing(holder) : undefined;
    try {
      await postInThread(
        after,
        tell ? t(lang, 'escalation.thread.toAssignee', { who: tell.who, notice }) : notice,
        tell?.entities ?? [],
      );
    } catch (err) {
      logger.warn(
        { event: 'case.threadNoticeFailed', caseId: after.caseId, err: safeError(err) },
        'change notice not posted',
      );
    }
  };

  const afterChange = async (change: CaseChange) => {
    const { action, before, after, officer } = change;
    await refreshChannelCard(after);
    await noteChangeInThread(change);
    const ml = after.managerLang;
    const office = officeWords(ml, after.office);
    if (action === 'assign' || (action === 'requestInfo' && before.assignee === undefined)) {
      await notifyManager(
        after,
        t(ml, 'escalation.assigned', { name: officer.name, ...office, caseId: after.caseId }),
      );
      if (after.office === 'ombud') await sendDetailsToAssignee(after);
    }
    if (action === 'reopen') {
      await notifyManager(
        after,
        t(ml, 'escalation.reopened', { name: officer.name, ...office, caseId: after.caseId }),
      );
      if (after.office === 'ombud') await sendDetailsToAssignee(after);
    }
    if (action === 'requestInfo') {
      const question = after.questions[after.questions.length - 1]!;
      const questionSent = await sendToUser(
        after.managerAadObjectId,
        cardActivity(questionCard(after, question, ml)),
      );
      return { questionSent };
    }
    if (action === 'close' && after.outcome) {
      const closed = t(ml, 'escalation.closed', {
        caseId: after.caseId,
        ...office,
        outcome: t(ml, `escalation.outcome.${after.outcome}`),
      });
      // The card promises the note goes to the manager: it does, as the officer typed it (markdown made inert).
      const note = after.closeNote
        ? `\n\n${t(ml, 'escalation.closedNote', { note: escapeMarkdown(after.closeNote) })}`
        : '';
      await notifyManager(after, closed + note);
    }
    return {};
  };

  return {
    channelCard,
    boardLink,
    refreshChannelCard,
    sendToUser,
    notifyManager,
    tellAssigneeInThread,
    alertOfficeInThread,
    remindInThread,
    afterChange,
  };
}

/** For other surfaces (the tabs' case board): the same effects as a click on the case card. */
export function caseChangeEffects(
  services: Pick<AppServices, 'config' | 'logger' | 'store' | 'gateway' | 'membership'>,
): (change: CaseChange) => Promise<{ readonly questionSent?: boolean }> {
  return createCaseEffects(services).afterChange;
}
