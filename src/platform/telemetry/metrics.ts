import type { AnswerService } from '../guidanceBot';

/**
 * The bot's custom metrics, through one narrow API. Call sites pass codes only (an activity type, an answer
 * kind, an office, a failure reason code): every dimension value is checked against a short pattern and
 * replaced by "other" otherwise, so nothing a user typed can become a metric dimension. Without telemetry
 * (no APPLICATIONINSIGHTS_CONNECTION_STRING) there is no sink and each call returns at once.
 */

export const METRICS = {
  /** Activities that reached the bot after authentication and the tenant check, by activity type. */
  turns: 'smg.turns',
  /** Free-text questions answered, by answer kind (the classifier's label). */
  answers: 'smg.answers',
  /** Cases created by the escalation dialog, by office. */
  escalations: 'smg.escalations',
  /** Case cards waiting in the outbox (pending or being posted), sampled. */
  outboxBacklog: 'smg.outbox.backlog',
  /** Case card posts that failed, by outcome (retry later / final: the case is undelivered) and reason code. */
  deliveryFailures: 'smg.outbox.deliveryFailures',
} as const;

export type MetricName = (typeof METRICS)[keyof typeof METRICS];
export type Dimensions = Readonly<Record<string, string>>;

/** Where metric values go (src/platform/telemetry/index.ts aggregates them per export interval). */
export interface MetricSink {
  /** Adds to a counter. */
  add(name: MetricName, value: number, dimensions?: Dimensions): void;
  /** Records the current value of a gauge. */
  set(name: MetricName, value: number, dimensions?: Dimensions): void;
}

let sink: MetricSink | undefined;

/** Installed by startTelemetry; undefined turns every call below into a no-op. */
export function setMetricSink(next: MetricSink | undefined): void {
  sink = next;
}

/** A code (letters, digits, `_.-`, at most 40 characters) or "other": never free text. */
export function code(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/.test(value) ? value : 'other';
}

export function countTurn(activityType: string | undefined): void {
  sink?.add(METRICS.turns, 1, { activityType: code(activityType) });
}

export function countAnswer(kind: string): void {
  sink?.add(METRICS.answers, 1, { kind: code(kind) });
}

export function countEscalation(office: string): void {
  sink?.add(METRICS.escalations, 1, { office: code(office) });
}

export function countDeliveryFailure(outcome: 'retry' | 'final', reason: string): void {
  sink?.add(METRICS.deliveryFailures, 1, { outcome, reason: code(reason) });
}

export function setOutboxBacklog(items: number): void {
  sink?.set(METRICS.outboxBacklog, items);
}

/** The answering pipeline with every answer counted by kind (wraps the service given to createApp). */
export function countingAnswers(answer: AnswerService): AnswerService {
  return (question, preferred) => {
    const reply = answer(question, preferred);
    countAnswer(reply.kind);
    return reply;
  };
}
