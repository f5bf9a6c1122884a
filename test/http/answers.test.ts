import { message, mention, submit } from '../support/activities';
import { startBot, visibleText, type RunningBot } from '../support/harness';

/** Questions asked through the real server: the answer card a manager sees, in their language. */
describe('answers through the server', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());
  const opts = () => ({ serviceUrl: bot.connector.url });

  const cardOf = (activity: any) => activity.attachments?.[0]?.content;

  it('answers an English question with the quoted guidance, its source and feedback buttons', async () => {
    await bot.post(message('Should I be monitoring what my employees post on social media?', opts()));
    const [reply] = bot.connector.sentActivities();
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    const text = visibleText([reply]);
    expect(text).toContain(
      'Managers generally should not be routinely monitoring employees’ public social media activity and must always respect their employees’ rights to privacy and freedom of expression.',
    );
    const actions = JSON.stringify(card);
    expect(actions).toContain('https://www.canada.ca/en/government/publicservice/values/');
    expect(actions).toContain('"verb":"feedback"');
    expect(actions).toContain('"verb":"escalate"');
  });

  it('answers a French question in French, marked as a working translation with the official French page', async () => {
    await bot.post(message('Est-ce que je devrais surveiller les comptes de mes employés?', opts()));
    const [reply] = bot.connector.sentActivities();
    const text = visibleText([reply]);
    expect(text).toMatch(/surveiller/);
    expect(text).toMatch(/traduction de travail/i);
    expect(JSON.stringify(cardOf(reply))).toContain('https://www.canada.ca/fr/');
  });

  it('gives the whole list when asked what to tell the team', async () => {
    await bot.post(message('What should I tell my team about social media?', opts()));
    const text = visibleText(bot.connector.sentActivities());
    expect(text).toContain('Once something is online, it is very hard to permanently remove it');
    expect(text).toContain('Hiring managers could look up someone’s digital footprint');
    expect(text).toContain('we take an oath');
  });

  it('routes an urgent situation at once with whom to contact', async () => {
    await bot.post(
      message('One of my employees is being doxxed and harassed online because of their job', opts()),
    );
    const text = visibleText(bot.connector.sentActivities());
    expect(text).toMatch(/urgent/i);
    expect(text).toMatch(/security/i);
    // Routed, not coached: no offer of the step-by-step flow after an urgent card.
    expect(bot.connector.sentActivities()).toHaveLength(1);
  });

  it('declines an out-of-scope question and says what it covers', async () => {
    await bot.post(message('What will the weather be like in Ottawa tomorrow?', opts()));
    const text = visibleText(bot.connector.sentActivities());
    expect(text).toMatch(/outside what I can help with/);
    expect(text).toMatch(/personal social media/);
  });

  it('answers a related-question button like a typed question', async () => {
    await bot.post(submit({ verb: 'ask', q: 'Can I use a disclaimer?' }, opts()));
    expect(visibleText(bot.connector.sentActivities())).toMatch(/disclaimers can help mitigate risks/);
  });

  it('answers when @mentioned in a channel', async () => {
    await bot.post(mention('should managers monitor employees social media?', opts()));
    expect(bot.connector.sentActivities()).toHaveLength(1);
    expect(visibleText(bot.connector.sentActivities())).toMatch(/routinely monitoring/);
  });

  it('keeps HTML, markdown links and template expressions inert', async () => {
    await bot.post(
      message(
        '<b>hi</b> [click](https://evil.example) ${1+1} can I monitor my team on social media?',
        opts(),
      ),
    );
    // What is displayed: the question is never echoed on the card, so nothing in it can become live.
    const shown = visibleText(bot.connector.sentActivities());
    expect(shown).not.toContain('evil.example');
    expect(shown).not.toMatch(/<b>|\$\{|\b2\b/);
    expect(shown).toMatch(/routinely monitoring/);
  });
});
