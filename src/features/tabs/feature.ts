import type { AppServices } from '../../platform/app';
import { reminderPolicyFrom } from '../../domain/cases/reminders';
import type { Feature } from '../../platform/feature';
import { TEAMS, type TeamRecord } from '../../platform/conversationRegistry';
import { safeError } from '../../shared/logger';
import { CaseService, type ChangeResult } from '../../domain/cases/caseService';
import { OFFICE_IDS, type Actor } from '../../domain/cases/types';
import { RecordService } from '../../domain/records/sawPostRecord';
import { readBoardPage } from '../../domain/cases/caseBoard';
import { searchBoardPage } from '../../domain/cases/caseSearch';
import {
  caseChangeEffects,
  OfficeDirectory,
  type CaseChange,
  type CaseChangeAction,
} from '../escalation/api';
import { devIdentity, ssoIdentity } from './identity';
import type { OfficeAccess, TabCaseActions, TabChangeResult } from './ports';
import { tabPageRoutes } from './staticPages';
import { tabsApiRoutes } from './tabsApi';

/**
 * The tabs: pages under /tabs/, data under /api/tabs/, added to the server as this feature's routes. By
 * default the board acts through the escalation feature's CaseService, effects (caseChangeEffects) and
 * office directory; the options can replace any of them (e.g. in tests).
 */
export interface TabsOptions {
  readonly cases?: TabCaseActions;
  readonly offices?: OfficeAccess;
  /** After a successful change from the board: the card in the channel and the manager's messages. */
  readonly onCaseChanged?: (change: CaseChange) => Promise<{ readonly questionSent?: boolean }>;
}

export function tabsFeature(services: AppServices, options: TabsOptions = {}): Feature {
  const { config, logger, store, membership } = services;
  const local = config.authMode === 'local';
  const cases =
    options.cases ??
    caseServiceActions(
      new CaseService(store, { retentionDays: config.caseRetentionDays }),
      store,
      // The escalation feature's own post-change step: exactly what a click on the case card does next.
      options.onCaseChanged ?? caseChangeEffects(services),
      (err) =>
        logger.warn({ event: 'tabs.case.effectsFailed', err: safeError(err) }, 'case follow-up failed'),
    );
  const records = new RecordService(store, { retentionDays: config.recordRetentionDays });
  /** The caller's Teams id when they belong to the team (asked of Teams through the bot's stored team). */
  const memberId = async (teamId: string, aadObjectId: string): Promise<string | undefined> => {
    const team = (await store.get<TeamRecord>(TEAMS, teamId))?.value;
    if (!team?.installed) return undefined;
    return (await membership.member(team, { aadObjectId }))?.teamsId;
  };
  // The escalation feature's directory: the channel registered in Teams, else the configured one.
  const directory = new OfficeDirectory(store, config);
  const offices: OfficeAccess = options.offices ?? {
    officeOfTeam: async (teamId) => {
      for (const office of OFFICE_IDS)
        if ((await directory.resolve(office))?.teamId === teamId) return office;
      return undefined;
    },
    memberId,
  };
  const pages = tabPageRoutes(local ? { devOrigins: config.tabs.devOrigins } : {});
  const api = tabsApiRoutes({
    logger,
    identify: local
      ? devIdentity()
      : ssoIdentity({
          audiences: config.tabs.audiences,
          allowedTenantIds: config.allowedTenantIds,
          jwksUrlTemplate: config.tabs.jwksUrlTemplate,
        }),
    devIdentity: local,
    cases,
    records: { listFor: (owner) => records.listFor(owner, 20) },
    offices,
    reopenDays: config.caseReopenDays,
    reminders: reminderPolicyFrom(config.caseReminders),
  });
  return { name: 'tabs', scopes: [], routes: [...pages, ...api] };
}

/**
 * The board's actions over the escalation feature's CaseService: the same rules and audit lines as the
 * card, then the same effects (caseChangeEffects). An effect failure is logged but does not undo or fail
 * the change (the card catches up on its next update or refresh).
 */
export function caseServiceActions(
  service: CaseService,
  store: AppServices['store'],
  onChanged: ((change: CaseChange) => Promise<{ readonly questionSent?: boolean }>) | undefined,
  onEffectError: (err: unknown) => void,
): TabCaseActions {
  const run = async (
    action: CaseChangeAction,
    caseId: string,
    officer: Actor,
    change: () => Promise<ChangeResult>,
  ): Promise<TabChangeResult> => {
    const before = await service.get(caseId);
    const result = await change();
    if (!result.ok || !before || !onChanged) return result;
    const effects = await onChanged({ action, before, after: result.case, officer }).catch((err: unknown) => {
      onEffectError(err);
      return {};
    });
    return 'questionSent' in effects && effects.questionSent !== undefined
      ? { ...result, questionSent: effects.questionSent }
      : result;
  };
  return {
    boardPage: (office, query) => readBoardPage(store, office, query),
    searchPage: (office, query, text, viewer) => searchBoardPage(store, office, query, text, viewer),
    listForManager: (aadObjectId) => service.listForManager(aadObjectId, 50),
    get: (caseId) => service.get(caseId),
    auditTrail: (caseId) => service.auditTrail(caseId),
    assign: (caseId, officer, seen) =>
      run('assign', caseId, officer, () => service.assign(caseId, officer, seen)),
    requestInformation: (caseId, officer, question) =>
      run('requestInfo', caseId, officer, () => service.requestInformation(caseId, officer, question)),
    close: (caseId, officer, outcome, note) =>
      run('close', caseId, officer, () => service.close(caseId, officer, outcome, note)),
    release: (caseId, officer) => run('release', caseId, officer, () => service.release(caseId, officer)),
    reopen: (caseId, officer, withinDays) =>
      run('reopen', caseId, officer, () => service.reopen(caseId, officer, withinDays)),
  };
}
