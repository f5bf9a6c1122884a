import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** Shared factory for the activities Teams sends, so every test speaks the same msteams dialect. */
export const TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const BOT = { id: '28:bot-app-id', name: 'Social Media Guidance' };
export const MANAGER = {
  id: '29:manager-user-id',
  name: 'Alex Tremblay',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001',
};
export const OFFICER = {
  id: '29:officer-user-id',
  name: 'Sam Okafor',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002',
};
/** A second member of the office, for who-acted-first and hand-over cases. */
export const OFFICER2 = {
  id: '29:officer-2',
  name: 'Jordan Lee',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000003',
};
/** The channels the offices register in the tests' team. */
export const VE_CHANNEL = '19:values-ethics@thread.tacv2';
export const OMBUD_CHANNEL = '19:ombud@thread.tacv2';
export const TEAM = {
  id: '19:team-general@thread.tacv2',
  name: 'Digital Services',
  aadGroupId: 'bbbbbbbb-0000-4000-8000-000000000001',
};

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly conversationType?: 'personal' | 'channel' | 'groupChat';
  readonly conversationId?: string;
  readonly locale?: string;
  readonly tenantId?: string;
  readonly from?: { id: string; name: string; aadObjectId: string };
  readonly channelId?: string;
  readonly teamId?: string;
}

function base(options: ActivityOptions): Partial<Activity> {
  const conversationType = options.conversationType ?? 'personal';
  const tenantId = options.tenantId ?? TENANT_ID;
  const conversationId =
    options.conversationId ??
    (conversationType === 'personal'
      ? `a:personal-${(options.from ?? MANAGER).id}`
      : conversationType === 'channel'
        ? (options.channelId ?? TEAM.id)
        : '19:group-chat@thread.v2');
  const channelData: Record<string, unknown> = { tenant: { id: tenantId } };
  if (conversationType === 'channel') {
    channelData.team = { id: options.teamId ?? TEAM.id, name: TEAM.name, aadGroupId: TEAM.aadGroupId };
    channelData.channel = { id: options.channelId ?? TEAM.id };
  }
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date('2026-11-25T12:00:00Z'),
    locale: options.locale ?? 'en-CA',
    from: options.from ?? MANAGER,
    recipient: BOT,
    conversation: {
      id: conversationId,
      conversationType,
      tenantId,
      isGroup: conversationType !== 'personal',
      name: '',
    },
    channelData,
  };
}

export function message(
  text: string,
  options: ActivityOptions & { value?: unknown; attachments?: Activity['attachments'] },
): Activity {
  const activity = { ...base(options), type: 'message', text, textFormat: 'plain' } as Activity;
  if (options.value !== undefined) activity.value = options.value;
  if (options.attachments) activity.attachments = options.attachments;
  return activity;
}

/** A message in a channel or group chat that @mentions the bot, as Teams delivers it. */
export function mention(text: string, options: ActivityOptions): Activity {
  const activity = message(`<at>${BOT.name}</at> ${text}`, { conversationType: 'channel', ...options });
  activity.entities = [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }];
  return activity;
}

/** A card button press (Action.Submit): a message carrying `value` and no text. */
export function submit(value: Record<string, unknown>, options: ActivityOptions): Activity {
  return message('', { ...options, value });
}

export function botInstalled(options: ActivityOptions): Activity {
  return { ...base(options), type: 'conversationUpdate', membersAdded: [BOT] } as Activity;
}

export function memberAdded(options: ActivityOptions, member = OFFICER): Activity {
  return { ...base(options), type: 'conversationUpdate', membersAdded: [member] } as Activity;
}

/** An Action.Execute click as Teams delivers it: an adaptiveCard/action invoke in the card's conversation. */
export function cardAction(
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions & { conversationType: 'channel' },
): Activity {
  const activity = { ...base(options), type: 'invoke', name: 'adaptiveCard/action' } as Activity;
  activity.value = { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' };
  return activity;
}
