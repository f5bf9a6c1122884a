import {
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationError,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import type { Config } from './config';
import { limitCallTime, usePacing, useRetryPolicy } from './connectorPipeline';
import type { OutboundPacer } from './outboundPacer';
import { DEFAULT_REPLY_RETRY, type RetryOptions } from './retry';
import { GuidanceAdapter } from './sdkInternals';

export type { GuidanceAdapter };

export interface BotFrameworkAuthOverrides {
  /** Tests point token validation at a local OpenID metadata endpoint. */
  readonly toBotFromChannelOpenIdMetadataUrl?: string;
  readonly toBotFromChannelTokenIssuer?: string;
  /** Tests replace the outbound (bot → connector) credentials, which would otherwise call Microsoft Entra ID. */
  readonly credentialsFactory?: ServiceClientCredentialsFactory;
}

/**
 * The Bot Framework authentication, with a time limit and the app's retry policy on every Bot Connector call
 * made through the clients it creates: the adapter's replies within a turn and the gateway's proactive posts
 * alike (the gateway wraps its calls in its own retry and takes this one out). With a pacer, every message
 * into a conversation also waits for its turn within Teams' per-conversation limits.
 */
export class TimedBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    settings: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    credentials: ServiceClientCredentialsFactory,
    private readonly callTimeoutMs: number,
    private readonly replyRetry: RetryOptions = DEFAULT_REPLY_RETRY,
    /** Paces messages per conversation (Teams' limits); none: messages go out as fast as they are sent. */
    private readonly pacer?: OutboundPacer,
  ) {
    super(settings, credentials);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.timed(super.createConnectorFactory(claimsIdentity));
  }

  /** The factory a turn's replies go through comes with the authenticated request. */
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory
      ? { ...result, connectorFactory: this.timed(result.connectorFactory) }
      : result;
  }

  private timed(factory: ConnectorFactory): ConnectorFactory {
    return {
      create: async (serviceUrl, audience) => {
        const client = useRetryPolicy(
          limitCallTime(await factory.create(serviceUrl, audience), this.callTimeoutMs),
          this.replyRetry,
        );
        return this.pacer ? usePacing(client, this.pacer) : client;
      },
    };
  }
}

/**
 * Builds the CloudAdapter. With no MicrosoftAppId the Bot Framework authentication is disabled (local mode:
 * playground and tests); with one, every inbound request must carry a valid Bot Framework token.
 */
export function createAdapter(
  config: Config,
  overrides: BotFrameworkAuthOverrides = {},
  replyRetry: RetryOptions = DEFAULT_REPLY_RETRY,
  pacer?: OutboundPacer,
): {
  adapter: GuidanceAdapter;
  auth: TimedBotFrameworkAuthentication;
} {
  const settings = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.appTenantId,
    ...(overrides.toBotFromChannelOpenIdMetadataUrl
      ? { ToBotFromChannelOpenIdMetadataUrl: overrides.toBotFromChannelOpenIdMetadataUrl }
      : {}),
    ...(overrides.toBotFromChannelTokenIssuer
      ? { ToBotFromChannelTokenIssuer: overrides.toBotFromChannelTokenIssuer }
      : {}),
  };
  const credentials =
    overrides.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new TimedBotFrameworkAuthentication(
    settings,
    credentials,
    config.connectorTimeoutMs,
    replyRetry,
    pacer,
  );
  return { adapter: new GuidanceAdapter(auth), auth };
}

export type InboundOutcome =
  | { readonly status: 200 | 201; readonly body?: unknown }
  | { readonly status: number; readonly body?: unknown };

/**
 * Authenticates, then runs the turn. Unlike CloudAdapter.process, failures never echo an internal message:
 * 401 for a bad token (before any handler runs), a generic 500 otherwise; a missing type is acknowledged.
 */
export async function processInbound(
  adapter: GuidanceAdapter,
  auth: ConfigurationBotFrameworkAuthentication,
  activity: Activity,
  authHeader: string,
  logic: (context: TurnContext) => Promise<void>,
): Promise<InboundOutcome> {
  let authResult: AuthenticateRequestResult;
  try {
    authResult = await auth.authenticateRequest(activity, authHeader);
  } catch (err) {
    if (err instanceof AuthenticationError || isAuthFailure(err)) return { status: 401 };
    throw err;
  }
  if (!activity.type) return { status: 200 };
  const invokeResponse = await adapter.runAuthenticatedTurn(authResult, activity, logic);
  return invokeResponse ? { status: invokeResponse.status, body: invokeResponse.body } : { status: 200 };
}

/** Token failures surface as AuthenticationError, as jsonwebtoken's own errors (bad signature), or with a 401 code. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);
function isAuthFailure(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { statusCode?: unknown; name?: unknown };
  return e.statusCode === 401 || (typeof e.name === 'string' && TOKEN_ERRORS.has(e.name));
}
