import { COLLECTIONS, type CaseRecord } from '../../src/domain/cases/types';
import { t } from '../../src/i18n';
import { RECORDS_COLLECTION, type SawPostRecord } from '../../src/domain/records/sawPostRecord';
import { safeText } from '../../src/shared/text';
import { OFFICER, TEAM, cardAction, mention, message, submit, VE_CHANNEL } from '../support/activities';
import { startBot, visibleText, type RunningBot } from '../support/harness';
import { FORBIDDEN, HOSTILE, stringsIn } from '../support/hostileText';
import { TEST_DATABASE_URL, freshPgSchema } from '../support/pgSchema';
import { waitFor } from '../support/waitFor';

/**
 * Every text field a person can type into, fed each character an outside attack run used (NUL, lone
 * surrogates, bidi overrides, zero-width characters…), on SQLite and on PostgreSQL (whose JSON refuses NUL
 * and lone surrogates): the question, the escalation summary, the "I saw a post" note, the office's question
 * and the manager's answer on the cards, and the tab API's question and closing note. Each flow finishes
 * normally, and what the manager previewed is what was stored and what the office's card shows.
 */

const ERRORS = (
  ['common.error.generic', 'common.error.unavailable', 'common.error.delivery'] as const
).flatMap((key) => [t('en', key), t('fr', key)]);
const chatOf = (m: { id: string }) => `a:personal-${m.id}`;
const person = (i: number) => ({
  id: `29:hostile-${i}`,
  name: `Manager ${i}`,
  aadObjectId: `aaaaaaaa-0000-4000-8000-${String(200000000000 + i)}`,
});

/** The texts of the cards' TextRuns (where the bot puts what people typed), in the order sent. */
function typedTexts(activities: readonly unknown[]): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextRun' && typeof o.text === 'string') out.push(o.text);
    Object.values(o).forEach(walk);
  };
  walk(activities);
  return out;
}

const backends: ReadonlyArray<
  readonly [string, (() => Promise<{ url: string; drop(): Promise<void> }>) | null]
> = [
  ['SQLite', null],
  ...(TEST_DATABASE_URL ? [['PostgreSQL', () => freshPgSchema('smg_hostile')] as const] : []),
];

describe.each(backends)('hostile characters in every text field (%s)', (_backend, database) => {
  let bot: RunningBot;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const db = database ? await database() : undefined;
    dropDatabase = db?.drop;
    bot = await startBot({ env: db ? { DATABASE_URL: db.url } : {} });
    bot.connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'owner' });
    await bot.post(
      mention('register values and ethics office', {
        serviceUrl: bot.connector.url,
        channelId: VE_CHANNEL,
        from: OFFICER,
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await dropDatabase?.();
  });

  it.each(HOSTILE.map(([name, ch], i) => [name, ch, i] as const))(
    '%s: the question, summary, note, office question and answer, tab question and note all go through',
    async (_name, ch, i) => {
      const manager = person(i);
      const o = { serviceUrl: bot.connector.url, from: manager };
      const say = async (text: string) => expect((await bot.post(message(text, o))).status).toBe(200);
      const sent = () => bot.connector.sentActivities(chatOf(manager));

      // The question is answered from the guidance, as without the character.
      await say(`Can my employee${ch} post about our program on social media?`);
      expect(sent().some((a) => a.attachments?.length)).toBe(true);

      // "I saw a post", clear-violation branch, with a private note on the protocols step.
      const note = `Spoke with HR${ch} about \u202ethe post 👩‍💻`;
      const step = (s: Record<string, unknown>) => bot.post(submit({ verb: 'sawPost.step', ...s }, o));
      await say('I saw a post');
      await step({ step: 'framing' });
      await step({ step: 'how', choice: 'socialMedia' });
      await step({ step: 'violation', choice: 'bullying' });
      await step({ step: 'protocols', note });
      const [record] = await bot.app.store.list<SawPostRecord>(RECORDS_COLLECTION, {
        where: { owner: manager.aadObjectId },
      });
      expect(record?.value.answers.closingNote).toBe(safeText(note));
      expect(typedTexts(sent())).toContain(safeText(note));

      // Escalation: the preview, the stored case and the office's card show the same summary.
      const summary = `Advice needed${ch} on a post about our program, please \u202e.`;
      for (const text of ['escalate', 'Values and ethics office', summary, 'Routine', 'Teams chat'])
        await say(text);
      const preview = typedTexts(sent()).filter((text) => text.startsWith('Advice needed'));
      expect(preview).toEqual([safeText(summary)]);
      await say('Send it');
      const caseId = /\bVE-\d{4}-\d{4}\b/.exec(visibleText(sent().slice(-1)))?.[0];
      expect(caseId).toBeDefined();
      const posted = await waitFor(async () => {
        const c = (await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, caseId!))?.value;
        return c?.thread ? c : undefined;
      }, 'the case card posted');
      expect(posted.summary).toBe(preview[0]);
      const officeCard = bot.connector.calls.find(
        (c) => c.kind === 'createConversation' && JSON.stringify(c.body).includes(caseId!),
      );
      expect(typedTexts([officeCard?.body])).toContain(preview[0]);

      // The office asks on the card; the manager answers on the question card.
      const inChannel = {
        serviceUrl: bot.connector.url,
        conversationType: 'channel' as const,
        channelId: VE_CHANNEL,
        conversationId: posted.thread!.conversationId,
        from: OFFICER,
      };
      const asked = await bot.post(
        cardAction('caseAsk', { caseId, question: `Is it${ch} still online?` }, inChannel),
      );
      expect(JSON.parse(asked.body).value).toContain('Your question was sent to the manager');
      const questionCard = sent().at(-1);
      const answerButton = questionCard.attachments[0].content.actions[0];
      await bot.post(submit({ ...answerButton.data, answer: `Yes${ch}, still up.` }, o));
      expect(visibleText(sent().slice(-1))).toContain(`Your answer was added to ${caseId}`);

      // The tab API: another question, then the closing note.
      const tab = (action: string, body: Record<string, unknown>) =>
        fetch(`${bot.url}/api/tabs/board/cases/${caseId}/${action}?teamId=${encodeURIComponent(TEAM.id)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-dev-user': OFFICER.aadObjectId },
          body: JSON.stringify(body),
        });
      expect((await tab('request-info', { question: `From the board${ch}: any update?` })).status).toBe(200);
      expect((await tab('close', { outcome: 'adviceGiven', note: `Closed${ch} after a talk.` })).status).toBe(
        200,
      );

      const stored = (await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, caseId!))!.value;
      expect(stored.status).toBe('closed');
      expect(stored.questions.map((q) => [q.question, q.answer])).toEqual([
        [safeText(`Is it${ch} still online?`), safeText(`Yes${ch}, still up.`)],
        [safeText(`From the board${ch}: any update?`), undefined],
      ]);
      expect(stored.closeNote).toBe(safeText(`Closed${ch} after a talk.`));
      for (const text of stringsIn([stored, record!.value])) expect(text).not.toMatch(FORBIDDEN);
      // Nobody was told that something went wrong.
      const everything = visibleText(bot.connector.calls.map((c) => c.body));
      for (const error of ERRORS) expect(everything).not.toContain(error);
    },
    30_000,
  );
});
