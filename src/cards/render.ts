import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { PROJECT_ROOT } from '../projectRoot';
import { BAIL, compileTemplate, type CompiledTemplate } from './compiledTemplate';

/** A rendered Adaptive Card, plain JSON (no Bot Framework types), ready to be an attachment's content. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

interface LoadedTemplate {
  readonly template: ACData.Template;
  /** The same template compiled once (compiledTemplate.ts), when it only uses what that handles. */
  readonly compiled: CompiledTemplate | undefined;
}

const templateCache = new Map<string, LoadedTemplate>();

function loadTemplate(name: string): LoadedTemplate {
  let loaded = templateCache.get(name);
  if (!loaded) {
    const file = path.join(PROJECT_ROOT, 'cards', `${name}.json`);
    const payload: unknown = JSON.parse(readFileSync(file, 'utf8'));
    loaded = { template: new ACData.Template(payload), compiled: compileTemplate(payload) };
    templateCache.set(name, loaded);
  }
  return loaded;
}

/** adaptivecards-templating's own expansion: the reference the compiled form must match. */
export function renderCardWithTemplating(name: string, data: object): AdaptiveCardJson {
  return loadTemplate(name).template.expand({ $root: data }) as AdaptiveCardJson;
}

/**
 * Expands cards/<name>.json with `data` bound as $root. User text must only ever travel in `data`:
 * the templating engine does not evaluate `${...}` found inside data values, whereas text
 * concatenated into a template would be evaluated.
 */
export function renderCard(name: string, data: object): AdaptiveCardJson {
  const { template, compiled } = loadTemplate(name);
  const card = compiled?.expand(data);
  if (card !== undefined && card !== BAIL) return card as AdaptiveCardJson;
  return template.expand({ $root: data }) as AdaptiveCardJson;
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
