import { COLLECTIONS, type CaseRecord } from '../../src/domain/cases/types';
import { OFFICE_CHANNELS, type OfficeChannel } from '../../src/features/escalation/officeChannels';
import { MANAGER, OFFICER, mention, message } from '../support/activities';
import type { ConnectorCall } from '../support/fakeConnector';
import { startBot, type RunningBot } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * The urgent case's notice, through the real server: the reply lands in the case's thread in the office
 * channel (the conversation the card started), in the channel's language, with the @mentions Teams needs to
 * notify people by name.
 */

const VE_CHANNEL = '19:values-ethics@thread.tacv2';
const OMBUD_CHANNEL = '19:ombud@thread.tacv2';
const OFFICER2 = {
  id: '29:officer-2',
  name: 'Jordan Lee',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000003',
};
describe('reminders and urgent notices in the case thread', () => {
  let bot: RunningBot;

  const say = (text: string, locale = 'en-CA') =>
    bot.post(message(text, { serviceUrl: bot.connector.url, locale }));
  const escalate = async (office: string, urgency: string): Promise<CaseRecord> => {
    const before = await bot.app.store.count(COLLECTIONS.cases);
    for (const text of [
      'escalate',
      office,
      'A post about our program needs advice.',
      urgency,
      'Teams chat',
      'Send it',
    ])
      await say(text);
    const c = await waitFor(async () => {
      if ((await bot.app.store.count(COLLECTIONS.cases)) === before) return undefined;
      const all = await bot.app.store.list<CaseRecord>(COLLECTIONS.cases, { order: 'createdDesc', limit: 1 });
      return all[0]?.value.thread ? all[0].value : undefined;
    }, 'the case card in the channel');
    return c;
  };
  /** Messages the bot sent into a case's thread. */
  const inThread = (c: CaseRecord): ConnectorCall[] =>
    bot.connector.calls.filter((x) => x.kind === 'send' && x.conversationId === c.thread!.conversationId);
  beforeAll(async () => {
    bot = await startBot({
      env: { OFFICE_ADMIN_IDS: OFFICER2.aadObjectId },
    });
    bot.connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'owner' });
    bot.connector.members.set(OFFICER2.id, { ...OFFICER2, userRole: 'user' });
    for (const from of [MANAGER, OFFICER])
      await bot.post(message('help', { serviceUrl: bot.connector.url, from }));
    // Sam registers the values and ethics office in English; Jordan (an administrator) the Ombud in French.
    await bot.post(
      mention('register values and ethics office', {
        serviceUrl: bot.connector.url,
        channelId: VE_CHANNEL,
        from: OFFICER,
      }),
    );
    await bot.post(
      mention('enregistrer ombud', {
        serviceUrl: bot.connector.url,
        channelId: OMBUD_CHANNEL,
        from: OFFICER2,
        locale: 'fr-CA',
      }),
    );
    const channels = await bot.app.store.list<OfficeChannel>(OFFICE_CHANNELS);
    expect(channels.map((c) => [c.id, c.value.lang]).sort()).toEqual([
      ['ombud', 'fr'],
      ['valuesEthics', 'en'],
    ]);
  });
  afterAll(async () => bot.stop());

  let urgent: CaseRecord;

  it('@mentions the office’s people in an urgent case’s thread as soon as its card is posted', async () => {
    urgent = await escalate('Values and ethics office', 'Urgent');
    const notice = await waitFor(() => inThread(urgent)[0], 'the urgent notice');
    // Sam registered the channel; Jordan is a configured office administrator and a member of the team.
    expect(notice.body.text).toBe(
      `<at>Sam Okafor</at>, <at>Jordan Lee</at>: urgent request ${urgent.caseId} has just arrived and nobody has it yet. To take it, use "Assign to me" on the card.`,
    );
    expect(notice.body.entities).toEqual([
      { type: 'mention', text: '<at>Sam Okafor</at>', mentioned: { id: OFFICER.id, name: 'Sam Okafor' } },
      { type: 'mention', text: '<at>Jordan Lee</at>', mentioned: { id: OFFICER2.id, name: 'Jordan Lee' } },
    ]);
    // A notice, never the case: its text stays on the card; names never reach the logs.
    expect(JSON.stringify(notice.body)).not.toContain('A post about our program');
    expect(bot.logs.text).not.toContain('Jordan Lee');
  });
});
