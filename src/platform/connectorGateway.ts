import type { Activity, ConversationParameters } from 'botbuilder';
import {
  ClaimsIdentity,
  AuthenticationConstants,
  type BotFrameworkAuthentication,
} from 'botframework-connector';
import { REPLY_RETRY_POLICY } from './connectorPipeline';
import { pipelineOf } from './sdkInternals';
import { DEFAULT_REPLY_RETRY, DEFAULT_RETRY, withConnectorRetry, type RetryOptions } from './retry';

/** Where a channel lives, as learned from Teams activities (see conversationRegistry). */
export interface ChannelTarget {
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly channelId: string;
}

export interface ConversationTarget {
  readonly serviceUrl: string;
  readonly conversationId: string;
}

/**
 * A conversation member: their Teams id (29:…), Entra object id, display name (to @mention them) and, in a
 * team, their role (owner, user).
 */
export interface ConversationMember {
  readonly teamsId: string;
  readonly aadObjectId?: string;
  readonly name?: string;
  readonly role?: string;
}

export interface PostedThread {
  readonly conversationId: string;
  readonly activityId: string;
}

/**
 * Proactive calls to the Bot Connector outside a turn: a new thread in a channel, a message to a stored
 * conversation, an in-place card update. Uses the adapter's authentication (the bot app id and its
 * credentials; none in local mode) and our retry policy. Every failure surfaces as a ConnectorError.
 */
export class ConnectorGateway {
  constructor(
    private readonly auth: BotFrameworkAuthentication,
    private readonly botAppId: string,
    private readonly retry: RetryOptions = DEFAULT_RETRY,
    /** Look-ups someone waits for (a membership check during a turn): the shorter retry of a reply. */
    private readonly readRetry: RetryOptions = DEFAULT_REPLY_RETRY,
  ) {}

  /** A member of a team (or any conversation) as Teams knows them; fails with a ConnectorError (404: not a member). */
  async member(target: ConversationTarget, userId: string): Promise<ConversationMember> {
    const client = await this.client(target.serviceUrl);
    const found = (await withConnectorRetry(
      () => client.conversations.getConversationMember(target.conversationId, userId),
      this.readRetry,
    )) as { id?: string; aadObjectId?: string; name?: string; userRole?: string };
    return {
      teamsId: found.id ?? '',
      ...(found.aadObjectId ? { aadObjectId: found.aadObjectId } : {}),
      ...(found.name ? { name: found.name } : {}),
      ...(found.userRole ? { role: found.userRole } : {}),
    };
  }

  async createThread(target: ChannelTarget, activity: Partial<Activity>): Promise<PostedThread> {
    const client = await this.client(target.serviceUrl);
    const parameters: ConversationParameters = {
      isGroup: true,
      bot: { id: this.botAppId, name: '' },
      members: [],
      topicName: '',
      tenantId: target.tenantId,
      channelData: { channel: { id: target.channelId }, tenant: { id: target.tenantId } },
      activity: activity as Activity,
    };
    const result = await withConnectorRetry(
      () => client.conversations.createConversation(parameters),
      this.retry,
    );
    const activityId = result.activityId ?? /;messageid=(\d+)/.exec(result.id)?.[1] ?? '';
    return { conversationId: result.id, activityId };
  }

  async send(target: ConversationTarget, activity: Partial<Activity>): Promise<string> {
    const client = await this.client(target.serviceUrl);
    const result = await withConnectorRetry(
      () => client.conversations.sendToConversation(target.conversationId, activity),
      this.retry,
    );
    return result.id;
  }

  async update(target: ConversationTarget, activityId: string, activity: Partial<Activity>): Promise<void> {
    const client = await this.client(target.serviceUrl);
    await withConnectorRetry(
      () =>
        client.conversations.updateActivity(target.conversationId, activityId, {
          ...activity,
          id: activityId,
        }),
      this.retry,
    );
  }

  private async client(serviceUrl: string) {
    const identity = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: this.botAppId },
        { type: AuthenticationConstants.AppIdClaim, value: this.botAppId },
        { type: AuthenticationConstants.ServiceUrlClaim, value: serviceUrl },
      ],
      true,
    );
    const client = await this.auth.createConnectorFactory(identity).create(serviceUrl);
    // The client comes with the turn's retry policy; stacked under this gateway's own retry that would mean
    // up to 20 calls in a 429 storm and blind re-posts on 5xx. The gateway's policy alone decides here.
    pipelineOf(client)?.removePolicy({ name: REPLY_RETRY_POLICY });
    return client;
  }
}

/** A Teams deep link to a channel message, shown to the manager after a post. */
/**
 * A Teams deep link that opens one of the app's tabs, at one item of it: `entityId` is the tab's (the board's
 * is set when the tab is configured in a channel), `subEntityId` what the page opens (it reads it from its
 * context's `page.subPageId`), `channelId` the channel the tab is pinned in.
 */
export function tabDeepLink(args: {
  appId: string;
  entityId: string;
  subEntityId: string;
  channelId?: string;
}): string {
  const context = JSON.stringify({
    subEntityId: args.subEntityId,
    ...(args.channelId ? { channelId: args.channelId } : {}),
  });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(args.appId)}/${encodeURIComponent(args.entityId)}?context=${encodeURIComponent(context)}`;
}

export function channelMessageLink(args: {
  channelId: string;
  messageId: string;
  tenantId: string;
  groupId?: string;
}): string {
  const params = new URLSearchParams({ tenantId: args.tenantId, parentMessageId: args.messageId });
  if (args.groupId) params.set('groupId', args.groupId);
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(args.channelId)}/${encodeURIComponent(args.messageId)}?${params.toString()}`;
}
