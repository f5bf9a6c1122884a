import { TeamsInfo, type TurnContext } from 'botbuilder';

/**
 * The sender's Teams sign-in name (user principal name, else email), as Teams gives it during their turn;
 * undefined when Teams does not say or the call fails (the caller goes on without it).
 */
export async function senderSignInName(context: TurnContext): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.userPrincipalName || member.email || undefined;
  } catch {
    return undefined;
  }
}

/** A team's channels as Teams lists them during a turn (the General channel has no name). */
export async function teamChannels(
  context: TurnContext,
  teamId: string,
): Promise<readonly { readonly id: string; readonly name?: string }[]> {
  return (await TeamsInfo.getTeamChannels(context, teamId)).map((c) => ({
    id: c.id ?? '',
    ...(c.name ? { name: c.name } : {}),
  }));
}
