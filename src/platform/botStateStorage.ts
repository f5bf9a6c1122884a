import { StateConflictError } from '../shared/errors';
import type { Storage, StoreItems } from 'botbuilder';
import type { DocumentStore } from '../domain/store';

const COLLECTION = 'botstate';

/**
 * botbuilder `Storage` over our DocumentStore, with MemoryStorage's eTag semantics: a write carrying the
 * eTag it read succeeds only if nobody wrote since ("*" or no eTag = last writer wins). This is what makes
 * conversation and dialog state durable across restarts and safe when Teams re-delivers an activity.
 */
export class BotStateStorage implements Storage {
  constructor(
    private readonly store: DocumentStore,
    private readonly options: { conversationStateDays?: number; now?: () => Date } = {},
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const doc = await this.store.get<Record<string, unknown>>(COLLECTION, key);
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

  /** Conversation (dialog) state may hold a manager's private notes mid-flow: it expires; user preferences do not. */
  private writeOptions(key: string): { expiresAt?: string } {
    const days = this.options.conversationStateDays;
    if (!days || !key.includes('/conversations/')) return {};
    const now = this.options.now?.() ?? new Date();
    return { expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString() };
  }
}
