import { createTurnLimiter } from '../../../src/platform/rateLimit';

describe('the turn limiter (in memory, one instance)', () => {
  it('takes the limit, then refuses, telling once per window', async () => {
    const limiter = createTurnLimiter({ userMessages: 3, conversationMessages: 100, windowSeconds: 30 });
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await limiter.take('user-1', 'conversation-1'));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false, false]);
    expect(verdicts.map((v) => !v.allowed && v.tell)).toEqual([false, false, false, true, false, false]);
    expect(verdicts[3]).toMatchObject({ scope: 'user', retryAfterMs: expect.any(Number) });
    // Someone else in the same conversation is not affected by one person's flood.
    expect(await limiter.take('user-2', 'conversation-1')).toEqual({ allowed: true });
  });

  it('limits a conversation across its people', async () => {
    const limiter = createTurnLimiter({ userMessages: 100, conversationMessages: 2, windowSeconds: 30 });
    const verdicts = await Promise.all(['a', 'b', 'c', 'd'].map((u) => limiter.take(u, 'channel')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(2);
    expect(verdicts.filter((v) => !v.allowed && v.scope === 'conversation' && v.tell)).toHaveLength(1);
  });

  it('is off where the limit is 0', async () => {
    const limiter = createTurnLimiter({ userMessages: 0, conversationMessages: 0, windowSeconds: 30 });
    for (let i = 0; i < 100; i++) expect((await limiter.take('u', 'c')).allowed).toBe(true);
  });

  it('lets messages through when the shared database fails, counting in memory instead', async () => {
    const failing = { query: async () => Promise.reject(new Error('database down')) };
    const limiter = createTurnLimiter(
      { userMessages: 2, conversationMessages: 100, windowSeconds: 30 },
      failing,
    );
    const verdicts = [];
    for (let i = 0; i < 3; i++) verdicts.push(await limiter.take('u', 'c'));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, false]);
  });
});
