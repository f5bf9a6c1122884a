import { cardActivity, type TurnContext } from '../../platform/activities';
import type { AppServices } from '../../platform/app';
import type { CardActionReply, Feature } from '../../platform/feature';
import { TURN_LANGUAGE, TURN_TIME_ZONE, type TurnLanguage } from '../../platform/guidanceBot';
import { ConnectorError } from '../../platform/retry';
import { senderSignInName } from '../../platform/teams';
import type { Turn } from '../../platform/turn';
import { CaseService, type ChangeResult } from '../../domain/cases/caseService';
import { OFFICE_PREFIX } from '../../domain/cases/caseIds';
import { OutboxWorker, type FailureVerdict } from '../../domain/cases/outbox';
import type { Timers } from '../../shared/clock';
import {
  OFFICE_IDS,
  OUTCOMES,
  type Actor,
  type CaseRecord,
  type OfficeId,
  type Outcome,
} from '../../domain/cases/types';
import {
  CONSENT_VERB,
  ESCALATION_DIALOG,
  EscalationDialog,
  activeDraftId,
  type Draft,
  type EscalationOptions,
} from './escalationDialog';
import { t, type Lang } from '../../i18n';
import { RecordService, shareableRecord, type ShareableRecord } from '../../domain/records/sawPostRecord';
import { formatDayTime } from '../../shared/dates';
import { walkThroughDraft } from '../sawPost/api';
import { officeWords } from './officeWords';
import { caseCard, caseListCard, VERBS } from './cards';
import { createCaseEffects, type CaseChangeAction } from './effects';
import { OfficeDirectory, officeChannelsFeature } from './officeChannels';
import { caseReminderWorker } from './reminders';
import { countDeliveryFailure, countEscalation } from '../../platform/telemetry/metrics';

/** Injected for tests: the clock, the worker's timers and jitter. */
export interface EscalationWiring {
  readonly now?: () => Date;
  readonly timers?: Timers;
  readonly random?: () => number;
}

class NoChannelError extends Error {
  override readonly name = 'NoChannelError';
}

/** What a failed post means for the outbox: 429/5xx/network wait and retry; 403/404/no channel are final. */
export function classifyPostFailure(err: unknown): FailureVerdict {
  if (err instanceof NoChannelError) return { retry: false, reason: 'noChannel' };
  if (err instanceof ConnectorError) {
    const retry = err.kind === 'throttled' || err.kind === 'unavailable';
    return { retry, reason: err.kind };
  }
  return { retry: true, reason: 'error' };
}

/** What each office button does to a case, as the change's effects know it. */
const ACTION_OF_VERB: Readonly<Record<string, CaseChangeAction>> = {
  [VERBS.assign]: 'assign',
  [VERBS.ask]: 'requestInfo',
  [VERBS.close]: 'close',
  [VERBS.release]: 'release',
  [VERBS.reopen]: 'reopen',
};

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A case's idempotency key: its draft (one draft, one case), or for drafts begun before they had ids, the activity. */
function idempotencyKey(context: TurnContext, draft: Draft): string {
  return draft.id ? draftKey(draft.id) : `${context.activity.conversation.id}:${context.activity.id}`;
}
const draftKey = (draftId: string) => `draft:${draftId}`;

function managerOf(context: TurnContext): string {
  return context.activity.from.aadObjectId ?? context.activity.from.id;
}

/**
 * Escalation to the values and ethics office or the Ombud: the manager's dialog and "my cases" (personal
 * chat), the office's case card actions (channel), channel registration, and the outbox that posts each
 * case card exactly once. Case text is never logged: events carry case ids, offices and codes.
 */
export function escalationFeatures(services: AppServices, wiring: EscalationWiring = {}): Feature[] {
  const { config, logger, store, gateway, clock } = services;
  const now = wiring.now ?? (() => clock.now());
  // A draft's key lasts as long as the dialog state that holds the draft (RECORD_RETENTION_DAYS).
  const cases = new CaseService(store, {
    retentionDays: config.caseRetentionDays,
    now,
    keyDays: config.recordRetentionDays,
  });
  const directory = new OfficeDirectory(store, config);
  const workerEnabled = config.caseOutboxPollSeconds > 0;

  const effects = createCaseEffects(services, now);
  const { notifyManager, channelCard, refreshChannelCard } = effects;

  const worker = new OutboxWorker({
    store,
    cases,
    now,
    timers: wiring.timers ?? clock,
    // SQLite serves one instance: a claim found at start is a crashed process's, and is retried at once.
    soleWorker: store.backend === 'sqlite',
    ...(wiring.random ? { random: wiring.random } : {}),
    ...services.retry.outbox,
    pollMs: Math.max(1, config.caseOutboxPollSeconds) * 1000,
    async post(c) {
      const channel = await directory.resolve(c.office);
      if (!channel) throw new NoChannelError();
      const posted = await gateway.createThread(
        { serviceUrl: channel.serviceUrl, tenantId: channel.tenantId, channelId: channel.channelId },
        cardActivity(await channelCard(c)),
      );
      return { serviceUrl: channel.serviceUrl, ...posted };
    },
    classify: classifyPostFailure,
    onFailure: countDeliveryFailure,
    async onPosted(c) {
      // An urgent case names the office's people in its thread, so someone is notified at once.
      if (c.urgency === 'urgent') await effects.alertOfficeInThread(c);
      await notifyManager(
        c,
        t(c.managerLang, 'escalation.posted', {
          caseId: c.caseId,
          ...officeWords(c.managerLang, c.office),
        }),
      );
    },
    async onUndelivered(c) {
      await notifyManager(
        c,
        t(c.managerLang, 'escalation.undelivered', {
          caseId: c.caseId,
          ...officeWords(c.managerLang, c.office),
          contact: directory.contact(c.office, c.managerLang),
        }),
      );
    },
    log: (event, fields) => logger.info({ event, ...fields }, event),
  });
  const reminders = caseReminderWorker(services, {
    cases,
    effects,
    classify: classifyPostFailure,
    now,
    timers: wiring.timers ?? clock,
    ...(wiring.random ? { random: wiring.random } : {}),
  });

  const records = new RecordService(store, { retentionDays: config.recordRetentionDays, now });
  const zoneOf = (context: TurnContext): string => {
    const zone: unknown = context.turnState.get(TURN_TIME_ZONE);
    return typeof zone === 'string' ? zone : config.defaultTimeZone;
  };
  /**
   * What the office reads of an attached record: only what the manager answered, in the guidance's own words
   * (the question and the option they chose); the private notes stay in the record.
   */
  const sharedText = (context: TurnContext, shared: ShareableRecord, lang: Lang): string => {
    const quote = (text: string) => t(lang, 'escalation.recordText.quoted', { text });
    const answers = [
      shared.howRaised
        ? t(lang, 'escalation.recordText.answer', {
            question: t(lang, 'sawPost.how.heading'),
            answer: t(lang, `sawPost.how.${shared.howRaised}`),
          })
        : '',
      shared.violation
        ? t(lang, 'escalation.recordText.answer', {
            question: t(lang, 'sawPost.violation.heading'),
            answer: t(lang, `sawPost.violation.${shared.violation}`),
          })
        : t(lang, 'escalation.recordText.noViolationYet'),
      shared.consultTopics.length
        ? t(lang, 'escalation.recordText.topics', {
            topics: shared.consultTopics.map((c) => quote(t(lang, `sawPost.consult.${c}`))).join('; '),
          })
        : shared.inProgress && shared.violation !== 'notSure'
          ? ''
          : t(lang, 'escalation.recordText.noTopics'),
    ].filter(Boolean);
    const date = formatDayTime(shared.createdAt, lang, zoneOf(context));
    return shared.inProgress
      ? t(lang, 'escalation.recordText.draft', {
          date,
          n: shared.inProgress.step,
          total: shared.inProgress.total,
          answers: answers.join(' '),
        })
      : t(lang, 'escalation.recordText', { date, answers: answers.join(' ') });
  };
  const recordSummary = async (context: TurnContext, recordId: string, lang: Lang) => {
    const owner = context.activity.from.aadObjectId ?? context.activity.from.id;
    const record = await records.get(owner, recordId); // someone else's (or an expired) record gives nothing
    return record ? sharedText(context, shareableRecord(record), lang) : undefined;
  };

  const dialog = new EscalationDialog({
    hasChannel: async (office) => (await directory.resolve(office)) !== undefined,
    contact: (office, lang) => directory.contact(office, lang),
    recordSummary,
    draftSummary: sharedText,
    preview(context, draft, lang) {
      const from = context.activity.from;
      const at = now().toISOString();
      const preview: CaseRecord = {
        caseId: `${OFFICE_PREFIX[draft.office]}-${now().getUTCFullYear()}-····`,
        office: draft.office,
        year: now().getUTCFullYear(),
        number: 0,
        manager: { aadObjectId: from.aadObjectId ?? from.id, name: from.name ?? '' },
        managerAadObjectId: from.aadObjectId ?? from.id,
        managerLang: lang,
        summary: draft.summary,
        urgency: draft.urgency,
        contact: draft.contact,
        ...(draft.attachedRecord ? { attachedRecord: draft.attachedRecord } : {}),
        status: 'new',
        delivery: 'pending',
        questions: [],
        createdAt: at,
        updatedAt: at,
        auditSeq: 0,
      };
      // The full view, as the person who handles it will see it (the Ombud's channel sees even less).
      return caseCard(preview, {
        lang,
        now: now(),
        audience: { kind: 'manager', aadObjectId: preview.managerAadObjectId },
      });
    },
    async submit(context, draft: Draft, lang) {
      const from = context.activity.from;
      // Asked to be reached by Teams chat: the assignee's card will link to a chat with them.
      const signInName = draft.contact === 'teamsChat' ? await senderSignInName(context) : undefined;
      const manager: Actor = {
        aadObjectId: from.aadObjectId ?? from.id,
        name: from.name ?? '',
        teamsId: from.id,
        ...(signInName ? { signInName } : {}),
      };
      const { case: c, created } = await cases.create({
        ...draft,
        manager,
        managerLang: lang,
        idempotencyKey: idempotencyKey(context, draft),
      });
      logger.info(
        {
          event: created ? 'case.created' : 'case.redelivered',
          caseId: c.caseId,
          office: c.office,
          urgency: c.urgency,
        },
        'case saved',
      );
      if (created) countEscalation(c.office);
      return { caseId: c.caseId, created };
    },
    langOf: (context) => (context.turnState.get(TURN_LANGUAGE) as TurnLanguage | undefined)?.lang,
    confirmed() {
      // After the manager has read the confirmation: post now rather than at the next poll.
      if (workerEnabled) void worker.kick();
    },
  });

  /**
   * Starts a request. From inside "I saw a post" it starts over the walk-through, which resumes when the
   * request is sent or cancelled, and offers what was noted so far for attachment; otherwise it replaces
   * whatever dialog was under way.
   */
  const beginEscalation = async (turn: Turn, options: Omit<EscalationOptions, 'lang'>) => {
    const walkThrough = options.recordId ? undefined : walkThroughDraft(turn.dc, now());
    if (!walkThrough) await turn.dc.cancelAllDialogs();
    await turn.dc.beginDialog(ESCALATION_DIALOG, {
      lang: turn.lang,
      ...options,
      ...(walkThrough ? { walkThrough } : {}),
    } satisfies EscalationOptions);
  };

  const showMyCases = async (turn: Turn) => {
    const aad = turn.context.activity.from.aadObjectId ?? turn.context.activity.from.id;
    const mine = await cases.listForManager(aad);
    if (mine.length === 0) {
      await turn.sendText(t(turn.lang, 'escalation.myCases.empty'));
      return;
    }
    await turn.sendCard(caseListCard(mine, turn.lang, turn.timeZone));
  };

  const escalation: Feature = {
    name: 'escalation',
    commands: ['escalate', 'myCases'],
    scopes: ['personal'],
    helpButtons: [
      { command: 'escalate', titleKey: 'command.escalate', order: 40 },
      { command: 'myCases', titleKey: 'command.myCases', order: 60 },
    ],
    dialogs: [dialog],
    async start(turn, command) {
      if (command === 'myCases') return showMyCases(turn);
      return beginEscalation(turn, {});
    },
    verbs: {
      /**
       * "Send it" on a consent card. While its draft is the one being written, the dialog takes the click as
       * the typed choice; after that (a double click, another device, a restart), it finds the draft's case.
       */
      async [CONSENT_VERB](turn, value) {
        const draftId = asString(value.draftId);
        if (draftId && activeDraftId(turn.dc) === draftId) {
          await turn.dc.continueDialog();
          return;
        }
        const made = draftId ? await cases.forKey(managerOf(turn.context), draftKey(draftId)) : undefined;
        await turn.sendText(
          made
            ? t(turn.lang, 'escalation.alreadySent', {
                caseId: made.caseId,
                ...officeWords(turn.lang, made.office),
              })
            : t(turn.lang, 'escalation.consent.stale'),
        );
        if (turn.dc.activeDialog) await turn.dc.repromptDialog();
      },
      // "Talk to an office" on a card (the urgent card, a record). Urgency is asked, never assumed from the card.
      async escalate(turn, value) {
        const office = asString(value.office) as OfficeId;
        const recordId = asString(value.recordId);
        await beginEscalation(turn, {
          ...(OFFICE_IDS.includes(office) ? { office } : {}),
          ...(recordId ? { recordId } : {}),
        });
      },
      async [VERBS.answer](turn, value) {
        const aad = turn.context.activity.from.aadObjectId ?? turn.context.activity.from.id;
        const answer = asString(value.answer).trim();
        if (!answer) {
          await turn.sendText(t(turn.lang, 'escalation.answer.empty'));
          return;
        }
        const result = await cases.answer(asString(value.caseId), aad, asString(value.questionId), answer);
        if (!result.ok) {
          const key =
            result.reason === 'alreadyAnswered'
              ? 'escalation.answer.already'
              : result.reason === 'closed'
                ? 'escalation.answer.closed'
                : 'escalation.copy.notFound';
          await turn.sendText(t(turn.lang, key));
          return;
        }
        logger.info({ event: 'case.answered', caseId: result.case.caseId }, 'manager answered');
        await turn.sendText(t(turn.lang, 'escalation.answer.thanks', { caseId: result.case.caseId }));
        await refreshChannelCard(result.case);
        await effects.tellAssigneeInThread(result.case, 'answered');
      },
      async [VERBS.copy](turn, value) {
        const aad = turn.context.activity.from.aadObjectId ?? turn.context.activity.from.id;
        const c = await cases.get(asString(value.caseId));
        if (!c || c.managerAadObjectId !== aad) {
          await turn.sendText(t(turn.lang, 'escalation.copy.notFound'));
          return;
        }
        const history = await cases.auditTrail(c.caseId);
        const card = caseCard(c, {
          lang: turn.lang,
          now: now(),
          audience: { kind: 'manager', aadObjectId: aad },
          history,
        });
        card.body = [
          {
            type: 'TextBlock',
            text: t(turn.lang, 'escalation.copy.title', { caseId: c.caseId }),
            weight: 'Bolder',
            wrap: true,
          },
          ...((card.body as unknown[]) ?? []),
        ];
        await turn.sendCard(card);
      },
    },
    onStart() {
      if (workerEnabled) worker.start();
      reminders.start();
    },
    async onStop() {
      await Promise.all([worker.stop(), reminders.stop()]);
    },
  };

  /** The case card as one office member sees it: in their language, with what they may see. */
  const viewerCard = async (c: CaseRecord, turn: Turn, aadObjectId: string) => {
    const link = await effects.boardLink(c);
    return caseCard(c, {
      lang: turn.lang,
      now: now(),
      audience: { kind: 'officer', aadObjectId },
      actions: true,
      reopenDays: services.config.caseReopenDays,
      ...(link ? { boardLink: link } : {}),
    });
  };

  /** An office member's click on the case card (Action.Execute, or its Action.Submit fallback). */
  const officeAction =
    (verb: string) =>
    async (turn: Turn, data: Record<string, unknown>): Promise<CardActionReply> => {
      const lang = turn.lang;
      const c = await cases.get(asString(data.caseId));
      if (!c) return { message: t(lang, 'escalation.office.notFound') };
      const channel = await directory.resolve(c.office);
      const from = turn.context.activity.from;
      const aad = from.aadObjectId;
      const member =
        channel &&
        aad &&
        (await services.membership.member(
          { teamId: channel.teamId, serviceUrl: turn.context.activity.serviceUrl },
          { aadObjectId: aad, teamsId: from.id },
        ));
      if (!channel || !aad || !member) {
        logger.info({ event: 'case.actionDenied', caseId: c.caseId, verb }, 'non-member action refused');
        return { message: t(lang, 'escalation.office.denied') };
      }
      const officer: Actor = { aadObjectId: aad, name: from.name ?? '', teamsId: from.id };
      let result: ChangeResult;
      switch (verb) {
        case VERBS.refresh:
          // The viewer's own view: in their language; the Ombud's assignee sees the details, others the summary.
          return { card: await viewerCard(c, turn, aad) };
        case VERBS.assign:
          result = await cases.assign(c.caseId, officer, asString(data.seenAssignee) || undefined);
          break;
        case VERBS.release:
          result = await cases.release(c.caseId, officer);
          break;
        case VERBS.reopen:
          result = await cases.reopen(c.caseId, officer, services.config.caseReopenDays);
          break;
        case VERBS.ask: {
          const question = asString(data.question).trim();
          if (!question) return { message: t(lang, 'escalation.office.askEmpty') };
          result = await cases.requestInformation(c.caseId, officer, question);
          break;
        }
        case VERBS.close: {
          const outcome = asString(data.outcome) as Outcome;
          if (!OUTCOMES.includes(outcome)) return { message: t(lang, 'escalation.office.closeOutcome') };
          result = await cases.close(c.caseId, officer, outcome, asString(data.note));
          break;
        }
        default:
          return { message: t(lang, 'common.fallback.unknownAction') };
      }
      if (!result.ok) {
        logger.info(
          { event: 'case.actionRefused', caseId: c.caseId, verb, reason: result.reason },
          'action refused',
        );
        switch (result.reason) {
          case 'taken':
            return {
              message: t(lang, 'escalation.office.taken', { name: result.case.assignee?.name ?? '' }),
            };
          case 'notAssignee':
            return {
              message: t(lang, 'escalation.office.notAssignee', { name: result.case.assignee?.name ?? '' }),
            };
          case 'closed':
            return { message: t(lang, 'escalation.office.closed') };
          case 'noteRequired':
            return { message: t(lang, 'escalation.office.noteRequired') };
          case 'notClosed':
            return { message: t(lang, 'escalation.office.notClosed') };
          case 'reopenExpired':
            return {
              message: t(lang, 'escalation.office.reopenExpired', { days: services.config.caseReopenDays }),
            };
          default:
            return { message: t(lang, 'escalation.office.notFound') };
        }
      }
      const updated = result.case;
      logger.info(
        { event: 'case.updated', caseId: updated.caseId, verb, status: updated.status },
        'case updated',
      );
      const action = ACTION_OF_VERB[verb] ?? 'close';
      const { questionSent } = await effects.afterChange({ action, before: c, after: updated, officer });
      let message: string | undefined;
      if (action === 'requestInfo')
        message = questionSent
          ? t(lang, 'escalation.office.asked')
          : t(lang, 'escalation.office.askNoChat', {
              contact: t(lang, `escalation.contact.${updated.contact}`),
            });
      if (message) return { message };
      // The channel's copy was updated for everyone; the person who clicked gets their own view back.
      return { card: await viewerCard(updated, turn, aad) };
    };

  const officeVerbs = [VERBS.assign, VERBS.ask, VERBS.close, VERBS.release, VERBS.reopen, VERBS.refresh];
  const caseOffice: Feature = {
    name: 'caseOffice',
    scopes: ['channel'],
    invokeVerbs: Object.fromEntries(officeVerbs.map((v) => [v, officeAction(v)])),
    // Action.Submit fallback (clients without Universal Actions): same handlers; the card is refreshed for
    // everyone by the update above, and a message answers the person who clicked.
    verbs: Object.fromEntries(
      officeVerbs.map((v) => [
        v,
        async (turn: Turn, value: Record<string, unknown>) => {
          const reply = await officeAction(v)(turn, value);
          if (reply.message) await turn.sendText(reply.message);
        },
      ]),
    ),
  };

  /** "Talk to an office" on a card shown in a channel or group chat: requests are made in private only. */
  const escalateElsewhere: Feature = {
    name: 'escalateElsewhere',
    scopes: ['channel', 'groupChat'],
    verbs: {
      async escalate(turn) {
        await turn.sendText(
          t(turn.lang, 'common.fallback.personalOnly', {
            botName: t(turn.lang, 'common.botName'),
            command: t(turn.lang, 'command.escalate'),
          }),
        );
      },
    },
  };

  /** A channel registered (again) for an office: cases that could not reach it are sent now. */
  const onRegistered = async (office: OfficeId) => {
    let requeued = 0;
    for (const c of await cases.undelivered(office)) if (await cases.requeue(c.caseId)) requeued++;
    if (requeued > 0) {
      logger.info({ event: 'case.requeued', office, count: requeued }, 'undelivered cases queued again');
      if (workerEnabled) void worker.kick();
    }
  };

  return [officeChannelsFeature(services, onRegistered), escalation, caseOffice, escalateElsewhere];
}

/** The daily-ish retention step for cases, run by src/index.ts before the store's generic purge. */
export async function purgeClosedCases(
  services: Pick<AppServices, 'store' | 'config'>,
  now = new Date(),
): Promise<string[]> {
  return new CaseService(services.store, {
    retentionDays: services.config.caseRetentionDays,
    now: () => now,
  }).purgeDue();
}
