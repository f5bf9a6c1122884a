import { editDistance } from '../../../src/shared/editDistance';

describe('editDistance (Damerau–Levenshtein, bounded)', () => {
  it.each([
    ['policy', 'policy', 0],
    ['polciy', 'policy', 1], // two neighbouring letters swapped
    ['polcy', 'policy', 1], // a letter missing
    ['pollicy', 'policy', 1], // a letter too many
    ['police', 'policy', 1], // a letter changed
    ['plicoy', 'policy', 2],
  ])('%s → %s is %d', (a, b, expected) => {
    expect(editDistance(a, b, 3)).toBe(expected);
    expect(editDistance(b, a, 3)).toBe(expected);
  });

  it('gives up past the bound: max + 1 for anything farther', () => {
    expect(editDistance('manager', 'employee', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
