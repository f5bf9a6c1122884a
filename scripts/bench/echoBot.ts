import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  ConversationState,
  MessageFactory,
  UserState,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from '../../src/platform/config';
import { createAdapter, processInbound } from '../../src/platform/adapter';
import { safeError, type Logger } from '../../src/shared/logger';
import { createServer, LISTEN_BACKLOG } from '../../src/platform/server/createServer';
import { BotStateStorage } from '../../src/platform/botStateStorage';
import type { Store } from '../../src/domain/store';

export interface EchoApp {
  readonly server: Server;
  listen(port: number, host: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

/**
 * The benchmark's baseline: the same stack as the bot (restify edge from createServer, the CloudAdapter
 * and processInbound from src/platform/adapter, conversation and user state in the same Store) with a bot that
 * only echoes the text. What the guidance bot costs on top of this is answering and cards.
 */
export function createEchoApp(options: { config: Config; logger: Logger; store: Store }): EchoApp {
  const { config, logger, store } = options;
  const stateStorage = new BotStateStorage(store, { conversationStateDays: config.recordRetentionDays });
  const conversationState = new ConversationState(stateStorage);
  const userState = new UserState(stateStorage);
  const turns = conversationState.createProperty<number>('turns');
  const profile = userState.createProperty<{ lang?: string }>('profile');
  const { adapter, auth } = createAdapter(config);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ event: 'turn.error', err: safeError(error) }, 'echo turn failed');
    await context.sendActivity('echo: error').catch(() => undefined);
  };

  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    // Read and write state like a real turn does, so both bots pay the same storage cost.
    await profile.get(context, {});
    await turns.set(context, (await turns.get(context, 0)) + 1);
    await context.sendActivity(MessageFactory.text(context.activity.text ?? ''));
    await next();
  });
  const run = async (context: TurnContext) => {
    await bot.run(context);
    await conversationState.saveChanges(context, false);
    await userState.saveChanges(context, false);
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
      processInbound(adapter, auth, activity, authHeader, run),
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve) => {
        server.listen(port, host, LISTEN_BACKLOG, () => {
          const address = server.address() as AddressInfo;
          resolve({ url: `http://${host}:${address.port}` });
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeAllConnections();
      await closed;
      await store.close();
    },
  };
}
