import type { Lang } from '../shared/i18n/lang';
import { answers } from '../features/ask/messages';
import { common } from './common';
import { exampleQuestionMessages } from '../domain/guidance/messages';
import { escalation } from '../features/escalation/messages';
import { sawPost } from '../features/sawPost/messages';
import { feedback } from '../features/feedback/messages';
import { talkingPoints } from '../features/talkingPoints/messages';

export * from '../shared/i18n/lang';

/**
 * All catalogues merged. A feature adds its module here; keys are prefixed by feature
 * ("answers.", "talkingPoints.", …) so modules never collide.
 */
const catalogues = [
  common,
  answers,
  exampleQuestionMessages,
  feedback,
  sawPost,
  talkingPoints,
  escalation,
] as const;

// Distributes over the union of catalogues: a key of any catalogue is a key (not only keys common to all).
type KeysOf<C> = C extends { en: infer E } ? keyof E : never;
type MergedKeys<T extends readonly { en: object }[]> = KeysOf<T[number]>;
export type MessageKey = Extract<MergedKeys<typeof catalogues>, string>;

const merged: Record<Lang, Record<string, string>> = { en: {}, fr: {} };
for (const catalogue of catalogues) {
  Object.assign(merged.en, catalogue.en);
  Object.assign(merged.fr, catalogue.fr);
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** The user-visible string for `key` in `lang`, with `{placeholders}` filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = merged[lang][key];
  if (template === undefined) throw new Error(`Missing message ${key} for ${lang}`);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Every key of the merged catalogues, for tests that check both languages are complete. */
export function allMessageKeys(lang: Lang): string[] {
  return Object.keys(merged[lang]);
}
