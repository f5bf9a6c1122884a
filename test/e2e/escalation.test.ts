import { usePlaygroundSession } from './support/session';

/**
 * Escalation end to end in the Agents Playground with the real bot: the office channel is registered by
 * @mention, the manager escalates in the personal chat (office, summary, urgency, contact, consent), the
 * case card appears in the "Values and Ethics Office" channel, and an officer takes it from the card
 * (Action.Execute, refreshed in place). Screenshots (`npm run screenshots` refreshes docs/screenshots/): escalation-*.png.
 *
 * The playground has one user (Alex Tremblay) and no team owner role, so Alex is named an office
 * administrator (OFFICE_ADMIN_IDS) and also acts as the officer.
 */

jest.setTimeout(180_000);

const ALEX_AAD = '4b8e2f6a-1c3d-4e5f-8a7b-9c0d1e2f3a41';
const SUMMARY =
  'An employee’s post about a program we deliver was shared widely. I need advice on next steps.';

// With the Teams app's id the case card links to the case on the board tab (the link itself needs Teams).
const TEAMS_APP_ID = '3f0c1c49-6c2a-4d8e-9a55-0b7d3c2e1f10';
const playground = usePlaygroundSession({ env: { OFFICE_ADMIN_IDS: ALEX_AAD, TEAMS_APP_ID } });

describe('escalation from the personal chat to the office channel', () => {
  it('registers the office channel by @mention', async () => {
    await playground().openChannel('Values and Ethics Office');
    await playground().mentionBot('register values and ethics office');
    await playground().waitForText(/This channel now receives the values and ethics office’s requests/);
  });

  it('walks the manager through the request and shows exactly what the office will see', async () => {
    await playground().openPersonalChat();
    await playground().send('escalate');
    // Every choice is a button the Playground can click (messageBack; it refuses imBack).
    const p = playground();
    await p.waitForText(/Which office should receive it\?/);
    await p.clickLatestButton('Values and ethics office');
    await p.waitForText(/Leave out/);
    await p.send(SUMMARY);
    await p.waitForText(/How urgent is it\?/);
    await p.clickLatestButton('Time-sensitive');
    await p.waitForText(/How would you like the office to contact you\?/);
    await p.clickLatestButton('Teams chat');
    const preview = await p.waitForCard(/Request VE-\d{4}-/);
    expect((await preview.textContent()) ?? '').toContain(SUMMARY);
    await p.waitForText(/This is exactly what the values and ethics office will see/);
    await p.screenshot('escalation-consent', preview);
    await p.clickLatestButton('Send it');
    await playground().waitForText(/Your request VE-\d{4}-0001 is saved/);
    await playground().waitForText(/Your request VE-\d{4}-0001 has reached the values and ethics office/);
    await playground().screenshot('escalation-confirmed');
  });

  it('shows the case card in the office channel and lets an officer take it in place', async () => {
    await playground().openChannel('Values and Ethics Office');
    const card = await playground().waitForCard(/Request VE-\d{4}-0001/);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(SUMMARY);
    expect(text).toContain('Nobody yet');
    const boardLink = card.getByRole('link', { name: 'Open it on the case board' });
    expect(await boardLink.getAttribute('href')).toContain(
      `https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/case-board`,
    );
    await playground().screenshot('escalation-case-card', card);
    await playground().clickCardButton(card, 'Assign to me');
    const assigned = await playground().waitForCard(/Assigned toAlex Tremblay|Assigned to\s*Alex Tremblay/);
    const assignedText = (await assigned.textContent()) ?? '';
    // The assignee's own view: the manager's official language, and a chat with them (they asked for Teams chat).
    expect(assignedText).toMatch(/Manager’s official language\s*English/);
    // The card updated for everyone can arrive after the reply to the click, showing the shared view for a moment;
    // the client then refreshes the assignee's own view (Universal Actions `refresh`), which has the chat link.
    const chatLink = assigned.getByRole('link', { name: 'Chat with the manager in Teams' });
    const linkShown = (timeout: number) =>
      chatLink.waitFor({ state: 'visible', timeout }).then(
        () => true,
        () => false,
      );
    // The Playground's card host (the Adaptive Cards applet) refreshes a card by itself at most three times in a
    // row, 3 s apart, and then offers "Click to restart." (Teams: "Refresh this card" in the card's menu); when the
    // shared view's update lands after those refreshes, the user who does not see their own view asks for it, or
    // comes back to the channel, which renders the card afresh.
    const restart = playground()
      .page.getByText(/Click to restart\.|Refresh this card/)
      .last();
    for (let attempt = 0; attempt < 4 && !(await linkShown(attempt === 0 ? 10_000 : 8_000)); attempt++) {
      if (await restart.isVisible()) await restart.click();
      else {
        await playground().openChannel('General');
        await playground().openChannel('Values and Ethics Office');
      }
    }
    // Still the shared view: the host has stopped refreshing this card. The officer hands the case back and takes
    // it again, as a user would; each change is a new update and a new refresh.
    for (let retake = 0; retake < 3 && !(await linkShown(retake === 0 ? 2_000 : 10_000)); retake++) {
      await playground().clickCardButton(
        playground()
          .cards(/Request VE-\d{4}-0001/)
          .last(),
        'Hand back',
      );
      await playground().clickCardButton(await playground().waitForCard(/Nobody yet/), 'Assign to me');
      await playground().waitForCard(/Assigned toAlex Tremblay|Assigned to\s*Alex Tremblay/);
    }
    await chatLink.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await chatLink.count()).toBe(1);
    await playground().screenshot('escalation-assigned', assigned);
    // The case's thread says who took it.
    await playground().waitForText(/Alex Tremblay took VE-\d{4}-0001\./);
  });
});
