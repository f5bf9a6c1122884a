/**
 * The features the trained scores read (dangerModel.ts, passageModel.ts): the words, adjacent word pairs and
 * the first five letters of long words of a folded, respelled message (see normalise.ts and lexicon.ts),
 * hashed into a fixed number of buckets. Training and the bot call the same function, so they cannot drift.
 */

/** FNV-1a, 32 bits: a stable hash, the same in training and in the bot. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Distinct hashed features of a folded message. */
export function hashedFeatures(folded: string, buckets: number): number[] {
  const words = folded.split(' ').filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out.add(hash(`w:${w}`) % buckets);
    if (w.length >= 6) out.add(hash(`p:${w.slice(0, 5)}`) % buckets);
    if (i + 1 < words.length) out.add(hash(`b:${w} ${words[i + 1]}`) % buckets);
  }
  return [...out];
}
