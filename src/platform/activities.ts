import { CardFactory, InputHints, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { renderCard, type AdaptiveCardJson } from '../shared/cards/render';

/**
 * The activities features send, built here so that no feature imports the SDK: a message carrying one
 * Adaptive Card, a text that expects an answer, and the card of buttons a choice prompt shows.
 * The SDK's Activity and TurnContext types reach features' signatures through this module too.
 */
export type { Activity, TurnContext };

export function cardActivity(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** A prompt's text: Teams clients may open the keyboard for it. */
export function promptText(text: string): Partial<Activity> {
  return MessageFactory.text(text, undefined, InputHints.ExpectingInput);
}

/**
 * A button that answers for the user: the bot receives `text` as if typed (so a prompt recognises it), with
 * `value`'s fields alongside when the answer needs data (a draft's id, say).
 */
export interface ButtonAction {
  readonly title: string;
  /** What the bot receives as the user's text, and what Teams shows them as having said. */
  readonly text: string;
  readonly value?: Readonly<Record<string, unknown>>;
}

/** The verb of a button that stands for typed text (see `typedTextOf`). */
export const SAY_VERB = 'say';

/**
 * A prompt's text with its choices as an Adaptive Card of Action.Submit buttons whose data carries the text
 * they stand for (`typedTextOf` turns it back into the turn's text). Not imBack, nor Teams' messageBack
 * inside Action.Submit: the Agents Playground refuses the first and silently drops the second, and a hero
 * card's buttons do nothing there.
 */
export function buttonsActivity(text: string, buttons: readonly ButtonAction[]): Partial<Activity> {
  const card = renderCard('choices', {
    text,
    speak: text,
    buttons: buttons.map((b) => ({ title: b.title, data: { verb: SAY_VERB, ...b.value, text: b.text } })),
  });
  return { ...cardActivity(card), inputHint: InputHints.ExpectingInput };
}

/**
 * The text a choice button stands for (its data has no text of the turn's own): the turn then reads as if
 * the person had typed it. A messageBack from a card sent before the buttons were Action.Submit has its text.
 */
export function typedTextOf(activity: Pick<Activity, 'text' | 'value'>): string | undefined {
  if (activity.text) return undefined;
  const value = activity.value as { text?: unknown } | undefined;
  return value && typeof value === 'object' && typeof value.text === 'string' ? value.text : undefined;
}
