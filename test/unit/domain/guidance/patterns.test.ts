import {
  compileExpressions,
  expressionSource,
  ExpressionError,
} from '../../../../src/domain/guidance/patterns';

/** The expression language of content/concepts.json and content/danger.json, as content owners write it. */
const matches = (expression: string, text: string) => compileExpressions([expression]).test(text);

describe('routing expressions', () => {
  it.each([
    ['take down', 'please take down the post', true],
    ['take down', 'take it down', false],
    ['threat*', 'he threatened her', true],
    ['threat*', 'a big threatre', true],
    ['kill', 'her skills', false],
    ['arme', 'l armee canadienne', false],
    ['delete|remove post', 'remove post now', true],
    ['ask ~ down', 'ask him to take it down', false],
    ['ask ~4 down', 'ask him to take it down', true],
    ['(see you|show up) monday', 'see you monday', true],
    ['(see you|show up) monday', 'show up monday', true],
    ['(see you|show up) monday', 'see monday', false],
    ['home ?address', 'her home address', true],
    ['home ?address', 'her home', true],
    ['(of the )?office', 'office', true],
    ['^ ?please translate', 'please translate this', true],
    ['^ ?please translate', 'can you please translate', false],
    ['do a (x|y)|faire un (z)', 'faire un z', true],
    ['(a (b|c)|d) e', 'a c e', true],
    // a gap before an optional item stays a gap when the item is not there
    ['mocking ~3 (a|his)? coworker', 'mocking another coworker', true],
    ['mocking ~3 (a|his)? coworker', 'mocking his coworker', true],
    ['mocking ~3 (a|his)? coworker', 'mocking one of his coworker', true],
    ['mocking ~3 (a|his)? coworker', 'mocking one of the very new coworker', false],
    ['Menacé de mort', 'il a ete menace de mort', true],
  ])('"%s" on "%s" → %s', (expression, text, expected) => {
    expect(matches(expression, text)).toBe(expected);
  });

  it.each([
    ['word!'],
    ['word?'],
    ['~ starts with a gap'],
    ['ends with a gap ~'],
    ['(unclosed'],
    ['closed)'],
    [''],
    ['mocking ~3 (a|his)? ?(coworker|person)'],
    ['(calling it|call it) ~2 (quits|for good)?'],
    ['(building|office)? ?(security|securite) (measures|mesures)'],
  ])('rejects "%s" with a message naming the expression', (bad) => {
    expect(() => expressionSource(bad)).toThrow(ExpressionError);
  });

  it('matches the longest phrase of a group, so what it matched can be blanked whole', () => {
    const re = compileExpressions(['(how are you|how are you doing)']);
    expect(re.exec('how are you doing today')?.[0]).toBe('how are you doing');
    // and still the shorter phrase where the longer one is not there
    expect(re.exec('how are you today')?.[0]).toBe('how are you');
  });

  it('keeps optional words that still leave a word required after the first', () => {
    expect(matches('mocking ~3 (a|his)? (coworker|person)', 'mocking his coworker')).toBe(true);
    expect(matches('mocking ~3 (a|his)? (coworker|person)', 'mocking the minister')).toBe(false);
  });
});
