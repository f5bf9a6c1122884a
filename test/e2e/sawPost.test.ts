import type { Locator } from 'playwright-core';
import { usePlaygroundSession } from './support/session';

/**
 * "I saw a post", walked end to end by clicking in the Teams emulator (Agents Playground), in English
 * and then in French (the playground always sends en-US, so the switch is typed: "français"). Refreshes
 * (docs/screenshots/ with `npm run screenshots`) saw-post-record-en.png and saw-post-record-fr.png.
 */

jest.setTimeout(180_000);

const playground = usePlaygroundSession({ personalChat: true });

interface Words {
  start: string;
  framing: string;
  continue: string;
  how: string;
  howChoice: string;
  next: string;
  violation: string;
  notSure: string;
  steps: string[];
  note: string;
  consult: string;
  consultChoice: string;
  involve: string;
  officeChoice: string;
  communicate: string;
  create: string;
  record: string;
  recordShows: string[];
}

const EN: Words = {
  start: 'I saw a post',
  framing: 'Before you start',
  continue: 'Continue',
  how: 'How did the post come to your attention?',
  howChoice: '3. A colleague saw it and reported it',
  next: 'Next',
  violation: 'Does the post clearly violate the Values and Ethics Code?',
  notSure: '5. I am not sure',
  steps: [
    'Understand the context',
    'Have honest and open conversations',
    'Check your own unconscious biases',
    'Consider the person’s well-being',
    'Ask about intentions and goals',
  ],
  note: 'Read the whole thread before reacting; asked for the context.',
  consult: 'Consult organizational experts',
  consultChoice: '2. Should the post be taken down?',
  involve: 'Whom will you involve?',
  officeChoice: '1. Values and ethics office',
  communicate: 'Communicate the decision and keep supporting',
  create: 'Create my record',
  record: 'Your record: I saw a post',
  recordShows: ['A colleague saw it and reported it', 'Should the post be taken down?', 'restore confidence'],
};

const FR: Words = {
  start: 'j’ai vu une publication',
  framing: 'Avant de commencer',
  continue: 'Continuer',
  how: 'Comment la publication a-t-elle été portée à votre attention?',
  howChoice: '3. Un collègue l’a vue et signalée',
  next: 'Suivant',
  violation: 'La publication contrevient-elle clairement au Code de valeurs et d’éthique?',
  notSure: '5. Je ne suis pas certain',
  steps: [
    'Comprendre le contexte',
    'Avoir des conversations honnêtes et ouvertes',
    'Examiner vos propres préjugés inconscients',
    'Tenir compte du bien-être de la personne',
    'Demander les intentions et les objectifs',
  ],
  note: 'J’ai lu tout le fil avant de réagir; demandé le contexte.',
  consult: 'Consulter les experts de votre organisation',
  consultChoice: '2. La publication devrait-elle être retirée?',
  involve: 'À qui ferez-vous appel?',
  officeChoice: '1. Bureau des valeurs et de l’éthique',
  communicate: 'Communiquer la décision et continuer d’offrir du soutien',
  create: 'Créer mon dossier',
  record: 'Votre dossier : J’ai vu une publication',
  recordShows: [
    'Un collègue l’a vue et signalée',
    'La publication devrait-elle être retirée?',
    'rétablir l’assurance, la confiance',
  ],
};

/** Ticks a radio button or checkbox of a card by its visible label. */
async function choose(card: Locator, label: string): Promise<void> {
  await card.getByText(label, { exact: true }).click();
}

async function walk(w: Words): Promise<Locator> {
  await playground().send(w.start);
  await playground().clickCardButton(await playground().waitForCard(w.framing), w.continue);

  let card = await playground().waitForCard(w.how);
  await choose(card, w.howChoice);
  await playground().clickCardButton(card, w.next);

  card = await playground().waitForCard(w.violation);
  await choose(card, w.notSure);
  await playground().clickCardButton(card, w.next);

  for (const [i, heading] of w.steps.entries()) {
    card = await playground().waitForCard(heading);
    if (i === 0) await card.getByRole('textbox').fill(w.note);
    await playground().clickCardButton(card, w.next);
  }

  card = await playground().waitForCard(w.consult);
  await choose(card, w.consultChoice);
  await playground().clickCardButton(card, w.next);

  card = await playground().waitForCard(w.involve);
  await choose(card, w.officeChoice);
  await playground().clickCardButton(card, w.next);

  await playground().clickCardButton(await playground().waitForCard(w.communicate), w.create);
  return playground().waitForCard(w.record);
}

describe('I saw a post in the personal chat', () => {
  it('walks the whole flow by clicking in English and shows the record', async () => {
    const record = await walk(EN);
    const text = (await record.textContent()) ?? '';
    for (const shown of [...EN.recordShows, EN.note]) expect(text).toContain(shown);
    expect(text).toContain('It is not a decision about anyone.');
    await playground().screenshot('saw-post-record-en', record);
  });

  it('after "français", walks it again in French and shows the record in French', async () => {
    await playground().send('français');
    await playground().waitForText(/Je vous répondrai désormais en français/);
    const record = await walk(FR);
    const text = (await record.textContent()) ?? '';
    for (const shown of [...FR.recordShows, FR.note]) expect(text).toContain(shown);
    expect(text).toMatch(/Traduction de travail/);
    await playground().screenshot('saw-post-record-fr', record);
  });
});
