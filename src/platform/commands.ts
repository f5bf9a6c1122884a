import type { Lang } from '../shared/i18n/lang';

/**
 * Typed commands, in both languages. Recognition is exact on the normalised message (accents, case and
 * punctuation ignored) so that a question that merely contains "help" is still answered as a question.
 */
export type CommandId =
  | 'help'
  | 'talkingPoints'
  | 'discussionGuide'
  | 'sawPost'
  | 'myRecords'
  | 'myCases'
  | 'escalate'
  | 'cancel'
  | 'back'
  | 'registerValuesEthics'
  | 'registerOmbud';

export type RecognisedCommand =
  | { readonly kind: 'command'; readonly id: CommandId; readonly lang?: Lang }
  | { readonly kind: 'switchLanguage'; readonly to: Lang };

/** Lower-case, accents removed, punctuation and extra spaces dropped: "  Français ! " → "francais". */
export function normaliseCommandText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PHRASES: ReadonlyArray<readonly [CommandId, Lang | undefined, readonly string[]]> = [
  ['help', 'en', ['help', 'hi', 'hello', 'hey', 'menu', 'start', 'what can you do', 'commands']],
  [
    'help',
    'fr',
    ['aide', 'bonjour', 'salut', 'allo', 'que peux tu faire', 'que pouvez vous faire', 'commandes'],
  ],
  ['talkingPoints', 'en', ['talking points', 'talking point', 'team talking points']],
  ['talkingPoints', 'fr', ['points de discussion', 'points a discuter']],
  ['discussionGuide', 'en', ['discussion guide', 'team discussion guide']],
  ['discussionGuide', 'fr', ['guide de discussion']],
  ['sawPost', 'en', ['i saw a post', 'saw a post', 'i have seen a post']],
  ['sawPost', 'fr', ['j ai vu une publication', 'vu une publication']],
  ['myRecords', 'en', ['my records', 'records']],
  ['myRecords', 'fr', ['mes dossiers', 'dossiers']],
  ['myCases', 'en', ['my cases', 'cases']],
  ['myCases', 'fr', ['mes cas']],
  ['escalate', 'en', ['escalate', 'talk to an office', 'talk to the values and ethics office']],
  [
    'escalate',
    'fr',
    ['consulter', 'consulter un bureau', 'escalader', 'transmettre', 'transmettre a un bureau'],
  ],
  ['cancel', 'en', ['cancel', 'stop', 'quit', 'exit']],
  ['cancel', 'fr', ['annuler', 'arreter', 'quitter']],
  ['back', 'en', ['back', 'go back', 'previous']],
  ['back', 'fr', ['retour', 'precedent', 'revenir']],
  ['registerValuesEthics', 'en', ['register values and ethics office', 'register values and ethics']],
  [
    'registerValuesEthics',
    'fr',
    ['enregistrer bureau des valeurs et de l ethique', 'enregistrer valeurs et ethique'],
  ],
  ['registerOmbud', 'en', ['register ombud', 'register ombuds', 'register ombudsman']],
  ['registerOmbud', 'fr', ['enregistrer ombud', 'enregistrer ombudsman']],
];

const LOOKUP = new Map<string, { id: CommandId; lang: Lang | undefined }>();
for (const [id, lang, phrases] of PHRASES) for (const phrase of phrases) LOOKUP.set(phrase, { id, lang });

const TO_FRENCH = new Set(['francais', 'french', 'en francais']);
const TO_ENGLISH = new Set(['english', 'anglais', 'en anglais', 'in english']);

export function recogniseCommand(text: string): RecognisedCommand | undefined {
  const normalised = normaliseCommandText(text);
  if (TO_FRENCH.has(normalised)) return { kind: 'switchLanguage', to: 'fr' };
  if (TO_ENGLISH.has(normalised)) return { kind: 'switchLanguage', to: 'en' };
  const found = LOOKUP.get(normalised);
  if (!found) return undefined;
  return found.lang ? { kind: 'command', id: found.id, lang: found.lang } : { kind: 'command', id: found.id };
}
