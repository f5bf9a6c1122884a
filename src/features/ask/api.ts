/**
 * What other features may use of "ask": how a quoted guidance passage is shown on a card, so that an
 * answer and a step of "I saw a post" quote the guidance alike.
 */
export { passageBody, translationNote } from './passages';
