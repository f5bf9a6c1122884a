import { compileExpressions, wordRequirement, type FirstWords, type WordRequirement } from './patterns';

/**
 * A cheap test that lets the answering pipeline skip most of its regular expressions. Every expression of the
 * routing files needs some words to match: one word (or one of a few, or a word start such as "threat*") of
 * each required item, of one phrase of each required group (patterns.ts, `wordRequirement`). Looking those up
 * in the text's words is much cheaper than running a regular expression, and most expressions lack one of
 * their words in most questions. Each expression is compiled alone and only those the text has the words of
 * are run, in their order, which gives exactly the matches of the one large alternation of all of them (see
 * `Alternation`): 0.37 → about 0.15 ms per answer with the gate per expression rather than per concept or
 * danger group (tight loop over the 3,615 questions of test/eval, this machine).
 *
 * The gate never changes an answer: it only says "cannot match" when that is certain. The words come from the
 * same parser that builds the regular expressions (patterns.ts), so the two cannot disagree.
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

/** How many texts `WordMarks.lookUpText` remembers: more than the sentences of nearly every message. */
const RECENT_TEXTS = 16;

/**
 * The words and word starts ("threat*") some expression lists name, each with an id. A text's words are looked
 * up here once for all the lists built on it (see `GatedExpressions.openMarks`): the answerer's concepts and
 * danger detector share one, so each sentence is walked once rather than five times.
 */
export class WordMarks {
  private readonly byWord = new Map<string, number>();
  /** Every word start, letter by letter: a text's word walks down as far as it goes. */
  private readonly byStart: StartNode = { id: -1, named: false, next: new Map() };
  private count = 0;
  /** The last texts `lookUpText` looked up, with their ids, oldest first. */
  private readonly recent: { readonly text: string; readonly ids: readonly number[] }[] = [];

  /** How many ids were given: every id is below it. */
  get size(): number {
    return this.count;
  }

  /** The id of a word, given now if it has none. */
  word(w: string): number {
    let id = this.byWord.get(w);
    if (id === undefined) {
      this.byWord.set(w, (id = this.count++));
      this.recent.length = 0; // a remembered look-up lacks the new word
    }
    return id;
  }

  /** The id of a word start, given now if it has none. */
  start(p: string): number {
    let node = this.byStart;
    for (let i = 0; i < p.length; i++) {
      const code = p.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { id: this.count++, named: false, next: new Map() }));
      node = child;
    }
    if (!node.named) this.recent.length = 0; // a remembered look-up lacks the new word start
    node.named = true;
    return node.id;
  }

  /**
   * `lookUp(textWords(folded))`, remembered for the last few texts: the danger detector and then the concepts
   * look up the same sentences of a message. Not to be changed by the caller.
   */
  lookUpText(folded: string): readonly number[] {
    for (const seen of this.recent) if (seen.text === folded) return seen.ids;
    const ids = this.lookUp(textWords(folded));
    if (this.recent.length === RECENT_TEXTS) this.recent.shift();
    this.recent.push({ text: folded, ids });
    return ids;
  }

  /** The ids of the words and word starts a text with these words (see `textWords`) has, maybe repeated. */
  lookUp(words: readonly string[]): number[] {
    const out: number[] = [];
    for (const word of words) {
      const id = this.byWord.get(word);
      if (id !== undefined) out.push(id);
      let node: StartNode | undefined = this.byStart;
      for (let c = 0; c < word.length; c++) {
        node = node.next.get(word.charCodeAt(c));
        if (node === undefined) break;
        if (node.named) out.push(node.id);
      }
    }
    return out;
  }
}

/**
 * A list of expressions, each compiled alone (global), with a gate per expression: what
 * `compileExpressions(list, 'g')` finds in a text, found by running only the expressions the text's words open.
 * An expression is open when the text has the words it needs (see `wordRequirement`): a word of each required
 * item, of one phrase of each required group. It is indexed by words one of which it needs, chosen to be rare
 * in questions (long words rather than "i", "is", "de"), so a text's words look up few expressions, whose other
 * needs are then checked: the words and word starts the text has are marked as it is looked up.
 */
export class GatedExpressions {
  readonly regexes: readonly RegExp[];
  /** For each word or word start id (see `WordMarks`), the expressions it indexes, if any. */
  private readonly indexedBy: readonly (readonly number[] | undefined)[];
  /** markSeen[id] === stamp when the text being looked up has that word or word start. */
  private readonly markSeen: Uint32Array;
  /**
   * Each expression's needs as a small program (see `Op`), all of them end to end: one loop over integers
   * rather than a tree of closures, whose calls V8 cannot inline (a third of the time of `open` was there).
   */
  private readonly program: Int32Array;
  /** Where each expression's needs start in `program`. */
  private readonly needsAt: Int32Array;
  /** Scratch for `open`: seen[i] === stamp when expression i is already listed for the current text. */
  private readonly seen: Uint32Array;
  /** Counts the texts looked up: a word, word start or expression marked with it belongs to the current one. */
  private stamp = 0;

  constructor(
    readonly expressions: readonly string[],
    /** Where the list's words get their ids; lists that share it can share a text's look-up. */
    readonly marks: WordMarks = new WordMarks(),
  ) {
    this.regexes = expressions.map((e) => compileExpressions([e], 'g'));
    const needs = expressions.map(wordRequirement);
    const program: number[] = [];
    this.needsAt = Int32Array.from(needs, (n) => {
      const at = program.length;
      this.compile(n, program);
      return at;
    });
    this.program = Int32Array.from(program);
    const indexedBy: number[][] = [];
    needs.forEach((needs, index) => {
      const key = indexWords(needs);
      for (const w of key.exact) addIndex(indexedBy, marks.word(w), index);
      for (const p of key.prefixes) addIndex(indexedBy, marks.start(p), index);
    });
    // Every id, so the array stays packed (no holes): lookups never leave V8's fast path.
    this.indexedBy = Array.from({ length: marks.size }, (_, id) => indexedBy[id]);
    this.markSeen = new Uint32Array(marks.size);
    this.seen = new Uint32Array(expressions.length);
  }

  /** Appends `needs` to `program` as an `Op` node: [op, length of the node, operands…]. */
  private compile(needs: WordRequirement, program: number[]): void {
    const at = program.length;
    if ('words' in needs) {
      program.push(Op.AnyMark, 0);
      for (const w of needs.words.exact) program.push(this.marks.word(w));
      for (const p of needs.words.prefixes) program.push(this.marks.start(p));
    } else {
      const items = 'all' in needs ? needs.all : needs.any;
      // One item is the item itself: one step less at every look-up.
      if (items.length === 1) return this.compile(items[0]!, program);
      program.push('all' in needs ? Op.All : Op.Any, 0);
      for (const item of items) this.compile(item, program);
    }
    program[at + 1] = program.length - at;
  }

  /** Whether the text being looked up has what the program node at `at` needs (its words are marked). */
  private holds(at: number): boolean {
    const program = this.program;
    const end = at + program[at + 1]!;
    switch (program[at]) {
      case Op.AnyMark:
        for (let i = at + 2; i < end; i++) if (this.markSeen[program[i]!] === this.stamp) return true;
        return false;
      case Op.All:
        for (let child = at + 2; child < end; child += program[child + 1]!)
          if (!this.holds(child)) return false;
        return true;
      default:
        for (let child = at + 2; child < end; child += program[child + 1]!)
          if (this.holds(child)) return true;
        return false;
    }
  }

  /** The indices of the expressions that may match a text with these words (see `textWords`), ascending. */
  open(words: readonly string[]): number[] {
    return this.openMarks(this.marks.lookUp(words));
  }

  /** `open` for a text already looked up in `marks` (`marks.lookUp(words)`). */
  openMarks(present: readonly number[]): number[] {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    const stamp = this.stamp;
    if (stamp === 1) this.reset();
    const seen = this.seen;
    const markSeen = this.markSeen;
    const out: number[] = [];
    for (const id of present) {
      // Ids given after this list was built name words of other lists only.
      if (id >= markSeen.length) continue;
      markSeen[id] = stamp;
      const indices = this.indexedBy[id];
      if (indices !== undefined) listOnce(indices, seen, stamp, out);
    }
    // Keep, in place, the candidates whose other needs the text has too.
    let kept = 0;
    for (const e of out) if (this.holds(this.needsAt[e]!)) out[kept++] = e;
    out.length = kept;
    return kept > 1 ? out.sort((a, b) => a - b) : out;
  }

  /** After 2³² texts: every mark back to "not seen", so an old stamp is never taken for the current one. */
  private reset(): void {
    this.seen.fill(0);
    this.markSeen.fill(0);
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

/** A word start (or the letters on the way to one) and the letters that may follow it. */
interface StartNode {
  readonly id: number;
  /** An expression names this word start (rather than a longer one only). */
  named: boolean;
  readonly next: Map<number, StartNode>;
}

/**
 * The steps of a compiled word requirement (`GatedExpressions.program`): each node is [op, its length, …].
 * AnyMark: the text has one of the marks (word or word start ids) that follow; All, Any: every one, or one,
 * of the nodes that follow holds.
 */
const enum Op {
  AnyMark = 0,
  All = 1,
  Any = 2,
}

function addIndex(indexedBy: number[][], id: number, index: number): void {
  const indices = (indexedBy[id] ??= []);
  if (indices[indices.length - 1] !== index) indices.push(index);
}

/**
 * Words one of which every text that satisfies `needs` has, chosen to be rarely in a question: the rarest
 * item's of a sequence, and the union of each phrase's of a group.
 */
function indexWords(needs: WordRequirement): FirstWords {
  if ('all' in needs)
    return needs.all.map(indexWords).reduce((best, item) => (rarity(item) > rarity(best) ? item : best));
  if ('any' in needs) {
    const each = needs.any.map(indexWords);
    return { exact: each.flatMap((w) => w.exact), prefixes: each.flatMap((w) => w.prefixes) };
  }
  return needs.words;
}

/**
 * How unlikely a question is to have one of an item's words, roughly: by its shortest word (or word start),
 * then by how few alternatives it has. Only the speed of the gate depends on it, never a match.
 */
function rarity(item: FirstWords): number {
  const lengths = [...item.exact.map((w) => w.length), ...item.prefixes.map((p) => p.length - 1)];
  return Math.min(...lengths) * 100 - lengths.length;
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

/** Appends to `out` the expressions of `indices` not yet listed for the text being looked up (`seen` at `stamp`). */
function listOnce(indices: readonly number[], seen: Uint32Array, stamp: number, out: number[]): void {
  for (const i of indices)
    if (seen[i] !== stamp) {
      seen[i] = stamp;
      out.push(i);
    }
}
