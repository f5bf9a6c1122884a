/**
 * The one definition of "safe text": what every piece of text a person typed (a message, a card input, a
 * tab API body) becomes before it reaches a dialog, the store or a card. Applied once, where the text enters
 * the bot (src/platform/safeInboundText.ts, the tab API), so what a manager previews is what is stored and what
 * the office reads. Plain TypeScript, no SDK.
 *
 * What goes, and why:
 * - Control characters (C0, DEL, C1): invisible, and NUL cannot be stored in PostgreSQL's JSON at all.
 *   Newlines and tabs stay in multi-line text (summaries, notes); CR LF, CR, NEL and the Unicode line and
 *   paragraph separators become one newline.
 * - Unpaired UTF-16 surrogates: not characters; PostgreSQL rejects them. Each becomes U+FFFD (�), so the
 *   reader sees that something was there.
 * - Format characters (Unicode category Cf): the bidirectional embeddings, overrides, isolates and marks
 *   (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C), which can make the office read a summary — or what
 *   follows it on the card — in a spoofed order; zero-width spaces and joiners, the word joiner and the BOM,
 *   which hide text from a reader and from the personal-information check; soft hyphens; and tag characters
 *   (U+E0000 block), which can smuggle invisible ASCII. The bot serves English and French, which need none
 *   of them.
 * - One exception: a zero-width joiner between two emoji (👩‍💻, 👨‍👩‍👧) is kept, since without it the
 *   sequence falls apart into separate pictures and changes what the person wrote. Variation selectors and
 *   skin-tone modifiers are not format characters and stay. (Flag emoji for regions, which use tag
 *   characters, lose their tags and show as a plain black flag: a small cost for closing that channel.)
 *
 * What stays: every letter (French accents, in precomposed form after NFC), digits, punctuation, symbols and
 * emoji. The text is put in Unicode NFC (so "é" typed as e + combining accent equals "é") and trimmed, then
 * cut to a length limit without splitting a surrogate pair.
 */

export interface TextRules {
  /** Keep newlines and tabs (summaries, notes, questions); otherwise they become spaces (names). */
  readonly multiline?: boolean;
  /** Longest result, in UTF-16 code units (what JavaScript's `length` and Adaptive Cards' maxLength count). */
  readonly maxLength?: number;
}

/**
 * The longest text accepted at the door. Above every field's own limit (questions 2,000, case text 1,500,
 * notes 1,000) so each field can still say "too long" in its own words, yet far below the 256 KB body limit
 * so a pasted page is not carried through dialogs and stores.
 */
export const MAX_USER_TEXT = 4000;

/** Names shown on cards (a manager's, an officer's, a team's): one line, no longer than any real display name. */
export const NAME_RULES: TextRules = { multiline: false, maxLength: 256 };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
/** A joiner inside an emoji sequence (kept, first alternative) or any other format character (removed). */
const FORMAT_CHARS =
  /(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])(\u200D)(?=\p{Extended_Pictographic})|\p{Cf}/gu;
const CONTROLS_MULTILINE = /(?![\t\n])\p{Cc}/gu;
const LINE_AND_TAB = /[\t\n]/g;
const CONTROLS = /\p{Cc}/gu;

/** Makes typed text safe to store, show and compare (see the module comment for exactly what changes). */
export function safeText(raw: string, rules: TextRules = {}): string {
  const multiline = rules.multiline ?? true;
  let text = raw.replace(LONE_SURROGATE, '\uFFFD').replace(LINE_BREAKS, '\n');
  text = text.replace(FORMAT_CHARS, (_match, emojiJoiner: string | undefined) => emojiJoiner ?? '');
  text = multiline
    ? text.replace(CONTROLS_MULTILINE, '')
    : text.replace(LINE_AND_TAB, ' ').replace(CONTROLS, '');
  return cutToLength(text.normalize('NFC').trim(), rules.maxLength ?? MAX_USER_TEXT);
}

/**
 * Cuts to at most `max` UTF-16 code units, never leaving half of a surrogate pair or a dangling emoji
 * joiner at the end. The one way text is shortened to a field's limit.
 */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(/\u200D+$/, '').trimEnd();
}

/** How deep safeTextIn looks into card data; Adaptive Card inputs are flat, so this is generous. */
const MAX_DEPTH = 8;

/**
 * The same rules for every string inside card data (Action.Submit values, Action.Execute data): keys and
 * values alike, at any depth up to MAX_DEPTH (deeper data is dropped). Objects are rebuilt with
 * Object.fromEntries, so a "__proto__" key stays an ordinary property.
 */
export function safeTextIn(value: unknown, rules: TextRules = {}, depth = 0): unknown {
  if (typeof value === 'string') return safeText(value, rules);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => safeTextIn(item, rules, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      safeText(key, { multiline: false }),
      safeTextIn(item, rules, depth + 1),
    ]),
  );
}
