import { cardActivity, type TurnContext } from '../../platform/activities';
import { teamChannels } from '../../platform/teams';
import type { AppServices } from '../../platform/app';
import { channelMessageLink } from '../../platform/connectorGateway';
import { TEAMS, type TeamRecord } from '../../platform/conversationRegistry';
import type { Feature } from '../../platform/feature';
import { ConnectorError, statusOf } from '../../platform/retry';
import type { Turn } from '../../platform/turn';
import type { AdaptiveCardJson } from '../../shared/cards/render';
import {
  POST_TALKING_POINTS_DIALOG,
  PostTalkingPointsDialog,
  type PostableTeam,
  type TeamDirectory,
} from './postTalkingPointsDialog';
import { loadContent } from '../../domain/guidance/content';
import { isLang, t, type Lang } from '../../i18n';
import { safeError } from '../../shared/logger';
import { buildCard, POST_VERB, USEFUL_VERB, VIEW_VERB, type CardKind } from './cards';
import { CANCEL_VERB, CHOICE_VERB, CONFIRM_VERB, whereLabel } from './flowCards';
import {
  loadRequest,
  publishOnce,
  PublishError,
  POSTS,
  recordVote,
  saveRequest,
  type PostDraft,
  type PostRecord,
  type Publish,
} from './posts';

const kindOf = (value: unknown): CardKind =>
  value === 'discussionGuide' ? 'discussionGuide' : 'talkingPoints';

/**
 * The card as it stands for a post: the poster's intro, the current count, `lang` shown first (the post's
 * language for everyone, the viewer's in a refresh). Both languages are always in it, one toggle apart.
 *
 * The refresh asks Teams to fetch each viewer's own view when they see the card (Universal Actions): with no
 * `userIds`, that happens automatically for everyone in a conversation of up to 60 people; in a bigger team
 * Teams offers a refresh instead, and the bilingual card stays the fallback. Listing people would need the
 * team's roster on every post, for a view that is already one click away.
 */
function postedCard(postId: string, record: PostRecord, lang: Lang = record.lang): AdaptiveCardJson {
  const card = buildCard(record.kind, {
    lang,
    intro: record.intro,
    state: { mode: 'posted', postId, usefulCount: record.usefulCount },
  });
  card.refresh = { action: { type: 'Action.Execute', verb: VIEW_VERB, data: { postId } } };
  return card;
}

interface ChannelData {
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string };
  tenant?: { id?: string };
}

/**
 * Talking points and the discussion guide: a preview in the personal chat with "Post to a team
 * channel", the post flow, "@bot talking points" in a channel or group chat, and the "Useful for my
 * team" count. Logs carry ids, kinds and outcomes only: never the introduction, team or people's names.
 */
export function talkingPointsFeature(services: AppServices): Feature {
  const { store, logger, gateway, membership } = services;
  const content = loadContent();

  async function markUninstalled(teamId: string): Promise<void> {
    const existing = await store.get<TeamRecord>(TEAMS, teamId);
    if (existing?.value.installed) await store.put(TEAMS, teamId, { ...existing.value, installed: false });
  }

  const directory: TeamDirectory = {
    async teamsFor(context) {
      const tenantId = context.activity.conversation?.tenantId ?? '';
      const from = context.activity.from;
      const installed = await store.list<TeamRecord>(TEAMS, { where: { installed: true } });
      const candidates = installed
        .map((d) => d.value)
        .filter((team) => !tenantId || team.tenantId === tenantId);
      // Membership is asked of Teams (cached, and for a bounded number of teams); not a member, or any
      // failure, leaves the team out.
      const person = from?.aadObjectId
        ? { aadObjectId: from.aadObjectId, teamsId: from.id }
        : { teamsId: from?.id ?? '' };
      const mine = await membership.teamsOf(person, candidates);
      return mine.map((team): PostableTeam => ({
        teamId: team.teamId,
        name: team.name || team.teamId,
        ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}),
        tenantId: team.tenantId,
        serviceUrl: team.serviceUrl,
      }));
    },
    async channelsOf(context, team, lang) {
      try {
        const channels = await teamChannels(context, team.teamId);
        return {
          ok: true,
          channels: channels.map((c) => ({
            id: c.id,
            // Teams leaves the General channel (whose id is the team's) unnamed.
            name: c.name || t(lang, 'talkingPoints.post.general'),
          })),
        };
      } catch (err) {
        const status = statusOf(err);
        if (status === 403 || status === 404) {
          await markUninstalled(team.teamId);
          logger.warn({ event: 'talkingPoints.teamGone', status }, 'team no longer reachable');
          return { ok: false, reason: 'teamGone' };
        }
        logger.warn({ event: 'talkingPoints.channelsFailed', err: safeError(err) }, 'channel list failed');
        return { ok: false, reason: 'unavailable' };
      }
    },
  };

  async function confirm(context: TurnContext, requestId: string, lang: Lang): Promise<void> {
    const request = await loadRequest(store, requestId);
    const by = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '';
    if (!request || request.by !== by) {
      await context.sendActivity(t(lang, 'talkingPoints.post.expired'));
      return;
    }
    const where = whereLabel(request.teamName, request.channelName);
    const draft: PostDraft = {
      kind: request.kind,
      lang: request.lang,
      contentVersion: content.contentVersion,
      scope: 'channel',
      teamId: request.teamId,
      teamName: request.teamName,
      ...(request.aadGroupId ? { aadGroupId: request.aadGroupId } : {}),
      channelId: request.channelId,
      channelName: request.channelName,
      tenantId: request.tenantId,
      serviceUrl: request.serviceUrl,
      by: request.by,
      intro: request.intro,
    };
    const publish: Publish = async (postId, record) => {
      try {
        return await gateway.createThread(
          { serviceUrl: record.serviceUrl, tenantId: record.tenantId, channelId: record.channelId! },
          cardActivity(postedCard(postId, record)),
        );
      } catch (err) {
        throw err instanceof ConnectorError ? new PublishError(err.kind) : err;
      }
    };
    const result = await publishOnce(store, `${requestId}|${request.channelId}`, draft, publish);
    logger.info(
      {
        event: 'talkingPoints.post',
        outcome: result.outcome,
        postId: result.postId,
        kind: request.kind,
        lang: request.lang,
        ...(result.outcome === 'failed' ? { failure: result.failure } : {}),
      },
      'talking points post',
    );
    const linkTo = (record: PostRecord) =>
      channelMessageLink({
        channelId: record.channelId!,
        messageId: record.activityId ?? '',
        tenantId: record.tenantId,
        ...(record.aadGroupId ? { groupId: record.aadGroupId } : {}),
      });
    const botName = t(lang, 'common.botName');
    switch (result.outcome) {
      case 'posted':
        await context.sendActivity(
          t(lang, 'talkingPoints.post.done', { where, link: linkTo(result.record) }),
        );
        return;
      case 'alreadyPosted':
        await context.sendActivity(
          t(lang, 'talkingPoints.post.already', { where, link: linkTo(result.record) }),
        );
        return;
      case 'inProgress':
        await context.sendActivity(t(lang, 'talkingPoints.post.inProgress', { where }));
        return;
      case 'uncertain':
        await context.sendActivity(t(lang, 'talkingPoints.post.failed.unavailable', { where }));
        return;
      case 'failed':
        if (result.failure === 'forbidden') await markUninstalled(request.teamId);
        await context.sendActivity(
          t(
            lang,
            result.failure === 'forbidden'
              ? 'talkingPoints.post.failed.forbidden'
              : result.failure === 'not-found'
                ? 'talkingPoints.post.failed.notFound'
                : result.failure === 'throttled'
                  ? 'talkingPoints.post.failed.throttled'
                  : 'talkingPoints.post.failed.rejected',
            { where, botName },
          ),
        );
        return;
    }
  }

  const dialog = new PostTalkingPointsDialog({
    directory,
    saveRequest: (request) =>
      saveRequest(store, request, {
        // Only until the manager confirms; a day is plenty, and the introduction is not kept longer here.
        expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
      }),
    confirm,
  });

  /** "@bot talking points" in a channel or group chat: the card goes right there, once per message. */
  async function postHere(turn: Turn, kind: CardKind): Promise<void> {
    const activity = turn.context.activity;
    const channelData = (activity.channelData ?? {}) as ChannelData;
    const draft: PostDraft = {
      kind,
      lang: turn.lang,
      contentVersion: content.contentVersion,
      scope: turn.scope === 'channel' ? 'channel' : 'groupChat',
      ...(channelData.team?.id ? { teamId: channelData.team.id } : {}),
      ...(channelData.channel?.id ? { channelId: channelData.channel.id } : {}),
      tenantId: channelData.tenant?.id ?? activity.conversation.tenantId ?? '',
      serviceUrl: activity.serviceUrl,
      by: activity.from?.aadObjectId ?? activity.from?.id ?? '',
      intro: '',
    };
    // Teams may deliver the same message twice: the message's own id is the idempotency key.
    const key = `here|${activity.conversation.id}|${activity.id ?? ''}`;
    const publish: Publish = async (postId, record) => {
      const id = await turn.sendCard(postedCard(postId, record));
      return { conversationId: activity.conversation.id, activityId: id ?? '' };
    };
    const result = await publishOnce(store, key, draft, publish);
    logger.info(
      {
        event: 'talkingPoints.postHere',
        outcome: result.outcome,
        postId: result.postId,
        kind,
        scope: turn.scope,
      },
      'talking points posted in conversation',
    );
  }

  /** Counts a vote and redraws the card for everyone (the invoke response redraws it for the voter). */
  async function vote(turn: Turn, postId: unknown) {
    const voter = turn.context.activity.from?.aadObjectId ?? turn.context.activity.from?.id ?? '';
    if (typeof postId !== 'string' || !voter) return { outcome: 'unknownPost' as const };
    const result = await recordVote(store, postId, voter);
    logger.info({ event: 'talkingPoints.vote', outcome: result.outcome, postId }, 'useful vote');
    if (result.outcome === 'counted' && result.record.conversationId && result.record.activityId) {
      await gateway
        .update(
          { serviceUrl: result.record.serviceUrl, conversationId: result.record.conversationId },
          result.record.activityId,
          cardActivity(postedCard(postId, result.record)),
        )
        .catch((err: unknown) =>
          logger.warn({ event: 'talkingPoints.voteUpdateFailed', err: safeError(err) }, 'card not updated'),
        );
    }
    return result;
  }

  const dialogActive = (turn: Turn) => turn.dc.activeDialog?.id === POST_TALKING_POINTS_DIALOG;

  return {
    name: 'talkingPoints',
    commands: ['talkingPoints', 'discussionGuide'],
    scopes: ['personal', 'channel', 'groupChat'],
    helpButtons: [
      { command: 'talkingPoints', titleKey: 'command.talkingPoints', order: 10 },
      { command: 'discussionGuide', titleKey: 'command.discussionGuide', order: 20 },
    ],
    dialogs: [dialog],
    async start(turn, command) {
      const kind = kindOf(command);
      if (turn.scope === 'personal') {
        await turn.sendCard(buildCard(kind, { lang: turn.lang, state: { mode: 'preview' } }));
        return;
      }
      await postHere(turn, kind);
    },
    verbs: {
      [POST_VERB]: async (turn, value) => {
        if (turn.scope !== 'personal') {
          await turn.sendText(t(turn.lang, 'talkingPoints.post.personalOnly'));
          return;
        }
        const lang = isLang(value.lang) ? value.lang : turn.lang;
        await turn.dc.cancelAllDialogs();
        await turn.dc.beginDialog(POST_TALKING_POINTS_DIALOG, { kind: kindOf(value.kind), lang });
      },
      [CHOICE_VERB]: async (turn) => {
        if (!dialogActive(turn)) {
          await turn.sendText(t(turn.lang, 'common.fallback.unknownAction'));
          await turn.sendHelp();
          return;
        }
        await turn.dc.continueDialog();
      },
      [CONFIRM_VERB]: async (turn, value) => {
        if (dialogActive(turn)) await turn.dc.cancelAllDialogs();
        if (typeof value.requestId !== 'string') {
          await turn.sendText(t(turn.lang, 'talkingPoints.post.expired'));
          return;
        }
        await confirm(turn.context, value.requestId, turn.lang);
      },
      [CANCEL_VERB]: async (turn) => {
        if (dialogActive(turn)) await turn.dc.cancelAllDialogs();
        await turn.sendText(t(turn.lang, 'talkingPoints.post.cancelled'));
      },
      // Action.Submit fallback of the "Useful for my team" button, for clients without Universal Actions.
      [USEFUL_VERB]: async (turn, value) => {
        const result = await vote(turn, value.postId);
        if (result.outcome === 'unknownPost') await turn.sendText(t(turn.lang, 'talkingPoints.vote.unknown'));
      },
    },
    invokeVerbs: {
      [USEFUL_VERB]: async (turn, data) => {
        const result = await vote(turn, data.postId);
        if (result.outcome === 'unknownPost') return { message: t(turn.lang, 'talkingPoints.vote.unknown') };
        return { card: postedCard(data.postId as string, result.record, turn.lang) };
      },
      // Teams asks for the viewer's view when the card is shown (see postedCard): their language first.
      [VIEW_VERB]: async (turn, data) => {
        const postId = typeof data.postId === 'string' ? data.postId : '';
        const record = postId ? (await store.get<PostRecord>(POSTS, postId))?.value : undefined;
        if (!record || record.status !== 'posted')
          return { message: t(turn.lang, 'talkingPoints.view.unknown') };
        return { card: postedCard(postId, record, turn.lang) };
      },
    },
  };
}
