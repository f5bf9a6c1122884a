import type { Activity } from 'botbuilder';
import { COLLECTIONS, type CaseRecord } from '../../src/domain/cases/types';
import { t } from '../../src/i18n';
import {
  MANAGER,
  OFFICER,
  TEAM,
  botInstalled,
  mention,
  message,
  submit,
  VE_CHANNEL,
} from '../support/activities';
import { startBot, visibleText, type RunningBot } from '../support/harness';

/**
 * What a hostile or mistaken client can send: another tenant, tampered card submits and Action.Execute
 * data, text built to be interpreted (markdown, template expressions, mentions, bidi and zero-width
 * characters, sheer length). Nothing is changed that should not be, nothing typed is interpreted, and
 * errors carry no internals.
 */

const VNE = { id: '19:vne@thread.tacv2', name: 'Values and Ethics Office' };
const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
/** Markdown link, adaptive-expression template, Teams mention, zero-width space, right-to-left override. */
const HOSTILE =
  'See [this](https://evil.example/x) ${$root.caseId} ${if(true, "EVALUATED", "")} <at>Everyone</at> zero\u200Bwidth \u202Eexe.gnp **bold**';
const LONG = 'Can I ask my team not to post about work? '.repeat(240).slice(0, 10_000);

type Json = any;
const chatOf = (m: { id: string }) => `a:personal-${m.id}`;
const person = (name: string) => ({ id: `29:${name}`, name: `Person ${name}`, aadObjectId: `aad-${name}` });

/** Every place a rendered card shows a string containing `marker`, with the element type showing it. */
function shownAt(
  node: unknown,
  marker: string,
  parentType = '',
): { type: string; key: string; text: string }[] {
  const out: { type: string; key: string; text: string }[] = [];
  const walk = (n: unknown, type: string): void => {
    if (Array.isArray(n)) return n.forEach((x) => walk(x, type));
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    const own = typeof o.type === 'string' ? o.type : type;
    for (const [key, value] of Object.entries(o)) {
      if (key === 'data' || key === 'submitData') continue; // button payloads are not shown
      if (typeof value === 'string' && value.includes(marker)) out.push({ type: own, key, text: value });
      else walk(value, own);
    }
  };
  walk(node, parentType);
  return out;
}

/**
 * Asserts hostile text is inert wherever a card or message shows it: as typed in a TextRun (never parsed
 * as markdown), or escaped in a TextBlock / FactSet (no live link, no <at> mention), and no template
 * expression evaluated anywhere.
 */
function expectInert(activities: readonly Json[], marker = 'evil.example'): number {
  let seen = 0;
  // Template expressions arrive as typed (escaped or not): never replaced by their value.
  const json = JSON.stringify(activities);
  const count = (re: RegExp) => json.match(re)?.length ?? 0;
  expect(count(/EVALUATED/g)).toBe(count(/if\(true, \\"EVALUATED/g));
  expect(count(/\$root/g)).toBeGreaterThanOrEqual(count(/EVALUATED/g));
  for (const activity of activities) {
    const places = [
      ...(typeof activity.text === 'string' && activity.text.includes(marker)
        ? [{ type: 'message', key: 'text', text: activity.text as string }]
        : []),
      ...(activity.attachments ?? []).flatMap((a: Json) => shownAt(a.content, marker)),
    ];
    for (const place of places) {
      seen++;
      if (place.type === 'TextRun' || place.type.startsWith('Input.')) continue;
      // Markdown is parsed here: the link, mention and emphasis must arrive escaped.
      expect(place.text).not.toContain('[this](https://');
      expect(place.text).not.toContain('<at>');
      expect(place.text).not.toContain('**bold**');
    }
  }
  return seen;
}

let bot: RunningBot;
const post = (activity: unknown) => bot.post(activity);
const say = (text: string, from = MANAGER) => message(text, { serviceUrl: bot.connector.url, from });
const click = (value: Record<string, unknown>, from = MANAGER) =>
  submit(value, { serviceUrl: bot.connector.url, from });
const repliesTo = async (activity: unknown, chat: string) => {
  const before = bot.connector.sentActivities(chat).length;
  const res = await post(activity);
  expect(res.status).toBe(200);
  return bot.connector.sentActivities(chat).slice(before);
};
function invoke(verb: string, data: unknown, from = OFFICER, conversationId = VE_CHANNEL): Activity {
  const base = message('', {
    serviceUrl: bot.connector.url,
    conversationType: 'channel',
    channelId: VE_CHANNEL,
    conversationId,
    from,
  });
  delete (base as Partial<Activity>).text;
  return {
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  } as Activity;
}

/** Every document the features keep, to prove a refused action changed nothing. */
async function snapshot(): Promise<string> {
  const collections = [...Object.values(COLLECTIONS), 'records', 'officeChannels', 'talkingPointPosts'];
  const all = await Promise.all(
    collections.map(async (c) => (await bot.app.store.list(c)).map((d) => `${c}/${d.id}@${d.version}`)),
  );
  return all.flat().sort().join('\n');
}

beforeAll(async () => {
  bot = await startBot({ env: { ALLOWED_TENANT_IDS: '11111111-2222-3333-4444-555555555555' } });
  bot.connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'owner' });
  bot.connector.members.set(MANAGER.id, { ...MANAGER });
  bot.connector.teams.set(TEAM.id, {
    id: TEAM.id,
    name: TEAM.name,
    aadGroupId: TEAM.aadGroupId,
    channels: [{ id: TEAM.id }, VNE],
  });
  await post(botInstalled({ serviceUrl: bot.connector.url, conversationType: 'channel' }));
  await post(
    mention('register values and ethics office', {
      serviceUrl: bot.connector.url,
      channelId: VE_CHANNEL,
      from: OFFICER,
    }),
  );
  for (const from of [MANAGER, OFFICER]) await post(say('help', from));
});
afterAll(async () => bot.stop());

describe('tenants', () => {
  it('drops an activity from a tenant that is not allowed: no reply, nothing stored', async () => {
    const before = await bot.app.store.list('conversations');
    const calls = bot.connector.calls.length;
    const res = await post(
      message('help', { serviceUrl: bot.connector.url, tenantId: OTHER_TENANT, from: person('foreign') }),
    );
    expect(res.status).toBe(200);
    expect(bot.connector.calls.length).toBe(calls);
    expect((await bot.app.store.list('conversations')).length).toBe(before.length);
    expect(bot.logs.text).toMatch(/tenant/i);
  });
});

describe('hostile text is inert everywhere it is shown', () => {
  it('the answer path: a hostile question and a 10,000-character one', async () => {
    const hostile = await repliesTo(say(HOSTILE), chatOf(MANAGER));
    expect(hostile.length).toBeGreaterThan(0);
    expectInert(hostile);
    const long = await repliesTo(say(LONG), chatOf(MANAGER));
    expect(visibleText(long)).toContain('I read only its first');
    // The question is not echoed back whole.
    expect(JSON.stringify(long).length).toBeLessThan(LONG.length);
  });

  it('"I saw a post" notes on the record card', async () => {
    const who = person('notes');
    const step = (s: Record<string, unknown>) => click({ verb: 'sawPost.step', ...s }, who);
    await post(say('I saw a post', who));
    await post(step({ step: 'framing' }));
    await post(step({ step: 'how', choice: 'socialMedia' }));
    await post(step({ step: 'violation', choice: 'notSure' }));
    await post(step({ step: 'context', note: HOSTILE }));
    for (const s of ['conversations', 'bias', 'wellBeing', 'intentions']) await post(step({ step: s }));
    await post(step({ step: 'consult', choice: 'recurrence' }));
    await post(step({ step: 'involve', choice: 'valuesEthics' }));
    const record = await repliesTo(step({ step: 'communicate' }), chatOf(who));
    expect(visibleText(record)).toMatch(/Your record/);
    expect(expectInert(record)).toBeGreaterThan(0);
  });

  it('the escalation summary on the office card (and on the manager’s preview)', async () => {
    const who = person('summary');
    await post(say('help', who));
    for (const text of ['escalate', 'Values and ethics office', HOSTILE, 'Routine'])
      await post(say(text, who));
    const preview = await repliesTo(say('Teams chat', who), chatOf(who));
    expect(expectInert(preview)).toBeGreaterThan(0);
    await post(say('Send it', who));
    const until = Date.now() + 10_000;
    let card: Json;
    while (!card && Date.now() < until) {
      card = bot.connector.calls.find(
        (c) => c.kind === 'createConversation' && JSON.stringify(c.body).includes('evil.example'),
      )?.body.activity;
      if (!card) await new Promise((r) => setTimeout(r, 25));
    }
    expect(card).toBeDefined();
    expect(expectInert([card])).toBeGreaterThan(0);
    // Bidirectional overrides cannot reorder what the office reads after the manager's text.
    const cases = await bot.app.store.list<CaseRecord>(COLLECTIONS.cases);
    const stored = cases.find((c) => c.value.summary.includes('evil.example'))!.value;
    expect(stored.summary).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('the talking-points introduction line posted to a channel', async () => {
    await post(say('talking points'));
    const card = () =>
      bot.connector
        .sentActivities(chatOf(MANAGER))
        .flatMap((a) => (a.attachments ?? []).map((x: Json) => x.content))
        .at(-1);
    const button = (title: string) =>
      JSON.stringify(card())
        .match(/"title":"[^"]*","data":\{[^}]*\}/g)
        ?.map((s) => JSON.parse(`{${s}}`))
        .find((a: Json) => a.title === title)?.data;
    await post(click(button('Post to a team channel')));
    await post(click(button('1. Digital Services')));
    await post(say('values and ethics'));
    const intro = HOSTILE.slice(0, 190);
    await post(say(intro));
    const before = bot.connector.calls.length;
    await post(click(button('Post')));
    const posted = bot.connector.calls.slice(before).find((c) => c.kind === 'createConversation')
      ?.body.activity;
    expect(posted).toBeDefined();
    expect(expectInert([posted])).toBeGreaterThan(0);
    expect(posted.attachments[0].content.body[0].inlines[0]).toMatchObject({ type: 'TextRun' });
  });
});

describe('tampered card submits and Action.Execute data change nothing', () => {
  let caseId = '';
  let thread = '';
  beforeAll(async () => {
    for (const text of [
      'escalate',
      'Values and ethics office',
      'An employee posted about our program; I need advice on next steps.',
      'Routine',
      'Teams chat',
      'Send it',
    ])
      await post(say(text));
    const until = Date.now() + 10_000;
    while (!thread && Date.now() < until) {
      const c = (await bot.app.store.list<CaseRecord>(COLLECTIONS.cases)).find(
        (d) => d.value.manager.aadObjectId === MANAGER.aadObjectId && d.value.thread,
      );
      if (c) [caseId, thread] = [c.id, c.value.thread!.conversationId];
      else await new Promise((r) => setTimeout(r, 25));
    }
    expect(thread).not.toBe('');
  });

  const unknownAction = t('en', 'common.fallback.unknownAction');

  it('another person’s case id: copy and answer are refused', async () => {
    const intruder = person('intruder');
    await post(say('help', intruder));
    const before = await snapshot();
    const copy = await repliesTo(click({ verb: 'caseCopy', caseId }, intruder), chatOf(intruder));
    expect(visibleText(copy)).toBe(t('en', 'escalation.copy.notFound'));
    const answer = await repliesTo(
      click({ verb: 'caseAnswer', caseId, questionId: 'q1', answer: 'mine now' }, intruder),
      chatOf(intruder),
    );
    expect(visibleText(answer)).not.toContain(caseId);
    expect(await snapshot()).toBe(before);
  });

  it('an office action by someone outside the office team is refused (Action.Execute)', async () => {
    const before = await snapshot();
    const res = await post(invoke('caseAssign', { caseId, seenAssignee: '' }, person('outsider'), thread));
    expect(JSON.parse(res.body).value).toContain('Only members of the office’s team');
    expect(await snapshot()).toBe(before);
  });

  it.each(['no.such.verb', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'an unknown verb %p in a submit gets the plain "no longer available" answer',
    async (verb) => {
      const before = await snapshot();
      const replies = await repliesTo(click({ verb, caseId }), chatOf(MANAGER));
      expect(visibleText(replies)).toContain(unknownAction);
      expect(await snapshot()).toBe(before);
    },
  );

  it.each(['no.such.verb', '__proto__', 'constructor', 'valueOf'])(
    'an unknown verb %p in Action.Execute gets the plain answer',
    async (verb) => {
      const before = await snapshot();
      const res = await post(invoke(verb, { caseId }, OFFICER, thread));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).value).toBe(unknownAction);
      expect(await snapshot()).toBe(before);
    },
  );

  it('__proto__ and constructor keys in submit and Action.Execute data pollute nothing', async () => {
    const polluted =
      '{"verb":"caseCopy","caseId":"' +
      caseId +
      '","__proto__":{"polluted":true,"managerAadObjectId":"aad-x"},"constructor":{"prototype":{"polluted":true}}}';
    const activity = click({}, person('proto'));
    const raw = JSON.stringify(activity).replace('"value":{}', `"value":${polluted}`);
    expect((await post(raw)).status).toBe(200);
    const execute = JSON.stringify(invoke('caseAssign', {}, OFFICER, thread)).replace(
      '"data":{}',
      `"data":${polluted.replace('caseCopy', 'caseAssign')}`,
    );
    expect((await post(execute)).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(visibleText(bot.connector.sentActivities(chatOf(person('proto'))))).toBe(
      t('en', 'escalation.copy.notFound'),
    );
    // The invoke came from an office member: at most the case was assigned to them, by its real id only.
    const after = (await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, caseId))!.value;
    expect(after.managerAadObjectId).toBe(MANAGER.aadObjectId);
    expect(await snapshot()).not.toContain('aad-x');
  });

  it('oversized data: a body over the limit is refused with 413; a long field is cut, not stored whole', async () => {
    const before = await snapshot();
    const huge = click({ verb: 'caseCopy', caseId, pad: 'x'.repeat(300 * 1024) });
    expect((await post(huge)).status).toBe(413);
    expect(await snapshot()).toBe(before);
    const who = person('longnote');
    const step = (s: Record<string, unknown>) => click({ verb: 'sawPost.step', ...s }, who);
    await post(say('I saw a post', who));
    await post(step({ step: 'framing' }));
    await post(step({ step: 'how', choice: 'socialMedia' }));
    await post(step({ step: 'violation', choice: 'notSure' }));
    expect((await post(step({ step: 'context', note: 'n'.repeat(200_000) }))).status).toBe(200);
    const state = JSON.stringify(await bot.app.store.list('botState'));
    expect(state.includes('n'.repeat(1001))).toBe(false);
  });
});

describe('errors carry no internals', () => {
  it.each([
    [
      'an activity without a conversation',
      { type: 'message', text: 'hi', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/' },
    ],
    [
      'an invoke with a non-object value',
      {
        ...botInstalled({ serviceUrl: 'http://127.0.0.1:9/' }),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: 'x',
      },
    ],
    ['malformed JSON', '{"type":'],
  ])('%s', async (_name, body) => {
    const res = await post(body);
    if (res.status >= 500 && res.body)
      expect(JSON.parse(res.body)).toEqual({ code: String(res.status), message: expect.any(String) });
    expect(res.body).not.toMatch(/at \w+ \(|node_modules|\/src\/|TypeError|Cannot read/);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('a reply that fails inside a turn leaves no stack trace in the response', async () => {
    bot.connector.failNext(10, { status: 500, kinds: ['send', 'reply'] });
    const res = await post(say('help', person('err')));
    bot.connector.reset();
    expect(res.body).not.toMatch(/at \w+ \(|node_modules|\/src\/|Error:/);
  }, 60_000);
});
