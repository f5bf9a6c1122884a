import { StateConflictError } from '../shared/errors';
import type { Storage, StoreItems } from 'botbuilder';
import type { DocumentStore } from '../domain/store';
import { expiryAfterInactivity, needsRenewal } from '../shared/retention';

const COLLECTION = 'botstate';

/**
 * botbuilder `Storage` over our DocumentStore, with MemoryStorage's eTag semantics: a write carrying the
 * eTag it read succeeds only if nobody wrote since ("*" or no eTag = last writer wins). This is what makes
 * conversation and dialog state durable across restarts and safe when Teams re-delivers an activity.
 */
export class BotStateStorage implements Storage {
  constructor(
    private readonly store: DocumentStore,
    private readonly options: {
      conversationStateDays?: number;
      userStateDays?: number;
      now?: () => Date;
    } = {},
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      let doc = await this.store.get<Record<string, unknown>>(COLLECTION, key);
      const days = this.options.userStateDays;
      if (doc && days && isUserKey(key) && needsRenewal(doc.expiresAt, this.now(), days)) {
        // The person is here: their preferences live another USER_RETENTION_DAYS. A concurrent write wins.
        const version = await this.store.update(COLLECTION, key, doc.value, doc.version, {
          expiresAt: expiryAfterInactivity(this.now(), days),
        });
        if (version !== undefined)
          doc = (await this.store.get<Record<string, unknown>>(COLLECTION, key)) ?? doc;
      }
      if (doc) items[key] = { ...doc.value, eTag: String(doc.version) };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
      const options = this.writeOptions(key);
      if (eTag && eTag !== '*') {
        const updated = await this.store.update(COLLECTION, key, value, Number(eTag), options);
        if (updated !== undefined) continue;
        // MemoryStorage writes when nothing is stored yet, whatever eTag the caller carries.
        if (
          !(await this.store.get(COLLECTION, key)) &&
          (await this.store.insert(COLLECTION, key, value, options))
        )
          continue;
        throw new StateConflictError(key);
      }
      await this.store.put(COLLECTION, key, value, options);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.store.delete(COLLECTION, key);
  }

  /**
   * Conversation (dialog) state may hold a manager's private notes mid-flow: it expires after the record
   * retention. A person's preferences expire after a period without activity (renewed on use, see read).
   */
  private writeOptions(key: string): { expiresAt?: string } {
    const days = isUserKey(key) ? this.options.userStateDays : this.options.conversationStateDays;
    if (!days || (!isUserKey(key) && !key.includes('/conversations/'))) return {};
    return { expiresAt: expiryAfterInactivity(this.now(), days) };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** UserState's keys: `<channel>/users/<user id>` (botbuilder's own layout). */
function isUserKey(key: string): boolean {
  return key.includes('/users/');
}
