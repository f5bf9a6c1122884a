import type { AppServices } from '../../platform/app';
import type { Feature } from '../../platform/feature';
import { TEAMS, type TeamRecord } from '../../platform/conversationRegistry';
import type { CommandId } from '../../platform/commands';
import type { OfficeId } from '../../domain/cases/types';
import type { Config } from '../../platform/config';
import { officeWords } from './officeWords';
import { t, type Lang } from '../../i18n';
import type { DocumentStore } from '../../domain/store';

/** Where an office's case cards go: a channel in a team the bot is installed in. */
export interface OfficeChannel {
  readonly office: OfficeId;
  readonly teamId: string;
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  /** Language the office's cards are written in (that of the person who registered the channel). */
  readonly lang: Lang;
  readonly source: 'registered' | 'configured';
  readonly registeredBy?: string;
  readonly registeredAt?: string;
}

export const OFFICE_CHANNELS = 'officeChannels';

/** Finds each office's channel: registered in Teams first, else named in configuration. */
export class OfficeDirectory {
  constructor(
    private readonly store: DocumentStore,
    private readonly config: Config,
  ) {}

  async resolve(office: OfficeId): Promise<OfficeChannel | undefined> {
    const registered = await this.store.get<OfficeChannel>(OFFICE_CHANNELS, office);
    if (registered) return registered.value;
    const configured = this.config.officeChannels[office];
    if (!configured) return undefined;
    // A configured channel is reachable once the bot has seen its team (install event or any message there).
    const team = await this.store.get<TeamRecord>(TEAMS, configured.teamId);
    if (!team || !team.value.installed) return undefined;
    return {
      office,
      teamId: configured.teamId,
      channelId: configured.channelId,
      serviceUrl: team.value.serviceUrl,
      tenantId: team.value.tenantId,
      lang: this.config.defaultLanguage,
      source: 'configured',
    };
  }

  /** Whom to contact when the bot cannot deliver: the configured text, else the catalogue's generic one. */
  contact(office: OfficeId, lang: Lang): string {
    return this.config.officeContact[lang] ?? t(lang, 'escalation.contactDefault', officeWords(lang, office));
  }
}

const REGISTER: Readonly<Partial<Record<CommandId, OfficeId>>> = {
  registerValuesEthics: 'valuesEthics',
  registerOmbud: 'ombud',
};

/**
 * "@bot register values and ethics office" / "@bot register ombud" in a channel: an owner of the team, or
 * an administrator named in OFFICE_ADMIN_IDS, makes that channel the office's case channel.
 */
export function officeChannelsFeature(
  services: AppServices,
  onRegistered?: (office: OfficeId) => Promise<void>,
): Feature {
  const { config, logger, store, membership } = services;
  return {
    name: 'officeChannels',
    commands: ['registerValuesEthics', 'registerOmbud'],
    scopes: ['channel', 'personal', 'groupChat'],
    async start(turn, command) {
      const office = REGISTER[command];
      if (!office) return;
      const activity = turn.context.activity;
      const channelData = (activity.channelData ?? {}) as {
        team?: { id?: string };
        channel?: { id?: string };
        tenant?: { id?: string };
      };
      const teamId = channelData.team?.id;
      const channelId = channelData.channel?.id ?? activity.conversation.id;
      if (turn.scope !== 'channel' || !teamId) {
        await turn.sendText(
          t(turn.lang, 'escalation.register.channelOnly', { botName: t(turn.lang, 'common.botName') }),
        );
        return;
      }
      const aad = activity.from?.aadObjectId;
      let allowed = aad !== undefined && config.officeAdminIds.includes(aad);
      if (!allowed) {
        // Asked afresh: a cached answer could be a minute old, and this grants an office's channel.
        const member = await membership.member(
          { teamId, serviceUrl: activity.serviceUrl },
          aad ? { aadObjectId: aad, teamsId: activity.from.id } : { teamsId: activity.from.id },
          { fresh: true },
        );
        allowed = member?.role === 'owner';
      }
      if (!allowed) {
        logger.info({ event: 'office.register.refused', office }, 'office channel registration refused');
        await turn.sendText(t(turn.lang, 'escalation.register.refused'));
        return;
      }
      const record: OfficeChannel = {
        office,
        teamId,
        channelId: channelId.split(';')[0]!,
        serviceUrl: activity.serviceUrl,
        tenantId: channelData.tenant?.id ?? activity.conversation.tenantId ?? '',
        lang: turn.lang,
        source: 'registered',
        registeredBy: aad ?? activity.from.id,
        registeredAt: new Date().toISOString(),
      };
      await store.put(OFFICE_CHANNELS, office, record);
      logger.info({ event: 'office.registered', office }, 'office channel registered');
      await turn.sendText(t(turn.lang, 'escalation.register.done', officeWords(turn.lang, office)));
      await onRegistered?.(office);
    },
  };
}
