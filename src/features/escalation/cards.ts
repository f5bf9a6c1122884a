import { DEFAULT_TIME_ZONE, formatDate } from '../../shared/dates';
import { MAX_CARD_ACTIONS } from '../../shared/limits';
import { canSeeDetails, showsRequester, type Audience } from '../../domain/cases/confidentiality';
import { MAX_CASE_TEXT } from '../../domain/cases/caseService';
import { OUTCOMES, type AuditEntry, type CaseQuestion, type CaseRecord } from '../../domain/cases/types';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from '../../shared/cards/render';
import { officeWords } from './officeWords';
import { t, type Lang } from '../../i18n';

/**
 * Typed data for the case cards (cards/case-*.json). User text (summary, questions, answers, notes) only
 * travels as data into RichTextBlock TextRuns, so it is shown as typed: no links, mentions or markdown.
 */

export const VERBS = {
  assign: 'caseAssign',
  ask: 'caseAsk',
  close: 'caseClose',
  refresh: 'caseRefresh',
  answer: 'caseAnswer',
  copy: 'caseCopy',
  release: 'caseRelease',
  reopen: 'caseReopen',
} as const;

/** A moment (date and time) in `timeZone` (the reader's, when one person reads it; else the display zone). */
export function formatMoment(lang: Lang, iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  return formatDate(lang, iso, 'moment', timeZone);
}

export function formatAge(lang: Lang, fromIso: string, now: Date): string {
  const hours = Math.floor((now.getTime() - Date.parse(fromIso)) / 3_600_000);
  if (hours < 1) return t(lang, 'escalation.age.minutes');
  if (hours < 48) return t(lang, 'escalation.age.hours', { count: hours });
  return t(lang, 'escalation.age.days', { count: Math.floor(hours / 24) });
}

export function statusLabel(lang: Lang, c: CaseRecord): string {
  if (c.delivery === 'undelivered') return t(lang, 'escalation.delivery.undelivered');
  return t(lang, `escalation.status.${c.status}`);
}

/** An Action.Execute (Universal Actions) with an Action.Submit fallback carrying the same verb and data. */
function execute(title: string, verb: string, data: Record<string, unknown>) {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    fallback: { type: 'Action.Submit', title, data: { verb, ...data } },
  };
}

/**
 * The office's buttons follow the case's state: a new case can be taken; a taken one taken over (by whoever
 * saw who had it: first click wins) or handed back by its assignee; an open one asked about or closed; a
 * closed one reopened within `reopenDays` of its closing.
 */
function officeActions(c: CaseRecord, lang: Lang, now: Date, reopenDays: number | undefined) {
  const data = { caseId: c.caseId };
  if (c.status === 'closed') {
    const reopenable =
      reopenDays !== undefined &&
      c.closedAt !== undefined &&
      now.getTime() - Date.parse(c.closedAt) <= reopenDays * 86_400_000;
    return reopenable ? [execute(t(lang, 'escalation.card.reopen'), VERBS.reopen, data)] : [];
  }
  return [
    ...(c.assignee
      ? [
          execute(t(lang, 'escalation.card.takeOver'), VERBS.assign, {
            ...data,
            seenAssignee: c.assignee.aadObjectId,
          }),
          execute(t(lang, 'escalation.card.release'), VERBS.release, data),
        ]
      : [execute(t(lang, 'escalation.card.assign'), VERBS.assign, { ...data, seenAssignee: '' })]),
    {
      type: 'Action.ShowCard',
      title: t(lang, 'escalation.card.ask'),
      card: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          {
            type: 'Input.Text',
            id: 'question',
            label: t(lang, 'escalation.card.askLabel'),
            isMultiline: true,
            maxLength: MAX_CASE_TEXT,
          },
        ],
        actions: [execute(t(lang, 'escalation.card.askSend'), VERBS.ask, data)],
      },
    },
    {
      type: 'Action.ShowCard',
      title: t(lang, 'escalation.card.close'),
      card: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          {
            type: 'Input.ChoiceSet',
            id: 'outcome',
            label: t(lang, 'escalation.card.closeOutcome'),
            style: 'expanded',
            isRequired: true,
            errorMessage: t(lang, 'escalation.office.closeOutcome'),
            choices: OUTCOMES.map((o) => ({ title: t(lang, `escalation.outcome.${o}`), value: o })),
          },
          {
            type: 'Input.Text',
            id: 'note',
            label: t(lang, 'escalation.card.closeNote'),
            isMultiline: true,
            maxLength: MAX_CASE_TEXT,
            // Checked on the card where the client can; the case service refuses it anyway.
            ...(c.urgency !== 'routine'
              ? { isRequired: true, errorMessage: t(lang, 'escalation.office.noteRequired') }
              : {}),
          },
        ],
        actions: [execute(t(lang, 'escalation.card.closeSend'), VERBS.close, data)],
      },
    },
  ];
}

function questionRows(lang: Lang, questions: readonly CaseQuestion[]) {
  return questions.map((q) => ({
    questionLabel: t(lang, 'escalation.card.question'),
    question: q.question,
    answerLabel: t(lang, 'escalation.card.answer'),
    answer: q.answer ?? t(lang, 'escalation.card.noAnswer'),
    answered: q.answer !== undefined,
  }));
}

function auditLine(lang: Lang, c: CaseRecord, entry: AuditEntry): string {
  const who =
    entry.actor === 'system'
      ? t(lang, 'escalation.audit.bySystem')
      : entry.actor === c.managerAadObjectId
        ? t(lang, 'escalation.audit.byYou')
        : t(lang, 'escalation.audit.byOffice');
  return `${formatMoment(lang, entry.at)}: ${t(lang, `escalation.audit.${entry.action}`)} ${who}`;
}

export interface CaseCardOptions {
  readonly lang: Lang;
  readonly now: Date;
  readonly audience: Audience;
  /** The office's buttons (the channel card, and the assignee's refreshed view). */
  readonly actions?: boolean;
  /** With `actions`: a closed case offers "Reopen" this many days after closing (CASE_REOPEN_DAYS). */
  readonly reopenDays?: number;
  /** The audit trail, for the manager's copy. */
  readonly history?: readonly AuditEntry[];
  /** A Teams link that opens the case on the office's board tab (office views, when the app id is known). */
  readonly boardLink?: string;
}

/**
 * For the assignee's own view of an open case whose manager asked to be reached by Teams chat: a link that
 * opens a chat with them (Teams' deep link takes the sign-in name). Nobody else's view has it.
 */
function managerChatLink(c: CaseRecord, o: CaseCardOptions, lang: Lang): string {
  const signInName = c.manager.signInName;
  const isAssignee = o.audience.kind === 'officer' && c.assignee?.aadObjectId === o.audience.aadObjectId;
  if (!signInName || !isAssignee || c.contact !== 'teamsChat' || c.status === 'closed') return '';
  const url = `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(signInName)}`;
  return `[${escapeMarkdown(t(lang, 'escalation.card.chatManager'))}](${url})`;
}

/** The case card: the office channel's card, the preview shown for consent, the assignee's view, the copy. */
export function caseCard(c: CaseRecord, o: CaseCardOptions): AdaptiveCardJson {
  const { lang } = o;
  const details = canSeeDetails(c, o.audience);
  const confidential = c.office === 'ombud';
  const facts = [
    { title: t(lang, 'escalation.copy.office'), value: t(lang, `escalation.officeTitle.${c.office}`) },
    ...(showsRequester(c, o.audience)
      ? [{ title: t(lang, 'escalation.card.from'), value: escapeMarkdown(c.manager.name) }]
      : []),
    { title: t(lang, 'escalation.card.urgency'), value: t(lang, `escalation.urgency.${c.urgency}`) },
    { title: t(lang, 'escalation.card.status'), value: statusLabel(lang, c) },
    {
      title: t(lang, 'escalation.card.assignee'),
      value: c.assignee ? escapeMarkdown(c.assignee.name) : t(lang, 'escalation.card.nobody'),
    },
    { title: t(lang, 'escalation.card.received'), value: formatMoment(lang, c.createdAt) },
    ...(c.status !== 'closed'
      ? [{ title: t(lang, 'escalation.card.age'), value: formatAge(lang, c.createdAt, o.now) }]
      : []),
    ...(details
      ? [
          { title: t(lang, 'escalation.card.contact'), value: t(lang, `escalation.contact.${c.contact}`) },
          // The official language the manager works in, so the office answers in it.
          {
            title: t(lang, 'escalation.card.language'),
            value: t(lang, `escalation.language.${c.managerLang}`),
          },
        ]
      : []),
  ];
  const card = renderCard('case-office', {
    title: t(lang, confidential ? 'escalation.card.confidentialTitle' : 'escalation.card.title', {
      caseId: c.caseId,
    }),
    headerStyle: c.urgency === 'urgent' && c.status !== 'closed' ? 'attention' : 'emphasis',
    facts,
    confidential,
    confidentialNote: t(lang, 'escalation.card.confidentialNote'),
    showDetails: details,
    summaryLabel: t(lang, 'escalation.card.summary'),
    summary: details ? c.summary : '',
    recordLabel: t(lang, 'escalation.card.record'),
    record: details ? (c.attachedRecord ?? '') : '',
    questions: details ? questionRows(lang, c.questions) : [],
    outcomeLabel: t(lang, 'escalation.card.outcome'),
    outcome: details && c.outcome ? t(lang, `escalation.outcome.${c.outcome}`) : '',
    note: details ? (c.closeNote ?? '') : '',
    historyLabel: t(lang, 'escalation.copy.history'),
    history: (o.history ?? []).map((entry) => ({ line: auditLine(lang, c, entry) })),
    boardLink: o.boardLink ? `[${escapeMarkdown(t(lang, 'escalation.card.openBoard'))}](${o.boardLink})` : '',
    chatLink: managerChatLink(c, o, lang),
  });
  const actions = o.actions ? officeActions(c, lang, o.now, o.reopenDays) : [];
  if (actions.length > 0) card.actions = actions;
  // Each viewer's own view (Universal Actions): their language, and for the Ombud's assignee the details
  // (others keep the summary). Teams refreshes it by itself for everyone in a channel of up to 60 people;
  // beyond that only for `userIds`, so the Ombud's assignee is named there while the case is open.
  if (o.actions)
    card.refresh = {
      action: { type: 'Action.Execute', verb: VERBS.refresh, data: { caseId: c.caseId } },
      ...(confidential && c.assignee?.teamsId && c.status !== 'closed'
        ? { userIds: [c.assignee.teamsId] }
        : {}),
    };
  return card;
}

/** The question an officer asked, sent to the manager's personal chat with a box to answer. */
export function questionCard(c: CaseRecord, q: CaseQuestion, lang: Lang): AdaptiveCardJson {
  return renderCard('case-question', {
    title: t(lang, 'escalation.question.title', { ...officeWords(lang, c.office), caseId: c.caseId }),
    question: q.question,
    placeholder: t(lang, 'escalation.question.placeholder'),
    maxLength: MAX_CASE_TEXT,
    emptyMessage: t(lang, 'escalation.answer.empty'),
    privacy: t(lang, 'escalation.question.privacy'),
    send: t(lang, 'escalation.question.send'),
    submitData: { verb: VERBS.answer, caseId: c.caseId, questionId: q.id },
  });
}

export function caseListCard(cases: readonly CaseRecord[], lang: Lang, timeZone?: string): AdaptiveCardJson {
  const shown = cases.slice(0, MAX_CARD_ACTIONS);
  return renderCard('case-list', {
    title: t(lang, 'escalation.myCases.title'),
    lines: shown.map((c) => ({
      text: t(lang, 'escalation.myCases.line', {
        caseId: c.caseId,
        office: t(lang, `escalation.officeTitle.${c.office}`),
        status: statusLabel(lang, c),
        date: formatMoment(lang, c.createdAt, timeZone),
      }),
    })),
    more: cases.length > shown.length ? t(lang, 'escalation.myCases.more', { count: shown.length }) : '',
    buttons: shown.map((c) => ({
      title: t(lang, 'escalation.myCases.copy', { caseId: c.caseId }),
      data: { verb: VERBS.copy, caseId: c.caseId },
    })),
  });
}
