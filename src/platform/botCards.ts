import { MAX_CARD_ACTIONS } from '../shared/limits';
import { t, type Lang, type MessageKey } from '../i18n';
import { renderCard, type AdaptiveCardJson } from '../shared/cards/render';

/** A command offered as a card button; the bot routes `{ verb: 'command', command }` submits. */
export interface CommandButton {
  readonly command: string;
  readonly titleKey: MessageKey;
}

const other = (lang: Lang): Lang => (lang === 'en' ? 'fr' : 'en');

/** Teams store validation: at most 6 actions on a card. The language switch (last) always keeps its place. */

function split(commands: readonly CommandButton[]): { shown: CommandButton[]; more: CommandButton[] } {
  if (commands.length <= MAX_CARD_ACTIONS) return { shown: [...commands], more: [] };
  const last = commands[commands.length - 1]!;
  return {
    shown: [...commands.slice(0, MAX_CARD_ACTIONS - 1), last],
    more: commands.slice(MAX_CARD_ACTIONS - 1, -1),
  };
}

function buttons(lang: Lang, commands: readonly CommandButton[]) {
  return split(commands).shown.map((c) => ({ title: t(lang, c.titleKey), command: c.command }));
}

/** Commands that did not fit as buttons, named so that every command is still on the card. */
function moreCommands(lang: Lang, commands: readonly CommandButton[]): string {
  const quote = (text: string) => (lang === 'fr' ? `« ${text} »` : `“${text}”`);
  const more = split(commands).more.map((c) => quote(t(lang, c.titleKey)));
  return more.length ? t(lang, 'help.moreCommands', { commands: more.join(', ') }) : '';
}

export function helpCard(lang: Lang, commands: readonly CommandButton[]): AdaptiveCardJson {
  const botName = t(lang, 'common.botName');
  return renderCard('help', {
    lang,
    title: t(lang, 'help.title'),
    intro: t(lang, 'help.intro'),
    examplesTitle: t(lang, 'help.examplesTitle'),
    examples: [t(lang, 'help.example1'), t(lang, 'help.example2'), t(lang, 'help.example3')],
    channelNote: t(lang, 'help.channelNote', { botName }),
    privacyNote: t(lang, 'help.privacyNote'),
    commandsTitle: t(lang, 'help.commandsTitle'),
    moreCommands: moreCommands(lang, commands),
    commands: buttons(lang, commands),
  });
}

export function welcomeCard(
  lang: Lang,
  retention: { recordDays: number; caseDays: number },
  commands: readonly CommandButton[],
): AdaptiveCardJson {
  return renderCard('welcome', {
    lang,
    title: t(lang, 'welcome.title'),
    intro: t(lang, 'welcome.intro'),
    noDecisions: t(lang, 'welcome.noDecisions'),
    privacyTitle: t(lang, 'welcome.privacyTitle'),
    privacy: t(lang, 'welcome.privacy', retention),
    commands: buttons(lang, commands),
  });
}

/** Posted once in a team's channel when the bot is added: both languages, since a team mixes speakers. */
export function teamWelcomeCard(lang: Lang): AdaptiveCardJson {
  const second = other(lang);
  return renderCard('team-welcome', {
    lang,
    title: t(lang, 'welcome.team.title'),
    body: t(lang, 'welcome.team.body', { botName: t(lang, 'common.botName') }),
    bodyOther: t(second, 'welcome.team.body', { botName: t(second, 'common.botName') }),
  });
}
