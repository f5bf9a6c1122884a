import type { AdaptiveCardJson } from './render';

/**
 * The text a person reads on a card, as plain lines: for the command line, transcripts and
 * tests. Walks TextBlock, RichTextBlock, FactSet, containers, column sets and action titles.
 */

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Undoes the markdown a TextBlock would render: links show their label and address, escapes go. */
function plainMarkdown(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/:\u200B\/\//g, '://');
}

function inlineText(el: Json): string {
  if (el.type === 'TextBlock' && typeof el.text === 'string') return plainMarkdown(el.text);
  if (el.type === 'RichTextBlock')
    return arr(el.inlines)
      .map((i) => (typeof i.text === 'string' ? i.text : ''))
      .join('');
  return '';
}

function walk(elements: Json[], out: string[]): void {
  for (const el of elements) {
    switch (el.type) {
      case 'TextBlock':
      case 'RichTextBlock': {
        const text = inlineText(el);
        if (text.trim()) out.push(text);
        break;
      }
      case 'FactSet':
        for (const f of arr(el.facts)) out.push(`${String(f.title ?? '')}: ${String(f.value ?? '')}`);
        break;
      case 'ColumnSet': {
        // a column set is one visual line (bullet + text) unless its columns hold several blocks
        const parts = arr(el.columns).map((c) => {
          const inner: string[] = [];
          walk(arr(c.items), inner);
          return inner.join(' ');
        });
        const indent = arr(el.columns).some((c) => arr(c.items).length === 0) ? '    ' : '';
        const line = parts.filter((p) => p.trim()).join(' ');
        if (line) out.push(indent + line);
        break;
      }
      case 'Container':
      case 'Column':
        walk(arr(el.items), out);
        break;
      case 'ActionSet':
        walkActions(arr(el.actions), out);
        break;
      default:
        break;
    }
  }
}

function walkActions(actions: Json[], out: string[]): void {
  for (const a of actions) if (typeof a.title === 'string') out.push(`[${a.title}]`);
}

export function flattenCardText(card: AdaptiveCardJson): string {
  const out: string[] = [];
  walk(arr(card.body), out);
  walkActions(arr(card.actions), out);
  return out.join('\n');
}
