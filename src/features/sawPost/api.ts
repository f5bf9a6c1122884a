/**
 * What other features may use of "I saw a post": the walk-through under way, as the part an office may see,
 * for an escalation started over it (its choices so far, never the notes).
 */
export { walkThroughDraft } from './sawPostDialog';

/** The offer shown after an answer that describes a post. */
export { sawPostOfferCard } from './cards';
