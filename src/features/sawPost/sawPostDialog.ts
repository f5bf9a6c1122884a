import { randomUUID } from 'node:crypto';
import { cardActivity, type TurnContext } from '../../platform/activities';
import {
  ComponentDialog,
  Prompt,
  WaterfallDialog,
  type DialogContext,
  type DialogInstance,
  type DialogReason,
  type DialogTurnResult,
  type PromptOptions,
  type PromptRecognizerResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { DialogReason as Reason } from 'botbuilder-dialogs';
import type { AdaptiveCardJson } from '../../shared/cards/render';
import { t } from '../../i18n';
import type { Lang } from '../../shared/i18n/lang';
import {
  shareableDraft,
  type NewSawPostRecord,
  type SawPostRecord,
  type ShareableRecord,
} from '../../domain/records/sawPostRecord';
import type { FlowCommandDialog, FlowCommands } from '../../platform/feature';
import { clearViolationCard, optionsList, recordCard, stepCard } from './cards';
import {
  STEPS,
  advance,
  interpret,
  startFlow,
  stepNumber,
  totalSteps,
  visitedAnswers,
  type FlowInput,
  type FlowState,
} from './steps';

export const SAW_POST_DIALOG = 'sawPost';
const LOOP = 'sawPost.loop';
const STEP_PROMPT = 'sawPost.stepPrompt';
/** Set on turnState to end the walk-through without the "stopped" message (e.g. "start again"). */
export const SILENT_CANCEL = 'sawPost.silentCancel';

export interface SawPostDialogDeps {
  readonly records: {
    create(input: NewSawPostRecord): Promise<{ record: SawPostRecord; created: boolean; deleted?: boolean }>;
  };
  /** Answers a question typed mid-flow (the guidance answerer); without it such text is a wrong choice. */
  readonly answer?: (question: string, lang: Lang) => { card?: AdaptiveCardJson; text?: string };
  /**
   * The language the user saved this turn ("français"/"English"), read on every turn so that each prompt
   * and re-prompt follows a change made mid-flow. Undefined: the language the walk-through started in.
   */
  readonly languageOf?: (context: TurnContext) => Lang | undefined;
  /** The user's time zone this turn, for the record's dates (the default zone when absent). */
  readonly timeZoneOf?: (context: TurnContext) => string | undefined;
  readonly retentionDays: number;
  readonly contentVersion: string;
  /** Structured events only: step ids and record ids, never text or notes. */
  readonly log?: (event: string, fields?: Record<string, string | number>) => void;
}

/** A walk-through's record key: one walk-through, one record (see FlowState.id). */
export function recordKeyOf(flowId: string): string {
  return `flow:${flowId}`;
}

export interface SawPostStartOptions {
  readonly lang: Lang;
}

export type SawPostResult =
  { readonly outcome: 'recorded'; readonly recordId: string } | { readonly outcome: 'cancelled' };

interface LoopOptions {
  readonly flow: FlowState;
  /** Show a short "back to step n" line before the card (after an interruption). */
  readonly resume?: boolean;
}

interface StepPromptOptions extends PromptOptions {
  readonly flow: FlowState;
  readonly resume?: boolean;
}

function langOf(deps: SawPostDialogDeps, context: TurnContext, flowLang: Lang): Lang {
  return deps.languageOf?.(context) ?? flowLang;
}

async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(cardActivity(card));
}

/**
 * One prompt for every step: the card is rendered when prompted (in the language of that turn, so a
 * switch mid-flow shows at the next re-prompt) and the reply is interpreted by the step table. A wrong
 * choice makes the base Prompt re-prompt with `isRetry`, which lists the options.
 */
class StepPrompt extends Prompt<FlowInput> {
  constructor(private readonly deps: SawPostDialogDeps) {
    super(STEP_PROMPT);
  }

  protected async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const { flow, resume } = options as StepPromptOptions;
    const lang = langOf(this.deps, context, flow.lang);
    if (isRetry) {
      // One line, not the whole card again: the card is still just above, with what was ticked or typed on it.
      const clicked = typeof context.activity.value === 'object' && context.activity.value !== null;
      const key = clicked
        ? 'sawPost.invalidClick'
        : STEPS[flow.step].kind === 'multi'
          ? 'sawPost.invalidMulti'
          : 'sawPost.invalid';
      await context.sendActivity(t(lang, key, { options: optionsList(flow, lang) }));
      return;
    }
    if (resume)
      await context.sendActivity(t(lang, 'sawPost.resume', { n: stepNumber(flow), total: totalSteps(flow) }));
    await sendCard(context, stepCard(flow, lang, { retentionDays: this.deps.retentionDays }));
  }

  protected async onRecognize(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<FlowInput>> {
    const { flow } = options as StepPromptOptions;
    const value = context.activity.value as Record<string, unknown> | undefined;
    const input = interpret(STEPS[flow.step], {
      text: context.activity.text ?? '',
      ...(value && typeof value === 'object' ? { value } : {}),
    });
    if (input.kind === 'invalid' || (input.kind === 'question' && !this.deps.answer))
      return { succeeded: false };
    return { succeeded: true, value: input };
  }
}

/**
 * "I saw a post": the guidance's steps one at a time, ending with a record. The flow is a loop (a
 * two-step waterfall replaced by itself): prompt the current step, then apply the reply with the pure
 * state machine in steps.ts. The whole flow state travels in the loop's options, so it lives in dialog
 * state (SQLite) and a restarted process resumes at the same step; "back" is just the previous state.
 */
export class SawPostDialog extends ComponentDialog implements FlowCommandDialog {
  /** "escalate" typed (or an office's button clicked) mid-way starts the escalation over the walk-through. */
  readonly flowCommands: FlowCommands = { handles: ['help', 'cancel', 'back'], startsOver: ['escalate'] };

  constructor(private readonly deps: SawPostDialogDeps) {
    super(SAW_POST_DIALOG);
    this.addDialog(new StepPrompt(deps));
    this.addDialog(
      new WaterfallDialog(LOOP, [
        async (step) => step.beginDialog(STEP_PROMPT, step.options as LoopOptions),
        async (step) => this.apply(step),
      ]),
    );
    this.initialDialogId = LOOP;
  }

  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: SawPostStartOptions,
  ): Promise<DialogTurnResult> {
    const lang = options?.lang ?? 'en';
    this.deps.log?.('sawPost.started', { lang });
    return innerDc.beginDialog(LOOP, { flow: startFlow(lang, randomUUID()) } satisfies LoopOptions);
  }

  /** Cancelled from outside (the bot edge on "cancel"/"annuler"): say so, since notes are discarded. */
  override async endDialog(
    context: TurnContext,
    instance: DialogInstance,
    reason: DialogReason,
  ): Promise<void> {
    // Read before super.endDialog, which empties the inner stack.
    const flowLang = flowIn(instance)?.lang ?? 'en';
    await super.endDialog(context, instance, reason);
    if (reason !== Reason.cancelCalled || context.turnState.get(SILENT_CANCEL)) return;
    this.deps.log?.('sawPost.cancelled');
    await context.sendActivity(t(langOf(this.deps, context, flowLang), 'sawPost.cancelled'));
  }

  /**
   * A dialog started over the walk-through (the escalation) has ended: say where the manager is and that
   * nothing was lost, then show the current step again.
   */
  override async resumeDialog(
    outerDc: DialogContext,
    reason: DialogReason,
    result?: unknown,
  ): Promise<DialogTurnResult> {
    const flow = outerDc.activeDialog ? flowIn(outerDc.activeDialog) : undefined;
    if (flow)
      await outerDc.context.sendActivity(
        t(langOf(this.deps, outerDc.context, flow.lang), 'sawPost.resumeAfterEscalation', {
          n: stepNumber(flow),
          total: totalSteps(flow),
        }),
      );
    return super.resumeDialog(outerDc, reason, result);
  }

  private async apply(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { flow } = step.options as LoopOptions;
    const input = step.result as FlowInput;
    const context = step.context;
    const lang = langOf(this.deps, context, flow.lang);
    const again = (next: FlowState, resume = false) =>
      step.replaceDialog(LOOP, { flow: next, ...(resume ? { resume } : {}) } satisfies LoopOptions);

    switch (input.kind) {
      case 'cancel':
        this.deps.log?.('sawPost.cancelled', { step: flow.step });
        await context.sendActivity(t(lang, 'sawPost.cancelled'));
        return step.endDialog({ outcome: 'cancelled' } satisfies SawPostResult);
      case 'help':
        await context.sendActivity(t(lang, 'sawPost.help', { n: stepNumber(flow), total: totalSteps(flow) }));
        return again(flow);
      case 'stale':
        await context.sendActivity(t(lang, 'sawPost.stale'));
        return again(flow);
      case 'question': {
        // Answered from the guidance like any question, then the flow picks up where it was.
        const reply = this.deps.answer!(input.text, lang);
        this.deps.log?.('sawPost.question', { step: flow.step });
        if (reply.card) await sendCard(context, reply.card);
        else if (reply.text) await context.sendActivity(reply.text);
        return again(flow, true);
      }
      default:
        break;
    }

    const transition = advance(flow, input);
    if (transition.kind === 'atStart') {
      await context.sendActivity(t(lang, 'sawPost.atStart'));
      return again(flow);
    }
    if (transition.kind === 'noted') {
      // "note: …" at the last step adds the note; creating the record stays the manager's explicit choice.
      await context.sendActivity(t(lang, 'sawPost.noted'));
      return again(transition.flow);
    }
    if (transition.kind === 'step') {
      this.deps.log?.('sawPost.step', { step: transition.flow.step, entered: transition.entered });
      if (transition.entered === 'forward' && transition.flow.step === 'protocols')
        await sendCard(context, clearViolationCard(transition.flow, lang));
      return again(transition.flow);
    }

    const activity = context.activity;
    const { record, created, deleted } = await this.deps.records.create({
      owner: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
      // The walk-through, not the activity: its last step submitted again (a re-delivery, a double click, or
      // after a crash before the dialog state was saved) finds the first record. Flows saved before walk-
      // throughs had ids fall back to the activity.
      idempotencyKey: flow.id
        ? recordKeyOf(flow.id)
        : `${activity.conversation?.id ?? ''}|${activity.id ?? `${activity.timestamp ?? ''}`}`,
      lang,
      answers: visitedAnswers(transition.flow),
      contentVersion: this.deps.contentVersion,
    });
    this.deps.log?.('sawPost.recorded', { recordId: record.id, path: record.path, created: String(created) });
    if (deleted) {
      await context.sendActivity(t(lang, 'records.alreadyDeleted'));
      return step.endDialog({ outcome: 'cancelled' } satisfies SawPostResult);
    }
    if (!created) await context.sendActivity(t(lang, 'sawPost.alreadyRecorded'));
    await sendCard(context, recordCard(record, lang, this.deps.timeZoneOf?.(context)));
    return step.endDialog({ outcome: 'recorded', recordId: record.id } satisfies SawPostResult);
  }
}

/**
 * The walk-through under way when it is the active dialog, as the part an office may see (its structured
 * choices so far, never the notes), for an escalation started over it.
 */
export function walkThroughDraft(dc: DialogContext, now: Date): ShareableRecord | undefined {
  const active = dc.activeDialog;
  if (active?.id !== SAW_POST_DIALOG) return undefined;
  const flow = flowIn(active);
  if (!flow) return undefined;
  return shareableDraft(visitedAnswers(flow), now, { step: stepNumber(flow), total: totalSteps(flow) });
}

/** The flow state kept in this dialog's instance (the loop's options on the inner stack). */
function flowIn(instance: DialogInstance): FlowState | undefined {
  const inner = (instance.state as { dialogs?: { dialogStack?: DialogInstance[] } }).dialogs;
  for (const entry of inner?.dialogStack ?? []) {
    const flow = (entry.state as { options?: { flow?: FlowState } } | undefined)?.options?.flow;
    if (flow) return flow;
  }
  return undefined;
}
