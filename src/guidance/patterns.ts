/**
 * The expression language of the routing files in content/ (concepts.json, danger.json), written for
 * the office's content owners rather than for programmers. Expressions are matched against the folded
 * question (lower case, no accents, punctuation turned to spaces, see normalise.ts):
 *
 *   take down               these words, in this order, next to each other
 *   threat*                 any word starting so: threat, threats, threatened, threatening
 *   delete|remove           one of these words (each may end in *)
 *   (next week|tomorrow)    one of these phrases
 *   ?really  ?(of the)      an optional word or phrase
 *   ask ~ down              up to 3 other words in between ("ask him to take it down")
 *   post ~6 address         up to 6 other words in between
 *   ^ please                 only at the very start of the message
 *
 * Each expression becomes one regular expression anchored on word boundaries, so "kill" never matches
 * inside "skill" and "arme" never inside "armee".
 */

const WORD = '[a-z0-9]+';
const DEFAULT_GAP = 3;
const MAX_GAP = 12;

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
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

/** "(see you|show up)": alternatives of whole phrases, each a sequence of words. */
function phrasePattern(token: string, expression: string): string {
  const inner = token.slice(1, -1);
  const phrases = inner.split('|').map((phrase) => {
    const words = phrase.trim().split(/\s+/);
    if (words.length === 0 || words[0] === '')
      throw new ExpressionError(`"${expression}": an empty phrase in "${token}"`);
    return words.map((w) => wordPattern(w, expression)).join(' ');
  });
  return `(?:${phrases.join('|')})`;
}

/** Splits an expression into tokens; a parenthesised group of phrases is one token. */
function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  const re = /\??\([^()]*\)|\S+/g;
  for (let m = re.exec(expression.trim()); m; m = re.exec(expression.trim())) {
    if (/[()]/.test(m[0]) && !/^\??\([^()]*\)$/.test(m[0]))
      throw new ExpressionError(`"${expression}": unbalanced parentheses near "${m[0]}"`);
    tokens.push(m[0]);
  }
  return tokens;
}

/** The regular-expression source of one expression (without flags or anchors). */
export function expressionSource(expression: string): string {
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw new ExpressionError('empty expression');
  let source = '';
  let pendingGap = 0;
  let words = 0;
  if (tokens[0] === '^') {
    tokens.shift();
    source = '^';
    if (tokens.length === 0) throw new ExpressionError(`"${expression}": nothing after ^`);
    if (tokens[0]!.startsWith('?')) {
      // an optional first word after ^: "^ ?please translate" → "^(?:please )?translate"
      const first = tokens.shift()!.slice(1);
      const pattern = first.startsWith('(') ? phrasePattern(first, expression) : wordPattern(first, expression);
      source += `(?:${pattern} )?`;
    }
  }
  for (const token of tokens) {
    const gap = /^~(\d+)?$/.exec(token);
    if (gap) {
      const n = gap[1] === undefined ? DEFAULT_GAP : Number(gap[1]);
      if (words === 0 || n < 1 || n > MAX_GAP)
        throw new ExpressionError(`"${expression}": a gap (~, ~1…~${MAX_GAP}) must come between words`);
      pendingGap = n;
      continue;
    }
    const optional = token.startsWith('?');
    const body = optional ? token.slice(1) : token;
    if (optional && words === 0)
      throw new ExpressionError(`"${expression}": an expression cannot start with an optional word`);
    const pattern = body.startsWith('(') ? phrasePattern(body, expression) : wordPattern(body, expression);
    const separator = words === 0 ? '' : pendingGap > 0 ? `(?: ${WORD}){0,${pendingGap}} ` : ' ';
    source += optional ? `(?:${separator}${pattern})?` : `${separator}${pattern}`;
    pendingGap = 0;
    words += 1;
  }
  if (pendingGap > 0) throw new ExpressionError(`"${expression}": a gap cannot end an expression`);
  return source;
}

/** Matches any of `expressions` as whole words in folded text. */
export function compileExpressions(expressions: readonly string[], flags = ''): RegExp {
  if (expressions.length === 0) return /(?!)/;
  const body = expressions.map((e) => `(?:${expressionSource(e)})`).join('|');
  return new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, flags);
}

/** One compiled expression, keeping its text so a match can be explained. */
export interface CompiledExpression {
  readonly text: string;
  readonly re: RegExp;
}

export function compileEach(expressions: readonly string[]): CompiledExpression[] {
  return expressions.map((text) => ({ text, re: compileExpressions([text], 'g') }));
}

/** Where the expressions match in `folded`: start and end offsets and the expression's text. */
export interface ExpressionMatch {
  readonly expression: string;
  readonly start: number;
  readonly end: number;
}

export function findAll(compiled: readonly CompiledExpression[], folded: string): ExpressionMatch[] {
  const out: ExpressionMatch[] = [];
  for (const { text, re } of compiled) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      out.push({ expression: text, start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex += 1;
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
