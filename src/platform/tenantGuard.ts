import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../shared/logger';

/** Tenant ids an activity claims, from both places Teams puts them. */
export function activityTenantIds(context: TurnContext): string[] {
  const activity = context.activity;
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const fromConversation = activity.conversation?.tenantId;
  return [fromChannelData, fromConversation].filter(
    (id): id is string => typeof id === 'string' && id.length > 0,
  );
}

/**
 * With an allow-list configured, an activity is processed only when every tenant id it carries is on the
 * list (and it carries at least one). Anything else is dropped before any handler runs, logged without text.
 */
export function tenantGuard(allowedTenantIds: readonly string[], logger: Logger): Middleware {
  const allowed = new Set(allowedTenantIds.map((id) => id.toLowerCase()));
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (allowed.size === 0) return next();
      const ids = activityTenantIds(context);
      if (ids.length > 0 && ids.every((id) => allowed.has(id.toLowerCase()))) return next();
      logger.warn(
        { event: 'tenant.rejected', activityType: context.activity.type, tenantIds: ids },
        'activity from a tenant that is not allowed was dropped',
      );
    },
  };
}
