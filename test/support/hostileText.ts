/** The characters an outside attack run typed into every text field, each named (see src/shared/text.ts). */
export const HOSTILE: ReadonlyArray<readonly [string, string]> = [
  ['NUL', '\u0000'],
  ['escape (C0)', '\u001b'],
  ['delete', '\u007f'],
  ['C1 control', '\u0090'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', '\udc00'],
  ['right-to-left override', '\u202e'],
  ['left-to-right isolate', '\u2066'],
  ['right-to-left mark', '\u200f'],
  ['zero-width space', '\u200b'],
  ['zero-width joiner', '\u200d'],
  ['byte-order mark', '\ufeff'],
  ['tag character', '\u{e0041}'],
];

/**
 * Characters that must never reach a store, a card or a log once text has come through the door: controls
 * other than tab and newline, bidi and zero-width format characters, tag characters and unpaired surrogates
 * (with the u flag a surrogate range only matches an unpaired one). A joiner inside an emoji is allowed.
 */
export const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff\u{e0000}-\u{e007f}\ud800-\udfff]|(?<!\p{Extended_Pictographic})\u200d/u;

/** Every string inside a value (keys and values, at any depth), to check each one against FORBIDDEN. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [key, ...stringsIn(item)]);
}
