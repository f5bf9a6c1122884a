import { askedText, askingFlags } from '../../../../src/domain/guidance/askingSentences';
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

  it('marks the asking sentences apart: the same story with another question reads differently', () => {
    const story = 'she posted a meme about the minister';
    const whoToCall = passageFeatures(`${story} who should i call`, BUCKETS, 'who should i call');
    const sameWordsInTheStory = passageFeatures(`${story} who should i call`, BUCKETS, '');
    expect(whoToCall.length).toBeGreaterThan(sameWordsInTheStory.length);
    expect(sameWordsInTheStory.every((f) => whoToCall.includes(f))).toBe(true);
  });
});

describe('askingFlags', () => {
  it('reads the sentences with a question mark as asking, or else the last one', () => {
    const sentences = ['my analyst posted a meme', 'a colleague complained', 'what do i do'];
    expect(askingFlags(sentences, [false, false, true])).toEqual([false, false, true]);
    expect(askingFlags(sentences, [false, false, false])).toEqual([false, false, true]);
    expect(askedText(sentences, [false, false, true])).toBe('what do i do');
  });

  it('reads a first sentence that opens like a request as asking too', () => {
    expect(askingFlags(['translate this note', 'it is about leave'], [false, false])).toEqual([true, true]);
  });
});
