import type { Lang } from '../../shared/i18n/lang';
import type { GuidanceContent, Passage } from './content';
import { passageText } from './content';
import type { Hit } from './retrieve';

/**
 * Turns chosen passage ids into what the user sees: official text in the answer's language,
 * the whole list when a list is quoted (nested sub-points included), and the lead-in of a list
 * item so a lone bullet still reads in context. Nothing here writes guidance text of its own.
 */

export interface QuotedListItem {
  id: string;
  text: string;
  listItems?: QuotedListItem[];
}

/** A phrase of a quoted text shown as a link to the page it names. */
export interface QuotedLink {
  text: string;
  url: string;
}

export interface QuotedPassage {
  id: string;
  sectionId: string;
  sectionHeading: string;
  /** In the answer's language. */
  text: string;
  /** For a list item quoted alone: the sentence that introduces its list… */
  context?: string;
  /** …and, for a sub-point, the sentence that introduces the list that item belongs to. */
  contextLead?: string;
  /** Phrases of `context` and `text` that name another page, with its address. */
  links: QuotedLink[];
  listItems?: QuotedListItem[];
  workingTranslation: boolean;
  sourceUrl: string;
  /** Short project-written label, for buttons and "closest topics". */
  topic: string;
  /** Ids of related resources (content/related-resources.json) worth a "see also". */
  relatedResources: string[];
}

function listItems(content: GuidanceContent, p: Passage, lang: Lang): QuotedListItem[] | undefined {
  if (p.childIds.length === 0) return undefined;
  return p.childIds.map((id) => {
    const child = content.byId.get(id)!;
    const nested = listItems(content, child, lang);
    return { id, text: child.text[lang], ...(nested ? { listItems: nested } : {}) };
  });
}

export function quote(content: GuidanceContent, id: string, lang: Lang): QuotedPassage {
  const p = content.byId.get(id);
  if (!p) throw new Error(`Unknown passage ${id}`);
  const { text, workingTranslation } = passageText(p, lang);
  const items = listItems(content, p, lang);
  const parent = p.parentId ? content.byId.get(p.parentId) : undefined;
  const grandparent = parent?.parentId ? content.byId.get(parent.parentId) : undefined;
  return {
    id: p.id,
    sectionId: p.sectionId,
    sectionHeading: content.sectionById.get(p.sectionId)!.heading[lang],
    text,
    ...(parent ? { context: parent.text[lang] } : {}),
    ...(grandparent ? { contextLead: grandparent.text[lang] } : {}),
    links: [...(parent?.links[lang] ?? []), ...p.links[lang]],
    ...(items ? { listItems: items } : {}),
    workingTranslation,
    sourceUrl: content.source[lang].url,
    topic: p.topic[lang],
    relatedResources: p.relatedResources,
  };
}

/** True when `a` is `b` or contains it (directly or through a nested list). */
export function contains(content: GuidanceContent, a: string, b: string): boolean {
  let cur: Passage | undefined = content.byId.get(b);
  while (cur) {
    if (cur.id === a) return true;
    cur = cur.parentId ? content.byId.get(cur.parentId) : undefined;
  }
  return false;
}

/** The topmost list a passage belongs to (itself when it is a list). */
export function rootList(content: GuidanceContent, id: string): Passage | undefined {
  let cur = content.byId.get(id);
  let found: Passage | undefined;
  while (cur) {
    if (cur.kind === 'list') found = cur;
    cur = cur.parentId ? content.byId.get(cur.parentId) : undefined;
  }
  return found;
}

/** Up to `max` questions for other passages, best-scored first, skipping what is already quoted. */
export function relatedQuestions(
  content: GuidanceContent,
  hits: Hit[],
  quotedIds: string[],
  lang: Lang,
  max = 3,
): string[] {
  const out: string[] = [];
  for (const h of hits) {
    if (out.length >= max) break;
    if (quotedIds.some((q) => contains(content, q, h.passage.id) || contains(content, h.passage.id, q)))
      continue;
    // sub-points and fragment bullets ("raised in a media query") read poorly as a button
    if (h.passage.parentId && content.byId.get(h.passage.parentId)?.kind === 'item') continue;
    if (h.passage.kind === 'item' && wordCount(h.passage.text.en) < 8) continue;
    const q = h.passage.questions[lang][0]!;
    if (!out.includes(q)) out.push(q);
  }
  return out;
}

/** `text.split(' ').length`, without building the words: for every hit of every answer. */
function wordCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) count += 1;
  return count;
}
