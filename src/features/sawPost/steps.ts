import { loadCardPassages } from '../../domain/guidance/cardPassages';
import { normaliseCommandText, recogniseCommand } from '../../platform/commands';
import type { MessageKey } from '../../i18n';
import type { Lang } from '../../shared/i18n/lang';
import {
  CONSULT_TOPICS,
  HOW_RAISED,
  OFFICES,
  SUGGESTED_STEPS,
  VIOLATION_ANSWERS,
  fitNote,
  type SawPostAnswers,
  type SuggestedStep,
} from '../../domain/records/sawPostRecord';

/**
 * The walk-through as data: each step's guidance passages (content/ ids), its kind of answer, and the
 * words that choose each option by typing, in both languages. `interpret` turns a typed message or a card
 * submit into one of a few inputs; `advance` is the pure state machine. No Bot Framework types here.
 */

export type StepId =
  'framing' | 'how' | 'violation' | 'protocols' | SuggestedStep | 'consult' | 'involve' | 'communicate';

export type StepKind = 'confirm' | 'single' | 'multi' | 'note';

export interface OptionDef {
  readonly value: string;
  readonly labelKey: MessageKey;
  /** Normalised typed words (see normaliseCommandText) that choose this option, English and French. */
  readonly words: readonly string[];
}

export interface StepDef {
  readonly id: StepId;
  readonly kind: StepKind;
  readonly headingKey: MessageKey;
  readonly bodyKey?: MessageKey;
  /** Guidance passages quoted on the step's card, verbatim, in reading order. */
  readonly passages: readonly string[];
  readonly options?: readonly OptionDef[];
  /** The button that moves on (confirm and note steps, and under a multi-select). */
  readonly nextKey?: MessageKey;
  /** Whether a private note box is shown. */
  readonly note?: boolean;
}

const opt = (value: string, labelKey: MessageKey, words: string[]): OptionDef => ({ value, labelKey, words });

const HOW_OPTIONS: OptionDef[] = [
  opt('media', 'sawPost.how.media', [
    'media',
    'media query',
    'medias',
    'journalist',
    'journaliste',
    'press',
    'presse',
    'demande des medias',
  ]),
  opt('public', 'sawPost.how.public', [
    'public',
    'member of the public',
    'citizen',
    'membre du public',
    'citoyen',
  ]),
  opt('colleague', 'sawPost.how.colleague', [
    'colleague',
    'a colleague',
    'collegue',
    'un collegue',
    'coworker',
  ]),
  opt('socialMedia', 'sawPost.how.socialMedia', [
    'social media',
    'medias sociaux',
    'reseaux sociaux',
    'twitter',
    'x',
    'facebook',
    'instagram',
    'tiktok',
  ]),
  opt('professionalNetwork', 'sawPost.how.professionalNetwork', [
    'professional network',
    'linkedin',
    'reseau professionnel',
    'network',
    'reseau',
  ]),
  opt('other', 'sawPost.how.other', ['other', 'another way', 'autre', 'autrement', 'd une autre facon']),
];

const VIOLATION_OPTIONS: OptionDef[] = [
  opt('financialGain', 'sawPost.violation.financialGain', [
    'financial gain',
    'gain',
    'financial',
    'money',
    'gain financier',
    'financier',
    'argent',
  ]),
  opt('bullying', 'sawPost.violation.bullying', [
    'bullying',
    'discrimination',
    'bully',
    'intimidation',
    'harcelement',
    'discriminatoire',
  ]),
  opt('disclosure', 'sawPost.violation.disclosure', [
    'disclosure',
    'protected information',
    'leak',
    'divulgation',
    'renseignements proteges',
    'fuite',
  ]),
  opt('otherViolation', 'sawPost.violation.otherViolation', [
    'yes',
    'oui',
    'yes other',
    'other',
    'autre',
    'oui autre',
  ]),
  opt('notSure', 'sawPost.violation.notSure', [
    'not sure',
    'no',
    'unsure',
    'i am not sure',
    'i m not sure',
    'don t know',
    'pas sur',
    'pas certain',
    'non',
    'je ne sais pas',
    'je ne suis pas certain',
    'incertain',
  ]),
];

const CONSULT_OPTIONS: OptionDef[] = [
  opt('recurrence', 'sawPost.consult.recurrence', [
    'recurrence',
    'again',
    'training',
    'guidance',
    'formation',
    'se reproduire',
  ]),
  opt('takeDown', 'sawPost.consult.takeDown', [
    'take down',
    'takedown',
    'remove',
    'removal',
    'retirer',
    'retrait',
  ]),
  opt('adminAction', 'sawPost.consult.adminAction', [
    'administrative',
    'administrative actions',
    'admin',
    'mesures administratives',
    'administratives',
  ]),
];

const OFFICE_OPTIONS: OptionDef[] = [
  opt('valuesEthics', 'sawPost.office.valuesEthics', [
    'values and ethics',
    'values',
    'ethics',
    'valeurs et ethique',
    'ethique',
    'valeurs',
  ]),
  opt('ombud', 'sawPost.office.ombud', ['ombud', 'ombuds', 'ombudsman']),
  opt('labourRelations', 'sawPost.office.labourRelations', [
    'labour relations',
    'labor relations',
    'relations de travail',
    'lr',
  ]),
  opt('humanResources', 'sawPost.office.humanResources', [
    'human resources',
    'hr',
    'ressources humaines',
    'rh',
  ]),
  opt('conflictOfInterest', 'sawPost.office.conflictOfInterest', [
    'conflict of interest',
    'conflicts of interest',
    'conflit d interets',
    'conflits d interets',
  ]),
  opt('other', 'sawPost.office.other', ['other', 'others', 'autre', 'autres']),
];

/** Each step's passages, in reading order, from content/card-passages.json. */
const stepPassages = (id: StepId): readonly string[] => loadCardPassages().sawPost.steps[id];

function suggested(s: SuggestedStep): StepDef {
  return {
    id: s,
    kind: 'note',
    headingKey: `sawPost.suggested.heading.${s}`,
    bodyKey: 'sawPost.suggested.body',
    passages: stepPassages(s),
    nextKey: 'sawPost.next',
    note: true,
  };
}

export const STEPS: Readonly<Record<StepId, StepDef>> = {
  framing: {
    id: 'framing',
    kind: 'confirm',
    headingKey: 'sawPost.framing.heading',
    bodyKey: 'sawPost.framing.body',
    passages: stepPassages('framing'),
    nextKey: 'sawPost.continue',
  },
  how: {
    id: 'how',
    kind: 'single',
    headingKey: 'sawPost.how.heading',
    passages: stepPassages('how'),
    options: HOW_OPTIONS,
    nextKey: 'sawPost.next',
  },
  violation: {
    id: 'violation',
    kind: 'single',
    headingKey: 'sawPost.violation.heading',
    bodyKey: 'sawPost.violation.body',
    passages: stepPassages('violation'),
    options: VIOLATION_OPTIONS,
    nextKey: 'sawPost.next',
  },
  protocols: {
    id: 'protocols',
    kind: 'note',
    headingKey: 'sawPost.protocols.heading',
    bodyKey: 'sawPost.protocols.body',
    passages: stepPassages('protocols'),
    nextKey: 'sawPost.createRecord',
    note: true,
  },
  context: suggested('context'),
  conversations: suggested('conversations'),
  bias: suggested('bias'),
  wellBeing: suggested('wellBeing'),
  intentions: suggested('intentions'),
  consult: {
    id: 'consult',
    kind: 'multi',
    headingKey: 'sawPost.consult.heading',
    bodyKey: 'sawPost.consult.body',
    passages: stepPassages('consult'),
    options: CONSULT_OPTIONS,
    nextKey: 'sawPost.next',
    note: true,
  },
  involve: {
    id: 'involve',
    kind: 'multi',
    headingKey: 'sawPost.involve.heading',
    bodyKey: 'sawPost.involve.body',
    passages: stepPassages('involve'),
    options: OFFICE_OPTIONS,
    nextKey: 'sawPost.next',
  },
  communicate: {
    id: 'communicate',
    kind: 'note',
    headingKey: 'sawPost.communicate.heading',
    bodyKey: 'sawPost.communicate.body',
    passages: stepPassages('communicate'),
    nextKey: 'sawPost.createRecord',
    note: true,
  },
};

/** Everything the walk-through remembers between turns (kept in dialog state, so it survives a restart). */
export interface FlowState {
  /**
   * The walk-through's identity, given when it starts: its record's idempotency key, so one walk-through
   * makes one record however many times its last step is submitted. Absent in flows saved by an earlier version.
   */
  readonly id?: string;
  /** The language the walk-through started in; a language the user saves later wins (see the dialog). */
  readonly lang: Lang;
  readonly step: StepId;
  /** Steps answered before this one, for "back". */
  readonly history: readonly StepId[];
  readonly answers: SawPostAnswers;
}

export function startFlow(lang: Lang, id?: string): FlowState {
  return { ...(id ? { id } : {}), lang, step: 'framing', history: [], answers: {} };
}

/** 1-based position shown to the user ("step 3 of 11"). */
export function stepNumber(flow: FlowState): number {
  return flow.history.length + 1;
}

/** Steps on the path a walk-through is on: a clear violation ends at its 4th step, the rest take 11. */
const CLEAR_VIOLATION_STEPS = 4;
const NOT_SURE_STEPS = 11;

/**
 * How many steps the walk-through has: the longer path until the manager says the post clearly violates the
 * Code and reaches "follow your protocols", its 4th and last step (so the count never grows under them).
 */
export function totalSteps(flow: FlowState): number {
  return flow.step === 'protocols' ? CLEAR_VIOLATION_STEPS : NOT_SURE_STEPS;
}

/** True on the step whose button creates the record (protocols or communicate). */
export function isLastStep(flow: FlowState): boolean {
  return nextStep(flow) === 'finish';
}

export type FlowInput =
  /**
   * `keepNote`: moves on without touching a note saved earlier (typed "next" after "back", or a card whose note
   * box was shown empty while a note was typed since). `typedNote`: the note came as "note: …".
   */
  | {
      readonly kind: 'answer';
      readonly choices: readonly string[];
      readonly note?: string;
      readonly keepNote?: boolean;
      readonly typedNote?: boolean;
    }
  | { readonly kind: 'back' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'help' }
  | { readonly kind: 'question'; readonly text: string }
  /** A button from a card of another step. */
  | { readonly kind: 'stale' }
  | { readonly kind: 'invalid' };

/** Card submits of this walk-through carry this verb; the feature routes them to the active dialog. */
export const STEP_VERB = 'sawPost.step';

const NEXT_WORDS = new Set([
  'next',
  'continue',
  'ok',
  'okay',
  'go',
  'done',
  'yes',
  'create',
  'create my record',
  'record',
  'skip',
  'suivant',
  'continuer',
  'oui',
  'd accord',
  'creer',
  'creer mon dossier',
  'dossier',
  'passer',
  'termine',
]);
const ALL_WORDS = new Set(['all', 'all of them', 'tous', 'toutes', 'tout']);
const NONE_WORDS = new Set(['none', 'nothing', 'no', 'aucun', 'aucune', 'rien', 'non']);
const NOTE_PREFIX = /^\s*note\s*:\s*/i;

/** A typed message that is neither an option nor a command: a question when it asks, else a wrong choice. */
function looksLikeQuestion(text: string): boolean {
  return text.includes('?') || text.trim().split(/\s+/).length >= 4;
}

function matchOption(options: readonly OptionDef[], normalised: string): string | undefined {
  const n = Number(normalised);
  if (Number.isInteger(n) && n >= 1 && n <= options.length) return options[n - 1]!.value;
  return options.find((o) => o.words.includes(normalised) || o.value.toLowerCase() === normalised)?.value;
}

/**
 * What the user meant, from a card submit (`value`) or typed text. Commands (back, cancel, help) are
 * recognised in both languages; the bot edge may already have handled cancel and help before this.
 */
export function interpret(
  def: StepDef,
  input: { readonly text?: string; readonly value?: Record<string, unknown> },
): FlowInput {
  const value = input.value;
  if (value && value.verb === STEP_VERB) {
    if (value.step !== def.id) return { kind: 'stale' };
    if (value.nav === 'back') return { kind: 'back' };
    const note = def.note ? fitNote(value.note) : undefined;
    const raw = typeof value.choice === 'string' ? value.choice : '';
    const chosen = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const valid = (def.options ?? []).map((o) => o.value);
    const choices = chosen.filter((c) => valid.includes(c));
    if (def.kind === 'single' && choices.length !== 1) return { kind: 'invalid' };
    // A box shown empty (noteShown false) and left empty keeps a note typed with "note: …" since.
    const keepNote = def.note === true && !note && value.noteShown === false;
    return { kind: 'answer', choices, ...(note ? { note } : {}), ...(keepNote ? { keepNote } : {}) };
  }

  const text = (input.text ?? '').trim();
  const command = recogniseCommand(text);
  if (command?.kind === 'command') {
    if (command.id === 'back') return { kind: 'back' };
    if (command.id === 'cancel') return { kind: 'cancel' };
    if (command.id === 'help') return { kind: 'help' };
  }
  if (def.note && NOTE_PREFIX.test(text)) {
    const note = fitNote(text.replace(NOTE_PREFIX, ''));
    return { kind: 'answer', choices: [], typedNote: true, ...(note ? { note } : {}) };
  }
  const normalised = normaliseCommandText(text);
  switch (def.kind) {
    case 'confirm':
    case 'note':
      if (NEXT_WORDS.has(normalised) || normalised === '1')
        return { kind: 'answer', choices: [], keepNote: true };
      break;
    case 'single': {
      const found = matchOption(def.options!, normalised);
      if (found) return { kind: 'answer', choices: [found] };
      break;
    }
    case 'multi': {
      const options = def.options!;
      if (ALL_WORDS.has(normalised)) return { kind: 'answer', choices: options.map((o) => o.value) };
      if (NONE_WORDS.has(normalised) || NEXT_WORDS.has(normalised)) return { kind: 'answer', choices: [] };
      const whole = matchOption(options, normalised);
      if (whole) return { kind: 'answer', choices: [whole] };
      const parts = text
        .split(/[,;]|\s+(?:and|et)\s+|\s+/)
        .map(normaliseCommandText)
        .filter(Boolean);
      const found = parts.map((p) => matchOption(options, p));
      if (parts.length > 0 && found.every((f) => f !== undefined))
        return { kind: 'answer', choices: [...new Set(found as string[])] };
      break;
    }
  }
  if (text && looksLikeQuestion(text)) return { kind: 'question', text };
  return { kind: 'invalid' };
}

export type Transition =
  | { readonly kind: 'step'; readonly flow: FlowState; readonly entered: 'forward' | 'back' }
  /** "note: …" typed at the last step: the note is kept and the record waits for "Create my record". */
  | { readonly kind: 'noted'; readonly flow: FlowState }
  | { readonly kind: 'atStart'; readonly flow: FlowState }
  | { readonly kind: 'finish'; readonly flow: FlowState };

function nextStep(flow: FlowState): StepId | 'finish' {
  const v = flow.answers.violation;
  switch (flow.step) {
    case 'framing':
      return 'how';
    case 'how':
      return 'violation';
    case 'violation':
      return v && v !== 'notSure' ? 'protocols' : 'context';
    case 'protocols':
      return 'finish';
    case 'context':
      return 'conversations';
    case 'conversations':
      return 'bias';
    case 'bias':
      return 'wellBeing';
    case 'wellBeing':
      return 'intentions';
    case 'intentions':
      return 'consult';
    case 'consult':
      return 'involve';
    case 'involve':
      return 'communicate';
    case 'communicate':
      return 'finish';
  }
}

/** Records an answer on the current step's field; answers of later steps are kept, so "back" loses nothing. */
function record(flow: FlowState, choices: readonly string[], note: string | undefined): SawPostAnswers {
  const a = flow.answers;
  const step = flow.step;
  switch (step) {
    case 'framing':
      return a;
    case 'how':
      return { ...a, howRaised: choices[0] as (typeof HOW_RAISED)[number] };
    case 'violation':
      return { ...a, violation: choices[0] as (typeof VIOLATION_ANSWERS)[number] };
    case 'consult':
      return {
        ...a,
        consultTopics: choices.filter((c): c is (typeof CONSULT_TOPICS)[number] =>
          (CONSULT_TOPICS as readonly string[]).includes(c),
        ),
        consultNote: note,
      };
    case 'involve':
      return {
        ...a,
        offices: choices.filter((c): c is (typeof OFFICES)[number] =>
          (OFFICES as readonly string[]).includes(c),
        ),
      };
    case 'protocols':
    case 'communicate':
      return { ...a, closingNote: note };
    default:
      return { ...a, steps: { ...a.steps, [step]: note ? { note } : {} } };
  }
}

/**
 * The answers of the steps actually visited: after "back" and a different choice (e.g. "not sure" instead
 * of "yes"), what was typed on the abandoned branch is not recorded.
 */
export function visitedAnswers(flow: FlowState): SawPostAnswers {
  const visited = new Set<StepId>([...flow.history, flow.step]);
  const a = flow.answers;
  const steps: SawPostAnswers['steps'] = {};
  for (const s of SUGGESTED_STEPS) if (visited.has(s) && a.steps?.[s]) steps[s] = a.steps[s];
  const closing = visited.has('communicate') || visited.has('protocols');
  return {
    ...(visited.has('how') && a.howRaised ? { howRaised: a.howRaised } : {}),
    ...(visited.has('violation') && a.violation ? { violation: a.violation } : {}),
    steps,
    consultTopics: visited.has('consult') ? (a.consultTopics ?? []) : [],
    ...(visited.has('consult') && a.consultNote ? { consultNote: a.consultNote } : {}),
    offices: visited.has('involve') ? (a.offices ?? []) : [],
    ...(closing && a.closingNote ? { closingNote: a.closingNote } : {}),
  };
}

function existingNote(flow: FlowState): string | undefined {
  const a = flow.answers;
  if (flow.step === 'consult') return a.consultNote;
  if (flow.step === 'protocols' || flow.step === 'communicate') return a.closingNote;
  return (SUGGESTED_STEPS as readonly string[]).includes(flow.step)
    ? a.steps?.[flow.step as SuggestedStep]?.note
    : undefined;
}

/** The pure state machine: an answer moves forward, "back" moves back one step. */
export function advance(flow: FlowState, input: FlowInput): Transition {
  if (input.kind === 'back') {
    const previous = flow.history[flow.history.length - 1];
    if (!previous) return { kind: 'atStart', flow };
    return {
      kind: 'step',
      entered: 'back',
      flow: { ...flow, step: previous, history: flow.history.slice(0, -1) },
    };
  }
  if (input.kind !== 'answer') return { kind: 'step', entered: 'back', flow };
  const answers = record(flow, input.choices, input.keepNote ? existingNote(flow) : input.note);
  const updated: FlowState = { ...flow, answers };
  const next = nextStep(updated);
  if (next === 'finish' && input.typedNote) return { kind: 'noted', flow: updated };
  if (next === 'finish') return { kind: 'finish', flow: updated };
  return {
    kind: 'step',
    entered: 'forward',
    flow: { ...updated, step: next, history: [...flow.history, flow.step] },
  };
}
