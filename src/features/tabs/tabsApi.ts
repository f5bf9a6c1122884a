import { isCaseId } from '../../domain/cases/caseIds';
import type { ReminderPolicy } from '../../domain/cases/reminders';
import { MAX_CASE_TEXT } from '../../domain/cases/caseService';
import type { HttpRequest, HttpResponse, HttpRoute } from '../../platform/server/routes';
import type { Logger } from '../../shared/logger';
import { safeError } from '../../shared/logger';
import { OUTCOMES, type Actor, type CaseRecord, type Outcome } from '../../domain/cases/types';
import { NAME_RULES, safeText } from '../../shared/text';
import { DEV_IDENTITY_HEADER, DEV_IDENTITY_VALUE, type IdentityResolver } from './identity';
import type { OfficeAccess, TabCaseActions, TabRecords } from './ports';
import { SsoError, type SsoIdentity } from './ssoToken';
import { board, boardCaseDetail, myCase, myRecord, parseBoardQuery, type BoardView } from './tabData';

/**
 * /api/tabs/*: the data behind the "Case board" channel tab and the "My cases" personal tab. Every route
 * resolves the caller first; the board routes then check, with Teams, that the caller belongs to the team
 * registered for the office. Error bodies are stable codes, never internal messages.
 */

export interface TabsApiDeps {
  readonly logger: Logger;
  readonly identify: IdentityResolver;
  /** True in local mode: every response says the identity was not verified. */
  readonly devIdentity: boolean;
  readonly cases: TabCaseActions;
  readonly records: TabRecords;
  readonly offices: OfficeAccess;
  /** How many days after closing a case its office may reopen it (CASE_REOPEN_DAYS). */
  readonly reopenDays: number;
  /** The reminder thresholds, which the board's overdue marks follow. */
  readonly reminders: ReminderPolicy;
  readonly now?: () => Date;
}

const MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  500: 'Internal error',
  503: 'Not available',
};

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

const TEAM_ID = /^[\w:@.-]{1,200}$/;

type Handler = (req: HttpRequest, caller: SsoIdentity) => Promise<unknown>;

export function tabsApiRoutes(deps: TabsApiDeps): HttpRoute[] {
  const now = deps.now ?? (() => new Date());

  const headers: Record<string, string> = {
    'Cache-Control': 'no-store',
    ...(deps.devIdentity ? { [DEV_IDENTITY_HEADER]: DEV_IDENTITY_VALUE } : {}),
  };
  const route =
    (handler: Handler) =>
    async (req: HttpRequest): Promise<HttpResponse> => {
      try {
        let caller: SsoIdentity;
        try {
          const identity = await deps.identify(req.headers);
          // The name goes on case cards and into the audit of who acted: the same rules as typed text.
          caller = { ...identity, name: safeText(identity.name, NAME_RULES) };
        } catch (err) {
          if (err instanceof SsoError) {
            deps.logger.info({ event: 'tabs.auth.refused', reason: err.reason }, 'tab API call refused');
            throw new ApiError(err.reason === 'keysUnavailable' ? 503 : 401, 'unauthorized');
          }
          throw err;
        }
        return { status: 200, headers, json: await handler(req, caller) };
      } catch (err) {
        if (err instanceof ApiError) {
          const json = { code: err.code, message: MESSAGES[err.status] ?? 'Error', ...err.extra };
          return { status: err.status, headers, json };
        }
        deps.logger.error({ event: 'tabs.failed', err: safeError(err) }, 'tab API call failed');
        return { status: 500, headers, json: { code: 'internal', message: MESSAGES[500] } };
      }
    };

  /** The office of the team the tab sits in, once Teams confirms the caller is a member of that team. */
  const officeFor = async (req: HttpRequest, caller: SsoIdentity) => {
    const teamId = req.query.teamId;
    if (!teamId || !TEAM_ID.test(teamId)) throw new ApiError(400, 'teamId');
    const office = await deps.offices.officeOfTeam(teamId);
    if (!office) throw new ApiError(404, 'notOfficeTeam');
    const teamsId = await deps.offices.memberId(teamId, caller.aadObjectId);
    if (!teamsId) {
      deps.logger.info({ event: 'tabs.board.notMember', office }, 'board refused to a non-member');
      throw new ApiError(403, 'notMember');
    }
    return { office, teamsId };
  };

  const officeCase = async (req: HttpRequest, caller: SsoIdentity) => {
    const { office, teamsId } = await officeFor(req, caller);
    const caseId = req.params.caseId ?? '';
    const found = isCaseId(caseId) ? await deps.cases.get(caseId) : undefined;
    // Another office's case reads as absent: its existence is not the caller's business.
    if (!found || found.office !== office) throw new ApiError(404, 'notFound');
    return { c: found, teamsId };
  };

  const viewOf = (caller: SsoIdentity): BoardView => ({
    viewer: caller.aadObjectId,
    now: now(),
    reopenDays: deps.reopenDays,
    reminders: deps.reminders,
  });
  const detail = async (c: CaseRecord, caller: SsoIdentity) =>
    boardCaseDetail(c, await deps.cases.auditTrail(c.caseId), viewOf(caller));

  const act = async (
    req: HttpRequest,
    caller: SsoIdentity,
    run: (c: CaseRecord, officer: Actor) => ReturnType<TabCaseActions['assign']>,
  ) => {
    const { c, teamsId } = await officeCase(req, caller);
    // The Teams id lets the Ombud's card refresh for its assignee, as when they click on the card.
    const officer: Actor = { aadObjectId: caller.aadObjectId, name: caller.name, teamsId };
    const result = await run(c, officer);
    if (!result.ok) {
      if (result.reason === 'notFound') throw new ApiError(404, 'notFound');
      const current = 'case' in result ? await detail(result.case, caller) : undefined;
      deps.logger.info(
        { event: 'tabs.case.refused', caseId: c.caseId, reason: result.reason },
        'case action refused',
      );
      throw new ApiError(409, result.reason, current ? { case: current } : {});
    }
    deps.logger.info(
      { event: 'tabs.case.changed', caseId: c.caseId, status: result.case.status },
      'case changed from tab',
    );
    return {
      case: await detail(result.case, caller),
      // The page then tells the officer to reach the manager another way, as the card does.
      ...(result.questionSent === false ? { questionSent: false } : {}),
    };
  };

  const routes: HttpRoute[] = [];
  const get = (path: string, handler: ReturnType<typeof route>) =>
    routes.push({ method: 'get', path, handle: handler });
  const post = (path: string, handler: ReturnType<typeof route>) =>
    routes.push({ method: 'post', path, handle: handler });

  get(
    '/api/tabs/board',
    route(async (req, caller) => {
      const { office } = await officeFor(req, caller);
      const query = parseBoardQuery(req.query);
      if (!query) throw new ApiError(400, 'filter');
      const page = query.text
        ? await deps.cases.searchPage(office, query, query.text, caller.aadObjectId)
        : await deps.cases.boardPage(office, query);
      // The search text is the officer's own words, possibly a name: never logged.
      return board(office, page, viewOf(caller));
    }),
  );

  get(
    '/api/tabs/board/cases/:caseId',
    route(async (req, caller) => ({ case: await detail((await officeCase(req, caller)).c, caller) })),
  );

  post(
    '/api/tabs/board/cases/:caseId/assign',
    route((req, caller) =>
      act(req, caller, (c, officer) => {
        // The assignee the page showed: if someone else took the case since, the service refuses (first click wins).
        const seen = bodyField(req, 'seenAssignee');
        const seenId = seenAssigneeId(c, seen, caller);
        return deps.cases.assign(c.caseId, officer, seenId);
      }),
    ),
  );

  post(
    '/api/tabs/board/cases/:caseId/request-info',
    route((req, caller) => {
      const question = textField(req, 'question', true);
      return act(req, caller, (c, officer) => deps.cases.requestInformation(c.caseId, officer, question));
    }),
  );

  post(
    '/api/tabs/board/cases/:caseId/close',
    route((req, caller) => {
      const outcome = bodyField(req, 'outcome');
      if (!OUTCOMES.includes(outcome as Outcome)) throw new ApiError(400, 'outcome');
      const note = textField(req, 'note', false);
      return act(req, caller, (c, officer) => deps.cases.close(c.caseId, officer, outcome as Outcome, note));
    }),
  );

  post(
    '/api/tabs/board/cases/:caseId/release',
    route((req, caller) => act(req, caller, (c, officer) => deps.cases.release(c.caseId, officer))),
  );

  post(
    '/api/tabs/board/cases/:caseId/reopen',
    route((req, caller) =>
      act(req, caller, (c, officer) => deps.cases.reopen(c.caseId, officer, deps.reopenDays)),
    ),
  );

  get(
    '/api/tabs/mine',
    route(async (_req, caller) => {
      const [cases, records] = await Promise.all([
        deps.cases.listForManager(caller.aadObjectId),
        deps.records.listFor(caller.aadObjectId),
      ]);
      return { cases: cases.map(myCase), records: records.map(myRecord) };
    }),
  );

  return routes;

  /** The page sends whom it showed as assignee — "none", "you" or "other" — never another officer's id. */
  function seenAssigneeId(c: CaseRecord, seen: unknown, caller: SsoIdentity): string | undefined {
    if (seen === 'you') return caller.aadObjectId;
    // "other": the officer saw someone else had it and chose to take it over, as on the card.
    if (seen === 'other') return c.assignee?.aadObjectId;
    return undefined;
  }
}

function bodyField(req: HttpRequest, name: string): unknown {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'body');
  return (body as Record<string, unknown>)[name];
}

/** A typed text field of the body, made safe here as messages are at the bot's door (src/shared/text.ts). */
function textField(req: HttpRequest, name: string, required: boolean): string {
  const value = bodyField(req, name);
  if (value === undefined && !required) return '';
  if (typeof value !== 'string' || value.length > MAX_CASE_TEXT * 2) throw new ApiError(400, name);
  const text = safeText(value);
  if (required && !text) throw new ApiError(400, name);
  return text;
}
