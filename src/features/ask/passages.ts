import type { QuotedLink, QuotedListItem, QuotedPassage } from '../../domain/guidance/compose';
import type { GuidanceContent } from '../../domain/guidance/content';
import { t } from '../../i18n';
import type { Lang } from '../../shared/i18n/lang';
import { escapeMarkdown } from '../../shared/cards/render';

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

/**
 * Official text as TextBlock markdown: every character escaped, except the phrases that name another page
 * ("the other tabs of this guidance"), which become links to it.
 */
export function linkedMarkdown(text: string, links: readonly QuotedLink[]): string {
  let out = '';
  let rest = text;
  for (;;) {
    const next = links
      .map((l) => ({ link: l, at: rest.indexOf(l.text) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (!next) return out + escapeMarkdown(rest);
    out += `${escapeMarkdown(rest.slice(0, next.at))}[${escapeMarkdown(next.link.text)}](${next.link.url})`;
    rest = rest.slice(next.at + next.link.text.length);
  }
}

/**
 * A passage's context, text and list rows, as bound by the card templates. A list item quoted alone reads
 * in its list's own words: the sentence that introduces its list (and, for a sub-point, the one above it).
 */
export function passageBody(p: QuotedPassage) {
  const lead = [p.contextLead, p.context].filter((s): s is string => Boolean(s)).join(' … ');
  return {
    context: lead,
    contextMarkdown: lead ? linkedMarkdown(lead, p.links) : '',
    text: p.text,
    items: itemRows(p.listItems),
  };
}

/** The "working translation" note with a link to the official French page, or '' when none is quoted. */
export function translationNote(lang: Lang, passages: QuotedPassage[], content: GuidanceContent): string {
  if (!passages.some((p) => p.workingTranslation)) return '';
  return `${escapeMarkdown(t(lang, 'answers.card.workingTranslation'))} [${escapeMarkdown(
    t(lang, 'answers.card.officialFrench'),
  )}](${content.source.fr.url})`;
}
