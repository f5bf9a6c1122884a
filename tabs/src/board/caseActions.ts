import type { BoardCase, BoardCaseDetail } from '../../../src/shared/contract/tabs';
import { errorText, type TabSession } from '../runtime';
import { tr, type TabKey } from '../strings';

/**
 * The office's actions on a case, as the tab offers them: which ones the case's state allows (the server's
 * `can`, which applies the case service's rules), what each one asks of the tab API, and what the viewer is
 * told afterwards, in their language. The server checks every action again: a page that showed an old state
 * gets a 409 with the case as it is now.
 */

/** The one-click actions, offered on the board's rows and in the side panel. */
export type StateAction = 'assign' | 'takeOver' | 'release' | 'reopen';
export type CaseAction = StateAction | 'requestInfo' | 'close';

/** At most one applies at a time: nobody has the case, someone else has it, the viewer has it, or it is closed. */
export function stateActions(c: BoardCase): StateAction[] {
  return (['assign', 'takeOver', 'release', 'reopen'] as const).filter((a) => c.can[a]);
}

export const ACTION_LABEL: Readonly<Record<StateAction, TabKey>> = {
  assign: 'action.assign',
  takeOver: 'action.takeOver',
  release: 'action.release',
  reopen: 'action.reopen',
};

const DONE: Readonly<Record<CaseAction, TabKey>> = {
  assign: 'done.assigned',
  takeOver: 'done.assigned',
  release: 'done.released',
  reopen: 'done.reopened',
  requestInfo: 'done.asked',
  close: 'done.closed',
};

/** The route and body of an action. Taking over says the page saw someone else holding it (first click wins). */
function request(action: CaseAction, fields: Record<string, string>): { path: string; body: unknown } {
  switch (action) {
    case 'assign':
      return { path: 'assign', body: { seenAssignee: 'none' } };
    case 'takeOver':
      return { path: 'assign', body: { seenAssignee: 'other' } };
    case 'requestInfo':
      return { path: 'request-info', body: fields };
    default:
      return { path: action, body: fields };
  }
}

export interface ActionOutcome {
  readonly ok: boolean;
  /** The case as it is now: after the change, or as the refusal found it (to refresh the row and panel). */
  readonly case?: BoardCaseDetail;
  /** What to announce, in the viewer's language. */
  readonly message: string;
}

export async function runAction(
  session: TabSession,
  url: (path: string) => string,
  caseId: string,
  action: CaseAction,
  fields: Record<string, string> = {},
): Promise<ActionOutcome> {
  const { path, body } = request(action, fields);
  const { status, body: result } = await session.api<{ case?: BoardCaseDetail; questionSent?: boolean }>(
    url(`/api/tabs/board/cases/${encodeURIComponent(caseId)}/${path}`),
    { method: 'POST', body },
  );
  const lang = session.lang;
  if (status === 200 && result.case) {
    // The manager has no chat with the bot: the question is on the case, but someone must reach them.
    const message =
      action === 'requestInfo' && result.questionSent === false
        ? tr(lang, 'done.askedNoChat', { contact: tr(lang, `contact.${result.case.contact ?? 'email'}`) })
        : tr(lang, DONE[action], { caseId });
    return { ok: true, case: result.case, message };
  }
  const holder = result.case?.assignee?.name;
  return {
    ok: false,
    ...(result.case ? { case: result.case } : {}),
    message: errorText(lang, status, result.code, holder),
  };
}
