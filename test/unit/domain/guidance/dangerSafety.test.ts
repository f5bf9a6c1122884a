import { DangerDetector, loadDangerFile } from '../../../../src/domain/guidance/danger';
import type { DangerModel } from '../../../../src/domain/guidance/dangerModel';
import { Negation, Spelling } from '../../../../src/domain/guidance/lexicon';
import { normaliseQuestion } from '../../../../src/domain/guidance/normalise';

/**
 * The last danger rule: the trained score on its own, when it is very sure and the message names a person, a
 * place or a post. A stand-in score makes the rule's conditions visible without depending on the weights.
 */
const spelling = new Spelling();
const detectorScoring = (score: number) =>
  new DangerDetector(loadDangerFile(), new Negation(), { score: () => score } as unknown as DangerModel);
const assess = (detector: DangerDetector, text: string) => {
  const q = normaliseQuestion(text);
  return detector.assess({
    sentences: q.sentences.map((s) => spelling.apply(s, 'en')),
    laughing: q.laughing,
  });
};

// Words the lexicon has no sign for: only the score can see them.
const UNKNOWN_WORDING = 'My employee posted that the tulips will bloom without her this spring.';

describe('the safety rule (trained score alone)', () => {
  it('shows the general crisis card when the score is at least 0.9', () => {
    expect(assess(detectorScoring(0.91), UNKNOWN_WORDING).topic).toBe('safety');
  });

  it('stays quiet below 0.9', () => {
    expect(assess(detectorScoring(0.89), UNKNOWN_WORDING).topic).toBeUndefined();
  });

  it('stays quiet when the manager says outright that nobody threatened anyone', () => {
    const sure = detectorScoring(0.99);
    expect(assess(sure, `${UNKNOWN_WORDING} Nobody has threatened her.`).topic).toBeUndefined();
    expect(assess(sure, `${UNKNOWN_WORDING} Personne ne l'a menacée.`).topic).toBeUndefined();
  });

  it('never fires on a general question, a joke or a message naming no one', () => {
    const sure = detectorScoring(0.99);
    expect(assess(sure, 'What if an employee posts something worrying?').topic).toBeUndefined();
    expect(
      assess(sure, 'My employee posted that the tulips will bloom without her lol 😂').topic,
    ).toBeUndefined();
    expect(assess(sure, 'Tulips bloom in spring.').topic).toBeUndefined();
  });

  it('needs 0.97 in a message of more than 70 words: a long story drifts up with no danger in it', () => {
    const story = `${UNKNOWN_WORDING} ${'We talked about the budget, the schedule and the training plan for the autumn. '.repeat(6)}`;
    expect(story.split(/\s+/).filter(Boolean).length).toBeGreaterThan(70);
    expect(assess(detectorScoring(0.95), story).topic).toBeUndefined();
    expect(assess(detectorScoring(0.98), story).topic).toBe('safety');
    // the same score still decides in a short message
    expect(assess(detectorScoring(0.95), UNKNOWN_WORDING).topic).toBe('safety');
  });

  it('leaves a message the lexicon names to its own topic', () => {
    expect(assess(detectorScoring(0.99), 'Someone threatened to kill my employee').topic).toBe('violence');
  });
});
