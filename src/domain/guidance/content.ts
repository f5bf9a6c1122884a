import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Lang } from '../../shared/i18n/lang';
import { PROJECT_ROOT } from '../../shared/projectRoot';

/**
 * The guidance as data. Content owners change files in content/, never code; the loader
 * validates everything at start so a broken file fails fast instead of mid-conversation.
 */

const bilingual = z.object({ en: z.string().min(1), fr: z.string().min(1) });
const passageId = z.string().regex(/^[a-z][a-z-]*(\.[a-z][a-z-]*)*$/, 'ids are dotted kebab-case');

const pageLink = z.object({ text: z.string().min(1), url: z.string().url() });

const guidanceFileSchema = z.object({
  contentVersion: z.string().min(1),
  title: bilingual,
  source: z.object({
    en: z.object({
      url: z.string().url(),
      retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      status: z.literal('official'),
    }),
    fr: z.object({
      url: z.string().url(),
      retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      status: z.enum(['official', 'working-translation']),
      note: z.string().optional(),
    }),
  }),
  sections: z.array(z.object({ id: z.string().min(1), heading: bilingual })).min(1),
  passages: z
    .array(
      z.object({
        id: passageId,
        sectionId: z.string().min(1),
        order: z.number().int().positive(),
        kind: z.enum(['paragraph', 'list', 'item']),
        parentId: passageId.optional(),
        text: bilingual,
        frStatus: z.enum(['official', 'working-translation']),
        /**
         * Words of the web page that mean nothing in a chat ("the other tabs of this guidance") and the page
         * they name: the cards make them a link.
         */
        links: z.object({ en: z.array(pageLink), fr: z.array(pageLink) }).optional(),
      }),
    )
    .min(1),
});

const hintsFileSchema = z.object({
  passages: z.record(
    z.object({
      topic: bilingual,
      questions: z.object({ en: z.array(z.string().min(1)).min(1), fr: z.array(z.string().min(1)).min(1) }),
      keywords: z.object({ en: z.array(z.string()), fr: z.array(z.string()) }),
      relatedResources: z.array(z.string()),
    }),
  ),
});

const resourcesFileSchema = z.object({
  note: z.string(),
  resources: z.array(
    z.object({
      id: z.string().min(1),
      title: bilingual,
      summary: bilingual,
      url: bilingual.optional(),
    }),
  ),
});

export type Bilingual = z.infer<typeof bilingual>;
export type PageLink = z.infer<typeof pageLink>;
export type PassageKind = 'paragraph' | 'list' | 'item';

export interface Passage {
  id: string;
  sectionId: string;
  order: number;
  kind: PassageKind;
  parentId?: string;
  /** Direct children in reading order (list items, or the sub-points of a nested item). */
  childIds: string[];
  text: Bilingual;
  frStatus: 'official' | 'working-translation';
  /** Phrases of the passage's text to show as links, per language. */
  links: Record<Lang, PageLink[]>;
  topic: Bilingual;
  questions: { en: string[]; fr: string[] };
  keywords: { en: string[]; fr: string[] };
  relatedResources: string[];
}

export interface Section {
  id: string;
  heading: Bilingual;
}

export interface RelatedResource {
  id: string;
  title: Bilingual;
  summary: Bilingual;
  url?: Bilingual;
}

export interface GuidanceContent {
  contentVersion: string;
  title: Bilingual;
  source: Record<
    Lang,
    { url: string; retrieved: string; status: 'official' | 'working-translation'; note?: string }
  >;
  sections: Section[];
  /** In reading order. */
  passages: Passage[];
  byId: ReadonlyMap<string, Passage>;
  sectionById: ReadonlyMap<string, Section>;
  resources: ReadonlyMap<string, RelatedResource>;
}

export interface ContentFiles {
  guidance: unknown;
  hints: unknown;
  resources: unknown;
}

/** Validates raw file contents and cross-references (parents, sections, hints, resources). */
export function parseContent(files: ContentFiles): GuidanceContent {
  const g = guidanceFileSchema.parse(files.guidance);
  const h = hintsFileSchema.parse(files.hints);
  const r = resourcesFileSchema.parse(files.resources);

  const resources = new Map(r.resources.map((res) => [res.id, res]));
  const sectionById = new Map(g.sections.map((s) => [s.id, s]));
  const problems: string[] = [];
  const ids = new Set<string>();
  const sorted = [...g.passages].sort((a, b) => a.order - b.order);
  for (const p of sorted) {
    if (ids.has(p.id)) problems.push(`duplicate passage id ${p.id}`);
    ids.add(p.id);
    if (!sectionById.has(p.sectionId)) problems.push(`${p.id}: unknown section ${p.sectionId}`);
    if (p.kind === 'item' && !p.parentId) problems.push(`${p.id}: list item without parentId`);
    if (p.parentId && !ids.has(p.parentId))
      problems.push(`${p.id}: parent ${p.parentId} must come before it`);
    if (!h.passages[p.id]) problems.push(`${p.id}: no retrieval hints`);
    for (const lang of ['en', 'fr'] as const)
      for (const link of p.links?.[lang] ?? [])
        if (!p.text[lang].includes(link.text))
          problems.push(`${p.id}: link text "${link.text}" is not in its ${lang} text`);
  }
  for (const id of Object.keys(h.passages))
    if (!ids.has(id)) problems.push(`hints for unknown passage ${id}`);
  for (const [id, hint] of Object.entries(h.passages))
    for (const res of hint.relatedResources)
      if (!resources.has(res)) problems.push(`${id}: unknown related resource ${res}`);
  if (problems.length > 0) throw new Error('Invalid guidance content:\n' + problems.join('\n'));

  const passages: Passage[] = sorted.map((p) => {
    const hint = h.passages[p.id]!;
    return {
      id: p.id,
      sectionId: p.sectionId,
      order: p.order,
      kind: p.kind,
      ...(p.parentId ? { parentId: p.parentId } : {}),
      childIds: sorted.filter((c) => c.parentId === p.id).map((c) => c.id),
      text: p.text,
      frStatus: p.frStatus,
      links: p.links ?? { en: [], fr: [] },
      topic: hint.topic,
      questions: hint.questions,
      keywords: hint.keywords,
      relatedResources: hint.relatedResources,
    };
  });
  return {
    contentVersion: g.contentVersion,
    title: g.title,
    source: g.source,
    sections: g.sections,
    passages,
    byId: new Map(passages.map((p) => [p.id, p])),
    sectionById,
    resources,
  };
}

export const CONTENT_DIR = path.join(PROJECT_ROOT, 'content');

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(CONTENT_DIR, file), 'utf8'));
}

let cached: GuidanceContent | undefined;

/** Loads and validates content/ once per process. */
export function loadContent(): GuidanceContent {
  cached ??= parseContent({
    guidance: readJson('guidance.json'),
    hints: readJson('retrieval-hints.json'),
    resources: readJson('related-resources.json'),
  });
  return cached;
}

/** The text of a passage in `lang`, and whether it is the project's working translation. */
export function passageText(p: Passage, lang: Lang): { text: string; workingTranslation: boolean } {
  return { text: p.text[lang], workingTranslation: lang === 'fr' && p.frStatus !== 'official' };
}
