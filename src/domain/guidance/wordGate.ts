import { prepareExpression } from './patterns';

/**
 * A cheap test that lets the answering pipeline skip most of its regular expressions. Every expression of the
 * routing files begins, once its optional words are set aside, with one required word (or one of a few, or a
 * word start such as "threat*"), and a match needs that word in the text. So a set of expressions can only
 * match a text that contains one of their first required words: looking that up in the text's words is much
 * cheaper than running a large regular expression, and most concepts and danger signals are absent from
 * most questions (measured with `npm run bench:answer`).
 *
 * The gate never changes an answer: it only says "cannot match" when that is certain. An expression whose
 * first required word cannot be worked out opens the gate for good (always run the regular expression).
 */

interface FirstWords {
  readonly exact: readonly string[];
  readonly prefixes: readonly string[];
}

/** The words of a text as the expressions see them: maximal runs of letters and digits (see patterns.ts). */
export function textWords(folded: string): ReadonlySet<string> {
  return new Set(folded.split(/[^a-z0-9]+/).filter((w) => w !== ''));
}

export class WordGate {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];
  private readonly open: boolean;

  constructor(expressions: readonly string[]) {
    let open = expressions.length === 0;
    for (const expression of expressions) {
      const first = firstRequiredWords(expression);
      if (!first) {
        open = true;
        break;
      }
      first.exact.forEach((w) => this.exact.add(w));
      this.prefixes.push(...first.prefixes);
    }
    this.open = open;
  }

  /** False only when none of the expressions can match a text made of `words`. */
  mayMatch(words: ReadonlySet<string>): boolean {
    if (this.open) return true;
    for (const w of words) {
      if (this.exact.has(w)) return true;
      for (const p of this.prefixes) if (w.startsWith(p)) return true;
    }
    return false;
  }
}

/**
 * The words one of which every match of `expression` contains, read with the grammar of patterns.ts (that
 * parser builds the regular expression and has already checked the expression); undefined if unknown.
 */
export function firstRequiredWords(expression: string): FirstWords | undefined {
  const { text } = prepareExpression(expression);
  const reader = new FirstWordReader(text);
  return reader.sequence(false);
}

class FirstWordReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  /** Reads a whole sequence (to keep the position right) and returns its first required item's words. */
  sequence(inGroup: boolean): FirstWords | undefined {
    let first: FirstWords | undefined;
    let found = false;
    for (;;) {
      while (this.text[this.pos] === ' ') this.pos += 1;
      const ch = this.text[this.pos];
      if (ch === undefined || (inGroup && (ch === '|' || ch === ')'))) break;
      if (ch === '~') {
        this.pos += /^~\d*/.exec(this.text.slice(this.pos))![0].length;
        continue;
      }
      let optional = ch === '?';
      if (optional) this.pos += 1;
      const isGroup = this.text[this.pos] === '(';
      const words = isGroup ? this.group() : this.words(inGroup);
      if (isGroup && this.text[this.pos] === '?') {
        this.pos += 1;
        optional = true;
      }
      if (!found && !optional) {
        first = words;
        found = true;
      }
    }
    return found ? first : undefined;
  }

  private group(): FirstWords | undefined {
    this.pos += 1; // (
    const alternatives = [this.sequence(true)];
    while (this.text[this.pos] === '|') {
      this.pos += 1;
      alternatives.push(this.sequence(true));
    }
    this.pos += 1; // )
    if (alternatives.some((a) => a === undefined)) return undefined;
    return {
      exact: alternatives.flatMap((a) => a!.exact),
      prefixes: alternatives.flatMap((a) => a!.prefixes),
    };
  }

  private words(inGroup: boolean): FirstWords {
    const m = (inGroup ? /^[^\s()~?|]+/ : /^[^\s()~?]+/).exec(this.text.slice(this.pos))!;
    this.pos += m[0].length;
    const alternatives = m[0].split('|');
    return {
      exact: alternatives.filter((a) => !a.endsWith('*')),
      prefixes: alternatives.filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1)),
    };
  }
}
