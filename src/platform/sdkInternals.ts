import {
  CloudAdapter,
  type Activity,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import {
  DialogContext,
  type DialogSet,
  type DialogState,
  type DialogStateManagerConfiguration,
} from 'botbuilder-dialogs';
import type { AuthenticateRequestResult, ConnectorClient } from 'botframework-connector';

/**
 * The three places the bot reaches past the Bot Framework SDK's public API, kept in this one module and
 * checked by test/unit/platform/sdkInternals.test.ts, which fails if an SDK update moves any of them.
 * Each stays because the public API cannot do what it does:
 *
 * 1. The connector client's HTTP pipeline. The SDK builds the ConnectorClient itself and overwrites any
 *    request policies passed in its options, and a custom HTTP client would sit below the SDK's own retry
 *    (fixed waits on its own timers): only the pipeline takes a time limit per call, the app's retry in place
 *    of the SDK's (Retry-After honoured, the app's clock), and Teams' per-conversation pacing.
 * 2. A turn on an already-authenticated request, with its invoke response. CloudAdapter.process echoes
 *    internal error messages to the caller and logs with console.error; processActivityDirect returns no
 *    invoke response (an Action.Execute click's reply). The protected processActivity does both right.
 * 3. botbuilder-dialogs' memory configuration, rebuilt for every DialogContext though it depends on nothing
 *    in the turn: handed to later turns under the turn-state key the SDK caches it by (about 17 µs of the
 *    ~30 µs a DialogContext costs, measured with 5,000 contexts on this machine).
 */

/** The part of a core-rest-pipeline pipeline, request and response the bot touches. */
export interface PipelineRequest {
  timeout: number;
  readonly url: string;
  readonly method: string;
}
export interface PipelineResponse {
  status: number;
  headers: { get(name: string): string | undefined };
}
type SendRequest = (request: PipelineRequest) => Promise<PipelineResponse>;
export interface Pipeline {
  addPolicy(
    policy: {
      name: string;
      sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse>;
    },
    options?: { phase?: 'Retry'; afterPhase?: 'Retry' },
  ): void;
  removePolicy(options: { name: string }): unknown;
}

/**
 * 1. The HTTP pipeline inside a ConnectorClient (a @azure/core-client ServiceClient behind botbuilder's compat
 * layer); undefined if a later SDK moves it, and callers then leave the client as it is.
 */
export function pipelineOf(client: ConnectorClient): Pipeline | undefined {
  return (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
}

/** 2. A CloudAdapter whose turn runner takes an already-authenticated request (see processInbound). */
export class GuidanceAdapter extends CloudAdapter {
  runAuthenticatedTurn(
    authResult: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authResult, activity, logic);
  }
}

/** 3. Where DialogStateManager looks for (and caches) its configuration within a turn (botbuilder-dialogs 4.23). */
export const DIALOG_STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

/** A turn's dialog context, made when first used, and whether a dialog is in progress without making it. */
export interface LazyDialogContext {
  readonly dc: DialogContext;
  readonly active: boolean;
}

/**
 * Creates DialogContexts that share the first one's memory configuration, each only when the turn uses it: a
 * question answered outside any dialog (most turns) reads the dialog stack but never needs the context, whose
 * memory scopes and component registration cost about 26 µs and a few KB of garbage per turn under load.
 */
export class DialogContextFactory {
  private configuration: DialogStateManagerConfiguration | undefined;

  constructor(
    private readonly dialogs: DialogSet,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
  ) {}

  /** Reads the turn's dialog state (what DialogSet.createContext reads) and defers the context itself. */
  async open(context: TurnContext): Promise<LazyDialogContext> {
    const state = await this.dialogState.get(context, { dialogStack: [] });
    let made: DialogContext | undefined;
    const make = (): DialogContext => {
      if (this.configuration) context.turnState.set(DIALOG_STATE_CONFIGURATION, this.configuration);
      const dc = new DialogContext(this.dialogs, context, state);
      this.configuration ??= dc.state.configuration;
      return dc;
    };
    return {
      get dc() {
        return (made ??= make());
      },
      // The context works on this same stack array, so this stays true to it once the context exists.
      get active() {
        return (made?.stack ?? state.dialogStack ?? []).length > 0;
      },
    };
  }
}
