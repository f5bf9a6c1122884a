import { firstRequiredWords } from './patterns';

/**
 * A cheap test that lets the answering pipeline skip most of its regular expressions. Every expression of the
 * routing files begins, once its optional words are set aside, with one required word (or one of a few, or a
 * word start such as "threat*"), and a match needs that word in the text. So a set of expressions can only
 * match a text that contains one of their first required words: looking that up in the text's words is much
 * cheaper than running a large regular expression, and most concepts and danger signals are absent from
 * most questions: 0.35 → 0.27 ms per answer over 1,168 questions of the tuning sets (CPU profile, this machine).
 *
 * The gate never changes an answer: it only says "cannot match" when that is certain. The first words come
 * from the same parser that builds the regular expressions (patterns.ts), so the two cannot disagree.
 */

/** The words of a text as the expressions see them: maximal runs of letters and digits (see patterns.ts). */
function textWords(folded: string): ReadonlySet<string> {
  return new Set(folded.split(/[^a-z0-9]+/).filter((w) => w !== ''));
}

/**
 * The gates of many sets of expressions (one set per concept, or per danger signal group), indexed by their
 * first words: for a text, which sets may match is found by looking up the text's words and their starts,
 * not by asking each set in turn.
 */
export class WordGates {
  private readonly byWord = new Map<string, number[]>();
  private readonly byStart = new Map<string, number[]>();
  private readonly alwaysOpen: number[] = [];

  constructor(sets: readonly (readonly string[])[]) {
    sets.forEach((expressions, index) => {
      if (expressions.length === 0) {
        this.alwaysOpen.push(index);
        return;
      }
      for (const first of expressions.map(firstRequiredWords)) {
        for (const w of first.exact) push(this.byWord, w, index);
        for (const p of first.prefixes) push(this.byStart, p, index);
      }
    });
  }

  /** The indices of the sets that may match `folded`; the others certainly do not. */
  openFor(folded: string): ReadonlySet<number> {
    const open = new Set<number>(this.alwaysOpen);
    for (const word of textWords(folded)) {
      for (const i of this.byWord.get(word) ?? []) open.add(i);
      if (this.byStart.size === 0) continue;
      for (let n = 1; n <= word.length; n++)
        for (const i of this.byStart.get(word.slice(0, n)) ?? []) open.add(i);
    }
    return open;
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}
