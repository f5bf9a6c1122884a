import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import { DialogSet, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { DIALOG_STATE_CONFIGURATION } from '../../../src/platform/guidanceBot';

/**
 * The bot hands each turn the dialog memory configuration built on its first turn, under the turn-state key
 * botbuilder-dialogs reads it from. If an SDK upgrade renames that key, this fails (the bot would then only
 * lose the saving, not correctness: the SDK builds a configuration of its own).
 */
describe('dialog state configuration reused across turns', () => {
  it('is read by botbuilder-dialogs from the turn-state key the bot sets', async () => {
    const dialogs = new DialogSet(
      new ConversationState(new MemoryStorage()).createProperty<DialogState>('d'),
    );
    const seen: DialogStateManagerConfiguration[] = [];
    let kept: DialogStateManagerConfiguration | undefined;
    const adapter = new TestAdapter(async (context) => {
      if (kept) context.turnState.set(DIALOG_STATE_CONFIGURATION, kept);
      const dc = await dialogs.createContext(context);
      kept ??= dc.state.configuration;
      seen.push(dc.state.configuration);
      // The kept configuration still resolves memory paths of the new turn.
      dc.state.setValue('turn.answer', context.activity.text);
      await context.sendActivity(String(dc.state.getValue('turn.answer')));
    });
    await adapter.send('first').assertReply('first').send('second').assertReply('second');
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0]!.memoryScopes.length).toBeGreaterThan(0);
  });
});
