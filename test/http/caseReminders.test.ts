import type { Activity } from 'botbuilder';
import type { Clock } from '../../src/shared/clock';
import { COLLECTIONS, type CaseRecord } from '../../src/domain/cases/types';
import { OFFICE_CHANNELS, type OfficeChannel } from '../../src/features/escalation/officeChannels';
import {
  MANAGER,
  OFFICER,
  mention,
  message,
  VE_CHANNEL,
  OMBUD_CHANNEL,
  OFFICER2,
} from '../support/activities';
import type { ConnectorCall } from '../support/fakeConnector';
import { startBot, type RunningBot } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * Stalled cases' reminders and the urgent case's notice, through the real server: the replies land in the
 * case's thread in the office channel (the conversation the card started), in the channel's language, with
 * the @mentions Teams needs to notify people by name. Time is a test clock set to chosen moments of the
 * office's week; the reminder worker's poll is fired by hand.
 */

const POLL_SECONDS = 3600;

/** The wall clock moved to a chosen instant (time keeps running from there); intervals fire when told. */
function testClock(startIso: string): Clock & { set(iso: string): void; fire(ms: number): void } {
  let offset = Date.parse(startIso) - Date.now();
  const intervals = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  return {
    now: () => new Date(Date.now() + offset),
    set: (iso) => {
      offset = Date.parse(iso) - Date.now();
    },
    fire: (ms) => {
      for (const interval of intervals.values()) if (interval.ms === ms) interval.fn();
    },
    sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 20))),
    setInterval: (fn, ms) => (intervals.set(++next, { fn, ms }), next),
    clearInterval: (handle) => void intervals.delete(handle as number),
    setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}

describe('reminders and urgent notices in the case thread', () => {
  let bot: RunningBot;
  // Monday 2 March 2026, 10:00 in Ottawa (EST).
  const clock = testClock('2026-03-02T15:00:00Z');

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
  const passes = () => bot.logs.lines.filter((l) => l.includes('"event":"reminder.pass"')).length;
  /** One reminder poll at the given moment, waited for until its pass has ended. */
  const pollAt = async (iso: string) => {
    clock.set(iso);
    const before = passes();
    clock.fire(POLL_SECONDS * 1000);
    await waitFor(() => passes() > before, 'a reminder pass');
  };

  beforeAll(async () => {
    bot = await startBot({
      env: { OFFICE_ADMIN_IDS: OFFICER2.aadObjectId, CASE_REMINDER_POLL_SECONDS: String(POLL_SECONDS) },
      clock,
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

  it('reminds the office in the thread once an urgent case has waited 2 business hours, once', async () => {
    await pollAt('2026-03-02T16:58:00Z'); // 11:58: not yet
    expect(inThread(urgent)).toHaveLength(1);
    await pollAt('2026-03-02T17:01:00Z'); // 12:01
    const reminder = await waitFor(() => inThread(urgent)[1], 'the reminder');
    expect(reminder.body.text).toBe(
      `Reminder for <at>Sam Okafor</at>, <at>Jordan Lee</at>: request ${urgent.caseId} has waited 2 business hours and nobody has it. To take it, use "Assign to me" on the card.`,
    );
    expect(reminder.body.entities.map((e: any) => e.mentioned.id)).toEqual([OFFICER.id, OFFICER2.id]);
    await pollAt('2026-03-02T20:00:00Z');
    await pollAt('2026-03-04T20:00:00Z');
    expect(inThread(urgent)).toHaveLength(2);
  });

  it('reminds whoever has a case left untouched for 40 business hours, by name', async () => {
    const click = {
      ...message('', {
        serviceUrl: bot.connector.url,
        conversationType: 'channel',
        channelId: VE_CHANNEL,
        conversationId: urgent.thread!.conversationId,
        from: OFFICER,
      }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'caseAssign', data: { caseId: urgent.caseId } } },
    } as Activity;
    clock.set('2026-03-04T20:00:00Z'); // taken Wednesday 15:00 EST
    await bot.post(click);
    // the thread says who took it (no mention: nobody else had it)
    expect(inThread(urgent)[2]!.body.text).toBe(`Sam Okafor took ${urgent.caseId}.`);
    // 2 h Wednesday, 9 h Thursday and Friday, 9 h Monday and Tuesday (EDT from Sunday), 2 h Wednesday: 10:00.
    await pollAt('2026-03-11T13:58:00Z');
    expect(inThread(urgent)).toHaveLength(3);
    await pollAt('2026-03-11T14:01:00Z');
    const reminder = await waitFor(() => inThread(urgent)[3], 'the ageing reminder');
    expect(reminder.body.text).toBe(
      `Reminder for <at>Sam Okafor</at>: request ${urgent.caseId} has had no activity for 40 business hours. Take the next step on the card, or hand it back to the office if someone else should have it.`,
    );
    expect(reminder.body.entities).toEqual([
      { type: 'mention', text: '<at>Sam Okafor</at>', mentioned: { id: OFFICER.id, name: 'Sam Okafor' } },
    ]);
    await pollAt('2026-04-30T14:00:00Z');
    expect(inThread(urgent)).toHaveLength(4);
    expect((await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, urgent.caseId))?.value.reminded).toEqual([
      'unassigned',
      'ageing',
    ]);
  });

  it('writes the reminder in French in a channel registered in French, skipping Good Friday and Easter Monday', async () => {
    clock.set('2026-04-02T19:00:00Z'); // Thursday 2 April, 15:00 EDT
    const c = await escalate('Ombud', 'Routine');
    expect(c.thread!.conversationId).toContain(OMBUD_CHANNEL);
    expect(inThread(c)).toHaveLength(0); // a routine case: no notice on arrival
    // 2 h Thursday, then Tuesday 7 April from 08:00: 6 h → 14:00.
    await pollAt('2026-04-06T19:00:00Z'); // Easter Monday, 15:00
    await pollAt('2026-04-07T17:58:00Z');
    expect(inThread(c)).toHaveLength(0);
    await pollAt('2026-04-07T18:01:00Z');
    const reminder = await waitFor(() => inThread(c)[0], 'the French reminder');
    // The Ombud's registrant is also its administrator: named once.
    expect(reminder.body.text).toBe(
      `Rappel pour <at>Jordan Lee</at> : la demande ${c.caseId} attend depuis 8 heures ouvrables et personne ne s’en occupe. Pour la prendre, utilisez « Me l’attribuer » sur la carte.`,
    );
    expect(reminder.body.entities).toEqual([
      { type: 'mention', text: '<at>Jordan Lee</at>', mentioned: { id: OFFICER2.id, name: 'Jordan Lee' } },
    ]);
  });
});
