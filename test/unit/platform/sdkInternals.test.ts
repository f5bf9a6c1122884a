import {
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  TestAdapter,
  type Activity,
} from 'botbuilder';
import {
  DialogSet,
  TextPrompt,
  type DialogState,
  type DialogStateManagerConfiguration,
} from 'botbuilder-dialogs';
import {
  ClaimsIdentity,
  ConnectorClient,
  MicrosoftAppCredentials,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import {
  DIALOG_STATE_CONFIGURATION,
  DialogContextFactory,
  GuidanceAdapter,
  pipelineOf,
} from '../../../src/platform/sdkInternals';

/**
 * src/platform/sdkInternals.ts reaches past the SDK's public API in three places. Each test here fails if
 * an SDK update moves the thing it relies on (the bot would otherwise lose a time limit, a retry policy, an
 * invoke response or a saving without a sound).
 */
const connectorClient = () =>
  new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: 'http://127.0.0.1:1' });

describe('the Bot Connector client pipeline', () => {
  it('is reachable, takes and removes policies, and holds the SDK retry policy the bot replaces', () => {
    const pipeline = pipelineOf(connectorClient()) as unknown as
      { getOrderedPolicies(): { name: string }[]; addPolicy: unknown; removePolicy: unknown } | undefined;
    expect(typeof pipeline?.addPolicy).toBe('function');
    expect(typeof pipeline?.removePolicy).toBe('function');
    expect(pipeline!.getOrderedPolicies().map((p) => p.name)).toContain('defaultRetryPolicy');
  });
});

describe('a turn on an already-authenticated request', () => {
  const activity = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: 'c' },
    from: { id: 'u' },
    recipient: { id: 'b' },
  } as Activity;
  const authResult: AuthenticateRequestResult = {
    audience: 'https://api.botframework.com',
    claimsIdentity: new ClaimsIdentity([], true),
    callerId: undefined as unknown as string,
    connectorFactory: { create: async () => connectorClient() },
  };

  it('runs the logic without authenticating again and returns its invoke response', async () => {
    const auth = new ConfigurationBotFrameworkAuthentication({});
    const authenticate = jest.spyOn(auth, 'authenticateRequest');
    const adapter = new GuidanceAdapter(auth);
    const response = await adapter.runAuthenticatedTurn(authResult, activity, async (context) => {
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { card: 'x' } } });
    });
    expect(response).toEqual({ status: 200, body: { card: 'x' } });
    expect(authenticate).not.toHaveBeenCalled();
  });
});

/**
 * The bot hands each turn the dialog memory configuration built on its first turn, under the turn-state key
 * botbuilder-dialogs reads it from. If an SDK upgrade renames that key, this fails (the bot would then only
 * lose the saving, not correctness: the SDK builds a configuration of its own).
 */
describe('dialog state configuration reused across turns', () => {
  it('is read by botbuilder-dialogs from the turn-state key the bot sets', async () => {
    const dialogs = new DialogSet(
      new ConversationState(new MemoryStorage()).createProperty<DialogState>('d'),
    );
    const seen: DialogStateManagerConfiguration[] = [];
    let kept: DialogStateManagerConfiguration | undefined;
    const adapter = new TestAdapter(async (context) => {
      if (kept) context.turnState.set(DIALOG_STATE_CONFIGURATION, kept);
      const dc = await dialogs.createContext(context);
      kept ??= dc.state.configuration;
      seen.push(dc.state.configuration);
      // The kept configuration still resolves memory paths of the new turn.
      dc.state.setValue('turn.answer', context.activity.text);
      await context.sendActivity(String(dc.state.getValue('turn.answer')));
    });
    await adapter.send('first').assertReply('first').send('second').assertReply('second');
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0]!.memoryScopes.length).toBeGreaterThan(0);
  });

  it('is shared by every DialogContext the factory creates', async () => {
    const state = new ConversationState(new MemoryStorage()).createProperty<DialogState>('d');
    const factory = new DialogContextFactory(new DialogSet(state), state);
    const seen: DialogStateManagerConfiguration[] = [];
    const adapter = new TestAdapter(async (context) => {
      seen.push((await factory.open(context)).dc.state.configuration);
    });
    await adapter.send('first').send('second');
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
  });
});

describe('the lazy dialog context', () => {
  it('tells whether a dialog is in progress without making the context, and follows it once made', async () => {
    const conversationState = new ConversationState(new MemoryStorage());
    const state = conversationState.createProperty<DialogState>('d');
    const dialogs = new DialogSet(state).add(new TextPrompt('ask'));
    const factory = new DialogContextFactory(dialogs, state);
    const seen: boolean[] = [];
    const adapter = new TestAdapter(async (context) => {
      const lazy = await factory.open(context);
      seen.push(lazy.active);
      if (context.activity.text === 'start') {
        await lazy.dc.prompt('ask', 'What is it?');
        seen.push(lazy.active);
      } else if (context.activity.text === 'stop') {
        await lazy.dc.cancelAllDialogs();
        seen.push(lazy.active);
      }
      await conversationState.saveChanges(context);
    });
    await adapter.send('hello').send('start').assertReply('What is it?').send('stop').send('again');
    expect(seen).toEqual([false, false, true, true, false, false]);
  });
});
