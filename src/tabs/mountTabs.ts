import type { Server } from 'restify';
import type { AppServices } from '../app';
import { safeError } from '../logging/logger';
import { CaseService, type ChangeResult } from '../cases/caseService';
import { COLLECTIONS, OFFICE_IDS, type Actor, type CaseRecord } from '../cases/types';
import { OfficeDirectory } from '../features/officeChannels';
import { RecordService } from '../records/sawPostRecord';
import { caseEffects, type BoardAction, type CaseChange } from './caseEffects';
import { devIdentity, ssoIdentity } from './identity';
import type { OfficeAccess, TabCaseActions } from './ports';
import { registerTabPages } from './staticPages';
import { registerTabsApi } from './tabsApi';
import { teamsMembership } from './teamsMembership';

/**
 * Composition of the tabs: pages under /tabs/, data under /api/tabs/. Called once by createApp; tests and
 * the escalation feature can pass their own case actions (with the card-refresh hook) and office access.
 */
export interface TabsOptions {
  readonly cases?: TabCaseActions;
  readonly offices?: OfficeAccess;
  /** After a successful change from the board: the card in the channel and the manager's messages. */
  readonly onCaseChanged?: (change: CaseChange) => Promise<void>;
}

export function mountTabs(server: Server, services: AppServices, options: TabsOptions = {}): void {
  const { config, logger, store, adapter } = services;
  const local = config.authMode === 'local';
  const cases =
    options.cases ??
    caseServiceActions(
      new CaseService(store, { retentionDays: config.caseRetentionDays }),
      store,
      options.onCaseChanged ?? caseEffects(services),
      (err) =>
        logger.warn({ event: 'tabs.case.effectsFailed', err: safeError(err) }, 'case follow-up failed'),
    );
  const records = new RecordService(store, { retentionDays: config.recordRetentionDays });
  const memberId = teamsMembership(adapter, config.bot.appId, store);
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
  registerTabPages(server, local ? { devOrigins: config.tabs.devOrigins } : {});
  registerTabsApi(server, {
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
  });
}

/**
 * The board's actions over the escalation feature's CaseService: the same rules and audit lines as the
 * card. A refresh failure is logged but does not undo or fail the change (the card catches up on its next
 * update or refresh).
 */
export function caseServiceActions(
  service: CaseService,
  store: AppServices['store'],
  onChanged: ((change: CaseChange) => Promise<void>) | undefined,
  onEffectError: (err: unknown) => void,
): TabCaseActions {
  const run = async (
    action: BoardAction,
    caseId: string,
    officer: Actor,
    change: () => Promise<ChangeResult>,
  ) => {
    const before = await service.get(caseId);
    const result = await change();
    if (result.ok && before && onChanged)
      await onChanged({ action, before, after: result.case, officer }).catch(onEffectError);
    return result;
  };
  return {
    listForOffice: async (office) =>
      (await store.list<CaseRecord>(COLLECTIONS.cases, { where: { office }, order: 'createdAsc' })).map(
        (d) => d.value,
      ),
    listForManager: (aadObjectId) => service.listForManager(aadObjectId, 50),
    get: (caseId) => service.get(caseId),
    auditTrail: (caseId) => service.auditTrail(caseId),
    assign: (caseId, officer, seen) =>
      run('assign', caseId, officer, () => service.assign(caseId, officer, seen)),
    requestInformation: (caseId, officer, question) =>
      run('requestInfo', caseId, officer, () => service.requestInformation(caseId, officer, question)),
    close: (caseId, officer, outcome, note) =>
      run('close', caseId, officer, () => service.close(caseId, officer, outcome, note)),
  };
}
