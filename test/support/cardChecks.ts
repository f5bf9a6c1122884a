import * as AC from 'adaptivecards';

/**
 * Checks every card template must pass, shared by the card tests: it parses with the Adaptive Cards
 * library without warnings, is fully expanded, fits Teams' size limit, and has at most six actions
 * (Teams store rule), counting actions nested in ActionSets, toggles and fallbacks that replace them.
 */

type Json = Record<string, unknown>;

/** Teams rejects bot messages over about 28 KB. */
export const MAX_CARD_BYTES = 28 * 1024;

/** Parse warnings and validation failures, as messages (empty when the card is clean). */
export function cardProblems(card: object): string[] {
  const ac = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  ac.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return [...events, ...ac.validateProperties().validationEvents.map((e) => e.message)];
}

/** Every action a person can press; a fallback is not counted, since it only replaces its action. */
export function collectActions(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => collectActions(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
    for (const [key, value] of Object.entries(o)) if (key !== 'fallback') collectActions(value, out);
  }
  return out;
}

export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Styles that carry meaning by colour (attention, warning, good…): each must come with words. */
export function colouredElements(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => colouredElements(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (typeof o.color === 'string' && o.color !== 'Default') out.push(o);
    if (
      typeof o.style === 'string' &&
      ['attention', 'warning', 'good', 'destructive', 'positive'].includes(o.style)
    )
      out.push(o);
    Object.values(o).forEach((v) => colouredElements(v, out));
  }
  return out;
}
