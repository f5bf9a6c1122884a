import { cardActivity, type TurnContext } from '../../platform/activities';
import {
  ComponentDialog,
  Prompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptOptions,
  type PromptRecognizerResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { AdaptiveCardJson } from '../../shared/cards/render';
import { t, type Lang } from '../../i18n';
import { cleanIntro, introLength, MAX_INTRO_CHARS, type CardKind } from './cards';
import {
  choiceCard,
  confirmCard,
  introCard,
  matchChoice,
  type ChoiceOption,
  type FlowStep,
} from './flowCards';
import type { PostRequest } from './posts';

export const POST_TALKING_POINTS_DIALOG = 'postTalkingPoints';
const WATERFALL = 'postTalkingPoints.steps';
const CHOICE_PROMPT = 'postTalkingPoints.choice';
const INTRO_PROMPT = 'postTalkingPoints.intro';

/** A team the manager may post to (the bot is installed there and they are a member). */
export interface PostableTeam {
  readonly teamId: string;
  readonly name: string;
  readonly aadGroupId?: string;
  readonly tenantId: string;
  readonly serviceUrl: string;
}

export type ChannelListing =
  | { readonly ok: true; readonly channels: readonly ChoiceOption[] }
  | { readonly ok: false; readonly reason: 'teamGone' | 'unavailable' };

/** The Teams lookups the flow needs, injected so tests and other hosts can supply their own. */
export interface TeamDirectory {
  teamsFor(context: TurnContext): Promise<PostableTeam[]>;
  channelsOf(context: TurnContext, team: PostableTeam, lang: Lang): Promise<ChannelListing>;
}

export interface PostTalkingPointsDeps {
  readonly directory: TeamDirectory;
  /** Stores what was chosen and returns the id the confirm button carries. */
  saveRequest(request: PostRequest): Promise<string>;
  /** Posts (at most once per request and channel) and tells the manager the outcome. */
  confirm(context: TurnContext, requestId: string, lang: Lang): Promise<void>;
}

export interface PostTalkingPointsOptions {
  readonly kind: CardKind;
  readonly lang: Lang;
}

interface ChoicePromptOptions extends PromptOptions {
  readonly validations: {
    readonly step: FlowStep;
    readonly options: readonly ChoiceOption[];
    readonly lang: Lang;
  };
}

/**
 * Reads a choice from a card button (`{ step, choice }` in the submit value) or from typed text (the
 * number or the name). A click on a card of another step is not taken as an answer to this one.
 */
class CardChoicePrompt extends Prompt<string> {
  constructor(id: string) {
    super(id);
  }

  protected async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    if (isRetry && options.retryPrompt) await context.sendActivity(options.retryPrompt);
    else if (!isRetry && options.prompt) await context.sendActivity(options.prompt);
  }

  protected async onRecognize(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<string>> {
    const { step, options: choices } = (options as ChoicePromptOptions).validations;
    const value = context.activity.value as { step?: unknown; choice?: unknown } | undefined;
    if (value && typeof value === 'object' && 'choice' in value) {
      const known = value.step === step && choices.some((c) => c.id === value.choice);
      return known ? { succeeded: true, value: value.choice as string } : { succeeded: false };
    }
    const match = matchChoice(context.activity.text ?? '', choices);
    return match ? { succeeded: true, value: match.id } : { succeeded: false };
  }
}

const SKIP_WORDS = new Set([
  'skip',
  'none',
  'no',
  'non',
  'passer',
  'aucune',
  'aucun',
  'no introduction',
  'aucune introduction',
]);

/** The optional introduction, from the card's text box or typed in the chat; "skip" means none. */
class IntroPrompt extends Prompt<string> {
  constructor(id: string) {
    super(id);
  }

  protected async onPrompt(
    context: TurnContext,
    state: { tooLong?: number },
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const lang = (options as { validations: { lang: Lang } }).validations.lang;
    if (!isRetry) {
      if (options.prompt) await context.sendActivity(options.prompt);
      return;
    }
    await context.sendActivity(
      t(lang, 'talkingPoints.post.intro.tooLong', { length: state.tooLong ?? 0, limit: MAX_INTRO_CHARS }),
    );
  }

  protected async onRecognize(
    context: TurnContext,
    state: { tooLong?: number },
  ): Promise<PromptRecognizerResult<string>> {
    const value = context.activity.value as { step?: unknown; choice?: unknown; intro?: unknown } | undefined;
    let intro: string;
    if (value && typeof value === 'object' && value.step === 'intro') {
      intro = value.choice === 'set' && typeof value.intro === 'string' ? cleanIntro(value.intro) : '';
    } else {
      const typed = cleanIntro(context.activity.text ?? '');
      intro = SKIP_WORDS.has(typed.toLowerCase()) ? '' : typed;
    }
    const length = introLength(intro);
    if (length > MAX_INTRO_CHARS) {
      state.tooLong = length;
      return { succeeded: false };
    }
    return { succeeded: true, value: intro };
  }
}

interface FlowValues {
  teams: PostableTeam[];
  team?: PostableTeam;
  channels?: ChoiceOption[];
  channel?: ChoiceOption;
  intro?: string;
  requestId?: string;
}

/**
 * From the personal chat: choose a team (where the bot is installed and the manager is a member), a
 * channel, an optional introduction, then confirm. "cancel"/"annuler" is handled by the bot for every
 * dialog; the confirm button itself is handled outside this dialog so that a second click is answered.
 */
export class PostTalkingPointsDialog extends ComponentDialog {
  constructor(private readonly deps: PostTalkingPointsDeps) {
    super(POST_TALKING_POINTS_DIALOG);
    this.addDialog(new CardChoicePrompt(CHOICE_PROMPT));
    this.addDialog(new IntroPrompt(INTRO_PROMPT));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        (step) => this.chooseTeam(step),
        (step) => this.chooseChannel(step),
        (step) => this.askIntro(step),
        (step) => this.askConfirm(step),
        (step) => this.finish(step),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private opts(step: WaterfallStepContext): PostTalkingPointsOptions {
    return step.options as PostTalkingPointsOptions;
  }

  private values(step: WaterfallStepContext): FlowValues {
    return step.values as FlowValues;
  }

  private choicePrompt(
    step: WaterfallStepContext,
    flowStep: 'team' | 'channel' | 'confirm',
    card: AdaptiveCardJson | undefined,
    options: readonly ChoiceOption[],
    lang: Lang,
  ): Promise<DialogTurnResult> {
    const prompt: ChoicePromptOptions = {
      ...(card ? { prompt: cardActivity(card) } : {}),
      retryPrompt: t(lang, 'talkingPoints.post.notUnderstood'),
      validations: { step: flowStep, options, lang },
    };
    return step.prompt(CHOICE_PROMPT, prompt);
  }

  private async chooseTeam(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { lang } = this.opts(step);
    const teams = await this.deps.directory.teamsFor(step.context);
    if (teams.length === 0) {
      await step.context.sendActivity(
        t(lang, 'talkingPoints.post.noTeams', { botName: t(lang, 'common.botName') }),
      );
      return step.endDialog();
    }
    this.values(step).teams = teams;
    const options = teams.map((team) => ({ id: team.teamId, name: team.name }));
    return this.choicePrompt(step, 'team', choiceCard(lang, 'team', options), options, lang);
  }

  private async chooseChannel(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { lang } = this.opts(step);
    const values = this.values(step);
    const team = values.teams.find((candidate) => candidate.teamId === step.result);
    if (!team) return step.endDialog();
    values.team = team;
    const listing = await this.deps.directory.channelsOf(step.context, team, lang);
    if (!listing.ok) {
      await step.context.sendActivity(
        listing.reason === 'teamGone'
          ? t(lang, 'talkingPoints.post.teamGone', { team: team.name, botName: t(lang, 'common.botName') })
          : t(lang, 'talkingPoints.post.channel.failed'),
      );
      return step.endDialog();
    }
    values.channels = [...listing.channels];
    return this.choicePrompt(
      step,
      'channel',
      choiceCard(lang, 'channel', listing.channels, team.name),
      listing.channels,
      lang,
    );
  }

  private async askIntro(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { lang } = this.opts(step);
    const values = this.values(step);
    values.channel = values.channels?.find((c) => c.id === step.result);
    if (!values.channel) return step.endDialog();
    return step.prompt(INTRO_PROMPT, {
      prompt: cardActivity(introCard(lang)),
      validations: { lang },
    } as PromptOptions);
  }

  private async askConfirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { lang, kind } = this.opts(step);
    const values = this.values(step);
    const team = values.team!;
    const channel = values.channel!;
    values.intro = typeof step.result === 'string' ? step.result : '';
    const requestId = await this.deps.saveRequest({
      kind,
      lang,
      teamId: team.teamId,
      teamName: team.name,
      ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}),
      channelId: channel.id,
      channelName: channel.name,
      tenantId: team.tenantId,
      serviceUrl: team.serviceUrl,
      by: step.context.activity.from?.aadObjectId ?? step.context.activity.from?.id ?? '',
      intro: values.intro,
    });
    values.requestId = requestId;
    const card = confirmCard(lang, {
      kind,
      teamName: team.name,
      channelName: channel.name,
      intro: values.intro,
      requestId,
    });
    // Typed confirmation words; the card's Post button goes straight to the confirm handler.
    const words =
      lang === 'fr' ? ['publier', 'oui', 'post', 'yes'] : ['post', 'yes', 'publish', 'publier', 'oui'];
    return this.choicePrompt(
      step,
      'confirm',
      card,
      words.map((w) => ({ id: 'post', name: w })),
      lang,
    );
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { lang } = this.opts(step);
    const requestId = this.values(step).requestId;
    if (step.result === 'post' && requestId) await this.deps.confirm(step.context, requestId, lang);
    return step.endDialog();
  }
}
