import { randomUUID } from 'node:crypto';
import { buttonsActivity, cardActivity, promptText, type TurnContext } from '../../platform/activities';
import {
  ChoicePrompt,
  ComponentDialog,
  ListStyle,
  TextPrompt,
  WaterfallDialog,
  type Choice,
  DialogReason,
  DialogTurnStatus,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  type FoundChoice,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { MAX_CASE_TEXT } from '../../domain/cases/caseService';
import { detectPersonalInfo } from '../../domain/cases/personalInfo';
import {
  CONTACT_PREFERENCES,
  OFFICE_IDS,
  URGENCIES,
  type ContactPreference,
  type OfficeId,
  type Urgency,
} from '../../domain/cases/types';
import { escapeMarkdown, type AdaptiveCardJson } from '../../shared/cards/render';
import type { ShareableRecord } from '../../domain/records/sawPostRecord';
import { normaliseCommandText, recogniseCommand } from '../../platform/commands';
import type { FlowCommandDialog, FlowCommands } from '../../platform/feature';
import { t, type Lang, type MessageKey } from '../../i18n';
import { officeWords } from './officeWords';

export const ESCALATION_DIALOG = 'escalation';
/**
 * The consent card's "Send it" button carries this verb and the draft's id, so a click that arrives after
 * the dialog has ended (a double click, another device) still finds the draft's case (see the feature).
 */
export const CONSENT_VERB = 'escalation.send';
const WATERFALL = 'escalation.steps';
const CHOICE = 'escalation.choice';
const SUMMARY = 'escalation.summary';
const MIN_SUMMARY_CHARS = 10;

/** What the manager has decided so far; carried over when they go back to rewrite the summary. */
export interface EscalationOptions {
  readonly lang: Lang;
  /**
   * The draft's identity, given when the dialog starts and kept through "change the summary": the case's
   * idempotency key, so one draft makes one case however many times, and from wherever, it is confirmed.
   */
  readonly draftId?: string;
  readonly office?: OfficeId;
  readonly urgency?: Urgency;
  readonly contact?: ContactPreference;
  /** The "I saw a post" record offered for attachment, and whether the manager already chose. */
  readonly recordId?: string;
  readonly attachRecord?: boolean;
  /**
   * The walk-through under way when the manager escalated from inside "I saw a post" (its choices so far, no
   * notes): offered for attachment like a record; the walk-through resumes when this dialog ends.
   */
  readonly walkThrough?: ShareableRecord;
  /** The summary already written, when the manager went back past it ("back"); "keep" keeps it. */
  readonly previousSummary?: string;
  /** The summary, kept as it is (going back to a later question). */
  readonly summary?: string;
}

export interface Draft {
  /** Undefined only for a dialog begun before drafts had ids (state saved by an earlier version). */
  readonly id?: string;
  readonly office: OfficeId;
  readonly summary: string;
  readonly urgency: Urgency;
  readonly contact: ContactPreference;
  readonly attachedRecord?: string;
}

/** What the dialog needs from the case service and the office directory, injected so tests can pass fakes. */
export interface EscalationDialogDeps {
  hasChannel(office: OfficeId): Promise<boolean>;
  contact(office: OfficeId, lang: Lang): string;
  /** The shareable part of the manager's record (no private notes), or undefined if it is not theirs. */
  recordSummary(context: TurnContext, recordId: string, lang: Lang): Promise<string | undefined>;
  /** The same for a walk-through not finished yet (see EscalationOptions.walkThrough). */
  draftSummary(context: TurnContext, draft: ShareableRecord, lang: Lang): string;
  /** The card exactly as the office will see it. */
  preview(context: TurnContext, draft: Draft, lang: Lang): AdaptiveCardJson;
  /**
   * Creates the case once per draft and returns its id; `created` is false when the draft's case already
   * existed (confirmed before a crash, twice, or from another device), and the dialog says so.
   */
  submit(context: TurnContext, draft: Draft, lang: Lang): Promise<{ caseId: string; created?: boolean }>;
  /** This turn's language when the bot knows it (a switch mid-flow applies from the next prompt). */
  langOf?(context: TurnContext): Lang | undefined;
  /** Called once the manager has been told the case id (the case card can be posted now). */
  confirmed?(caseId: string): void;
}

interface Values {
  office?: OfficeId;
  summary?: string;
  attachedRecord?: string;
  urgency?: Urgency;
  contact?: ContactPreference;
}

/** Every choice id with its label key; a choice's value is its label (Teams shows the value on the button). */
const CHOICE_LABELS: ReadonlyArray<readonly [string, MessageKey]> = [
  ['valuesEthics', 'escalation.officeTitle.valuesEthics'],
  ['ombud', 'escalation.officeTitle.ombud'],
  ['rewrite', 'escalation.pii.rewrite'],
  ['keep', 'escalation.pii.keep'],
  ['attach', 'escalation.record.attach'],
  ['skip', 'escalation.record.skip'],
  ...URGENCIES.map((u) => [u, `escalation.urgency.${u}`] as const),
  ...CONTACT_PREFERENCES.map((c) => [c, `escalation.contact.${c}`] as const),
  ['send', 'escalation.consent.send'],
  ['edit', 'escalation.consent.edit'],
  ['cancel', 'escalation.consent.cancel'],
];
const ID_BY_LABEL = new Map<string, string>();
for (const [id, key] of CHOICE_LABELS)
  for (const lang of ['en', 'fr'] as const) ID_BY_LABEL.set(t(lang, key), id);

function choice(lang: Lang, value: string, key: MessageKey, synonyms: string[] = []): Choice {
  const title = t(lang, key);
  const other = t(lang === 'en' ? 'fr' : 'en', key);
  return { value: title, synonyms: [value, other, ...synonyms] };
}

/**
 * The escalation conversation (personal chat only): office, summary (with advice and a personal-information
 * check), the optional "I saw a post" record, urgency, how to be contacted, then consent on exactly what
 * the office will see. Nothing is stored until the manager chooses "Send it".
 */
/** The questions in order, by the waterfall step that waits for their answer. */
const QUESTIONS = ['office', 'summary', 'pii', 'record', 'urgency', 'contact', 'consent'] as const;
type Question = (typeof QUESTIONS)[number];

/** What people type for each way to be contacted, in either language, besides the labels themselves. */
const CONTACT_WORDS: Record<ContactPreference, string[]> = {
  teamsChat: ['teams', 'chat', 'clavardage', 'clavarder', 'message', 'messagerie', 'im'],
  phone: ['phone', 'call', 'telephone', 'téléphone', 'tel', 'tél', 'appel', 'appelez-moi', 'call me'],
  email: ['email', 'mail', 'courriel', 'e-mail', 'mel', 'mél'],
};

const KEEP_WORDS = new Set(['keep', 'keep it', 'same', 'garder', 'le garder', 'conserver', 'pareil']);

export class EscalationDialog extends ComponentDialog implements FlowCommandDialog {
  /** "help", "cancel", "back" and "escalate" typed at any question are answered here (see onContinueDialog). */
  readonly flowCommands: FlowCommands = { handles: ['help', 'cancel', 'back', 'escalate'] };

  constructor(private readonly deps: EscalationDialogDeps) {
    super(ESCALATION_DIALOG);
    // Part of a label is enough ("teams", "délai", "time sensitive"): people type, not only click.
    const choicePrompt = new ChoicePrompt(CHOICE);
    choicePrompt.recognizerOptions = { allowPartialMatches: true };
    this.addDialog(choicePrompt);
    this.addDialog(new TextPrompt(SUMMARY, (p) => this.validateSummary(p)));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        (s) => this.askOffice(s),
        (s) => this.askSummary(s),
        (s) => this.checkPersonalInfo(s),
        (s) => this.askRecord(s),
        (s) => this.askUrgency(s),
        (s) => this.askContact(s),
        (s) => this.askConsent(s),
        (s) => this.finish(s),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  /** The draft gets its id here, once: everything after (rewrites included) is the same draft. */
  protected override onBeginDialog(
    innerDc: DialogContext,
    options?: EscalationOptions,
  ): Promise<DialogTurnResult> {
    return super.onBeginDialog(innerDc, { ...options, draftId: options?.draftId ?? randomUUID() });
  }

  /**
   * Commands typed at any question, before the question's own prompt sees them: each says what happens to the
   * request. "cancel" ends this dialog only, so a walk-through it was started over resumes.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const context = innerDc.context;
    const recognised = recogniseCommand(context.activity.text ?? '');
    const waterfall = innerDc.stack.find((entry) => entry.id === WATERFALL);
    if (recognised?.kind !== 'command' || !waterfall) return super.onContinueDialog(innerDc);
    const state = waterfall.state as { options: EscalationOptions; values: Values; stepIndex: number };
    const lang = this.deps.langOf?.(context) ?? state.options.lang;
    const question = QUESTIONS[state.stepIndex] ?? 'consent';
    switch (recognised.id) {
      case 'cancel':
        await context.sendActivity(t(lang, 'escalation.cancelled'));
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.complete, result: { outcome: 'cancelled' } };
      case 'help':
        await context.sendActivity(
          t(lang, 'escalation.help', { where: t(lang, `escalation.where.${question}`) }),
        );
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'escalate':
        await context.sendActivity(t(lang, 'escalation.already'));
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'back': {
        const options = this.backFrom(question, state.options, state.values);
        if (!options) {
          await context.sendActivity(t(lang, 'escalation.atStart'));
          await innerDc.repromptDialog();
          return { status: DialogTurnStatus.waiting };
        }
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(WATERFALL, options);
      }
      default:
        return super.onContinueDialog(innerDc);
    }
  }

  /**
   * The options that ask the question before `question` again, with every answer before it kept (the summary
   * too: it is offered back as it was). Undefined at the first question.
   */
  private backFrom(question: Question, o: EscalationOptions, v: Values): EscalationOptions | undefined {
    const recordAsked = Boolean(o.recordId || o.walkThrough);
    const target: Question | undefined =
      question === 'summary'
        ? 'office'
        : question === 'pii' || question === 'record'
          ? 'summary'
          : question === 'urgency'
            ? recordAsked
              ? 'record'
              : 'summary'
            : question === 'contact'
              ? 'urgency'
              : question === 'consent'
                ? 'contact'
                : undefined;
    if (!target) return undefined;
    const at = QUESTIONS.indexOf(target);
    const keep = (q: Question) => QUESTIONS.indexOf(q) < at;
    const {
      office: _office,
      urgency: _urgency,
      contact: _contact,
      summary: _summary,
      previousSummary: _previous,
      attachRecord: _attach,
      ...base
    } = o;
    return {
      ...base,
      lang: o.lang,
      ...(keep('office') && v.office ? { office: v.office } : {}),
      ...(keep('summary') && v.summary ? { summary: v.summary } : {}),
      // Going back to (or before) the summary offers the text written back; nothing typed is lost.
      ...(!keep('summary') && (v.summary ?? o.previousSummary)
        ? { previousSummary: v.summary ?? o.previousSummary }
        : {}),
      ...(keep('record') && recordAsked ? { attachRecord: v.attachedRecord !== undefined } : {}),
      ...(keep('urgency') && v.urgency ? { urgency: v.urgency } : {}),
    };
  }

  /** Ended from outside (the manager started something else): the draft is dropped, and they are told. */
  override async endDialog(
    context: TurnContext,
    instance: DialogInstance,
    reason: DialogReason,
  ): Promise<void> {
    await super.endDialog(context, instance, reason);
    if (reason !== DialogReason.cancelCalled) return;
    const lang =
      this.deps.langOf?.(context) ?? (instance.state as { options?: EscalationOptions })?.options?.lang;
    await context.sendActivity(t(lang ?? 'en', 'escalation.notSent'));
  }

  /** The options, in this turn's language (the manager may have typed "français" mid-flow). */
  private opts(step: WaterfallStepContext): EscalationOptions {
    const options = step.options as EscalationOptions;
    return { ...options, lang: this.deps.langOf?.(step.context) ?? options.lang };
  }

  private values(step: WaterfallStepContext): Values {
    return step.values as Values;
  }

  private prompt(step: WaterfallStepContext, text: string, choices: Choice[]): Promise<DialogTurnResult> {
    const { lang } = this.opts(step);
    // The buttons are drawn here rather than by the prompt (its hero card uses imBack, which the Agents
    // Playground refuses); the prompt still recognises the label, typed or sent by a button.
    const buttons = (prompt: string) =>
      buttonsActivity(
        prompt,
        choices.map(({ value }) => ({ title: value, text: value })),
      );
    return step.prompt(CHOICE, {
      prompt: buttons(text),
      retryPrompt: buttons(`${t(lang, 'escalation.retry')} ${text}`),
      choices,
      style: ListStyle.none,
    });
  }

  private async askOffice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = this.opts(step);
    if (o.office) return step.next(o.office);
    await step.context.sendActivity(t(o.lang, 'escalation.intro'));
    return this.prompt(
      step,
      t(o.lang, 'escalation.chooseOffice', {
        veAbout: t(o.lang, 'escalation.officeAbout.valuesEthics'),
        ombudAbout: t(o.lang, 'escalation.officeAbout.ombud'),
      }),
      [
        choice(o.lang, 'valuesEthics', 'escalation.officeTitle.valuesEthics', [
          'values and ethics',
          'valeurs et ethique',
        ]),
        choice(o.lang, 'ombud', 'escalation.officeTitle.ombud', ['ombuds', 'ombudsman']),
      ],
    );
  }

  private async askSummary(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { lang } = this.opts(step);
    const office = chosen(step.result) as OfficeId;
    if (!OFFICE_IDS.includes(office)) return step.endDialog();
    if (!(await this.deps.hasChannel(office))) {
      await step.context.sendActivity(
        t(lang, 'escalation.noChannel', {
          ...officeWords(lang, office),
          contact: this.deps.contact(office, lang),
        }),
      );
      return step.endDialog();
    }
    this.values(step).office = office;
    const o = this.opts(step);
    if (o.summary) return step.next(o.summary);
    const ask = t(lang, 'escalation.summary.ask');
    const text = o.previousSummary
      ? `${ask}\n\n${t(lang, 'escalation.summary.previous', { summary: escapeMarkdown(o.previousSummary) })}`
      : ask;
    return step.prompt(SUMMARY, {
      prompt: promptText(text),
      validations: { lang, previous: o.previousSummary },
    });
  }

  private async validateSummary(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const lang =
      this.deps.langOf?.(prompt.context) ??
      (prompt.options.validations as { lang?: Lang } | undefined)?.lang ??
      'en';
    const text = (prompt.recognized.value ?? '').trim();
    if (!prompt.recognized.succeeded) return false;
    const previous = (prompt.options.validations as { previous?: string } | undefined)?.previous;
    if (previous && KEEP_WORDS.has(normaliseCommandText(text))) return true;
    if (text.length < MIN_SUMMARY_CHARS) {
      await prompt.context.sendActivity(t(lang, 'escalation.summary.tooShort'));
      return false;
    }
    if (text.length > MAX_CASE_TEXT) {
      await prompt.context.sendActivity(t(lang, 'escalation.summary.tooLong', { limit: MAX_CASE_TEXT }));
      return false;
    }
    return true;
  }

  private async checkPersonalInfo(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = this.opts(step);
    const { lang } = o;
    const typed = String(step.result).trim();
    const summary =
      o.previousSummary && KEEP_WORDS.has(normaliseCommandText(typed)) ? o.previousSummary : typed;
    this.values(step).summary = summary;
    // A summary kept from before (going back to a later question) was checked when it was written.
    if (o.summary) return step.next('keep');
    const kinds = detectPersonalInfo(summary);
    if (kinds.length === 0) return step.next('keep');
    const names = kinds.map((k) => t(lang, `escalation.pii.${k}`));
    return this.prompt(
      step,
      t(lang, 'escalation.pii.warn', { kinds: names.join(t(lang, 'escalation.pii.and')) }),
      [choice(lang, 'rewrite', 'escalation.pii.rewrite'), choice(lang, 'keep', 'escalation.pii.keep')],
    );
  }

  private async askRecord(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = this.opts(step);
    if (chosen(step.result) === 'rewrite') return this.restart(step);
    if ((!o.recordId && !o.walkThrough) || o.attachRecord === false) return step.next('skip');
    const summary = o.recordId
      ? await this.deps.recordSummary(step.context, o.recordId, o.lang)
      : this.deps.draftSummary(step.context, o.walkThrough!, o.lang);
    if (!summary) return step.next('skip');
    this.values(step).attachedRecord = summary;
    if (o.attachRecord) return step.next('attach');
    const ask = o.recordId
      ? t(o.lang, 'escalation.record.ask')
      : t(o.lang, 'escalation.record.askDraft', {
          n: o.walkThrough!.inProgress?.step ?? 1,
          total: o.walkThrough!.inProgress?.total ?? 1,
        });
    return this.prompt(step, ask, [
      choice(o.lang, 'attach', 'escalation.record.attach'),
      choice(o.lang, 'skip', 'escalation.record.skip'),
    ]);
  }

  private async askUrgency(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = this.opts(step);
    if (chosen(step.result) !== 'attach') delete this.values(step).attachedRecord;
    if (o.urgency) return step.next(o.urgency);
    return this.prompt(
      step,
      t(o.lang, 'escalation.urgency.ask'),
      URGENCIES.map((u) => choice(o.lang, u, `escalation.urgency.${u}`)),
    );
  }

  private async askContact(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = this.opts(step);
    this.values(step).urgency = chosen(step.result) as Urgency;
    if (o.contact) return step.next(o.contact);
    return this.prompt(
      step,
      t(o.lang, 'escalation.contact.ask'),
      CONTACT_PREFERENCES.map((c) => choice(o.lang, c, `escalation.contact.${c}`, CONTACT_WORDS[c])),
    );
  }

  private async askConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { lang } = this.opts(step);
    const v = this.values(step);
    v.contact = chosen(step.result) as ContactPreference;
    const draft = this.draft(v, this.opts(step).draftId);
    await step.context.sendActivity(cardActivity(this.deps.preview(step.context, draft, lang)));
    const text = t(lang, 'escalation.consent.ask', officeWords(lang, draft.office));
    const choices = [
      choice(lang, 'send', 'escalation.consent.send', ['send', 'envoyer', 'yes', 'oui']),
      choice(lang, 'edit', 'escalation.consent.edit'),
      choice(lang, 'cancel', 'escalation.consent.cancel'),
    ];
    return step.prompt(CHOICE, {
      prompt: consentCard(text, choices, draft.id),
      retryPrompt: consentCard(`${t(lang, 'escalation.retry')} ${text}`, choices, draft.id),
      choices,
      style: ListStyle.none,
    });
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { lang } = this.opts(step);
    const decision = chosen(step.result);
    if (decision === 'edit') return this.restart(step);
    if (decision !== 'send') {
      await step.context.sendActivity(t(lang, 'escalation.cancelled'));
      return step.endDialog();
    }
    const draft = this.draft(this.values(step), this.opts(step).draftId);
    const { caseId, created = true } = await this.deps.submit(step.context, draft, lang);
    await step.context.sendActivity(
      created
        ? t(lang, 'escalation.created', {
            caseId,
            ...officeWords(lang, draft.office),
            contact: t(lang, `escalation.contact.${draft.contact}`),
          })
        : t(lang, 'escalation.alreadySent', { caseId, ...officeWords(lang, draft.office) }),
    );
    this.deps.confirmed?.(caseId);
    return step.endDialog({ caseId });
  }

  /** Back to the summary, keeping the choices already made. */
  private restart(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = this.opts(step);
    const v = this.values(step);
    // The text written is offered back ("keep" keeps it); urgency and contact stay chosen.
    const { summary: _summary, ...rest } = o;
    const next: EscalationOptions = {
      ...rest,
      ...(v.summary ? { previousSummary: v.summary } : {}),
      office: v.office,
      ...(v.urgency ? { urgency: v.urgency } : {}),
      ...(v.contact ? { contact: v.contact } : {}),
    };
    return step.replaceDialog(WATERFALL, next);
  }

  private draft(v: Values, id: string | undefined): Draft {
    return {
      ...(id ? { id } : {}),
      office: v.office!,
      summary: v.summary!,
      urgency: v.urgency!,
      contact: v.contact!,
      ...(v.attachedRecord ? { attachedRecord: v.attachedRecord } : {}),
    };
  }
}

/**
 * The consent question as a card of buttons, like the other choices, except that "Send it" is a messageBack
 * carrying the draft's id (CONSENT_VERB) as well as its label, which the prompt recognises as typed text.
 */
function consentCard(text: string, choices: readonly Choice[], draftId: string | undefined) {
  return buttonsActivity(
    text,
    choices.map(({ value }, index) =>
      index === 0 && draftId
        ? { title: value, text: value, value: { verb: CONSENT_VERB, draftId } }
        : { title: value, text: value },
    ),
  );
}

/** The id of the draft in the escalation dialog at the top of the stack, if there is one. */
export function activeDraftId(dc: DialogContext): string | undefined {
  const active = dc.activeDialog;
  if (active?.id !== ESCALATION_DIALOG) return undefined;
  const inner = (active.state as { dialogs?: { dialogStack?: DialogInstance[] } }).dialogs;
  for (const entry of inner?.dialogStack ?? []) {
    const options = (entry.state as { options?: EscalationOptions } | undefined)?.options;
    if (options?.draftId) return options.draftId;
  }
  return undefined;
}

/** The id behind a choice (its label in either language), or a value passed straight to the step. */
function chosen(result: unknown): string {
  if (result && typeof result === 'object' && 'value' in result) {
    const label = String((result as FoundChoice).value);
    return ID_BY_LABEL.get(label) ?? label;
  }
  return String(result ?? '');
}
