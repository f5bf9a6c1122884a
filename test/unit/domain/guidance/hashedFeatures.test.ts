import { hashedFeatures, passageFeatures } from '../../../../src/domain/guidance/hashedFeatures';

const BUCKETS = 1 << 14;
const shared = (a: number[], b: number[]) => a.filter((f) => b.includes(f)).length;

describe('passageFeatures', () => {
  it('keeps every word feature and adds letter sequences', () => {
    const words = hashedFeatures('my analyst republished the screenshot', BUCKETS);
    const all = passageFeatures('my analyst republished the screenshot', BUCKETS);
    expect(words.every((f) => all.includes(f))).toBe(true);
    expect(all.length).toBeGreaterThan(words.length);
  });

  it('lets a misspelt or inflected word share most of its features with the word the training saw', () => {
    // "publications" and the typo "pubications" share no word feature, but many letter sequences.
    expect(shared(hashedFeatures('pubications', BUCKETS), hashedFeatures('publications', BUCKETS))).toBe(0);
    expect(
      shared(passageFeatures('pubications', BUCKETS), passageFeatures('publications', BUCKETS)),
    ).toBeGreaterThan(4);
    expect(
      shared(passageFeatures('republiee', BUCKETS), passageFeatures('publiee', BUCKETS)),
    ).toBeGreaterThan(2);
  });

  it('adds nothing for short words, whose letters say no more than the word itself', () => {
    expect(passageFeatures('can i ask her', BUCKETS).sort()).toEqual(
      hashedFeatures('can i ask her', BUCKETS).sort(),
    );
  });
});
