import type { Activity } from '../../platform/activities';
import type { AppServices } from '../../platform/app';
import type { Person } from '../../platform/teamMembership';
import { escapeMarkdown } from '../../shared/cards/render';
import type { OfficeChannel } from './officeChannels';

/** Someone the bot can @mention: Teams notifies them by name. */
export interface Named {
  readonly teamsId: string;
  readonly name: string;
}

/**
 * At most this many people named in one notice: a notification meant for the office, not a broadcast (and
 * each one costs a membership look-up the first time in a minute).
 */
const MAX_NAMED = 10;

/**
 * The people to @mention when the office as a whole must act (an urgent case arrives, a case waits for
 * someone to take it): whoever registered the office's channel, and the office administrators named in
 * OFFICE_ADMIN_IDS, each only if Teams still lists them in the office's team (someone who left would not
 * even see the channel). The registration stores who made it, not the team's members: naming every
 * member would take a roster call per notice and, in a large team, turn each urgent case into dozens of
 * notifications; the person who set the channel up to receive cases and the configured administrators
 * are those the office has made responsible for it.
 */
export async function officeContacts(
  channel: OfficeChannel,
  services: Pick<AppServices, 'config' | 'membership'>,
): Promise<Named[]> {
  const ids = [
    ...(channel.registeredBy ? [channel.registeredBy] : []),
    ...services.config.officeAdminIds,
  ].filter((id, i, all) => all.findIndex((other) => other.toLowerCase() === id.toLowerCase()) === i);
  const team = { teamId: channel.teamId, serviceUrl: channel.serviceUrl };
  const found = await Promise.all(
    ids.slice(0, MAX_NAMED).map((id) => services.membership.member(team, personOf(id))),
  );
  const named: Named[] = [];
  for (const member of found)
    if (member?.teamsId && member.name && !named.some((n) => n.teamsId === member.teamsId))
      named.push({ teamsId: member.teamsId, name: member.name });
  return named;
}

/** A registration recorded the Entra object id, or the Teams id (29:…) when Teams sent none. */
function personOf(id: string): Person {
  return id.startsWith('29:') ? { teamsId: id } : { aadObjectId: id };
}

/** The `<at>` tags for the text and the mention entities Teams needs to notify each person. */
export function mentioning(people: readonly Named[]): {
  readonly who: string;
  readonly entities: NonNullable<Activity['entities']>;
} {
  const tags = people.map((p) => `<at>${escapeMarkdown(p.name)}</at>`);
  return {
    who: tags.join(', '),
    entities: people.map((p, i) => ({
      type: 'mention',
      text: tags[i]!,
      mentioned: { id: p.teamsId, name: p.name },
    })),
  };
}
