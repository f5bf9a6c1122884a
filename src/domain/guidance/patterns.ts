/**
 * The expression language of the routing files in content/ (concepts.json, danger.json), written for
 * the office's content owners rather than for programmers. Expressions are matched against the folded
 * question (lower case, no accents, punctuation turned to spaces, see normalise.ts):
 *
 *   take down               these words, in this order, next to each other
 *   threat*                 any word starting so: threat, threats, threatened, threatening
 *   delete|remove           one of these words (each may end in *)
 *   (next week|tomorrow)    one of these phrases
 *   ?really  ?(of the)      an optional word or phrase (also "(of the)?")
 *   ask ~ down              up to 3 other words in between ("ask him to take it down")
 *   post ~6 address         up to 6 other words in between
 *   ^ please                 only at the very start of the message
 *   do a (x|y)|faire un (z)  a "|" next to a group separates whole phrases: either phrase
 *
 * Each expression becomes one regular expression anchored on word boundaries, so "kill" never matches
 * inside "skill" and "arme" never inside "armee".
 */

import { foldAccents } from './normalise';

const WORD = '[a-z0-9]+';
const DEFAULT_GAP = 3;
const MAX_GAP = 12;

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
}

/**
 * The words one of which every match of an expression contains: its first required item's words, and word
 * starts for items written "threat*" (see wordGate.ts).
 */
export interface FirstWords {
  readonly exact: readonly string[];
  readonly prefixes: readonly string[];
}

/**
 * What words a text must have for an expression (or a part of it) to match: one of some words or word starts,
 * every one of a sequence's required items, or one of a group's phrases (see wordGate.ts).
 */
export type WordRequirement =
  | { readonly words: FirstWords }
  | { readonly all: readonly WordRequirement[] }
  | { readonly any: readonly WordRequirement[] };

/** What parsing an item gives: its regular-expression source, its first words and the words it needs. */
interface Parsed {
  readonly source: string;
  readonly first: FirstWords;
  readonly needs: WordRequirement;
}

function wordPattern(token: string, expression: string): string {
  const alternatives = token.split('|').map((alt) => {
    if (!/^[a-z0-9]+\*?$/.test(alt))
      throw new ExpressionError(
        `"${expression}": "${alt}" is not a folded word (a-z, 0-9, optionally ending in *)`,
      );
    return alt.endsWith('*') ? `${alt.slice(0, -1)}[a-z0-9]*` : alt;
  });
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}

/**
 * A small recursive-descent parser over the expression's characters. At the top level "a|b c" is the word
 * a-or-b followed by c; inside parentheses "|" separates whole phrases: "(see you|show up)". Groups nest.
 */
class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): Parsed {
    this.skipSpaces();
    let source = '';
    if (this.text[this.pos] === '^') {
      this.pos += 1;
      source = '^';
    }
    const sequence = this.sequence(false);
    if (this.pos < this.text.length) this.fail(`unexpected "${this.text[this.pos]}"`);
    return { source: source + sequence.source, first: sequence.first, needs: sequence.needs };
  }

  private fail(message: string): never {
    throw new ExpressionError(`"${this.text}": ${message}`);
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos += 1;
  }

  /** Items separated by spaces, up to the end, a "|" (inside a group) or a ")". */
  private sequence(inGroup: boolean): Parsed {
    let source = '';
    let first: FirstWords | undefined;
    const required: WordRequirement[] = [];
    let words = 0;
    let gap = 0;
    // items after the last gap: a gap followed only by optional items makes the gap and them mean nothing
    let afterGap: { required: number; optional: number } | undefined;
    let leadingOptional = 0;
    for (;;) {
      this.skipSpaces();
      const ch = this.text[this.pos];
      if (ch === undefined || (inGroup && (ch === '|' || ch === ')'))) break;
      if (ch === ')') this.fail('a ")" without its "("');
      if (ch === '~') {
        const m = /^~(\d+)?/.exec(this.text.slice(this.pos))!;
        this.pos += m[0].length;
        const n = m[1] === undefined ? DEFAULT_GAP : Number(m[1]);
        if (words === 0 || n < 1 || n > MAX_GAP)
          this.fail(`a gap (~, ~1…~${MAX_GAP}) must come between words`);
        gap = n;
        afterGap = { required: 0, optional: 0 };
        continue;
      }
      let optional = ch === '?';
      if (optional) this.pos += 1;
      const isGroup = this.text[this.pos] === '(';
      const item = isGroup ? this.group() : this.words(inGroup);
      const atom = item.source;
      // "(of the )?" after a group, as in regular expressions, is the same as "?(of the)"
      if (isGroup && this.text[this.pos] === '?') {
        this.pos += 1;
        optional = true;
      }
      // "(building|office)? ?(security) (measures|procedures)" reads as "measures" alone: a slip that once made every
      // « mesures administratives » a question about building security.
      if (optional && words === 0 && ++leadingOptional > 1)
        this.fail('two optional items start the expression, so only what follows them is required');
      // every match contains the first required item, so one of its words
      if (!optional && !first) first = item.first;
      // and every other required item, so one of its words too
      if (!optional) required.push(item.needs);
      const separator = words === 0 ? '' : gap > 0 ? `(?: ${WORD}){0,${gap}} ` : ' ';
      if (optional && words === 0) source += `(?:${atom} )?`;
      // "mocking ~3 (a|his)? coworker": the gap comes before the optional item, whether or not it is there
      // ("mocking another coworker"); bundled with it, the gap was lost whenever the optional item was.
      else if (optional && gap > 0) source += `(?: ${WORD}){0,${gap}}(?: ${atom})?`;
      else source += optional ? `(?:${separator}${atom})?` : `${separator}${atom}`;
      if (afterGap) {
        if (optional) afterGap.optional += 1;
        else afterGap.required += 1;
      }
      // an optional first item is glued to what follows by its own trailing space
      if (!(optional && words === 0)) words += 1;
      gap = 0;
    }
    if (gap > 0) this.fail('a gap cannot end an expression');
    if (words === 0) this.fail('an optional word must be followed by a word');
    // "mocking ~3 (a|his)? ?(coworker|person)" reads as "mocking" alone: a slip that once made every mockery a
    // case of bullying, and "calling it ~2 (quits)?" a farewell.
    if (afterGap && afterGap.optional > 0 && afterGap.required === 0)
      this.fail('only optional words follow the gap, so the gap and they match nothing more');
    // a sequence has a required word (checked above), so `first` is set
    return { source, first: first!, needs: { all: required } };
  }

  /** "(a b|c)": alternatives of sequences. */
  private group(): Parsed {
    this.pos += 1; // (
    const alternatives = [this.sequence(true)];
    while (this.text[this.pos] === '|') {
      this.pos += 1;
      alternatives.push(this.sequence(true));
    }
    if (this.text[this.pos] !== ')') this.fail('a "(" without its ")"');
    this.pos += 1;
    // Longest phrase first: a regular expression takes the first alternative that fits, so "(how are you|how are
    // you doing)" would match only "how are you" in "how are you doing", and the words a match blanks out (small
    // talk, see answerer.ts) would leave "doing" behind. Whether an expression matches does not change.
    const longestFirst = [...alternatives].sort(
      (a, b) => b.source.split(' ').length - a.source.split(' ').length || b.source.length - a.source.length,
    );
    return {
      source: `(?:${longestFirst.map((a) => a.source).join('|')})`,
      first: {
        exact: alternatives.flatMap((a) => a.first.exact),
        prefixes: alternatives.flatMap((a) => a.first.prefixes),
      },
      needs: { any: alternatives.map((a) => a.needs) },
    };
  }

  /** "a|b*|c": one of these words (inside a group, "|" separates phrases instead: "(a|b c)" is a or "b c"). */
  private words(inGroup: boolean): Parsed {
    const m = (inGroup ? /^[^\s()~?|]+/ : /^[^\s()~?]+/).exec(this.text.slice(this.pos));
    if (!m) this.fail(`expected a word at "${this.text.slice(this.pos, this.pos + 10)}"`);
    this.pos += m[0].length;
    const alternatives = m[0].split('|');
    const first = {
      exact: alternatives.filter((a) => !a.endsWith('*')),
      prefixes: alternatives.filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1)),
    };
    return { source: wordPattern(m[0], this.text), first, needs: { words: first } };
  }
}

/**
 * True when a top-level "|" touches a group, as in "do a (x|y)|faire un (z)": the writer meant whole
 * phrases as alternatives, so the expression is read as one group of phrases.
 */
function phraseAlternatives(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (ch === '|' && depth === 0 && (text[i - 1] === ')' || text[i + 1] === '(')) return true;
  }
  return false;
}

/**
 * Each expression parsed once: validating the routing files, compiling its regular expression and indexing its words
 * all ask for it (about 3,000 expressions, read from content/ at start, so the map stays that size).
 */
const parsedExpressions = new Map<string, Parsed>();

function parseExpression(expression: string): Parsed {
  let parsed = parsedExpressions.get(expression);
  if (parsed === undefined) {
    parsed = parseUncached(expression);
    parsedExpressions.set(expression, parsed);
  }
  return parsed;
}

function parseUncached(expression: string): Parsed {
  // Written as a person writes (accents, capitals): matched against folded text, so folded the same way.
  let text = foldAccents(expression.toLowerCase()).trim();
  if (text === '') throw new ExpressionError('empty expression');
  const anchored = text.startsWith('^');
  if (anchored) text = text.slice(1).trim();
  if (phraseAlternatives(text)) text = `(${text})`;
  return new Parser(`${anchored ? '^ ' : ''}${text}`).parse();
}

/** The regular-expression source of one expression (without flags or anchors). */
export function expressionSource(expression: string): string {
  return parseExpression(expression).source;
}

/** The words one of which every match of `expression` contains (see wordGate.ts). */
export function firstRequiredWords(expression: string): FirstWords {
  return parseExpression(expression).first;
}

/**
 * The words a text must have for `expression` to match it: every match contains a word of each required item
 * (or a word with one of its starts), and of one of the phrases of each required group (see wordGate.ts).
 */
export function wordRequirement(expression: string): WordRequirement {
  return parseExpression(expression).needs;
}

/** Matches any of `expressions` as whole words in folded text. */
export function compileExpressions(expressions: readonly string[], flags = ''): RegExp {
  if (expressions.length === 0) return /(?!)/;
  const body = expressions.map((e) => `(?:${expressionSource(e)})`).join('|');
  return new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, flags);
}

/** Where an expression matched in the folded text: start and end offsets and the expression's text. */
export interface ExpressionMatch {
  readonly expression: string;
  readonly start: number;
  readonly end: number;
}
