import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { createAnswerService } from '../../../../src/features/ask/answerService';
import { flattenCardText } from '../../../../src/shared/cards/flatten';
import { SawPostDialog, type SawPostDialogDeps } from '../../../../src/features/sawPost/sawPostDialog';
import { STEP_VERB } from '../../../../src/features/sawPost/steps';
import type { Lang } from '../../../../src/shared/i18n/lang';
import {
  RECORDS_COLLECTION,
  RecordService,
  type SawPostRecord,
} from '../../../../src/domain/records/sawPostRecord';
import { BotStateStorage } from '../../../../src/platform/botStateStorage';
import { SqliteStore } from '../../../../src/storage/sqlite/sqliteStore';
import type { DocumentStore } from '../../../../src/domain/store';

/**
 * The walk-through in isolation (DialogTestClient), table-driven: each row is what the manager types or
 * clicks and what they must then see. Replies are flattened to the text a person reads on the cards.
 */

const answer = createAnswerService();
const NOW = new Date('2026-11-25T12:00:00Z');

interface Harness {
  client: DialogTestClient;
  store: DocumentStore;
  logs: string[];
  setSaved(lang: Lang | undefined): void;
}

function harness(
  options: { lang?: Lang; store?: DocumentStore; conversationState?: ConversationState } = {},
): Harness {
  const store = options.store ?? new SqliteStore(':memory:');
  const logs: string[] = [];
  let saved: Lang | undefined;
  const deps: SawPostDialogDeps = {
    records: new RecordService(store, { retentionDays: 90, now: () => NOW }),
    answer: (q, lang) => answer(q, lang),
    languageOf: () => saved,
    retentionDays: 90,
    contentVersion: 'test-1',
    log: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
  };
  const client = new DialogTestClient(
    'msteams',
    new SawPostDialog(deps),
    { lang: options.lang ?? 'en' },
    [],
    options.conversationState ?? new ConversationState(new MemoryStorage()),
  );
  return { client, store, logs, setSaved: (lang) => (saved = lang) };
}

/** Input labels and choices, which the shared flattener leaves out but a person reads. */
function inputText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => inputText(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.label === 'string')
      out.push(o.label);
    if (o.type === 'Input.ChoiceSet') for (const c of o.choices as { title: string }[]) out.push(c.title);
    Object.values(o).forEach((v) => inputText(v, out));
  }
  return out;
}

/** Sends one message (text, or a card submit) and returns every reply as the text a person reads. */
async function say(client: DialogTestClient, input: string | Record<string, unknown>): Promise<string[]> {
  const activity: Partial<Activity> =
    typeof input === 'string'
      ? { type: 'message', text: input }
      : { type: 'message', text: '', value: input };
  const replies: string[] = [];
  let reply = (await client.sendActivity(activity)) as Partial<Activity> | undefined;
  while (reply) {
    const card = reply.attachments?.[0]?.content as Parameters<typeof flattenCardText>[0] | undefined;
    replies.push(card ? [flattenCardText(card), ...inputText(card)].join('\n') : (reply.text ?? ''));
    reply = client.getNextReply();
  }
  return replies;
}

const click = (step: string, extra: Record<string, unknown> = {}) => ({ verb: STEP_VERB, step, ...extra });

type Row = readonly [input: string | Record<string, unknown>, expected: readonly (string | RegExp)[]];

async function play(h: Harness, rows: readonly Row[]): Promise<void> {
  for (const [input, expected] of rows) {
    const replies = await say(h.client, input);
    const text = replies.join('\n---\n');
    for (const e of expected) {
      try {
        expect(text).toEqual(typeof e === 'string' ? expect.stringContaining(e) : expect.stringMatching(e));
      } catch {
        throw new Error(`After ${JSON.stringify(input)} expected ${String(e)} in:\n${text.slice(0, 1500)}`);
      }
    }
  }
}

async function records(store: DocumentStore): Promise<SawPostRecord[]> {
  return (await store.list<SawPostRecord>(RECORDS_COLLECTION)).map((d) => d.value);
}

const TO_VIOLATION_EN: Row[] = [
  [
    'hi',
    [
      'I saw a post · Step 1 of 11',
      'Before you start',
      'Do not type the employee’s name',
      'Managers generally should not be routinely monitoring',
    ],
  ],
  [
    'next',
    [
      'Step 2 of 11',
      'How did the post come to your attention?',
      'raised in a media query',
      '1. A media query',
    ],
  ],
  [
    '1',
    [
      'Step 3 of 11',
      'Does the post clearly violate the Values and Ethics Code?',
      'involve your communications (media relations) team',
      'private financial gain',
    ],
  ],
];

describe('I saw a post: branches', () => {
  it('"not sure", all by typing in English: every suggested step, experts, offices, then the record', async () => {
    const h = harness();
    await play(h, [
      ...TO_VIOLATION_EN,
      [
        'not sure',
        [
          'Step 4 of 11',
          'Understand the context',
          'Suggested step 1 of 5',
          'Take the time to understand the context',
        ],
      ],
      [
        'note: read the whole thread first',
        ['Step 5 of 11', 'Have honest and open conversations', 'Be courageous'],
      ],
      ['next', ['Step 6 of 11', 'Check your own unconscious biases', 'unconscious biases to be leading you']],
      ['next', ['Step 7 of 11', 'Consider the person’s well-being', 'lived experience']],
      ['next', ['Step 8 of 11', 'Ask about intentions and goals', 'intentions and goals in making the post']],
      [
        'next',
        [
          'Step 9 of 11',
          'Consult organizational experts',
          'the post should be taken down',
          'I never recommend a measure',
        ],
      ],
      [
        '1, 3',
        ['Step 10 of 11', 'Whom will you involve?', 'Ombud office, labour relations', '4. Human resources'],
      ],
      [
        'hr and ombud',
        [
          'Step 11 of 11',
          'Communicate the decision and keep supporting',
          'Clearly communicate with the employee your decision',
        ],
      ],
      [
        'create',
        [
          'Your record: I saw a post',
          'kept until February 23, 2027, then deleted automatically.',
          'It is not a decision about anyone.',
          'A media query',
          'I am not sure',
          'Understand the context',
          'read the whole thread first',
          'Is it likely to happen again',
          'Should administrative actions be taken?',
          'Human resources',
          'Ombud',
          'restore confidence, trust and a healthy workplace',
        ],
      ],
    ]);
    expect(h.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    const [record] = await records(h.store);
    expect(h.client.dialogTurnResult.result).toEqual({ outcome: 'recorded', recordId: record!.id });
    expect(record).toMatchObject({
      path: 'notSure',
      lang: 'en',
      expiresAt: '2027-02-23T12:00:00.000Z',
      answers: {
        howRaised: 'media',
        violation: 'notSure',
        steps: {
          context: { note: 'read the whole thread first' },
          conversations: {},
          bias: {},
          wellBeing: {},
          intentions: {},
        },
        consultTopics: ['recurrence', 'adminAction'],
        offices: ['ombud', 'humanResources'],
      },
    });
    // Notes and typed text never reach the logs; step and record ids do.
    expect(h.logs.join('\n')).not.toMatch(/thread/);
    expect(h.logs.join('\n')).toMatch(/sawPost.recorded/);
  });

  it.each([
    [
      'financialGain',
      'A post that clearly violates the Values and Ethics Code',
      'Follow your organization’s protocols for addressing such instances.',
    ],
    [
      'bullying',
      'A post that clearly violates the Values and Ethics Code',
      'labour relations or human resources',
    ],
    [
      'disclosure',
      'Information may have been disclosed without authorization',
      'Contact your departmental security team.',
    ],
    [
      'otherViolation',
      'A post that clearly violates the Values and Ethics Code',
      'Follow your organization’s protocols',
    ],
  ])(
    'clear violation (%s), all by clicking: the urgent card, protocols, then the record',
    async (choice, topic, line) => {
      const h = harness();
      await play(h, [
        ['hi', ['Before you start']],
        [click('framing'), ['How did the post come to your attention?']],
        [click('how', { choice: 'colleague' }), ['Does the post clearly violate']],
        [
          click('violation', { choice }),
          [
            'Urgent: This may need action now',
            topic,
            line,
            'follow your organization’s protocols for addressing such instances',
            'Follow your organization’s protocols',
            'Create my record',
          ],
        ],
        [
          click('protocols', { note: 'called V&E' }),
          ['Your record: I saw a post', 'A colleague saw it and reported it', 'called V&E', 'Closing note'],
        ],
      ]);
      const [record] = await records(h.store);
      expect(record).toMatchObject({
        path: 'clearViolation',
        answers: {
          howRaised: 'colleague',
          violation: choice,
          closingNote: 'called V&E',
          consultTopics: [],
          offices: [],
        },
      });
      // The record card offers escalation to either office, with the record's id.
      expect(h.client.dialogTurnResult.result).toEqual({ outcome: 'recorded', recordId: record!.id });
    },
  );

  it('runs in French by typing French words, the guidance marked as a working translation', async () => {
    const h = harness({ lang: 'fr' });
    await play(h, [
      [
        'bonjour',
        [
          'J’ai vu une publication · Étape 1 sur 11',
          'Avant de commencer',
          'Traduction de travail',
          'En général, les gestionnaires ne devraient pas surveiller',
        ],
      ],
      [
        'suivant',
        ['Comment la publication a-t-elle été portée à votre attention?', '1. Une demande des médias'],
      ],
      ['médias', ['La publication contrevient-elle clairement', 'relations avec les médias']],
      ['pas sûr', ['Comprendre le contexte', 'Mesure suggérée 1 sur 5']],
      ['retour', ['La publication contrevient-elle clairement']],
      ['5', ['Comprendre le contexte']],
      ['suivant', ['Avoir des conversations honnêtes et ouvertes']],
      ['suivant', ['Examiner vos propres préjugés inconscients']],
      ['suivant', ['Tenir compte du bien-être de la personne']],
      ['suivant', ['Demander les intentions et les objectifs']],
      ['suivant', ['Consulter les experts de votre organisation']],
      ['tous', ['À qui ferez-vous appel?']],
      ['aucun', ['Communiquer la décision']],
      [
        'créer',
        [
          'Votre dossier : J’ai vu une publication',
          'conservé jusqu’au 23 février 2027',
          'Une demande des médias',
          'Aucun choix',
          'Des mesures administratives devraient-elles être prises?',
        ],
      ],
    ]);
    const [record] = await records(h.store);
    expect(record).toMatchObject({
      lang: 'fr',
      answers: { consultTopics: ['recurrence', 'takeDown', 'adminAction'], offices: [] },
    });
  });
});

describe('I saw a post: conversation behaviour', () => {
  it('"cancel" ends cleanly at any step and records nothing', async () => {
    const h = harness();
    await play(h, [
      ...TO_VIOLATION_EN,
      ['cancel', ['Stopped. Nothing was recorded and your notes were discarded.']],
    ]);
    expect(h.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(h.client.dialogTurnResult.result).toEqual({ outcome: 'cancelled' });
    expect(await records(h.store)).toEqual([]);
  });

  it('"annuler" ends it in French', async () => {
    const h = harness({ lang: 'fr' });
    await play(h, [
      ['bonjour', ['Avant de commencer']],
      ['annuler', ['Arrêté. Rien n’a été consigné']],
    ]);
    expect(h.client.dialogTurnResult.result).toEqual({ outcome: 'cancelled' });
  });

  it('"back" goes back one step, keeps earlier answers, and says so at the first step', async () => {
    const h = harness();
    await play(h, [
      ['hi', ['Before you start']],
      ['back', ['This is the first step: there is nothing to go back to.', 'Before you start']],
      ['next', ['How did the post come to your attention?']],
      ['colleague', ['Does the post clearly violate']],
      [click('violation', { nav: 'back' }), ['How did the post come to your attention?']],
      ['back', ['Before you start']],
      ['continue', ['How did the post come to your attention?']],
      ['professional network', ['Does the post clearly violate']],
      ['not sure', ['Understand the context']],
      ['note: first note', ['Have honest and open conversations']],
      ['back', ['Understand the context']],
      // Typed "next" keeps the note written before going back.
      ['next', ['Have honest and open conversations']],
    ]);
    const flow = (
      h.client.dialogContext.stack as unknown as {
        state: { dialogs: { dialogStack: { state: { options: { flow: { answers: unknown } } } }[] } };
      }[]
    )[0]!.state.dialogs.dialogStack[0]!.state.options.flow;
    expect(flow.answers).toMatchObject({
      howRaised: 'professionalNetwork',
      steps: { context: { note: 'first note' } },
    });
  });

  it('going back from "yes" to "not sure" records only the branch taken', async () => {
    const h = harness();
    await play(h, [
      ['hi', []],
      ['next', []],
      ['2', []],
      ['4', ['Urgent']],
      [click('protocols', { nav: 'back' }), ['Does the post clearly violate']],
      ['5', ['Understand the context']],
      ...Array.from({ length: 5 }, (): Row => ['next', []]),
      ['none', ['Whom will you involve?']],
      ['values and ethics', ['Communicate the decision']],
      ['create', ['Your record']],
    ]);
    const [record] = await records(h.store);
    expect(record).toMatchObject({
      path: 'notSure',
      answers: { violation: 'notSure', offices: ['valuesEthics'], consultTopics: [] },
    });
    expect(record!.answers.closingNote).toBeUndefined();
  });

  it('"help" explains where you are and re-prompts the same step', async () => {
    const h = harness();
    await play(h, [
      ...TO_VIOLATION_EN,
      [
        'help',
        [
          'You are in “I saw a post”, at step 3 of 11; your answers so far are kept.',
          'Does the post clearly violate',
        ],
      ],
    ]);
    expect(h.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });

  it('answers a question typed mid-flow from the guidance, then resumes where it was', async () => {
    const h = harness();
    await play(h, [
      ...TO_VIOLATION_EN,
      [
        'Should I monitor my employees social media accounts?',
        [
          'From the guidance for managers',
          'Managers generally should not be routinely monitoring',
          'Back to step 3 of 11 of “I saw a post”:',
          'Does the post clearly violate',
        ],
      ],
      ['not sure', ['Understand the context']],
    ]);
  });

  it.each([
    [
      'banana',
      'Sorry, that is not one of the options. Please choose one of these: 1. Yes: it uses a public service position',
    ],
    ['7', '5. I am not sure'],
  ])(
    'answers an invalid choice (%p) in one line listing the options, without the card again',
    async (input, shown) => {
      const h = harness();
      await play(h, [...TO_VIOLATION_EN]);
      const replies = await say(h.client, input);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toContain(shown);
      expect(replies[0]).not.toContain('Does the post clearly violate');
    },
  );

  it('re-prompts a multi-choice step with how to type several options', async () => {
    const h = harness();
    await play(h, [
      ...TO_VIOLATION_EN,
      ['5', []],
      ...Array.from({ length: 5 }, (): Row => ['next', []]),
      ['1, 9', ['Type their numbers, for example “1, 3”']],
    ]);
  });

  it('a submit without a choice on a choice step is invalid, and a button of another step is stale', async () => {
    const h = harness();
    await play(h, [
      ['hi', []],
      ['next', []],
      [click('how'), ['Nothing was chosen. Tick one of the options on the card above']],
      [
        click('framing'),
        [
          'That button belongs to an earlier step. Here is where you are now.',
          'How did the post come to your attention?',
        ],
      ],
    ]);
  });

  it('renders in the language the user switches to mid-flow, on the next re-prompt', async () => {
    const h = harness();
    await play(h, [...TO_VIOLATION_EN]);
    h.setSaved('fr');
    await play(h, [
      [
        'help',
        [
          'Vous êtes dans « J’ai vu une publication », à l’étape 3 sur 11; vos réponses sont conservées.',
          'La publication contrevient-elle clairement',
          'Traduction de travail',
        ],
      ],
      ['not sure', ['Comprendre le contexte']],
    ]);
    h.setSaved('en');
    await play(h, [['next', ['Have honest and open conversations']]]);
  });

  it('shows user notes as typed, never as markdown or template expressions', async () => {
    const h = harness();
    const note = '**bold** [link](https://x.invalid) ${1+1} <at>Someone</at>';
    await play(h, [
      ...TO_VIOLATION_EN,
      ['5', []],
      [click('context', { note }), []],
      ...Array.from({ length: 4 }, (): Row => ['next', []]),
      ['none', []],
      ['none', []],
    ]);
    const card = (
      await (async () => {
        const activity: Partial<Activity> = { type: 'message', text: 'create' };
        return (await h.client.sendActivity(activity)) as Partial<Activity>;
      })()
    ).attachments![0]!.content as Record<string, unknown>;
    const runs = JSON.stringify(card);
    expect(runs).toContain(JSON.stringify({ type: 'TextRun', text: note, italic: true }).slice(1, -1));
    expect(flattenCardText(card as never)).toContain(note);
  });
});

describe('I saw a post: restart in the middle', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'smg-sawpost-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes at the same step, with its answers and history, from the SQLite state of a new process', async () => {
    const file = path.join(dir, 'bot.db');
    const first = new SqliteStore(file);
    const h1 = harness({
      store: first,
      conversationState: new ConversationState(new BotStateStorage(first)),
    });
    await play(h1, [
      ...TO_VIOLATION_EN,
      ['not sure', ['Understand the context']],
      ['note: before the restart', ['Have honest and open conversations']],
    ]);
    await first.close();

    // A new store, state and dialog on the same file: what a restarted process has.
    const second = new SqliteStore(file);
    const h2 = harness({
      store: second,
      conversationState: new ConversationState(new BotStateStorage(second)),
    });
    await play(h2, [
      ['help', ['at step 5 of 11', 'Have honest and open conversations']],
      ['back', ['Understand the context']],
      ['next', ['Have honest and open conversations']],
      ...Array.from({ length: 4 }, (): Row => ['next', []]),
      ['none', []],
      ['none', []],
      ['create', ['Your record', 'before the restart', 'A media query']],
    ]);
    expect(await records(second)).toHaveLength(1);
    await second.close();
  });
});

/** The card a reply carries, as JSON (for what the flattened text does not show: inputs' settings). */
async function cardsOf(client: DialogTestClient, input: string | Record<string, unknown>) {
  const activity: Partial<Activity> =
    typeof input === 'string'
      ? { type: 'message', text: input }
      : { type: 'message', text: '', value: input };
  const cards: Record<string, unknown>[] = [];
  const texts: string[] = [];
  let reply = (await client.sendActivity(activity)) as Partial<Activity> | undefined;
  while (reply) {
    const card = reply.attachments?.[0]?.content as Record<string, unknown> | undefined;
    if (card) cards.push(card);
    else texts.push(reply.text ?? '');
    reply = client.getNextReply();
  }
  return { cards, texts };
}

const NOT_SURE_TO_LAST: Row[] = [
  ...TO_VIOLATION_EN,
  ['not sure', []],
  ...Array.from({ length: 5 }, (): Row => ['next', []]),
  ['none', []],
  ['none', ['Step 11 of 11', 'Communicate the decision']],
];

describe('I saw a post: where you are and what is kept (#17)', () => {
  it('says "Step n of 11" on the longer path and "Step 4 of 4" where a clear violation ends', async () => {
    const h = harness();
    await play(h, [
      ['hi', ['I saw a post · Step 1 of 11']],
      ['next', ['Step 2 of 11']],
      ['colleague', ['Step 3 of 11']],
      ['1', ['Urgent', 'I saw a post · Step 4 of 4', 'Follow your organization’s protocols']],
      ['help', ['at step 4 of 4; your answers so far are kept', '“escalate”']],
    ]);
    const fr = harness({ lang: 'fr' });
    await play(fr, [
      ['bonjour', ['J’ai vu une publication · Étape 1 sur 11']],
      ['suivant', ['Étape 2 sur 11']],
      ['aide', ['à l’étape 2 sur 11; vos réponses sont conservées', '« consulter »']],
    ]);
  });

  it('shows the lead-in of step 11’s two points once, not above each', async () => {
    const h = harness();
    await play(h, NOT_SURE_TO_LAST.slice(0, -1));
    const replies = await say(h.client, 'none');
    const leadIn = 'here are suggested steps that you could take';
    expect(replies.join('\n').split(leadIn)).toHaveLength(2);
    const fr = harness({ lang: 'fr' });
    await play(fr, [
      ['bonjour', []],
      ['suivant', []],
      ['1', []],
      ['pas sûr', []],
      ...Array.from({ length: 5 }, (): Row => ['suivant', []]),
      ['aucun', []],
    ]);
    const french = (await say(fr.client, 'aucun')).join('\n');
    expect(french).toContain('Étape 11 sur 11');
    expect(french.split('voici des mesures que vous pourriez prendre')).toHaveLength(2);
  });

  it('validates a choice on the card itself, and answers a Next with nothing chosen in one line', async () => {
    const h = harness();
    await play(h, [['hi', []]]);
    const { cards } = await cardsOf(h.client, 'next');
    const choiceSet = JSON.stringify(cards[0]);
    expect(choiceSet).toContain('"isRequired":true');
    expect(choiceSet).toContain('"errorMessage":"Please choose one of the options."');
    const miss = await cardsOf(h.client, click('how'));
    expect(miss.cards).toHaveLength(0);
    expect(miss.texts).toEqual([
      'Nothing was chosen. Tick one of the options on the card above, then choose “Next”. Your earlier answers are kept.',
    ]);
    // Still at the same step: a choice now moves on.
    await play(h, [[click('how', { choice: 'public' }), ['Step 3 of 11']]]);
  });

  it('"note: …" at the last step adds the note and waits for "Create my record"; the button keeps the note', async () => {
    const h = harness();
    await play(h, NOT_SURE_TO_LAST);
    const noted = await cardsOf(h.client, 'note: told the employee on Friday');
    expect(noted.texts).toEqual([
      'Your note is added; nothing is recorded yet. Check it on the card below, then choose “Create my record” (or type “create”).',
    ]);
    // The card again, its box filled with the note, so what will be recorded is what is shown.
    expect(JSON.stringify(noted.cards[0])).toContain('"value":"told the employee on Friday"');
    expect(await records(h.store)).toEqual([]);
    expect(h.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    // "Create my record" on the card shown before the note (its box was empty) keeps the typed note.
    await play(h, [
      [
        click('communicate', { noteShown: false, note: '' }),
        ['Your record: I saw a post', 'told the employee on Friday'],
      ],
    ]);
    const [record] = await records(h.store);
    expect(record!.answers.closingNote).toBe('told the employee on Friday');
  });

  it('a note cleared from a pre-filled box is removed', async () => {
    const h = harness();
    await play(h, [...NOT_SURE_TO_LAST, ['note: first thought', ['Your note is added']]]);
    await play(h, [[click('communicate', { noteShown: true, note: '' }), ['Your record: I saw a post']]]);
    const [record] = await records(h.store);
    expect(record!.answers.closingNote).toBeUndefined();
  });

  it('"note : …" in French at the last step adds the note too', async () => {
    const h = harness({ lang: 'fr' });
    await play(h, [
      ['bonjour', []],
      ['suivant', []],
      ['1', []],
      ['3', ['Étape 4 sur 4']],
      ['note : appelé le bureau', ['Votre note est ajoutée; rien n’est encore consigné.']],
      ['créer', ['Votre dossier', 'appelé le bureau']],
    ]);
  });
});
