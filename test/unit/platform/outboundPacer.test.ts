import { OutboundPacer, TEAMS_CONVERSATION_PACE } from '../../../src/platform/outboundPacer';

/** A clock on which waiting takes no real time: sleep moves it forward. */
function virtualClock() {
  let now = Date.parse('2026-03-02T14:00:00Z');
  return {
    now: () => new Date(now),
    sleep: async (ms: number) => {
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** The most sends that fall within any `windowMs` (a window opening at each send). */
function most(times: readonly number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

describe('OutboundPacer (Teams: 7 per second, 8 per 2 s, 60 per 30 s per conversation)', () => {
  it('keeps 200 messages to one conversation within every rule, and as early as the rules allow', async () => {
    const clock = virtualClock();
    const pacer = new OutboundPacer(clock);
    const sent: number[] = [];
    for (let i = 0; i < 200; i++) {
      await pacer.take('a:conversation');
      sent.push(clock.now().getTime());
    }
    for (const rule of TEAMS_CONVERSATION_PACE)
      expect(most(sent, rule.perMs)).toBeLessThanOrEqual(rule.count);
    // The first seven go at once; 200 messages take about 200 / 60 × 30 s (the 30 s rule binds).
    expect(sent.slice(0, 7).every((t) => t === sent[0])).toBe(true);
    expect((sent[199]! - sent[0]!) / 1000).toBeGreaterThan(90);
    expect((sent[199]! - sent[0]!) / 1000).toBeLessThan(105);
  });

  it('books each conversation apart: a busy one does not hold up another', async () => {
    const clock = virtualClock();
    const pacer = new OutboundPacer(clock);
    for (let i = 0; i < 20; i++) await pacer.take('busy');
    const before = clock.now().getTime();
    await pacer.take('quiet');
    expect(clock.now().getTime()).toBe(before);
  });

  it('spaces concurrent sends too: each books its own moment', async () => {
    const clock = { now: () => new Date(1_000_000), sleep: jest.fn(async (_ms: number) => undefined) };
    const pacer = new OutboundPacer(clock);
    await Promise.all(Array.from({ length: 10 }, () => pacer.take('c')));
    const waits = clock.sleep.mock.calls.map(([ms]) => ms).sort((a, b) => a - b);
    // Seven at once (no wait), the eighth after a second, the ninth and tenth once the first seven are 2 s old.
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(waits[1]).toBeGreaterThanOrEqual(2000);
    expect(waits[2]).toBeGreaterThanOrEqual(2000);
  });
});
