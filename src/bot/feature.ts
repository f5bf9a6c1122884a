import type { Dialog } from 'botbuilder-dialogs';
import type { MessageKey } from '../i18n';
import type { CommandId } from './commands';
import type { ConversationScope, Turn } from './turn';

/**
 * A feature plugs into the bot through this one shape: the commands that start it, the card verbs it
 * handles, its dialogs, and the button it adds to the help card. The bot routes; features act.
 */
export interface Feature {
  readonly name: string;
  /** Commands this feature starts, and in which conversation scopes it may run. */
  readonly commands?: readonly CommandId[];
  readonly scopes: readonly ConversationScope[];
  /** Button on the help/welcome card, in the order given. */
  readonly helpButton?: {
    readonly command: CommandId;
    readonly titleKey: MessageKey;
    readonly order: number;
  };
  readonly dialogs?: readonly Dialog[];
  start?(turn: Turn, command: CommandId): Promise<void>;
  /** Card submits `{ verb, ... }` this feature handles. */
  readonly verbs?: Readonly<Record<string, (turn: Turn, value: Record<string, unknown>) => Promise<void>>>;
}
