import type { Server } from 'restify';
import type { AppServices } from '../app';
import { CaseService } from '../cases/caseService';
import { COLLECTIONS, OFFICE_IDS, type CaseRecord } from '../cases/types';
import { OfficeDirectory } from '../features/officeChannels';
import { RecordService } from '../records/sawPostRecord';
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
  /** Called after a successful change from the board, so the case card in the office channel shows it. */
  readonly onCaseChanged?: (c: CaseRecord) => Promise<void>;
}

export function mountTabs(server: Server, services: AppServices, options: TabsOptions = {}): void {
  const { config, logger, store, adapter } = services;
  const local = config.authMode === 'local';
  const cases =
    options.cases ??
    caseServiceActions(
      new CaseService(store, { retentionDays: config.caseRetentionDays }),
      store,
      options.onCaseChanged,
      (err) => logger.warn({ event: 'tabs.card.refreshFailed', err: String(err) }, 'case card not refreshed'),
    );
  const records = new RecordService(store, { retentionDays: config.recordRetentionDays });
  const isMember = teamsMembership(adapter, config.bot.appId, store);
  // The escalation feature's directory: the channel registered in Teams, else the configured one.
  const directory = new OfficeDirectory(store, config);
  const offices: OfficeAccess = options.offices ?? {
    officeOfTeam: async (teamId) => {
      for (const office of OFFICE_IDS)
        if ((await directory.resolve(office))?.teamId === teamId) return office;
      return undefined;
    },
    isMember,
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
  onChanged: ((c: CaseRecord) => Promise<void>) | undefined,
  onRefreshError: (err: unknown) => void,
): TabCaseActions {
  const refreshed = async (result: Awaited<ReturnType<CaseService['assign']>>) => {
    if (result.ok && onChanged) await onChanged(result.case).catch(onRefreshError);
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
    assign: async (caseId, officer, seen) => refreshed(await service.assign(caseId, officer, seen)),
    requestInformation: async (caseId, officer, question) =>
      refreshed(await service.requestInformation(caseId, officer, question)),
    close: async (caseId, officer, outcome, note) =>
      refreshed(await service.close(caseId, officer, outcome, note)),
  };
}
