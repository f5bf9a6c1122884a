import type { Lang } from '../../shared/i18n/lang';
import type { DocumentStore } from '../store';

/** Per-passage "was this helpful" counts: numbers only, nothing about who voted. */
export interface PassageFeedback {
  readonly helpful: number;
  readonly notHelpful: number;
}

export interface SharedQuestion {
  readonly question: string;
  readonly lang: Lang;
  readonly helpful: boolean;
  readonly passages: readonly string[];
  readonly contentVersion?: string;
}

const COUNTS = 'feedbackCounts';
const VOTES = 'feedbackVotes';
const QUESTIONS = 'feedbackQuestions';
const PASSAGE_ID = /^[a-z0-9][a-z0-9.\-_]{0,80}$/;
const MAX_PASSAGES = 12;

/**
 * Records feedback on answers. A vote is counted once per answer card per person: the caller passes an
 * opaque key (a hash of card and person), so stored votes do not list who voted. Counts are updated with
 * conditional writes so concurrent votes are never lost. A question is stored only when the manager
 * chose to share it, and expires with the other records.
 */
export class FeedbackService {
  constructor(
    private readonly store: DocumentStore,
    private readonly retentionDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** False when this person already voted on this answer. Unknown-looking passage ids are ignored. */
  async vote(voteKey: string, passages: readonly unknown[], helpful: boolean): Promise<boolean> {
    const ids = [
      ...new Set(passages.filter((p): p is string => typeof p === 'string' && PASSAGE_ID.test(p))),
    ].slice(0, MAX_PASSAGES);
    if (
      !(await this.store.insert(
        VOTES,
        voteKey,
        { at: this.now().toISOString() },
        { expiresAt: this.expiry() },
      ))
    )
      return false;
    for (const id of ids) await this.increment(id, helpful);
    return true;
  }

  async counts(passageId: string): Promise<PassageFeedback> {
    return (await this.store.get<PassageFeedback>(COUNTS, passageId))?.value ?? { helpful: 0, notHelpful: 0 };
  }

  async shareQuestion(key: string, question: SharedQuestion): Promise<void> {
    await this.store.insert(
      QUESTIONS,
      key,
      { ...question, at: this.now().toISOString() },
      { expiresAt: this.expiry() },
    );
  }

  private async increment(passageId: string, helpful: boolean): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await this.store.get<PassageFeedback>(COUNTS, passageId);
      const base = current?.value ?? { helpful: 0, notHelpful: 0 };
      const next = helpful
        ? { ...base, helpful: base.helpful + 1 }
        : { ...base, notHelpful: base.notHelpful + 1 };
      const written = current
        ? (await this.store.update(COUNTS, passageId, next, current.version)) !== undefined
        : await this.store.insert(COUNTS, passageId, next);
      if (written) return;
    }
    throw new Error('feedback count kept conflicting');
  }

  private expiry(): string {
    return new Date(this.now().getTime() + this.retentionDays * 86_400_000).toISOString();
  }
}
