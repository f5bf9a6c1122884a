import { createHash, randomUUID } from 'node:crypto';
import type { Lang } from '../../shared/i18n/lang';
import type { DocumentStore, StoredDocument } from '../../domain/store';
import type { CardKind } from './cards';

/**
 * Posting a card exactly once, the record kept for the organization's reporting, and the
 * "Useful for my team" votes. No Bot Framework here: the edge passes a `publish` function.
 *
 * Exactly once: the post document is inserted (status "pending") under an id derived from an
 * idempotency key BEFORE anything is sent. A second confirm — a double click, Teams re-delivering the
 * activity, or the manager retrying after an error while the post had in fact gone through — finds
 * that document and gets its stored result instead of posting again.
 */

export const POST_REQUESTS = 'talkingPointRequests';
export const POSTS = 'talkingPointPosts';
export const VOTES = 'talkingPointVotes';

/** A confirm older than this, still "pending", was interrupted (a crash mid-post) and may be taken over. */
export const STALE_PENDING_MS = 2 * 60 * 1000;

/** Why a publish failed, as the edge classifies the Bot Connector's answer. */
export type PublishFailure = 'forbidden' | 'not-found' | 'throttled' | 'unavailable' | 'rejected';

export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(readonly kind: PublishFailure) {
    super(`publish failed: ${kind}`);
  }
}

/** What the manager chose in the personal chat, kept until they confirm (the confirm button names it). */
export interface PostRequest {
  readonly kind: CardKind;
  readonly lang: Lang;
  readonly teamId: string;
  readonly teamName: string;
  readonly aadGroupId?: string;
  readonly channelId: string;
  readonly channelName: string;
  readonly tenantId: string;
  readonly serviceUrl: string;
  /** The poster's Entra object id. */
  readonly by: string;
  readonly intro: string;
}

export type PostStatus = 'pending' | 'posted' | 'failed' | 'uncertain';

/** One post of a card, for reporting (who, where, when, language, content version) and for votes. */
export interface PostRecord {
  readonly key: string;
  readonly status: PostStatus;
  readonly kind: CardKind;
  readonly lang: Lang;
  readonly contentVersion: string;
  readonly scope: 'channel' | 'groupChat';
  readonly teamId?: string;
  readonly teamName?: string;
  readonly aadGroupId?: string;
  readonly channelId?: string;
  readonly channelName?: string;
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly by: string;
  readonly intro: string;
  /** Where the card is, to update its count in place. */
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly attemptAt: string;
  readonly postedAt?: string;
  readonly failure?: PublishFailure;
  readonly usefulCount: number;
}

export type PostDraft = Omit<
  PostRecord,
  'key' | 'status' | 'conversationId' | 'activityId' | 'attemptAt' | 'postedAt' | 'failure' | 'usefulCount'
>;

export type Publish = (
  postId: string,
  record: PostRecord,
) => Promise<{ conversationId: string; activityId: string }>;

export type PublishOutcome =
  | { readonly outcome: 'posted'; readonly postId: string; readonly record: PostRecord }
  | { readonly outcome: 'alreadyPosted'; readonly postId: string; readonly record: PostRecord }
  | { readonly outcome: 'inProgress'; readonly postId: string }
  | { readonly outcome: 'uncertain'; readonly postId: string; readonly record: PostRecord }
  | { readonly outcome: 'failed'; readonly postId: string; readonly failure: PublishFailure };

/** A short, stable document id for a key (keys hold conversation ids, which are long). */
export function postIdFor(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export async function saveRequest(
  store: DocumentStore,
  request: PostRequest,
  options: { expiresAt: string },
): Promise<string> {
  const id = randomUUID();
  await store.insert(POST_REQUESTS, id, request, options);
  return id;
}

export async function loadRequest(store: DocumentStore, id: string): Promise<PostRequest | undefined> {
  return (await store.get<PostRequest>(POST_REQUESTS, id))?.value;
}

/**
 * Publishes the card for `key` at most once. A definite refusal (403, 404, 429 after the gateway's own
 * retries, other 4xx) is recorded as "failed" and the same key may be tried again; a 5xx or network
 * failure is "uncertain" — Teams may have posted — so the same key is never sent again.
 */
export async function publishOnce(
  store: DocumentStore,
  key: string,
  draft: PostDraft,
  publish: Publish,
  now: () => Date = () => new Date(),
): Promise<PublishOutcome> {
  const postId = postIdFor(key);
  const fresh: PostRecord = {
    ...draft,
    key,
    status: 'pending',
    attemptAt: now().toISOString(),
    usefulCount: 0,
  };
  let version: number;
  if (await store.insert(POSTS, postId, fresh)) {
    version = 1;
  } else {
    const existing = await store.get<PostRecord>(POSTS, postId);
    if (!existing) return { outcome: 'inProgress', postId };
    const taken = await takeOver(store, postId, existing, now);
    if ('answer' in taken) return taken.answer;
    version = taken.claimed;
  }

  let record = (await store.get<PostRecord>(POSTS, postId))!.value;
  try {
    const where = await publish(postId, record);
    record = { ...record, status: 'posted', ...where, postedAt: now().toISOString() };
    delete (record as { failure?: PublishFailure }).failure;
    await writeOwned(store, postId, record, version);
    return { outcome: 'posted', postId, record };
  } catch (err) {
    const failure: PublishFailure = err instanceof PublishError ? err.kind : 'unavailable';
    record = { ...record, status: failure === 'unavailable' ? 'uncertain' : 'failed', failure };
    await writeOwned(store, postId, record, version);
    return failure === 'unavailable'
      ? { outcome: 'uncertain', postId, record }
      : { outcome: 'failed', postId, failure };
  }
}

/** Decides what a second confirm of the same key gets; claims the document only when a retry is safe. */
async function takeOver(
  store: DocumentStore,
  postId: string,
  existing: StoredDocument<PostRecord>,
  now: () => Date,
): Promise<{ readonly answer: PublishOutcome } | { readonly claimed: number }> {
  const value = existing.value;
  if (value.status === 'posted') return { answer: { outcome: 'alreadyPosted', postId, record: value } };
  if (value.status === 'uncertain') return { answer: { outcome: 'uncertain', postId, record: value } };
  const stale = now().getTime() - Date.parse(value.attemptAt) > STALE_PENDING_MS;
  if (value.status === 'pending' && !stale) return { answer: { outcome: 'inProgress', postId } };
  const retry: PostRecord = { ...value, status: 'pending', attemptAt: now().toISOString() };
  const version = await store.update(POSTS, postId, retry, existing.version);
  // Someone else claimed it between our read and write: theirs is the attempt in progress.
  if (version === undefined) return { answer: { outcome: 'inProgress', postId } };
  return { claimed: version };
}

/**
 * Writes the result of our attempt. Votes can only arrive once the card exists, so nobody else writes
 * a pending document; the loop only guards a vote racing the "posted" write.
 */
async function writeOwned(
  store: DocumentStore,
  id: string,
  record: PostRecord,
  version: number,
): Promise<void> {
  let expected = version;
  for (let i = 0; i < 5; i++) {
    if ((await store.update(POSTS, id, record, expected)) !== undefined) return;
    const current = await store.get<PostRecord>(POSTS, id);
    if (!current) return;
    record = { ...record, usefulCount: current.value.usefulCount };
    expected = current.version;
  }
  await store.put(POSTS, id, record);
}

export type VoteOutcome =
  | { readonly outcome: 'counted' | 'already'; readonly record: PostRecord }
  | { readonly outcome: 'unknownPost' };

/** The vote's document id: one per person and post, without keeping a readable list of who voted. */
export function voteIdFor(postId: string, voter: string): string {
  return createHash('sha256').update(`${postId}\n${voter}`).digest('hex').slice(0, 40);
}

/** One "Useful for my team" per person: the vote document is inserted if absent, then the count is raised. */
export async function recordVote(
  store: DocumentStore,
  postId: string,
  voter: string,
  now: () => Date = () => new Date(),
): Promise<VoteOutcome> {
  const post = await store.get<PostRecord>(POSTS, postId);
  if (!post || post.value.status !== 'posted') return { outcome: 'unknownPost' };
  if (!(await store.insert(VOTES, voteIdFor(postId, voter), { postId, at: now().toISOString() })))
    return { outcome: 'already', record: post.value };
  let current = post;
  // Conditional update: two people clicking at once must both be counted.
  for (let attempt = 0; attempt < 10; attempt++) {
    const next = { ...current.value, usefulCount: current.value.usefulCount + 1 };
    if ((await store.update(POSTS, postId, next, current.version)) !== undefined)
      return { outcome: 'counted', record: next };
    const reread = await store.get<PostRecord>(POSTS, postId);
    if (!reread) return { outcome: 'unknownPost' };
    current = reread;
  }
  // Persistent contention: the vote document stands, and the count catches up from it.
  const count = await store.count(VOTES, { where: { postId } });
  const next = { ...current.value, usefulCount: count };
  await store.put(POSTS, postId, next);
  return { outcome: 'counted', record: next };
}
