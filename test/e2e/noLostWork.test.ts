import { usePlaygroundSession } from './support/session';

/**
 * No lost work (#17), in the Agents Playground with the real bot, in English then in French: "I saw a post"
 * says where you are ("Step 4 of 4", « Étape 2 sur 11 »); Next with nothing chosen is answered on the card;
 * escalating from the urgent card starts a request over the walk-through, offers its draft, asks the urgency
 * and brings the manager back with the note kept; "escalate"/« escalader » then "cancel"/« annuler » sends
 * nothing and comes back; "My records" shows full titles, sends a copy and deletes on confirmation.
 * Screenshots in test-results/screenshots/no-lost-work-*.png.
 *
 * The playground has one user (Alex Tremblay) and no team owner, so Alex is named an office administrator
 * (OFFICE_ADMIN_IDS) to register the values and ethics office's channel.
 */

jest.setTimeout(240_000);

const ALEX_AAD = '4b8e2f6a-1c3d-4e5f-8a7b-9c0d1e2f3a41';
const playground = usePlaygroundSession({ env: { OFFICE_ADMIN_IDS: ALEX_AAD } });

describe('no lost work in "I saw a post" and the escalation', () => {
  it('registers the values and ethics office channel', async () => {
    await playground().openChannel('Values and Ethics Office');
    await playground().mentionBot('register values and ethics office');
    await playground().waitForText(/This channel now receives the values and ethics office’s requests/);
  });

  it('in English: escalating from the urgent card keeps the walk-through, its note and asks the urgency', async () => {
    const p = playground();
    await p.openPersonalChat();
    await p.send('I saw a post');
    await p.clickCardButton(await p.waitForCard('Step 1 of 11'), 'Continue');

    let card = await p.waitForCard('Step 2 of 11');
    await card.getByText('3. A colleague saw it and reported it', { exact: true }).click();
    await p.clickCardButton(card, 'Next');

    // Next with nothing chosen: said on the card itself, and the card is not sent again.
    card = await p.waitForCard('Step 3 of 11');
    await p.clickCardButton(card, 'Next');
    // Where the client validates inputs (Teams, this playground) the card says it; elsewhere the bot, in one line.
    await Promise.any([
      card.getByText('Please choose one of the options.').waitFor(),
      p.waitForText(/Nothing was chosen\. Tick one of the options on the card above/),
    ]);
    expect(await p.cards('Step 3 of 11').count()).toBe(1);
    await p.screenshot('no-lost-work-inline-validation-en', card);

    await card
      .getByText('3. Yes: it discloses protected information without authorization', { exact: true })
      .click();
    await p.clickCardButton(card, 'Next');
    await p.waitForCard('Step 4 of 4');
    const urgent = await p.waitForCard('Talk to the values and ethics office');
    await p.send('note: called departmental security');
    await p.waitForText(/Your note is added; nothing is recorded yet/);

    await p.clickCardButton(urgent, 'Talk to the values and ethics office');
    await p.waitForText(/Describe the situation/);
    await p.send('A post seems to disclose protected information about a program we deliver.');
    await p.waitForText(/Attach what you have noted so far in "I saw a post" \(you were at step 4 of 4\)/);
    await p.send('Attach the record');
    await p.waitForText(/How urgent is it\?/);
    await p.send('Time-sensitive');
    await p.waitForText(/How would you like the office to contact you\?/);
    await p.send('Teams chat');
    const preview = await p.waitForCard(/Request VE-\d{4}-/);
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toContain('the manager answered “Yes: it discloses protected information');
    expect(previewText).not.toContain('departmental security');
    await p.screenshot('no-lost-work-draft-attached-en', preview);
    await p.send('Send it');
    await p.waitForText(/Your request VE-\d{4}-\d{4} is saved/);
    await p.waitForText(/Back to “I saw a post”, step 4 of 4\. Your answers and notes are kept/);
    const back = await p.waitForCard('Step 4 of 4');
    await p.screenshot('no-lost-work-resumed-en', back);
    await p.clickCardButton(back, 'Create my record');
    const record = await p.waitForCard('Your record: I saw a post');
    expect((await record.textContent()) ?? '').toContain('called departmental security');
  });

  it('in English: "My records" shows full titles; a copy to keep; delete asks first', async () => {
    const p = playground();
    await p.send('my records');
    // The welcome card also has a "My records" button: wait for the list itself (its intro, then an item).
    const list = await p.waitForCard(/records, newest first[\s\S]*: A colleague saw it and reported it/);
    await p.screenshot('no-lost-work-my-records-en', list);
    await p.clickCardButton(list, 'Open');
    const record = await p.waitForCard('Your record: I saw a post');
    await p.clickCardButton(record, 'Send me a copy');
    await p.waitForText(/Copy of your “I saw a post” record, to keep/);
    await p.screenshot('no-lost-work-copy-en');
    await p.clickCardButton(record, 'Delete');
    const confirm = await p.waitForCard('Delete this record?');
    await p.screenshot('no-lost-work-delete-confirm-en', confirm);
    await p.clickCardButton(confirm, 'Delete it');
    await p.waitForText(/Your record is deleted/);
    await p.clickCardButton(confirm, 'Delete it');
    await p.waitForText(/That record was already deleted/);
  });

  it('en français : « escalader » puis « annuler » n’envoie rien et ramène à l’étape', async () => {
    const p = playground();
    await p.send('français');
    await p.waitForText(/Je vous répondrai désormais en français/);
    await p.send('j’ai vu une publication');
    await p.clickCardButton(await p.waitForCard('Étape 1 sur 11'), 'Continuer');
    await p.waitForCard('Étape 2 sur 11');
    await p.send('escalader');
    await p.waitForText(/Quel bureau doit la recevoir\?/);
    await p.send('aide');
    await p.waitForText(/Rien n’est envoyé avant que vous choisissiez « L’envoyer »/);
    await p.send('annuler');
    await p.waitForText(/Rien n’a été envoyé, et votre texte n’a pas été conservé/);
    await p.waitForText(/Retour à « J’ai vu une publication », étape 2 sur 11/);
    const card = await p.waitForCard('Étape 2 sur 11');
    await p.screenshot('no-lost-work-resumed-fr', card);
    await card.getByText('3. Un collègue l’a vue et signalée', { exact: true }).click();
    await p.clickCardButton(card, 'Suivant');
    const violation = await p.waitForCard('Étape 3 sur 11');
    await violation
      .getByText(
        '1. Oui : elle tire parti d’un poste dans la fonction publique pour un gain financier personnel',
        {
          exact: true,
        },
      )
      .click();
    await p.clickCardButton(violation, 'Suivant');
    await p.waitForCard('Étape 4 sur 4');
    await p.send('note : appelé les relations de travail');
    await p.waitForText(/Votre note est ajoutée; rien n’est encore consigné/);
    await p.clickCardButton(await p.waitForCard('Étape 4 sur 4'), 'Créer mon dossier');
    const record = await p.waitForCard('Votre dossier : J’ai vu une publication');
    const text = (await record.textContent()) ?? '';
    expect(text).toContain('appelé les relations de travail');
    // In the zone the playground sends (America/Toronto, see support/stack.ts), with French typography.
    expect(text).toMatch(/Créé le \d{1,2} \S+ \d{4} à \d{1,2} h \d{2}/);
    const [, h, m] = /à (\d{1,2}) h (\d{2})/.exec(text)!;
    const parts = new Intl.DateTimeFormat('en-CA', {
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      timeZone: 'America/Toronto',
    }).formatToParts(new Date());
    const part = (type: string) => Number(parts.find((x) => x.type === type)!.value);
    const minutesAgo = (part('hour') * 60 + part('minute') - (Number(h) * 60 + Number(m)) + 1440) % 1440;
    expect(minutesAgo).toBeLessThan(5);
    await p.screenshot('no-lost-work-record-fr', record);
    await p.send('mes dossiers');
    const list = await p.waitForCard(
      /du plus récent au plus ancien[\s\S]*\d{1,2} h \d{2} : Un collègue l’a vue et signalée/,
    );
    await p.screenshot('no-lost-work-my-records-fr', list);
  });
});
