import type { AddressInfo } from 'node:net';
import { ConversationState, UserState, type Activity, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from './config';
import {
  createAdapter,
  processInbound,
  type BotFrameworkAuthOverrides,
  type GuidanceAdapter,
} from './adapter';
import { GuidanceBot, type AnswerService } from './guidanceBot';
import type { Feature } from './feature';
import { tenantGuard } from './tenantGuard';
import { safeInboundText } from './safeInboundText';
import { createTurnLimiter } from './rateLimit';
import { throttleTurns } from './throttleTurns';
import { OutboundPacer } from './outboundPacer';
import { conversationRegistry } from './conversationRegistry';
import { ConnectorGateway } from './connectorGateway';
import { TeamMembership } from './teamMembership';
import { isConnectorFailure } from './connectorPipeline';
import { langFromLocale, t } from '../i18n';
import { createLogger, safeError, type Logger } from '../shared/logger';
import { createServer, LISTEN_BACKLOG } from './server/createServer';
import { BotStateStorage } from './botStateStorage';
import { openStore, sharedSqlOf } from '../storage/openStore';
import { databasePassword } from '../storage/postgres/entraPassword';
import type { Store } from '../domain/store';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
import { systemClock, type Clock } from '../shared/clock';
import { isCausedBy, StateConflictError } from '../shared/errors';
import { countTurn } from './telemetry/metrics';

export interface AppOptions {
  readonly config: Config;
  readonly answer: AnswerService;
  readonly logger?: Logger;
  readonly store?: Store;
  readonly features?: (services: AppServices) => readonly Feature[];
  readonly authOverrides?: BotFrameworkAuthOverrides;
  /** Retry rules for Bot Connector calls and the outbox; the defaults suit Teams. */
  readonly retry?: Partial<RetryPolicy>;
  /** The time and the waiting (back-off, polls, leases); tests pass an accelerated clock. */
  readonly clock?: Clock;
  /**
   * Spaces messages to each conversation within Teams' limits (7/s, 8 per 2 s, 60 per 30 s); on unless turned
   * off for a test or benchmark whose synthetic conversations talk faster than any person.
   */
  readonly pacing?: boolean;
}

/** What features are built from: shared services, no HTTP. */
export interface AppServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: Store;
  readonly adapter: GuidanceAdapter;
  /** Proactive sends (new channel threads, messages to stored chats, card updates) with retry. */
  readonly gateway: ConnectorGateway;
  /** Whether someone belongs to a team, asked of Teams and cached (bounded). */
  readonly membership: TeamMembership;
  /** The one answering pipeline, for features that answer a question typed in the middle of a flow. */
  readonly answer: AnswerService;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
}

export interface App {
  readonly server: Server;
  readonly services: AppServices;
  readonly adapter: GuidanceAdapter;
  readonly bot: GuidanceBot;
  readonly store: Store;
  readonly logger: Logger;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops taking requests, lets those in flight finish (up to `drainMs`), then stops the features and the store. */
  close(options?: { drainMs?: number }): Promise<void>;
}

/**
 * How long a stopping bot waits for the turns in flight. Teams gives up on a turn after about 15 s and a
 * container platform sends SIGKILL 30 s after SIGTERM (Docker's and App Service's default), so 10 s lets
 * a turn held by a slow connector call (CONNECTOR_TIMEOUT_SECONDS, 10 by default) end and leaves time to
 * close the store.
 */
const SHUTDOWN_DRAIN_MS = 10_000;
/** How often connections that finished their request are closed while draining. */
const IDLE_SWEEP_MS = 50;

type TurnFailureCause = 'connector' | 'storage' | 'bot';

const TURN_FAILURE_LOG: Record<TurnFailureCause, string> = {
  connector: 'turn failed: Bot Connector call failed or timed out',
  storage: 'turn failed: storage unavailable',
  bot: 'turn failed; dialog state cleared',
};
const TURN_FAILURE_MESSAGE = {
  connector: 'common.error.delivery',
  storage: 'common.error.unavailable',
  bot: 'common.error.generic',
} as const satisfies Record<TurnFailureCause, string>;

async function turnFailureCause(error: unknown, store: Store): Promise<TurnFailureCause> {
  if (isConnectorFailure(error)) return 'connector';
  const storageUp = await store.ping().then(
    () => true,
    () => false,
  );
  return storageUp ? 'bot' : 'storage';
}

/** Composes storage, state, the bot and the HTTP server. Used by src/index.ts and by the HTTP tests. */
export function createApp(options: AppOptions): App {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const store =
    options.store ??
    openStore(config.databaseUrl, {
      pgPoolMax: config.pgPoolMax,
      databaseTimeoutMs: config.databaseTimeoutMs,
      password: databasePassword(config.databaseAuth),
    });
  const stateStorage = new BotStateStorage(store, {
    conversationStateDays: config.recordRetentionDays,
    userStateDays: config.userRetentionDays,
  });
  const conversationState = new ConversationState(stateStorage);
  const userState = new UserState(stateStorage);
  const clock = options.clock ?? systemClock;
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  // Every wait of a retry is the clock's.
  const retry: RetryPolicy = {
    ...policy,
    reply: { sleep: clock.sleep, ...policy.reply },
    proactive: { sleep: clock.sleep, ...policy.proactive },
  };
  const pacer = options.pacing === false ? undefined : new OutboundPacer(clock);
  const { adapter, auth } = createAdapter(config, options.authOverrides, retry.reply, pacer);
  const gateway = new ConnectorGateway(auth, config.bot.appId, retry.proactive, retry.reply);
  const membership = new TeamMembership(
    (team, userId) => gateway.member({ serviceUrl: team.serviceUrl, conversationId: team.teamId }, userId),
    logger,
  );
  const services: AppServices = {
    config,
    logger,
    store,
    adapter,
    gateway,
    membership,
    answer: options.answer,
    retry,
    clock,
  };

  const features = options.features?.(services) ?? [];
  const bot = new GuidanceBot({
    config,
    logger,
    store,
    conversationState,
    userState,
    answer: options.answer,
    features,
  });

  // Order matters: typed text is made safe before anything reads it, nothing from a tenant that is not allowed
  // is recorded or counted, and a flood is dropped before it costs a write.
  adapter.use(safeInboundText());
  adapter.use(tenantGuard(config.allowedTenantIds, logger));
  adapter.use(
    throttleTurns({
      limiter: createTurnLimiter(config.rateLimits, sharedSqlOf(store)),
      logger,
      // The saved choice if the store answers; the client's locale if not.
      languageOf: (context) =>
        bot
          .languageFor(context)
          .catch(() => langFromLocale(context.activity.locale) ?? config.defaultLanguage),
    }),
  );
  adapter.use(conversationRegistry(store, logger, { userChatDays: config.userRetentionDays }));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // A state write lost to a concurrent turn: Teams re-delivered this activity while the first delivery was
    // still running, and that one has answered and saved. Telling the user "something went wrong" would be false.
    if (isCausedBy(error, StateConflictError)) {
      logger.info(
        { event: 'turn.concurrentDelivery', activityType: context.activity.type },
        'state changed by a concurrent turn',
      );
      return;
    }
    // Infrastructure failures (Teams' connector or the database unreachable) leave the user's flow where it
    // was, since nothing of this turn was saved; only a failure of the bot itself resets it.
    const cause = await turnFailureCause(error, store);
    logger.error(
      { event: 'turn.error', activityType: context.activity.type, cause, err: safeError(error) },
      TURN_FAILURE_LOG[cause],
    );
    // The user's saved language may be unreadable if storage is what failed: the locale is the safe guess.
    const lang = langFromLocale(context.activity.locale) ?? config.defaultLanguage;
    if (cause === 'bot') {
      try {
        await conversationState.delete(context);
      } catch (err) {
        logger.warn(
          { event: 'turn.error.stateNotCleared', err: safeError(err) },
          'could not clear dialog state',
        );
      }
    }
    if (context.activity.type === 'message') {
      await context
        .sendActivity(t(lang, TURN_FAILURE_MESSAGE[cause]))
        .catch((err: unknown) =>
          logger.warn({ event: 'turn.error.notTold', err: safeError(err) }, 'error reply failed'),
        );
    }
  };

  const server = createServer({
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
    timeouts: config.http,
    isReady: async () => {
      await store.ping();
      return true;
    },
    handleActivity: (activity: Activity, authHeader: string) =>
      processInbound(adapter, auth, activity, authHeader, (context) => {
        countTurn(context.activity.type);
        return bot.run(context);
      }),
    routes: features.flatMap((feature) => feature.routes ?? []),
  });

  return {
    server,
    services,
    adapter,
    bot,
    store,
    logger,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve) => {
        server.listen(port, host, LISTEN_BACKLOG, () => {
          const address = server.address() as AddressInfo;
          for (const feature of features) feature.onStart?.();
          resolve({
            port: address.port,
            url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
          });
        });
      }),
    close: async ({ drainMs = SHUTDOWN_DRAIN_MS } = {}) => {
      // New connections are refused at once; requests in flight (a manager waiting for an answer) finish.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const http = server.server;
      // Keep-alive connections would hold close() open until they time out: each is closed as soon as it is
      // idle, and whatever is still busy after the drain period is cut.
      http.closeIdleConnections();
      const sweep = setInterval(() => http.closeIdleConnections(), IDLE_SWEEP_MS);
      const cut = setTimeout(() => http.closeAllConnections(), drainMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(cut);
      // Background work (e.g. an outbox pass) finishes before the store it writes to closes.
      for (const feature of features) await feature.onStop?.();
      await store.close();
    },
  };
}
