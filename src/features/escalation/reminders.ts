import type { AppServices } from '../../platform/app';
import type { Config } from '../../platform/config';
import type { CaseService } from '../../domain/cases/caseService';
import type { FailureVerdict } from '../../domain/cases/outbox';
import { reminderPolicyFrom, type ReminderPolicy } from '../../domain/cases/reminders';
import { ReminderWorker } from '../../domain/cases/reminderWorker';
import type { Timers } from '../../shared/clock';
import type { CaseEffects } from './effects';

/** The reminder thresholds and the office's working week, as configured (CASE_REMINDER_*, CASE_BUSINESS_*). */
export function reminderPolicy(config: Config): ReminderPolicy {
  return reminderPolicyFrom(config.caseReminders);
}

/**
 * The worker that posts stalled cases' reminders in their threads, every CASE_REMINDER_POLL_SECONDS. It is
 * started and stopped with the escalation feature, like the outbox; a poll of 0 leaves it off.
 */
export function caseReminderWorker(
  services: Pick<AppServices, 'config' | 'logger' | 'store' | 'retry'>,
  deps: {
    readonly cases: CaseService;
    readonly effects: Pick<CaseEffects, 'remindInThread'>;
    readonly classify: (err: unknown) => FailureVerdict;
    readonly now: () => Date;
    readonly timers: Timers;
    readonly random?: () => number;
  },
): { start(): void; stop(): Promise<void> } {
  const { config, logger, store } = services;
  const enabled = config.caseReminders.pollSeconds > 0;
  const worker = new ReminderWorker({
    store,
    cases: deps.cases,
    policy: reminderPolicy(config),
    remind: (c, reminder) => deps.effects.remindInThread(c, reminder),
    classify: deps.classify,
    now: deps.now,
    timers: deps.timers,
    ...(deps.random ? { random: deps.random } : {}),
    // SQLite serves one instance: a reminder claimed when a process died is retried at once on restart.
    soleWorker: store.backend === 'sqlite',
    retry: services.retry.outbox,
    pollMs: Math.max(1, config.caseReminders.pollSeconds) * 1000,
    // A pass's summary is for tracing (every few minutes); a reminder posted or failing is worth a line.
    log: (event, fields) =>
      event === 'reminder.pass'
        ? logger.debug({ event, ...fields }, event)
        : logger.info({ event, ...fields }, event),
  });
  return {
    start: () => {
      if (enabled) worker.start();
    },
    stop: () => worker.stop(),
  };
}
