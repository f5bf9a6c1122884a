import type { TurnContext } from '../../platform/activities';
import type { AppServices } from '../../platform/app';
import type { Feature } from '../../platform/feature';
import {
  TURN_LANGUAGE,
  TURN_TIME_ZONE,
  type AnswerService,
  type TurnLanguage,
} from '../../platform/guidanceBot';
import type { Turn } from '../../platform/turn';
import { loadContent } from '../../domain/guidance/content';
import { t } from '../../i18n';
import type { Lang } from '../../shared/i18n/lang';
import { RecordService, recordIdFor } from '../../domain/records/sawPostRecord';
import {
  COPY_VERB,
  DELETE_CONFIRM_VERB,
  DELETE_KEEP_VERB,
  DELETE_VERB,
  DONE_VERB,
  RECORD_VERB,
  deleteConfirmCard,
  recordCard,
  recordCopyText,
  recordListCard,
} from './cards';
import { formatDay } from '../../shared/dates';
import {
  SAW_POST_DIALOG,
  SILENT_CANCEL,
  SawPostDialog,
  recordKeyOf,
  type SawPostStartOptions,
} from './sawPostDialog';
import { STEP_VERB } from './steps';

/** The language the user saved ("français"/"English"), as the bot edge resolved it for this turn. */
export function savedLanguage(context: TurnContext): Lang | undefined {
  return (context.turnState.get(TURN_LANGUAGE) as TurnLanguage | undefined)?.saved;
}

/** The user's time zone for this turn, as the bot edge resolved it (see timeZoneOf). */
export function turnTimeZone(context: TurnContext): string | undefined {
  const zone: unknown = context.turnState.get(TURN_TIME_ZONE);
  return typeof zone === 'string' ? zone : undefined;
}

function ownerOf(turn: Turn): string {
  const from = turn.context.activity.from;
  return from?.aadObjectId ?? from?.id ?? 'unknown';
}

/**
 * "I saw a post" and "my records": personal chat only, since a post about a person is never discussed in
 * a channel (the edge answers there with the "continue in our personal chat" message).
 */
export function sawPostFeature(services: AppServices, options: { answer?: AnswerService } = {}): Feature {
  const { config, logger, store } = services;
  const records = new RecordService(store, {
    retentionDays: config.recordRetentionDays,
    now: () => services.clock.now(),
  });
  const answer = options.answer ?? services.answer;
  const dialog = new SawPostDialog({
    records,
    answer: (question, lang) => answer(question, lang),
    languageOf: savedLanguage,
    timeZoneOf: turnTimeZone,
    retentionDays: config.recordRetentionDays,
    contentVersion: loadContent().contentVersion,
    log: (event, fields) => logger.info({ event, ...fields }, event),
  });

  const start = async (turn: Turn) => {
    // "Start again" from a record or the offer: a walk-through already under way is replaced, quietly.
    if (turn.dc.activeDialog) {
      turn.context.turnState.set(SILENT_CANCEL, true);
      await turn.dc.cancelAllDialogs();
      turn.context.turnState.set(SILENT_CANCEL, false);
    }
    await turn.dc.beginDialog(SAW_POST_DIALOG, { lang: turn.lang } satisfies SawPostStartOptions);
  };

  const showRecords = async (turn: Turn) => {
    const mine = await records.listFor(ownerOf(turn));
    if (mine.length === 0) {
      await turn.sendText(t(turn.lang, 'records.none', { days: config.recordRetentionDays }));
      return;
    }
    await turn.sendCard(recordListCard(mine, turn.lang, config.recordRetentionDays, turn.timeZone));
  };

  /** The owner's record named by a card's data, or a polite "no longer exists" (deleted or expired). */
  const ownRecord = async (turn: Turn, value: Record<string, unknown>) => {
    const record =
      typeof value.recordId === 'string' ? await records.get(ownerOf(turn), value.recordId) : undefined;
    if (!record) await turn.sendText(t(turn.lang, 'records.notFound', { days: config.recordRetentionDays }));
    return record;
  };

  return {
    name: 'sawPost',
    commands: ['sawPost', 'myRecords'],
    scopes: ['personal'],
    helpButtons: [
      { command: 'sawPost', titleKey: 'command.sawPost', order: 30 },
      { command: 'myRecords', titleKey: 'command.myRecords', order: 50 },
    ],
    dialogs: [dialog],
    async start(turn, command) {
      if (command === 'myRecords') await showRecords(turn);
      else await start(turn);
    },
    verbs: {
      // Buttons of a step card: handled by the walk-through if it is the active dialog.
      [STEP_VERB]: async (turn, value) => {
        if (turn.dc.activeDialog?.id === SAW_POST_DIALOG) {
          await turn.dc.continueDialog();
          return;
        }
        // The walk-through has ended; if it ended in a record (a second click on "Create my record"), show it.
        const owner = ownerOf(turn);
        const flowId = typeof value.flowId === 'string' ? value.flowId : undefined;
        const record = flowId ? await records.get(owner, recordIdFor(owner, recordKeyOf(flowId))) : undefined;
        if (!record) {
          await turn.sendText(t(turn.lang, 'sawPost.ended'));
          return;
        }
        await turn.sendText(t(turn.lang, 'sawPost.alreadyRecorded'));
        await turn.sendCard(recordCard(record, turn.lang, turn.timeZone));
      },
      [RECORD_VERB]: async (turn, value) => {
        const record = await ownRecord(turn, value);
        if (record) await turn.sendCard(recordCard(record, turn.lang, turn.timeZone));
      },
      // Delete asks first; nothing is deleted until "Delete it".
      [DELETE_VERB]: async (turn, value) => {
        const record = await ownRecord(turn, value);
        if (record) await turn.sendCard(deleteConfirmCard(record, turn.lang, turn.timeZone));
      },
      [DELETE_CONFIRM_VERB]: async (turn, value) => {
        const recordId = typeof value.recordId === 'string' ? value.recordId : '';
        const activity = turn.context.activity;
        // The activity id makes a re-delivered confirmation answer the same; a later click says "already".
        const outcome = await records.delete(
          ownerOf(turn),
          recordId,
          activity.id ?? `${activity.timestamp?.toString() ?? ''}`,
        );
        logger.info({ event: 'record.deleted', outcome }, 'record delete');
        await turn.sendText(
          outcome === 'deleted'
            ? t(turn.lang, 'records.deleted')
            : outcome === 'alreadyDeleted'
              ? t(turn.lang, 'records.alreadyDeleted')
              : t(turn.lang, 'records.notFound', { days: config.recordRetentionDays }),
        );
      },
      [DELETE_KEEP_VERB]: async (turn, value) => {
        const record = await ownRecord(turn, value);
        if (record)
          await turn.sendText(
            t(turn.lang, 'records.kept', { expires: formatDay(record.expiresAt, turn.lang, turn.timeZone) }),
          );
      },
      // A copy to keep: the whole record as a message in this personal chat (records live only here).
      [COPY_VERB]: async (turn, value) => {
        const record = await ownRecord(turn, value);
        if (!record) return;
        logger.info({ event: 'record.copied' }, 'record copy sent');
        await turn.sendText(recordCopyText(record, turn.lang, turn.timeZone));
      },
      [DONE_VERB]: async (turn) => {
        await turn.sendText(t(turn.lang, 'sawPost.done', { days: config.recordRetentionDays }));
      },
    },
  };
}
