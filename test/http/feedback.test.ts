import { message, submit, MANAGER, OFFICER } from '../support/activities';
import { startBot, visibleText, type RunningBot } from '../support/harness';

describe('"Was this helpful?"', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());
  const opts = (from = MANAGER) => ({ serviceUrl: bot.connector.url, from });

  async function answerCardFeedback(question: string, helpful: boolean) {
    await bot.post(message(question, opts()));
    const card = bot.connector.sentActivities()[0].attachments[0].content;
    const action = card.actions.find((a: any) => a.data?.verb === 'feedback' && a.data.helpful === helpful);
    return action.data as Record<string, unknown>;
  }

  it('counts a vote per passage once per person, without keeping the question unless asked', async () => {
    const data = await answerCardFeedback(
      'Should I be monitoring what my employees post on social media?',
      true,
    );
    const passages = data.passages as string[];
    const vote = { ...submit(data, opts()), replyToId: 'answer-card-1' };
    await bot.post(vote);
    await bot.post({ ...vote, id: 'again' });
    const texts = visibleText(bot.connector.sentActivities().slice(1));
    expect(texts).toMatch(/Help improve the answers\?/);
    expect(texts).toMatch(/You already told me about this answer/);
    const counts = await bot.app.store.get<{ helpful: number }>('feedbackCounts', passages[0]!);
    expect(counts?.value.helpful).toBe(1);
    expect(await bot.app.store.count('feedbackQuestions')).toBe(0);
    // Another person's vote on the same card counts too.
    await bot.post({ ...submit(data, opts(OFFICER)), replyToId: 'answer-card-1' });
    expect(
      (await bot.app.store.get<{ helpful: number }>('feedbackCounts', passages[0]!))?.value.helpful,
    ).toBe(2);
  });

  it('keeps the question only when the manager chooses to share it, and never who asked', async () => {
    const data = await answerCardFeedback('Should I monitor my staff on LinkedIn?', false);
    await bot.post({ ...submit(data, opts()), replyToId: 'answer-card-2' });
    const shareCard = bot.connector.sentActivities().at(-1).attachments[0].content;
    expect(JSON.stringify(shareCard.body)).toContain('Should I monitor my staff on LinkedIn?');
    await bot.post(submit(shareCard.actions[0].data, opts()));
    expect(bot.connector.sentActivities().at(-1).text).toMatch(/kept without your name/);
    const [stored] = await bot.app.store.list<Record<string, unknown>>('feedbackQuestions');
    expect(stored?.value).toMatchObject({
      question: 'Should I monitor my staff on LinkedIn?',
      helpful: false,
    });
    expect(JSON.stringify(stored)).not.toContain(MANAGER.id);
    expect(JSON.stringify(stored)).not.toContain(MANAGER.aadObjectId);
    expect(stored?.expiresAt).toBeDefined();
  });

  it('ignores passage ids that are not ids', async () => {
    await bot.post({
      ...submit({ verb: 'feedback', helpful: true, passages: ['__proto__', 'x'.repeat(200), 42] }, opts()),
      replyToId: 'tampered',
    });
    expect(await bot.app.store.get('feedbackCounts', '__proto__')).toBeUndefined();
  });
});
