import { SqliteStore } from '../../../../src/storage/sqlite/sqliteStore';
import {
  POSTS,
  PublishError,
  STALE_PENDING_MS,
  VOTES,
  publishOnce,
  recordVote,
  type PostDraft,
  type PostRecord,
} from '../../../../src/features/talkingPoints/posts';

const draft: PostDraft = {
  kind: 'talkingPoints',
  lang: 'fr',
  contentVersion: 'v1',
  scope: 'channel',
  teamId: 'team-1',
  channelId: 'channel-1',
  tenantId: 'tenant',
  serviceUrl: 'https://smba.example/',
  by: 'aad-manager',
  intro: '',
};

describe('publishOnce', () => {
  let store: SqliteStore;
  let now: Date;
  const clock = () => now;
  beforeEach(() => {
    store = new SqliteStore(':memory:');
    now = new Date('2026-11-25T12:00:00Z');
  });
  afterEach(() => store.close());

  const ok = jest.fn(async () => ({ conversationId: 'c;messageid=1', activityId: '1' }));

  it('records who, where, when, language and content version, pending before the send', async () => {
    const publish = jest.fn(async (postId: string) => {
      expect((await store.get<PostRecord>(POSTS, postId))?.value.status).toBe('pending');
      return { conversationId: 'c;messageid=1', activityId: '1' };
    });
    const result = await publishOnce(store, 'k', draft, publish, clock);
    expect(result.outcome).toBe('posted');
    const saved = (await store.get<PostRecord>(POSTS, result.postId))!.value;
    expect(saved).toMatchObject({ ...draft, status: 'posted', activityId: '1', postedAt: now.toISOString() });
  });

  it('never sends twice for one key, even when the two confirms overlap', async () => {
    ok.mockClear();
    const [a, b] = await Promise.all([
      publishOnce(store, 'same', draft, ok, clock),
      publishOnce(store, 'same', draft, ok, clock),
    ]);
    expect(ok).toHaveBeenCalledTimes(1);
    expect([a.outcome, b.outcome].sort()).toEqual(['inProgress', 'posted']);
    expect((await publishOnce(store, 'same', draft, ok, clock)).outcome).toBe('alreadyPosted');
    expect(ok).toHaveBeenCalledTimes(1);
  });

  it('lets a definite refusal (429, 403) be tried again, but never an uncertain 5xx', async () => {
    const busy = jest.fn(async () => {
      throw new PublishError('throttled');
    });
    expect(await publishOnce(store, 'k1', draft, busy, clock)).toMatchObject({
      outcome: 'failed',
      failure: 'throttled',
    });
    expect((await publishOnce(store, 'k1', draft, ok, clock)).outcome).toBe('posted');

    const down = jest.fn(async () => {
      throw new PublishError('unavailable');
    });
    expect((await publishOnce(store, 'k2', draft, down, clock)).outcome).toBe('uncertain');
    ok.mockClear();
    expect((await publishOnce(store, 'k2', draft, ok, clock)).outcome).toBe('uncertain');
    expect(ok).not.toHaveBeenCalled();
  });

  it('takes over a pending post only once it is stale (the first attempt crashed)', async () => {
    const hang = () => new Promise<never>(() => undefined);
    void publishOnce(store, 'k3', draft, hang, clock);
    await new Promise((r) => setTimeout(r, 20));
    expect((await publishOnce(store, 'k3', draft, ok, clock)).outcome).toBe('inProgress');
    now = new Date(now.getTime() + STALE_PENDING_MS + 1);
    expect((await publishOnce(store, 'k3', draft, ok, clock)).outcome).toBe('posted');
  });
});

describe('recordVote', () => {
  it('counts one vote per person, concurrent votes included, and keeps no readable list of voters', async () => {
    const store = new SqliteStore(':memory:');
    const { postId } = await publishOnce(store, 'v', draft, async () => ({
      conversationId: 'c',
      activityId: '1',
    }));
    const voters = Array.from({ length: 12 }, (_, i) => `aad-${i}`);
    await Promise.all([...voters, ...voters].map((v) => recordVote(store, postId, v)));
    expect((await store.get<PostRecord>(POSTS, postId))!.value.usefulCount).toBe(12);
    expect((await recordVote(store, postId, 'aad-0')).outcome).toBe('already');
    const votes = await store.list(VOTES);
    expect(JSON.stringify(votes)).not.toContain('aad-0');
    expect((await recordVote(store, 'unknown', 'aad-0')).outcome).toBe('unknownPost');
    await store.close();
  });
});
