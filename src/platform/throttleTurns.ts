import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { t, type Lang } from '../i18n';
import type { Logger } from '../shared/logger';
import type { TurnLimiter } from './rateLimit';

/** What a person sends: messages (typed or card submits) and card actions. Teams' own events are not limited. */
const LIMITED = new Set<string>([ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.MessageReaction]);

export interface ThrottleDeps {
  readonly limiter: TurnLimiter;
  readonly logger: Logger;
  /** The person's language (their saved choice, else their client's), for the one notice. */
  languageOf(context: TurnContext): Promise<Lang>;
}

/**
 * Polite limits at the door: a person (or a conversation) sending faster than the limits is told once per
 * window, in their language, and everything else they send in that window is dropped before it reaches the
 * conversation registry, the dialogs, the database or the Bot Connector. A card action (an invoke) is
 * answered in its HTTP response, which costs no Bot Connector call: the notice the first time, then 429.
 */
export function throttleTurns(deps: ThrottleDeps): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const activity = context.activity;
      if (!LIMITED.has(activity.type)) return next();
      const user = activity.from?.aadObjectId ?? activity.from?.id ?? '';
      const verdict = await deps.limiter.take(user, activity.conversation?.id ?? '');
      if (verdict.allowed) return next();

      deps.logger.info(
        { event: 'turn.throttled', scope: verdict.scope, told: verdict.tell, activityType: activity.type },
        'over the rate limit: dropped',
      );
      const notice = async () =>
        t(await deps.languageOf(context), `common.throttled.${verdict.scope}`, {
          seconds: Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)),
        });
      if (activity.type === ActivityTypes.Invoke) {
        const told = verdict.tell && activity.name === 'adaptiveCard/action';
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: told
            ? {
                status: 200,
                body: {
                  statusCode: 200,
                  type: 'application/vnd.microsoft.activity.message',
                  value: await notice(),
                },
              }
            : { status: 429 },
        });
        return;
      }
      if (verdict.tell && activity.type === ActivityTypes.Message) await context.sendActivity(await notice());
    },
  };
}
