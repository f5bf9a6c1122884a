import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../shared/projectRoot';
import { loadContent, type GuidanceContent } from './content';

/**
 * Which passages each card quotes, from content/card-passages.json: the discussion guide's sections, the
 * talking-points list, and each step of "I saw a post". Code names the places; this file names the
 * passages, so that no guidance id is written in src/ (a test checks). Every id must exist in content/.
 */

const Ids = z.array(z.string().min(1));
const GuideSection = z.object({ passages: Ids.min(1), resources: Ids }).strict();
const GUIDE_SECTION_IDS = ['why', 'applies', 'ethics', 'support', 'safeSpace'] as const;
const SAW_POST_STEP_IDS = [
  'framing',
  'how',
  'violation',
  'protocols',
  'context',
  'conversations',
  'bias',
  'wellBeing',
  'intentions',
  'consult',
  'involve',
  'communicate',
] as const;

const CardPassagesSchema = z
  .object({
    $comment: z.array(z.string()).optional(),
    talkingPoints: z
      .object({
        list: z.string(),
        guideLead: z.string(),
        guideSections: z
          .object(
            Object.fromEntries(GUIDE_SECTION_IDS.map((id) => [id, GuideSection])) as {
              [K in (typeof GUIDE_SECTION_IDS)[number]]: typeof GuideSection;
            },
          )
          .strict(),
      })
      .strict(),
    sawPost: z
      .object({
        aim: z.string(),
        clearViolation: z.string(),
        steps: z
          .object(
            Object.fromEntries(SAW_POST_STEP_IDS.map((id) => [id, Ids.min(1)])) as {
              [K in (typeof SAW_POST_STEP_IDS)[number]]: typeof Ids;
            },
          )
          .strict(),
      })
      .strict(),
  })
  .strict();
export type CardPassages = z.infer<typeof CardPassagesSchema>;
export type GuideSectionId = (typeof GUIDE_SECTION_IDS)[number];

export const CARD_PASSAGES_FILE = path.join(PROJECT_ROOT, 'content', 'card-passages.json');

/** Validates the file and that every passage and resource it names exists; the error names the unknown ids. */
export function parseCardPassages(raw: unknown, content: GuidanceContent = loadContent()): CardPassages {
  const file = CardPassagesSchema.parse(raw);
  const { talkingPoints: tp, sawPost } = file;
  const sections = Object.values(tp.guideSections);
  const passages = [
    tp.list,
    tp.guideLead,
    ...sections.flatMap((s) => s.passages),
    sawPost.aim,
    sawPost.clearViolation,
    ...Object.values(sawPost.steps).flat(),
  ];
  const unknown = [
    ...passages.filter((id) => !content.byId.has(id)).map((id) => `unknown passage ${id}`),
    ...sections
      .flatMap((s) => s.resources)
      .filter((id) => !content.resources.has(id))
      .map((id) => `unknown related resource ${id}`),
  ];
  if (unknown.length > 0) throw new Error(`content/card-passages.json: ${unknown.join(', ')}`);
  return file;
}

let loaded: CardPassages | undefined;

/** The file, read and checked once. */
export function loadCardPassages(): CardPassages {
  loaded ??= parseCardPassages(JSON.parse(readFileSync(CARD_PASSAGES_FILE, 'utf8')));
  return loaded;
}
