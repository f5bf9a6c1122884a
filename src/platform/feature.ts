import type { Dialog } from 'botbuilder-dialogs';
import type { AdaptiveCardJson } from '../shared/cards/render';
import type { MessageKey } from '../i18n';
import type { CommandId } from './commands';
import type { HttpRoute } from './server/routes';
import type { ConversationScope, Turn } from './turn';

/**
 * A feature plugs into the bot through this one shape: the commands that start it, the card verbs it
 * handles, its dialogs, and the button it adds to the help card. The bot routes; features act.
 */
export interface HelpButton {
  readonly command: CommandId;
  readonly titleKey: MessageKey;
  readonly order: number;
}

export interface Feature {
  readonly name: string;
  /** Commands this feature starts, and in which conversation scopes it may run. */
  readonly commands?: readonly CommandId[];
  readonly scopes: readonly ConversationScope[];
  /** Buttons on the help/welcome card; all features' buttons are sorted by `order` (the card shows six at most). */
  readonly helpButtons?: readonly HelpButton[];
  readonly dialogs?: readonly Dialog[];
  start?(turn: Turn, command: CommandId): Promise<void>;
  /** Card submits `{ verb, ... }` this feature handles. */
  readonly verbs?: Readonly<Record<string, (turn: Turn, value: Record<string, unknown>) => Promise<void>>>;
  /**
   * Universal Actions (Action.Execute, delivered as an `adaptiveCard/action` invoke) this feature handles,
   * by verb. `data` is the action's data merged with the card's inputs; the reply replaces the card in
   * place, or shows a short message to the person who clicked.
   */
  readonly invokeVerbs?: Readonly<
    Record<string, (turn: Turn, data: Record<string, unknown>) => Promise<CardActionReply>>
  >;
  /** HTTP routes this feature serves (the tabs' pages and API), mounted on the bot's server. */
  readonly routes?: readonly HttpRoute[];
  /** Called once the app listens (start background work) and before it closes (finish it). */
  onStart?(): void;
  onStop?(): Promise<void>;
}

/**
 * The commands a guided flow answers itself when they are typed in it ("help" explains where you are and what
 * is kept, "cancel" says what was discarded or not sent, "back" steps back), and those that start their own
 * feature over it, the flow resuming when that ends ("escalate" in "I saw a post"). Other commands typed in a
 * dialog keep the edge's default (help card and re-prompt; cancel ends every dialog).
 */
export interface FlowCommands {
  readonly handles: readonly CommandId[];
  readonly startsOver?: readonly CommandId[];
}

/** A dialog that declares its FlowCommands (see GuidanceBot.handleMessage). */
export interface FlowCommandDialog {
  readonly flowCommands: FlowCommands;
}

export function flowCommandsOf(dialog: unknown): FlowCommands | undefined {
  const flow = (dialog as Partial<FlowCommandDialog> | undefined)?.flowCommands;
  return flow && Array.isArray(flow.handles) ? flow : undefined;
}

/** What an Action.Execute handler answers: a card that replaces the clicked one, or a message. */
export type CardActionReply =
  | { readonly card: AdaptiveCardJson; readonly message?: undefined }
  | { readonly message: string; readonly card?: undefined };
