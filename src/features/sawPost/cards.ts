import { loadCardPassages } from '../../domain/guidance/cardPassages';
import { passageBody, translationNote } from '../ask/api';
import { escapeMarkdown, freezeCard, renderCard, type AdaptiveCardJson } from '../../shared/cards/render';
import { quote, type QuotedPassage } from '../../domain/guidance/compose';
import { loadContent, type GuidanceContent } from '../../domain/guidance/content';
import { t, type MessageKey } from '../../i18n';
import type { Lang } from '../../shared/i18n/lang';
import {
  CONSULT_TOPICS,
  OFFICES,
  SUGGESTED_STEPS,
  type SawPostRecord,
} from '../../domain/records/sawPostRecord';
import { formatDay, formatDayTime } from '../../shared/dates';
import { STEP_VERB, STEPS, isLastStep, stepNumber, totalSteps, type FlowState, type StepDef } from './steps';

/**
 * Card data for the walk-through, bound to cards/saw-post-*.json and cards/record*.json. Guidance text
 * is quoted verbatim from content/ (French marked as a working translation); private notes travel only
 * as data into RichTextBlock TextRuns, so markdown, links or `${...}` in a note are shown as typed.
 */

export const RECORD_VERB = 'sawPost.record';
export const DONE_VERB = 'sawPost.done';
/** "Delete" on a record asks first; the confirmation deletes; "Keep it" says nothing changed. */
export const DELETE_VERB = 'sawPost.delete';
export const DELETE_CONFIRM_VERB = 'sawPost.deleteConfirm';
export const DELETE_KEEP_VERB = 'sawPost.deleteKeep';
/** "Send me a copy": the whole record as a message the manager keeps in their personal chat. */
export const COPY_VERB = 'sawPost.copy';

function sourceLine(lang: Lang, content: GuidanceContent): string {
  const label = escapeMarkdown(t(lang, 'sawPost.source', { title: content.title[lang] }));
  return `[${label}](${content.source[lang].url})`;
}

/** The passages a step rests on, in `lang`. */
export function stepPassages(def: StepDef, lang: Lang, content = loadContent()): QuotedPassage[] {
  return def.passages.map((id) => quote(content, id, lang));
}

function optionTitle(lang: Lang, key: MessageKey, index: number): string {
  return `${index + 1}. ${t(lang, key)}`;
}

/** Keys of a step's current answer, to pre-fill the card when the user comes back to it. */
function currentValue(flow: FlowState): { choice: string; note: string } {
  const a = flow.answers;
  switch (flow.step) {
    case 'how':
      return { choice: a.howRaised ?? '', note: '' };
    case 'violation':
      return { choice: a.violation ?? '', note: '' };
    case 'consult':
      return { choice: (a.consultTopics ?? []).join(','), note: a.consultNote ?? '' };
    case 'involve':
      return { choice: (a.offices ?? []).join(','), note: '' };
    case 'protocols':
    case 'communicate':
      return { choice: '', note: a.closingNote ?? '' };
    case 'framing':
      return { choice: '', note: '' };
    default:
      return { choice: '', note: a.steps?.[flow.step]?.note ?? '' };
  }
}

export function buildStepData(
  flow: FlowState,
  lang: Lang,
  options: { retentionDays: number },
  content = loadContent(),
) {
  const def = STEPS[flow.step];
  const passages = stepPassages(def, lang, content);
  const n = stepNumber(flow);
  const suggestedIndex = (SUGGESTED_STEPS as readonly string[]).indexOf(flow.step);
  const notices: { text: string; weight: string }[] = [];
  if (flow.step === 'framing')
    notices.push({
      text: t(lang, 'sawPost.framing.privacy', { days: options.retentionDays }),
      weight: 'Bolder',
    });
  if (flow.step === 'violation' && flow.answers.howRaised === 'media')
    notices.push({ text: t(lang, 'sawPost.how.mediaNote'), weight: 'Default' });
  const value = currentValue(flow);
  const last = isLastStep(flow);
  // The walk-through's id travels with every button, so a late click on "Create my record" finds its record;
  // noteShown says whether the box was pre-filled, so an empty box from an older card erases no note typed since.
  const base = {
    verb: STEP_VERB,
    step: def.id,
    ...(flow.id ? { flowId: flow.id } : {}),
    ...(def.note ? { noteShown: value.note !== '' } : {}),
  };
  const actions: { title: string; data: Record<string, unknown>; inputs: string }[] = [
    { title: t(lang, def.nextKey ?? 'sawPost.next'), data: base, inputs: 'auto' },
  ];
  if (flow.history.length > 0)
    actions.push({ title: t(lang, 'sawPost.back'), data: { ...base, nav: 'back' }, inputs: 'none' });
  const hintKey: MessageKey =
    def.kind === 'multi'
      ? 'sawPost.hint.multi'
      : def.kind === 'single'
        ? 'sawPost.hint.single'
        : last
          ? 'sawPost.hint.last'
          : 'sawPost.hint.note';
  const quoted = passages.map(passageBody);
  // Two points of one list share its lead-in: it is shown once, above the first.
  for (let i = 1; i < quoted.length; i++)
    if (quoted[i]!.context && quoted[i]!.context === quoted[i - 1]!.context)
      quoted[i] = { ...quoted[i]!, context: '', contextMarkdown: '' };
  return {
    lang,
    stepLabel: t(lang, 'sawPost.stepLabel', { n, total: totalSteps(flow) }),
    heading: t(lang, def.headingKey),
    body: def.bodyKey ? t(lang, def.bodyKey, { n: suggestedIndex + 1 }) : '',
    notices,
    guidanceLabel: t(lang, 'sawPost.guidanceLabel'),
    passages: quoted,
    translationNote: translationNote(lang, passages, content),
    sourceLine: sourceLine(lang, content),
    choiceSet: {
      show: def.kind === 'single' || def.kind === 'multi',
      multi: def.kind === 'multi',
      // Validated on the card itself where the client supports it; the bot answers a miss in one line.
      required: def.kind === 'single',
      errorMessage: t(lang, 'sawPost.chooseOne'),
      value: value.choice,
      choices: (def.options ?? []).map((o, i) => ({
        title: optionTitle(lang, o.labelKey, i),
        value: o.value,
      })),
    },
    noteBox: {
      show: def.note === true,
      label: t(lang, 'sawPost.noteLabel'),
      placeholder: t(lang, 'sawPost.notePlaceholder'),
      value: value.note,
    },
    hint: t(lang, def.kind === 'confirm' ? 'sawPost.hint.single' : hintKey),
    actions,
  };
}

export function stepCard(flow: FlowState, lang: Lang, options: { retentionDays: number }): AdaptiveCardJson {
  return renderCard('saw-post-step', buildStepData(flow, lang, options));
}

/** The options of the current step as typed text, for the "not one of the options" re-prompt. */
export function optionsList(flow: FlowState, lang: Lang): string {
  const def = STEPS[flow.step];
  if (!def.options) return `“${t(lang, def.nextKey ?? 'sawPost.next')}”, “${t(lang, 'sawPost.back')}”`;
  return def.options.map((o, i) => optionTitle(lang, o.labelKey, i)).join('; ');
}

/** The urgent card (cards/urgent.json) for a post the manager says clearly violates the Code. */
export function clearViolationCard(flow: FlowState, lang: Lang, content = loadContent()): AdaptiveCardJson {
  const disclosure = flow.answers.violation === 'disclosure';
  const passages = [quote(content, loadCardPassages().sawPost.clearViolation, lang)];
  const stepKeys: MessageKey[] = disclosure
    ? ['answers.urgent.disclosure.1', 'answers.urgent.disclosure.2', 'answers.urgent.disclosure.3']
    : ['sawPost.urgent.1', 'sawPost.urgent.2', 'sawPost.urgent.3'];
  return renderCard('urgent', {
    lang,
    badge: t(lang, 'answers.urgent.badge'),
    title: t(lang, 'answers.urgent.title'),
    topicTitle: t(lang, disclosure ? 'answers.urgent.disclosure.title' : 'sawPost.urgent.title'),
    intro: t(lang, 'answers.urgent.intro'),
    steps: stepKeys.map((key, i) => ({ number: i + 1, text: t(lang, key) })),
    guidanceLabel: t(lang, 'answers.urgent.guidance'),
    passages: passages.map((p) => ({ text: p.text })),
    translationNote: translationNote(lang, passages, content),
    escalate: t(lang, 'answers.card.escalate'),
    escalateData: { verb: 'escalate', office: 'valuesEthics', urgent: true, topic: 'clear-violation' },
    source: t(lang, 'answers.card.source'),
    sourceUrl: content.source[lang].url,
  });
}

const HOW_KEY = (how: string) => `sawPost.how.${how}` as MessageKey;

export function buildRecordData(
  record: SawPostRecord,
  lang: Lang,
  timeZone?: string,
  content = loadContent(),
) {
  const a = record.answers;
  const facts: { title: string; value: string }[] = [];
  if (a.howRaised) facts.push({ title: t(lang, 'record.how'), value: t(lang, HOW_KEY(a.howRaised)) });
  if (a.violation)
    facts.push({ title: t(lang, 'record.violation'), value: t(lang, `sawPost.violation.${a.violation}`) });
  const none = [{ label: t(lang, 'record.none'), note: '' }];
  const sections: { heading: string; lines: { label: string; note: string }[] }[] = [];
  if (record.path === 'notSure') {
    const steps = SUGGESTED_STEPS.filter((s) => a.steps?.[s]).map((s) => ({
      label: t(lang, `sawPost.suggested.heading.${s}`),
      note: a.steps?.[s]?.note ?? '',
    }));
    sections.push({ heading: t(lang, 'record.steps'), lines: steps.length ? steps : none });
    const consult = CONSULT_TOPICS.filter((c) => a.consultTopics?.includes(c)).map((c) => ({
      label: t(lang, `sawPost.consult.${c}`),
      note: '',
    }));
    if (a.consultNote) consult.push({ label: t(lang, 'record.note'), note: a.consultNote });
    sections.push({ heading: t(lang, 'record.consult'), lines: consult.length ? consult : none });
    const offices = OFFICES.filter((o) => a.offices?.includes(o)).map((o) => ({
      label: t(lang, `sawPost.office.${o}`),
      note: '',
    }));
    sections.push({ heading: t(lang, 'record.involve'), lines: offices.length ? offices : none });
  }
  if (a.closingNote)
    sections.push({
      heading: t(lang, 'record.closingNote'),
      lines: [
        {
          label: t(
            lang,
            record.path === 'notSure' ? 'sawPost.communicate.heading' : 'sawPost.protocols.heading',
          ),
          note: a.closingNote,
        },
      ],
    });
  const aim = quote(content, loadCardPassages().sawPost.aim, lang);
  return {
    lang,
    title: t(lang, 'record.title'),
    dates: t(lang, 'record.dates', {
      created: formatDayTime(record.createdAt, lang, timeZone),
      expires: formatDay(record.expiresAt, lang, timeZone),
    }),
    notVerdict: t(lang, 'record.notVerdict'),
    facts,
    sections,
    aimLabel: t(lang, 'record.aim'),
    aim: aim.text,
    translationNote: translationNote(lang, [aim], content),
    sourceLine: sourceLine(lang, content),
    escalateLabel: t(lang, 'record.escalateLabel'),
    escalateActions: [
      {
        title: t(lang, 'record.escalateValuesEthics'),
        data: { verb: 'escalate', office: 'valuesEthics', recordId: record.id },
      },
      {
        title: t(lang, 'record.escalateOmbud'),
        data: { verb: 'escalate', office: 'ombud', recordId: record.id },
      },
    ],
    // Six actions in all (the two above included): Teams' limit for one card.
    actions: [
      { title: t(lang, 'record.copy'), data: { verb: COPY_VERB, recordId: record.id } },
      { title: t(lang, 'record.delete'), data: { verb: DELETE_VERB, recordId: record.id } },
      { title: t(lang, 'record.startAgain'), data: { verb: 'command', command: 'sawPost' } },
      { title: t(lang, 'record.done'), data: { verb: DONE_VERB } },
    ],
  };
}

export function recordCard(record: SawPostRecord, lang: Lang, timeZone?: string): AdaptiveCardJson {
  return renderCard('record', buildRecordData(record, lang, timeZone));
}

/** The line that names a record: when it was made and how the post came to the manager's attention. */
export function recordTitle(record: SawPostRecord, lang: Lang, timeZone?: string): string {
  const how = record.answers.howRaised;
  return t(lang, 'records.item', {
    date: formatDayTime(record.createdAt, lang, timeZone),
    how: how ? t(lang, HOW_KEY(how)) : t(lang, 'sawPost.title'),
  });
}

/** "Delete this record?", with the record named, before anything is deleted. */
export function deleteConfirmCard(record: SawPostRecord, lang: Lang, timeZone?: string): AdaptiveCardJson {
  return renderCard('record-delete', {
    question: t(lang, 'records.delete.question'),
    detail: t(lang, 'records.delete.detail', { title: recordTitle(record, lang, timeZone) }),
    confirm: t(lang, 'records.delete.confirm'),
    confirmData: { verb: DELETE_CONFIRM_VERB, recordId: record.id },
    keep: t(lang, 'records.delete.keep'),
    keepData: { verb: DELETE_KEEP_VERB, recordId: record.id },
  });
}

/**
 * The whole record as one message to keep (it stays in the chat after the record itself is deleted): plain
 * lines a manager can copy or forward, the notes included and escaped so that they show as typed.
 */
export function recordCopyText(record: SawPostRecord, lang: Lang, timeZone?: string): string {
  const data = buildRecordData(record, lang, timeZone);
  const lines: string[] = [
    `**${escapeMarkdown(t(lang, 'records.copy.heading'))}**`,
    escapeMarkdown(data.title),
    escapeMarkdown(data.dates),
    escapeMarkdown(data.notVerdict),
  ];
  for (const fact of data.facts)
    lines.push(escapeMarkdown(t(lang, 'records.copy.fact', { title: fact.title, value: fact.value })));
  for (const section of data.sections) {
    lines.push(`**${escapeMarkdown(section.heading)}**`);
    for (const line of section.lines)
      lines.push(`- ${escapeMarkdown(line.label)}${line.note ? ` — ${escapeMarkdown(line.note)}` : ''}`);
  }
  lines.push(
    escapeMarkdown(t(lang, 'records.copy.keep', { expires: formatDay(record.expiresAt, lang, timeZone) })),
  );
  return lines.join('\n\n');
}

/**
 * "My records": the newest five, each its full title as text (a button label would be cut) with a short
 * "Open" button under it.
 */
export function recordListCard(
  records: readonly SawPostRecord[],
  lang: Lang,
  retentionDays: number,
  timeZone?: string,
): AdaptiveCardJson {
  return renderCard('record-list', {
    lang,
    title: t(lang, 'records.title'),
    intro: t(lang, 'records.intro', { days: retentionDays }),
    records: records.slice(0, 5).map((r) => ({
      title: escapeMarkdown(recordTitle(r, lang, timeZone)),
      open: t(lang, 'records.open'),
      data: { verb: RECORD_VERB, recordId: r.id },
    })),
  });
}

const offerCards = new Map<Lang, AdaptiveCardJson>();

/**
 * The offer added under an answer about a post the manager became aware of (an offer, not a push). Fixed
 * text in each language: rendered once per language and shared (frozen).
 */
export function sawPostOfferCard(lang: Lang): AdaptiveCardJson {
  let card = offerCards.get(lang);
  if (!card) {
    card = freezeCard(
      renderCard('saw-post-offer', {
        lang,
        body: t(lang, 'sawPost.offer.body'),
        button: t(lang, 'sawPost.offer.button'),
      }),
    );
    offerCards.set(lang, card);
  }
  return card;
}
