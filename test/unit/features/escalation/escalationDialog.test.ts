import type { Activity } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import {
  EscalationDialog,
  type Draft,
  type EscalationDialogDeps,
  type EscalationOptions,
} from '../../../../src/features/escalation/escalationDialog';

/** Text a person reads in a reply: the message, or a prompt card's text and buttons. */
function read(reply: Partial<Activity> | undefined): string {
  if (!reply) return '';
  const parts = [reply.text ?? ''];
  for (const a of reply.attachments ?? []) {
    const content = a.content as { body?: { text?: string }[]; actions?: { title: string }[] };
    // A prompt: its text and its buttons. Any other card (the preview) is shown as <card>.
    if (content.actions?.length) {
      for (const block of content.body ?? []) if (block.text) parts.push(block.text);
      for (const b of content.actions) parts.push(`[${b.title}]`);
    } else if (content.body) parts.push('<card>');
  }
  return parts.filter(Boolean).join(' ');
}

function setUp(options: Partial<EscalationOptions> = {}, overrides: Partial<EscalationDialogDeps> = {}) {
  const submitted: Draft[] = [];
  const deps: EscalationDialogDeps = {
    hasChannel: async () => true,
    contact: () => 'ethics@example.gc.ca',
    recordSummary: async (_c, id) => (id === 'rec-1' ? 'Walk-through of 1 March.' : undefined),
    draftSummary: (_c, draft) => `Walk-through under way, step ${draft.inProgress?.step ?? 0}.`,
    preview: (_c, draft) => ({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: draft.summary }],
    }),
    submit: async (_c, draft) => {
      submitted.push(draft);
      return { caseId: 'VE-2026-0001' };
    },
    ...overrides,
  };
  const client = new DialogTestClient('msteams', new EscalationDialog(deps), { lang: 'en', ...options });
  /** Sends a turn and returns everything the bot replied, joined. */
  const say = async (text: string) => {
    const replies = [read(await client.sendActivity(text))];
    for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(read(next));
    return replies.join('\n');
  };
  return { client, say, submitted };
}

describe('EscalationDialog', () => {
  it('plays the full flow with a rewrite after the personal-information warning', async () => {
    const { client, say, submitted } = setUp();
    // [what the manager types, what they then read]
    const flow: ReadonlyArray<readonly [string, string]> = [
      ['escalate', '[Values and ethics office] [Ombud]'],
      ['Values and ethics office', '**Leave out**: names'],
      [
        'My employee wrote to me at jane.doe@example.gc.ca, 613-555-0199.',
        'Your text seems to contain an e-mail address and a phone number',
      ],
      ['Rewrite it', 'Describe the situation in a few sentences'],
      ['My employee posted about our program.', 'How urgent is it?'],
      ['Time-sensitive', 'How would you like the office to contact you?'],
      ['Phone', 'This is exactly what the values and ethics office will see'],
      ['Send it', 'Your request **VE-2026-0001** is saved'],
    ];
    for (const [turn, expected] of flow) expect(await say(turn)).toContain(expected);
    expect(submitted).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        office: 'valuesEthics',
        summary: 'My employee posted about our program.',
        urgency: 'timeSensitive',
        contact: 'phone',
      },
    ]);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('gives the draft one id for its whole life: kept through a rewrite, carried by the "Send it" button', async () => {
    const { client, say, submitted } = setUp({
      office: 'valuesEthics',
      urgency: 'routine',
      contact: 'email',
    });
    const sendButton = () => {
      const card = client.getNextReply()?.attachments?.[0]?.content as { actions: any[] } | undefined;
      return card?.actions[0].data;
    };
    await say('start');
    await client.sendActivity('A post about our program was shared widely.'); // replies with the preview
    const first = sendButton();
    expect(first).toMatchObject({ verb: 'escalation.send', draftId: expect.any(String), text: 'Send it' });
    await say('Change the summary');
    await client.sendActivity('A post about our program was shared widely, and picked up by a reporter.');
    expect(sendButton().draftId).toBe(first.draftId);
    await say('Send it');
    expect(submitted.map((d) => d.id)).toEqual([first.draftId]);
  });

  it('says the request was already sent when the draft’s case existed', async () => {
    const { say } = setUp(
      { office: 'valuesEthics', urgency: 'routine', contact: 'email' },
      { submit: async () => ({ caseId: 'VE-2026-0007', created: false }) },
    );
    await say('start');
    await say('A post about our program was shared widely.');
    expect(await say('Send it')).toBe(
      'Your request **VE-2026-0007** was already sent to the values and ethics office. Nothing new was created. Type "my cases" to see its status.',
    );
  });

  it('keeps the text when the manager chooses to, and asks nothing about a record that is not theirs', async () => {
    const { say, submitted } = setUp({ office: 'ombud', urgency: 'urgent', recordId: 'someone-elses' });
    expect(await say('start')).toContain('Describe the situation');
    expect(await say('Call 613-555-0199 after 5 please.')).toContain('a phone number');
    expect(await say('Keep it as is')).toContain('How would you like the office to contact you?');
    await say('E-mail');
    await say('Send it');
    expect(submitted[0]).toMatchObject({
      office: 'ombud',
      urgency: 'urgent',
      summary: 'Call 613-555-0199 after 5 please.',
    });
    expect(submitted[0]!.attachedRecord).toBeUndefined();
  });

  it('attaches the manager’s record only when they choose to', async () => {
    const { say, submitted } = setUp({ office: 'valuesEthics', recordId: 'rec-1' });
    await say('start');
    expect(await say('A post about our program was shared widely.')).toContain(
      'Attach your "I saw a post" record',
    );
    await say('Attach the record');
    await say('Routine');
    expect(await say('Teams chat')).toContain('<card>');
    await say('Send it');
    expect(submitted[0]!.attachedRecord).toBe('Walk-through of 1 March.');
  });

  it('says whom to contact, and stops, when the office has no channel', async () => {
    const { client, say, submitted } = setUp({}, { hasChannel: async () => false });
    await say('escalate');
    expect(await say('Ombud')).toBe(
      'The Ombud has not connected a Teams channel to me yet, so I cannot send your request. Please contact them directly: ethics@example.gc.ca. Nothing has been sent or kept.',
    );
    expect(submitted).toEqual([]);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('sends nothing when the manager cancels at the consent step', async () => {
    const { say, submitted } = setUp({ office: 'valuesEthics', urgency: 'routine', contact: 'email' });
    await say('start');
    expect(await say('A post about our program was shared widely.')).toContain('<card>');
    expect(await say('Cancel')).toBe('Nothing was sent, and your text was not kept.');
    expect(submitted).toEqual([]);
  });

  it('refuses a summary that is too short and re-asks', async () => {
    const { say } = setUp({ office: 'valuesEthics' });
    await say('start');
    expect(await say('help me')).toContain('Please write at least one short sentence.');
  });

  it('speaks French throughout, and accepts choices typed in either language', async () => {
    const { say, submitted } = setUp({ lang: 'fr' });
    expect(await say('consulter')).toContain('[Bureau des valeurs et de l’éthique] [Ombud]');
    expect(await say('Ombud')).toContain('**À omettre** : les noms');
    expect(await say('Un employé a publié au sujet de notre programme.')).toContain(
      'Quel est le degré d’urgence?',
    );
    expect(await say('Urgent')).toContain('Comment voulez-vous que le bureau communique avec vous?');
    expect(await say('Email')).toContain('Voici exactement ce que l’Ombud verra');
    expect(await say('L’envoyer')).toContain('Votre demande **VE-2026-0001** est enregistrée');
    expect(submitted[0]).toMatchObject({ office: 'ombud', contact: 'email', urgency: 'urgent' });
  });
});

describe('EscalationDialog: choices a person can click anywhere and type loosely (#17)', () => {
  it('draws every choice as a card button that Teams sends as the label (messageBack) and the Playground as data', async () => {
    const { client } = setUp();
    type Action = {
      type: string;
      title: string;
      data: { text: string; msteams: { type: string; text: string } };
    };
    const actions: Action[] = [];
    const collect = (reply: Partial<Activity> | undefined) => {
      for (const a of reply?.attachments ?? []) {
        expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
        actions.push(...((a.content as { actions?: Action[] }).actions ?? []));
      }
    };
    for (const turn of [
      'escalate',
      'Values and ethics office',
      'A post about our program.',
      'Routine',
      'Phone',
    ]) {
      collect(await client.sendActivity(turn));
      for (let next = client.getNextReply(); next; next = client.getNextReply()) collect(next);
    }
    expect(actions.map((a) => a.title)).toEqual(
      expect.arrayContaining(['Values and ethics office', 'Routine', 'Teams chat', 'Send it', 'Cancel']),
    );
    for (const a of actions) {
      expect(a.type).toBe('Action.Submit');
      expect(a.data.text).toBe(a.title);
    }
  });

  it.each([
    ['en', 'time sensitive', 'teams', { urgency: 'timeSensitive', contact: 'teamsChat' }],
    ['en', 'urgent', 'call me', { urgency: 'urgent', contact: 'phone' }],
    ['fr', 'délai', 'clavardage', { urgency: 'timeSensitive', contact: 'teamsChat' }],
    ['fr', 'courant', 'mon courriel', { urgency: 'routine', contact: 'email' }],
    ['fr', 'urgent', 'appelez-moi', { urgency: 'urgent', contact: 'phone' }],
  ] as const)('in %s, "%s" and "%s" are understood', async (lang, urgency, contact, expected) => {
    const { say, submitted } = setUp({ lang });
    await say(lang === 'en' ? 'escalate' : 'consulter');
    await say('Ombud');
    await say(lang === 'en' ? 'A post about our program.' : 'Une publication au sujet du programme.');
    await say(urgency);
    expect(await say(contact)).toContain(lang === 'en' ? 'This is exactly what' : 'Voici exactement ce que');
    await say(lang === 'en' ? 'Send it' : 'L’envoyer');
    expect(submitted[0]).toMatchObject(expected);
  });
});

describe('EscalationDialog: commands at every question say what happens to the request (#17)', () => {
  /** [what the manager types to reach the question, a phrase of that question]. */
  const QUESTIONS: ReadonlyArray<readonly [string, string]> = [
    ['escalate', 'Which office should receive it?'],
    ['Values and ethics office', 'Describe the situation'],
    ['Reach me at jane.doe@example.gc.ca about a post.', 'Would you like to rewrite it'],
    ['Keep it as is', 'Attach your "I saw a post" record'],
    ['Attach the record', 'How urgent is it?'],
    ['Routine', 'How would you like the office to contact you?'],
    ['Teams chat', 'This is exactly what the values and ethics office will see'],
  ];

  it.each(QUESTIONS.map((q, i) => [i + 1, q[1]] as const))(
    '"cancel" at question %i (%s) sends nothing and says so',
    async (reached) => {
      const { client, say, submitted } = setUp({ recordId: 'rec-1' });
      for (const [input] of QUESTIONS.slice(0, reached)) await say(input);
      expect(await say('cancel')).toBe('Nothing was sent, and your text was not kept.');
      expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
      expect(client.dialogTurnResult.result).toEqual({ outcome: 'cancelled' });
      expect(submitted).toEqual([]);
    },
  );

  it.each(QUESTIONS.map((q, i) => [i + 1, q[1]] as const))(
    '"help" at question %i explains that nothing is sent yet and asks it again',
    async (reached, question) => {
      const { client, say } = setUp({ recordId: 'rec-1' });
      for (const [input] of QUESTIONS.slice(0, reached)) await say(input);
      const help = await say('help');
      expect(help).toContain('You are preparing a request to an office, at the question');
      expect(help).toContain('Nothing is sent until you choose "Send it"');
      expect(help).toContain(question);
      expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    },
  );

  it('"back" steps back one question at a time, keeping the summary, down to the first', async () => {
    const { say, submitted } = setUp({ recordId: 'rec-1' });
    for (const [input] of QUESTIONS) await say(input);
    expect(await say('back')).toContain('How would you like the office to contact you?');
    expect(await say('back')).toContain('How urgent is it?');
    expect(await say('back')).toContain('Attach your "I saw a post" record');
    const summary = await say('back');
    expect(summary).toContain('Describe the situation');
    // Shown as typed: markdown-escaped, so Teams displays the characters rather than formatting.
    expect(summary).toContain(
      'What you wrote before: “Reach me at jane\\.doe@example\\.gc\\.ca about a post\\.”',
    );
    expect(await say('back')).toContain('Which office should receive it?');
    expect(await say('back')).toContain('This is the first question: there is nothing to go back to.');
    await say('Ombud');
    expect(await say('keep')).toContain('Would you like to rewrite it'); // the kept text is checked again
    await say('Keep it as is');
    await say('Do not attach');
    await say('Urgent');
    await say('Phone');
    await say('Send it');
    expect(submitted).toEqual([
      expect.objectContaining({
        office: 'ombud',
        summary: 'Reach me at jane.doe@example.gc.ca about a post.',
        urgency: 'urgent',
        contact: 'phone',
      }),
    ]);
  });

  it('"escalate" typed while preparing a request says one is under way and asks the same question', async () => {
    const { say } = setUp();
    await say('escalate');
    await say('Ombud');
    const again = await say('escalate');
    expect(again).toContain('You are already preparing a request; nothing has been sent yet.');
    expect(again).toContain('Describe the situation');
  });

  it('answers the commands in French: « annuler », « aide », « retour »', async () => {
    const { say } = setUp({ lang: 'fr' });
    await say('consulter');
    await say('Ombud');
    expect(await say('aide')).toContain('Rien n’est envoyé avant que vous choisissiez « L’envoyer »');
    expect(await say('retour')).toContain('Quel bureau doit la recevoir?');
    expect(await say('annuler')).toBe('Rien n’a été envoyé, et votre texte n’a pas été conservé.');
  });

  it('started over a walk-through: offers what was noted so far and asks the urgency', async () => {
    const { say, submitted } = setUp({
      office: 'valuesEthics',
      walkThrough: {
        createdAt: '2025-12-06T00:08:00.000Z',
        violation: 'disclosure',
        consultTopics: [],
        inProgress: { step: 4, total: 4 },
      },
    });
    await say('start');
    const ask = await say('A post seems to disclose protected information.');
    expect(ask).toContain('Attach what you have noted so far in "I saw a post" (you were at step 4 of 4)?');
    expect(await say('Attach the record')).toContain('How urgent is it?');
    await say('Time-sensitive');
    await say('E-mail');
    await say('Send it');
    expect(submitted[0]).toMatchObject({
      urgency: 'timeSensitive',
      attachedRecord: 'Walk-through under way, step 4.',
    });
  });
});
