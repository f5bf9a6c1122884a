/**
 * The team's first labelled sets in test/eval/ (the original questions, the challenge set and the blind rounds),
 * which every training and measuring script reads first, in this order (the order is part of what makes a
 * training byte-for-byte reproducible).
 */
export const EARLIER_SETS = [
  'questions',
  'challenge',
  'blind-round3',
  'blind-round4',
  'blind-round5',
  'blind-round6',
  'blind-round7',
] as const;
