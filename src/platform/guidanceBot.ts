import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ChannelAccount,
  type ConversationState,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { Config } from './config';
import { helpCard, teamWelcomeCard, welcomeCard, type CommandButton } from './botCards';
import type { AdaptiveCardJson } from '../shared/cards/render';
import { chooseLanguage } from '../shared/i18n/chooseLanguage';
import { allMessageKeys, t, type Lang, type MessageKey } from '../i18n';
import type { Logger } from '../shared/logger';
import type { DocumentStore } from '../domain/store';
import { recogniseCommand, type CommandId } from './commands';
import { flowCommandsOf, type Feature } from './feature';
import { scopeOf, timeZoneOf, type Turn } from './turn';
import { MAX_QUESTION_CHARS } from '../shared/limits';
import { localeOf } from '../shared/dates';
import { DialogContextFactory } from './sdkInternals';
import { SAY_VERB, typedTextOf } from './activities';

/** The reply to a free-text question, produced outside the Bot Framework (see src/domain/guidance). */
export interface AnswerReply {
  readonly kind: string;
  readonly lang: Lang;
  readonly card?: AdaptiveCardJson;
  readonly text?: string;
  /** A short offer shown after the answer in personal chat (e.g. to start "I saw a post"); never a push. */
  readonly followUp?: AdaptiveCardJson;
}
export type AnswerService = (question: string, preferred: Lang) => AnswerReply;

/**
 * This turn's language, on `context.turnState`, for dialogs: they render each prompt and re-prompt in it,
 * so a "français"/"English" typed mid-flow shows at once. `saved` is the user's explicit choice, if any.
 */
export const TURN_LANGUAGE = Symbol('turnLanguage');
export interface TurnLanguage {
  readonly lang: Lang;
  readonly saved?: Lang;
}

/** This turn's time zone (a string, see timeZoneOf), on `context.turnState`, for dialogs' dates and times. */
export const TURN_TIME_ZONE = Symbol('turnTimeZone');

export interface UserProfile {
  lang?: Lang;
}

export interface GuidanceBotDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: DocumentStore;
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly answer: AnswerService;
  readonly features?: readonly Feature[];
}

/** A turn as the bot layer sees it: whether a dialog is in progress is known without making the dialog context. */
interface BotTurn extends Turn {
  readonly inDialog: boolean;
}

/** Attachments Teams adds to ordinary text messages (the HTML rendering of the text), which are not files. */
const TEXT_MIRROR_TYPES = new Set(['text/html', 'text/plain']);

/**
 * The Teams edge: resolves language and scope, routes commands, card submits, dialogs and questions to
 * features, and sends the welcome and help cards. Domain logic lives outside, behind injected services.
 */
export class GuidanceBot extends TeamsActivityHandler {
  private readonly dialogContexts: DialogContextFactory;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profile: StatePropertyAccessor<UserProfile>;
  private readonly features: readonly Feature[];

  constructor(private readonly deps: GuidanceBotDeps) {
    super();
    this.features = deps.features ?? [];
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.profile = deps.userState.createProperty<UserProfile>('profile');
    const dialogs = new DialogSet(this.dialogState);
    for (const feature of this.features) for (const dialog of feature.dialogs ?? []) dialogs.add(dialog);
    this.dialogContexts = new DialogContextFactory(dialogs, this.dialogState);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcomeIfBotAdded(context, context.activity.membersAdded ?? []);
      await next();
    });
    // Other activity types (typing, reactions, unknown) are acknowledged and ignored by the handler's default.
  }

  /**
   * Universal Actions: an Action.Execute click arrives as an `adaptiveCard/action` invoke and is routed by
   * verb to the feature that handles it in this scope. Its reply (a card or a message) is the invoke response.
   */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const lang = await this.languageFor(context);
    const turn = await this.makeTurn(context, lang, '');
    const verb = invokeValue.action?.verb ?? '';
    const data = (invokeValue.action?.data ?? {}) as Record<string, unknown>;
    for (const feature of this.features) {
      // Own properties only: a verb such as "constructor" or "toString" must not find Object.prototype's.
      const handler = ownHandler(feature.invokeVerbs, verb);
      if (!handler || !feature.scopes.includes(turn.scope)) continue;
      const reply = await handler(turn, data);
      return reply.card
        ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card }
        : {
            statusCode: 200,
            type: 'application/vnd.microsoft.activity.message',
            value: reply.message as never,
          };
    }
    this.deps.logger.info({ event: 'invoke.unknown', verb: verb.slice(0, 40) }, 'unknown card action');
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: t(lang, 'common.fallback.unknownAction') as never,
    };
  }

  /** Persists conversation and user state after every turn, including turns that only read it. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  async languageFor(context: TurnContext): Promise<Lang> {
    const profile = (await this.profile.get(context)) ?? {};
    return chooseLanguage(profile.lang, context.activity.locale, this.deps.config.defaultLanguage);
  }

  private async hasSavedLanguage(context: TurnContext): Promise<boolean> {
    return (await this.profile.get(context))?.lang !== undefined;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const lang = await this.languageFor(context);
    // A choice button stands for typed text: the turn reads as if the person had typed its label, whether
    // the client sent it as Teams' messageBack (text and value) or as the button's data alone.
    const typed = typedTextOf(context.activity);
    if (typed !== undefined) context.activity.text = typed;
    if ((context.activity.value as { verb?: unknown } | undefined)?.verb === SAY_VERB)
      context.activity.value = undefined;
    const scope = scopeOf(context);
    const rawText =
      scope === 'personal'
        ? (context.activity.text ?? '')
        : (TurnContext.removeRecipientMention(context.activity) ?? '');
    const turn = await this.makeTurn(context, lang, rawText.trim());

    const value = context.activity.value as Record<string, unknown> | undefined;
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      await this.handleSubmit(turn, value);
      return;
    }

    const files = (context.activity.attachments ?? []).filter((a) => !TEXT_MIRROR_TYPES.has(a.contentType));
    if (files.length > 0) {
      await turn.sendText(t(lang, 'common.input.textOnly'));
      if (!hasWords(turn.text)) return;
    }

    const recognised = recogniseCommand(turn.text);
    if (recognised?.kind === 'switchLanguage') {
      await this.switchLanguage(turn, recognised.to);
      return;
    }

    if (recognised?.kind === 'command' && turn.inDialog) {
      // A guided flow answers its own commands, saying what happens to the work in it.
      const flow = flowCommandsOf(turn.dc.findDialog(turn.dc.activeDialog?.id ?? ''));
      if (flow?.handles.includes(recognised.id)) {
        await turn.dc.continueDialog();
        if (recognised.id === 'cancel' && !turn.dc.activeDialog) await turn.sendHelp();
        return;
      }
      if (flow?.startsOver?.includes(recognised.id)) {
        await this.runCommand(turn, recognised.id);
        return;
      }
    }

    if (recognised?.kind === 'command' && recognised.id === 'cancel') {
      await turn.dc.cancelAllDialogs();
    }

    if (turn.inDialog) {
      if (recognised?.kind === 'command' && recognised.id === 'help') {
        await turn.sendHelp();
        await turn.dc.repromptDialog();
        return;
      }
      const result = await turn.dc.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }

    if (recognised?.kind === 'command') {
      // Unless the user saved a choice, a command typed in one language ("aide") is answered in that language.
      const typedLang = recognised.lang && !(await this.hasSavedLanguage(context)) ? recognised.lang : lang;
      const commandTurn = typedLang !== lang ? await this.makeTurn(context, typedLang, turn.text) : turn;
      await this.runCommand(commandTurn, recognised.id);
      return;
    }

    if (!hasWords(turn.text)) {
      await turn.sendText(t(lang, 'common.input.empty'));
      return;
    }
    await this.answerQuestion(turn, turn.text);
  }

  private async handleSubmit(turn: BotTurn, value: Record<string, unknown>): Promise<void> {
    const verb = value.verb as string;
    if (verb === 'command' && typeof value.command === 'string') {
      const recognised = recogniseCommand(value.command);
      if (value.command === 'language') {
        await this.switchLanguage(turn, turn.lang === 'en' ? 'fr' : 'en');
        return;
      }
      const id = isCommandId(value.command)
        ? value.command
        : recognised?.kind === 'command'
          ? recognised.id
          : undefined;
      if (id) {
        await this.runCommand(turn, id);
        return;
      }
    }
    if (verb === 'ask' && typeof value.q === 'string' && hasWords(value.q)) {
      await this.answerQuestion(turn, value.q);
      return;
    }
    for (const feature of this.features) {
      const handler = ownHandler(feature.verbs, verb);
      if (handler && feature.scopes.includes(turn.scope)) {
        await handler(turn, value);
        return;
      }
    }
    this.deps.logger.info({ event: 'submit.unknown', verb: verb.slice(0, 40) }, 'unknown card action');
    await turn.sendText(t(turn.lang, 'common.fallback.unknownAction'));
    await turn.sendHelp();
  }

  /** Saves the choice; a dialog in progress re-prompts its current step in the new language right away. */
  private async switchLanguage(turn: Turn, to: Lang): Promise<void> {
    await this.profile.set(turn.context, { lang: to });
    await turn.context.sendActivity(t(to, 'common.language.switched'));
    if (turn.dc.activeDialog) {
      turn.context.turnState.set(TURN_LANGUAGE, { lang: to, saved: to } satisfies TurnLanguage);
      await turn.dc.repromptDialog();
    }
  }

  private async runCommand(turn: Turn, id: CommandId): Promise<void> {
    if (id === 'help' || id === 'cancel' || id === 'back') {
      await turn.sendHelp();
      return;
    }
    const feature = this.features.find((f) => f.commands?.includes(id));
    if (!feature?.start) {
      await turn.sendText(t(turn.lang, 'common.fallback.notYet'));
      await turn.sendHelp();
      return;
    }
    if (!feature.scopes.includes(turn.scope)) {
      const command = this.helpButtons('personal').find((b) => b.command === id);
      // Commands without a help-card button ("my records") still have a title in the catalogue.
      const titleKey = command?.titleKey ?? `command.${id}`;
      await turn.sendText(
        t(turn.lang, 'common.fallback.personalOnly', {
          botName: t(turn.lang, 'common.botName'),
          command: allMessageKeys(turn.lang).includes(titleKey) ? t(turn.lang, titleKey as MessageKey) : id,
        }),
      );
      return;
    }
    await feature.start(turn, id);
  }

  private async answerQuestion(turn: BotTurn, question: string): Promise<void> {
    if (question.length > MAX_QUESTION_CHARS) {
      await turn.sendText(
        t(turn.lang, 'common.input.tooLong', {
          limit: MAX_QUESTION_CHARS.toLocaleString(localeOf(turn.lang)),
        }),
      );
    }
    const reply = this.deps.answer(question.slice(0, MAX_QUESTION_CHARS), turn.lang);
    this.deps.logger.info(
      { event: 'question.answered', kind: reply.kind, lang: reply.lang },
      'question answered',
    );
    if (reply.kind === 'smalltalk' && !reply.card && !reply.text) {
      await turn.sendHelp();
      return;
    }
    // An offer only where it can be taken up: personal chat, and not in the middle of another flow.
    const offer = reply.followUp && turn.scope === 'personal' && !turn.inDialog ? reply.followUp : undefined;
    if (reply.card && offer) {
      // One message holding both cards, the answer first: they arrive together rather than as two messages a
      // moment apart, and the turn makes one call to the Bot Connector instead of two.
      await turn.context.sendActivity(
        MessageFactory.list([CardFactory.adaptiveCard(reply.card), CardFactory.adaptiveCard(offer)]),
      );
      return;
    }
    if (reply.card) await turn.sendCard(reply.card);
    else if (reply.text) await turn.sendText(reply.text);
    if (offer) await turn.sendCard(offer);
  }

  private async welcomeIfBotAdded(context: TurnContext, added: ChannelAccount[]): Promise<void> {
    const botId = context.activity.recipient?.id;
    if (!added.some((member) => member.id === botId)) return; // a person joined: no message per member
    const conversationId = context.activity.conversation.id;
    // Teams may send the install event more than once: welcome each conversation once.
    if (!(await this.deps.store.insert('welcomed', conversationId, { at: new Date().toISOString() }))) return;
    const lang = await this.languageFor(context);
    const scope = scopeOf(context);
    const card =
      scope === 'personal'
        ? welcomeCard(
            lang,
            {
              recordDays: this.deps.config.recordRetentionDays,
              caseDays: this.deps.config.caseRetentionDays,
            },
            this.helpButtons('personal'),
          )
        : teamWelcomeCard(lang);
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    this.deps.logger.info({ event: 'bot.installed', scope }, 'welcome sent');
  }

  helpButtons(scope: Turn['scope']): CommandButton[] {
    const buttons = this.features
      .filter((f) => f.scopes.includes(scope))
      .flatMap((f) => f.helpButtons ?? [])
      .sort((a, b) => a.order - b.order)
      .map((b) => ({ command: b.command, titleKey: b.titleKey }));
    return [...buttons, { command: 'language', titleKey: 'command.language' }];
  }

  private async makeTurn(context: TurnContext, lang: Lang, text: string): Promise<BotTurn> {
    const dialogs = await this.dialogContexts.open(context);
    const scope = scopeOf(context);
    const saved = (await this.profile.get(context))?.lang;
    context.turnState.set(TURN_LANGUAGE, { lang, ...(saved ? { saved } : {}) } satisfies TurnLanguage);
    const timeZone = timeZoneOf(context, this.deps.config.defaultTimeZone);
    context.turnState.set(TURN_TIME_ZONE, timeZone);
    const sendCard = async (card: AdaptiveCardJson) =>
      (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id;
    return {
      context,
      get dc() {
        return dialogs.dc;
      },
      get inDialog() {
        return dialogs.active;
      },
      lang,
      timeZone,
      scope,
      text,
      sendCard,
      sendText: async (message: string) => (await context.sendActivity(MessageFactory.text(message)))?.id,
      sendHelp: async () => {
        await sendCard(helpCard(lang, this.helpButtons(scope)));
      },
    };
  }
}

const COMMAND_IDS: ReadonlySet<string> = new Set<CommandId>([
  'help',
  'talkingPoints',
  'discussionGuide',
  'sawPost',
  'myRecords',
  'myCases',
  'escalate',
  'cancel',
  'back',
  'registerValuesEthics',
  'registerOmbud',
]);

/** The handler registered for `verb`, never an inherited member (`constructor`, `__proto__`, `toString`…). */
function ownHandler<H>(handlers: Readonly<Record<string, H>> | undefined, verb: string): H | undefined {
  return handlers && Object.hasOwn(handlers, verb) ? handlers[verb] : undefined;
}

function isCommandId(value: string): value is CommandId {
  return COMMAND_IDS.has(value);
}

/** True when the text has at least one letter or digit (whitespace, punctuation and emoji alone are not a question). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
