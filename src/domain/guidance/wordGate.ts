import { compileExpressions, firstRequiredWords, requiredWords, type FirstWords } from './patterns';

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
 *
 * `GatedExpressions` takes the gate down to single expressions: each expression is compiled alone and only
 * those whose first words the text has are run, in their order, which gives exactly the matches of the one
 * large alternation of all of them (see `Alternation`) for a fraction of the work.
 */

/** The words of a text as the expressions see them: maximal runs of letters and digits (see patterns.ts). */
export function textWords(folded: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 32;
    const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (wordChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(folded.slice(start, i));
      start = -1;
    }
  }
  return out;
}

/**
 * The gates of many sets of expressions (one set per concept, or per danger signal group), indexed by their
 * first words: for a text, which sets may match is found by looking up the text's words and their starts,
 * not by asking each set in turn.
 */
export class WordGates {
  private readonly byWord = new Map<string, number[]>();
  private readonly byStart = new Map<string, number[]>();
  /** The lengths of the word starts in `byStart`, shortest first. */
  private readonly startLengths: number[];
  private readonly alwaysOpen: number[] = [];
  /** Scratch for `open`: seen[i] === stamp when set i is already listed for the current text. */
  private readonly seen: Uint32Array;
  private stamp = 0;

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
    this.startLengths = [...new Set([...this.byStart.keys()].map((p) => p.length))].sort((a, b) => a - b);
    this.seen = new Uint32Array(sets.length);
  }

  /** The indices of the sets that may match `folded`; the others certainly do not. */
  openFor(folded: string): ReadonlySet<number> {
    return new Set(this.open(textWords(folded)));
  }

  /** The same for a text's words (see `textWords`), in ascending order. */
  open(words: readonly string[]): number[] {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.seen.fill(0);
    const out: number[] = [];
    const add = (list: readonly number[] | undefined) => {
      if (list === undefined) return;
      for (const i of list)
        if (this.seen[i] !== this.stamp) {
          this.seen[i] = this.stamp;
          out.push(i);
        }
    };
    add(this.alwaysOpen);
    for (const word of words) {
      add(this.byWord.get(word));
      for (const n of this.startLengths) {
        if (n > word.length) break;
        add(this.byStart.get(word.slice(0, n)));
      }
    }
    return out.sort((a, b) => a - b);
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

/**
 * A list of expressions, each compiled alone (global), with a gate per expression: what
 * `compileExpressions(list, 'g')` finds in a text, found by running only the expressions the text's words open.
 */
export class GatedExpressions {
  readonly regexes: readonly RegExp[];
  private readonly gates: WordGates;
  /** For each expression, the words of its required items after the first (see `requiredWords`). */
  private readonly rest: readonly (readonly FirstWords[])[];

  constructor(readonly expressions: readonly string[]) {
    this.regexes = expressions.map((e) => compileExpressions([e], 'g'));
    this.gates = new WordGates(expressions.map((e) => [e]));
    this.rest = expressions.map((e) => requiredWords(e).slice(1));
  }

  /**
   * The indices of the expressions that may match a text with these words, in ascending order: those whose
   * first required word the text has (the gate), and then every other required word too.
   */
  open(words: readonly string[]): number[] {
    const open = this.gates.open(words);
    if (open.length === 0) return open;
    let set: ReadonlySet<string> | undefined;
    const has = (item: FirstWords): boolean => {
      set ??= new Set(words);
      for (const w of item.exact) if (set.has(w)) return true;
      for (const p of item.prefixes) for (const w of words) if (w.startsWith(p)) return true;
      return false;
    };
    return open.filter((e) => this.rest[e]!.every(has));
  }

  /** The matches of the whole list in `text`, as a global regular expression walks them. */
  alternation(text: string, open: readonly number[]): Alternation {
    return new Alternation(
      open.map((i) => this.regexes[i]!),
      text,
    );
  }

  /** Whether any of the list matches `text`. */
  test(text: string, open: readonly number[]): boolean {
    for (const i of open) {
      const re = this.regexes[i]!;
      re.lastIndex = 0;
      if (re.test(text)) return true;
    }
    return false;
  }

  /** `text.replace(compileExpressions(list, 'g'), replacement)` for a plain replacement (no "$" patterns). */
  replace(text: string, open: readonly number[], replacement: string): string {
    if (open.length === 0) return text;
    const walk = this.alternation(text, open);
    let out = '';
    let last = 0;
    for (let m = walk.exec(); m; m = walk.exec()) {
      out += text.slice(last, m.index) + replacement;
      last = m.index + m[0].length;
      if (m[0].length === 0) walk.lastIndex += 1;
    }
    return out + text.slice(last);
  }
}

/**
 * The alternation `(?<!…)(?:(?:a)|(?:b)|…)(?!…)` of some expressions, walked like a global regular expression
 * (`exec` from `lastIndex`), from each expression's own matches: at the leftmost position where any of them
 * matches, the first of them (in order) that matches there wins, with its match, exactly as the alternation
 * tries its branches. Each expression's next match is remembered until the walk passes it.
 */
export class Alternation {
  lastIndex = 0;
  private readonly next: (RegExpExecArray | null | undefined)[];

  constructor(
    private readonly regexes: readonly RegExp[],
    private readonly text: string,
  ) {
    this.next = new Array<undefined>(regexes.length).fill(undefined);
  }

  exec(): RegExpExecArray | null {
    let best: RegExpExecArray | null = null;
    for (let k = 0; k < this.regexes.length; k++) {
      let m = this.next[k];
      if (m === undefined || (m !== null && m.index < this.lastIndex)) {
        const re = this.regexes[k]!;
        re.lastIndex = this.lastIndex;
        m = re.exec(this.text);
        this.next[k] = m;
      }
      if (m && (best === null || m.index < best.index)) best = m;
    }
    if (best === null) this.lastIndex = 0;
    else this.lastIndex = best.index + best[0].length;
    return best;
  }
}
