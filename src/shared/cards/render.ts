import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { PROJECT_ROOT } from '../projectRoot';

/** A rendered Adaptive Card, plain JSON (no Bot Framework types), ready to be an attachment's content. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

const templateCache = new Map<string, ACData.Template>();

function loadTemplate(name: string): ACData.Template {
  let template = templateCache.get(name);
  if (!template) {
    const file = path.join(PROJECT_ROOT, 'cards', `${name}.json`);
    template = new ACData.Template(JSON.parse(readFileSync(file, 'utf8')));
    templateCache.set(name, template);
  }
  return template;
}

/**
 * Expands cards/<name>.json with `data` bound as $root. User text must only ever travel in `data`:
 * the templating engine does not evaluate `${...}` found inside data values, whereas text
 * concatenated into a template would be evaluated.
 */
export function renderCard(name: string, data: object): AdaptiveCardJson {
  return loadTemplate(name).expand({ $root: data }) as AdaptiveCardJson;
}

/**
 * Freezes a rendered card all the way down, for cards shared between replies (rendered once from fixed
 * content): code that tried to change one would throw instead of altering what the next user sees.
 */
export function freezeCard<T>(card: T): T {
  if (typeof card === 'object' && card !== null && !Object.isFrozen(card)) {
    Object.freeze(card);
    for (const child of Object.values(card)) freezeCard(child);
  }
  return card;
}

/**
 * Makes user text inert in a TextBlock: markdown, links, <at> mentions and HTML are shown as typed.
 * Prefer a RichTextBlock TextRun (never parsed as markdown) for user text; use this where a TextBlock is needed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|>~]/g, (ch) => `\\${ch}`)
    .replace(/</g, '&lt;')
    .replace(/:\/\//g, ':\u200B//'); // breaks auto-linking of bare URLs
}
