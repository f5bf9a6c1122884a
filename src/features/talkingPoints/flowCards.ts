import { escapeMarkdown, renderCard, type AdaptiveCardJson } from '../../shared/cards/render';
import { t, type Lang } from '../../i18n';
import { MAX_INTRO_CHARS, type CardKind } from './cards';
import { MAX_ACTION_BAR_BUTTONS } from '../../shared/limits';

/**
 * The small cards of the "post to a team channel" flow: choose a team, a channel, an optional
 * introduction, then confirm. Each button carries a verb so that a click on an old card is answered
 * (not mistaken for a question), and names the step it belongs to.
 */

export const CHOICE_VERB = 'talkingPoints.choice';
export const CONFIRM_VERB = 'talkingPoints.confirm';
export const CANCEL_VERB = 'talkingPoints.cancel';

export type FlowStep = 'team' | 'channel' | 'intro' | 'confirm';

export interface ChoiceOption {
  readonly id: string;
  readonly name: string;
}

const cancel = (lang: Lang) => ({
  cancelTitle: t(lang, 'talkingPoints.post.confirm.cancel'),
  cancelData: { verb: CANCEL_VERB },
});

/**
 * Up to four buttons plus Cancel: renderers show at most five actions in a card's action bar (the
 * Adaptive Cards default host config). Further options are listed by number, to type.
 */
export function choiceCard(
  lang: Lang,
  step: 'team' | 'channel',
  options: readonly ChoiceOption[],
  teamName = '',
): AdaptiveCardJson {
  const buttonCount = MAX_ACTION_BAR_BUTTONS - 1;
  const numbered = options.map((o, i) => ({ ...o, label: `${i + 1}. ${o.name}` }));
  return renderCard('post-choice', {
    title:
      step === 'team'
        ? t(lang, 'talkingPoints.post.chooseTeam.title')
        : t(lang, 'talkingPoints.post.chooseChannel.title', { team: escapeMarkdown(teamName) }),
    text:
      step === 'team'
        ? t(lang, 'talkingPoints.post.chooseTeam.text')
        : t(lang, 'talkingPoints.post.chooseChannel.text'),
    buttons: numbered
      .slice(0, buttonCount)
      .map((o) => ({ title: o.label, data: { verb: CHOICE_VERB, step, choice: o.id } })),
    moreTitle: t(lang, 'talkingPoints.post.chooseTeam.more'),
    more: numbered.slice(buttonCount).map((o) => ({ line: o.label })),
    ...cancel(lang),
  });
}

export function introCard(lang: Lang): AdaptiveCardJson {
  return renderCard('post-intro', {
    title: t(lang, 'talkingPoints.post.intro.title'),
    text: t(lang, 'talkingPoints.post.intro.text', { limit: MAX_INTRO_CHARS }),
    label: t(lang, 'talkingPoints.post.intro.label'),
    placeholder: t(lang, 'talkingPoints.post.intro.placeholder'),
    limit: MAX_INTRO_CHARS,
    continueTitle: t(lang, 'talkingPoints.post.intro.continue'),
    continueData: { verb: CHOICE_VERB, step: 'intro', choice: 'set' },
    skipTitle: t(lang, 'talkingPoints.post.intro.skip'),
    skipData: { verb: CHOICE_VERB, step: 'intro', choice: 'skip' },
    ...cancel(lang),
  });
}

/** "Team › Channel", as shown to the manager (markdown made inert: names come from Teams users). */
export function whereLabel(teamName: string, channelName: string): string {
  return `${escapeMarkdown(teamName)} › ${escapeMarkdown(channelName)}`;
}

export function confirmCard(
  lang: Lang,
  args: { kind: CardKind; teamName: string; channelName: string; intro: string; requestId: string },
): AdaptiveCardJson {
  return renderCard('post-confirm', {
    title: t(lang, 'talkingPoints.post.confirm.title'),
    whereLabel: t(lang, 'talkingPoints.post.confirm.where'),
    where: whereLabel(args.teamName, args.channelName),
    whatLabel: t(lang, 'talkingPoints.post.confirm.what'),
    what: t(
      lang,
      args.kind === 'talkingPoints'
        ? 'talkingPoints.post.kind.talkingPoints'
        : 'talkingPoints.post.kind.discussionGuide',
    ),
    introLabel: t(lang, 'talkingPoints.post.confirm.intro'),
    intro: args.intro || t(lang, 'talkingPoints.post.confirm.noIntro'),
    hint: t(lang, 'talkingPoints.post.confirm.hint'),
    postTitle: t(lang, 'talkingPoints.post.confirm.post'),
    postData: { verb: CONFIRM_VERB, requestId: args.requestId },
    ...cancel(lang),
  });
}

/** Typed input matched against a list: its number, its exact name, or the one name it starts or is part of. */
export function matchChoice(input: string, options: readonly ChoiceOption[]): ChoiceOption | undefined {
  const typed = normalise(input);
  if (!typed) return undefined;
  if (/^\d+$/.test(typed)) return options[Number(typed) - 1];
  const exact = options.filter((o) => normalise(o.name) === typed);
  if (exact.length === 1) return exact[0];
  const partial = options.filter((o) => normalise(o.name).includes(typed));
  return partial.length === 1 ? partial[0] : undefined;
}

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
