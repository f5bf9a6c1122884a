import { TeamsInfo, type TurnContext } from 'botbuilder';

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
