import { existsSync } from 'node:fs';
import { createApp } from './platform/app';
import { createAnswerService } from './features/ask/answerService';
import { ConfigError, loadConfig } from './platform/config';
import { allFeatures } from './features';
import { purgeClosedCases } from './features/escalation/feature';
import { createLogger, safeError } from './shared/logger';
import { startTelemetry } from './platform/telemetry';
import { countingAnswers } from './platform/telemetry/metrics';

/** Process entry point: configuration, logging, the app, scheduled retention purges and graceful shutdown. */
async function main(): Promise<void> {
  // An optional .env for local runs; variables already set in the environment win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  // Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (logs then go to stdout and there).
  const telemetry = startTelemetry(config);
  const logger = createLogger(config.logLevel, telemetry?.logDestination);
  if (config.authMode === 'local') {
    logger.warn(
      { event: 'auth.disabled', mode: 'local' },
      '*** LOCAL MODE: MicrosoftAppId is empty, so Bot Framework authentication is OFF and every request is accepted. ' +
        'Use only with the Agents Playground or tests, never in production. ***',
    );
  }
  const answer = countingAnswers(createAnswerService());
  const app = createApp({ config, logger, answer, features: allFeatures });
  telemetry?.watchOutbox(app.store);
  const { url } = await app.listen();
  // From process start, so module loading and the content index build are included.
  const startupMs = process.uptime() * 1000;
  logger.info(
    { event: 'server.started', url, mode: config.authMode, startupMs: Math.round(startupMs) },
    'bot listening',
  );

  const purge = async () => {
    try {
      // Cases first: their purge leaves an audit line, which the generic purge would not.
      const cases = await purgeClosedCases(app.services);
      if (cases.length > 0)
        logger.info({ event: 'retention.casesPurged', count: cases.length }, 'closed cases purged');
      const purged = await app.store.purgeExpired(new Date());
      if (Object.keys(purged).length > 0)
        logger.info({ event: 'retention.purged', purged }, 'expired records purged');
    } catch (err) {
      logger.error({ event: 'retention.failed', err: safeError(err) }, 'retention purge failed');
    }
  };
  void purge();
  setInterval(purge, 60 * 60 * 1000).unref();

  // The first signal drains: turns in flight finish, then the outbox and the store close. A second one
  // (an impatient operator) exits at once.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ event: 'server.stopping', signal }, 'shutting down');
    app
      .close()
      .then(() => telemetry?.shutdown())
      .then(
        () => {
          logger.info({ event: 'server.stopped', signal }, 'stopped');
          process.exit(0);
        },
        (err: unknown) => {
          logger.error({ event: 'server.stopFailed', err: safeError(err) }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
