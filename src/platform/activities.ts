import {
  ActionTypes,
  CardFactory,
  InputHints,
  MessageFactory,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import type { AdaptiveCardJson } from '../shared/cards/render';

/**
 * The activities features send, built here so that no feature imports the SDK: a message carrying one
 * Adaptive Card, a text that expects an answer, and the hero card of buttons a choice prompt shows.
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

export type ButtonAction =
  | { readonly kind: 'imBack'; readonly title: string; readonly value: string }
  | {
      readonly kind: 'messageBack';
      readonly title: string;
      /** What the user is shown to have typed, and what the bot receives as text. */
      readonly text: string;
      readonly value: Readonly<Record<string, unknown>>;
    };

/** A card of buttons under a text, expecting an answer (a prompt's choices with data on some of them). */
export function buttonsActivity(text: string, buttons: readonly ButtonAction[]): Partial<Activity> {
  const actions = buttons.map((b) =>
    b.kind === 'messageBack'
      ? { type: ActionTypes.MessageBack, title: b.title, text: b.text, displayText: b.text, value: b.value }
      : { type: ActionTypes.ImBack, title: b.title, value: b.value },
  );
  return MessageFactory.attachment(
    CardFactory.heroCard('', text, undefined, actions),
    undefined,
    undefined,
    InputHints.ExpectingInput,
  );
}
