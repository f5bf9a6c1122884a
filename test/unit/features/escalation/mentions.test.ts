import { loadConfig } from '../../../../src/platform/config';
import { TeamMembership } from '../../../../src/platform/teamMembership';
import type { ConversationMember } from '../../../../src/platform/connectorGateway';
import { mentioning, officeContacts } from '../../../../src/features/escalation/mentions';
import type { OfficeChannel } from '../../../../src/features/escalation/officeChannels';
import { createLogger } from '../../../../src/shared/logger';

/** Whom an urgent case's notice and an unassigned reminder @mention, and how the mention is written. */

const SAM = { teamsId: '29:sam', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Sam Okafor' };
const JORDAN = {
  teamsId: '29:jordan',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000003',
  name: 'Jordan Lee',
};
const LEFT = 'aaaaaaaa-0000-4000-8000-000000000009'; // an administrator who is not in the office's team

function services(admins: string[]) {
  const team: ConversationMember[] = [SAM, JORDAN];
  const membership = new TeamMembership(async (_team, userId) => {
    const found = team.find((m) => m.teamsId === userId || m.aadObjectId === userId);
    if (!found) throw Object.assign(new Error('not a member'), { statusCode: 404 });
    return found;
  }, createLogger('silent'));
  return { config: loadConfig({ OFFICE_ADMIN_IDS: admins.join(',') }), membership };
}

const channel = (registeredBy?: string): OfficeChannel => ({
  office: 'valuesEthics',
  teamId: '19:team@thread.tacv2',
  channelId: '19:ve@thread.tacv2',
  serviceUrl: 'https://smba.example/',
  tenantId: 't',
  lang: 'en',
  source: registeredBy ? 'registered' : 'configured',
  ...(registeredBy ? { registeredBy } : {}),
});

describe('office contacts', () => {
  it('names whoever registered the channel, then the administrators still in the team, each once', async () => {
    const named = await officeContacts(
      channel(SAM.aadObjectId),
      services([JORDAN.aadObjectId, LEFT, SAM.aadObjectId.toUpperCase()]),
    );
    expect(named).toEqual([
      { teamsId: '29:sam', name: 'Sam Okafor' },
      { teamsId: '29:jordan', name: 'Jordan Lee' },
    ]);
  });

  it('finds a registrant recorded by Teams id, and names nobody for a configured channel without administrators', async () => {
    expect(await officeContacts(channel('29:jordan'), services([]))).toEqual([
      { teamsId: '29:jordan', name: 'Jordan Lee' },
    ]);
    expect(await officeContacts(channel(), services([LEFT]))).toEqual([]);
  });

  it('writes the tags Teams shows and the entities it notifies, with markdown in a name made inert', () => {
    const { who, entities } = mentioning([
      { teamsId: '29:sam', name: 'Sam Okafor' },
      { teamsId: '29:x', name: 'Ana *Bold*' },
    ]);
    expect(who).toBe('<at>Sam Okafor</at>, <at>Ana \\*Bold\\*</at>');
    expect(entities).toEqual([
      { type: 'mention', text: '<at>Sam Okafor</at>', mentioned: { id: '29:sam', name: 'Sam Okafor' } },
      { type: 'mention', text: '<at>Ana \\*Bold\\*</at>', mentioned: { id: '29:x', name: 'Ana *Bold*' } },
    ]);
  });
});
