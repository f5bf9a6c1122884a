import type { QuotedListItem, QuotedPassage } from '../guidance/compose';
import type { GuidanceContent } from '../guidance/content';
import { t } from '../i18n';
import type { Lang } from '../i18n/lang';
import { escapeMarkdown } from './render';

/**
 * Card data for quoted guidance passages, shared by the answer cards and the "saw a post" walk-through.
 * Passage text travels only as data (RichTextBlock TextRuns), never parsed as markdown.
 */

export interface ItemRow {
  bullet: string;
  text: string;
  indent: boolean;
}

/** A passage's list, flattened to bullet rows: `•` for top-level points, `◦` (indented) below them. */
export function itemRows(items: QuotedListItem[] | undefined, depth = 0): ItemRow[] {
  if (!items) return [];
  return items.flatMap((item) => [
    { bullet: depth === 0 ? '•' : '◦', text: item.text, indent: depth > 0 },
    ...itemRows(item.listItems, depth + 1),
  ]);
}

/** A passage's context, text and list rows, as bound by the card templates. */
export function passageBody(p: QuotedPassage) {
  return { context: p.context ?? '', text: p.text, items: itemRows(p.listItems) };
}

/** The "working translation" note with a link to the official French page, or '' when none is quoted. */
export function translationNote(lang: Lang, passages: QuotedPassage[], content: GuidanceContent): string {
  if (!passages.some((p) => p.workingTranslation)) return '';
  return `${escapeMarkdown(t(lang, 'answers.card.workingTranslation'))} [${escapeMarkdown(
    t(lang, 'answers.card.officialFrench'),
  )}](${content.source.fr.url})`;
}
