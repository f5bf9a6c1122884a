import { pages } from '@microsoft/teams-js';
import { BOARD_TAB_ENTITY_ID } from '../../src/shared/contract/tabs';
import { h, replaceChildren } from './dom';
import { notifyLoaded, startTab } from './runtime';
import { tr } from './strings';

/**
 * The configuration page Teams shows when someone adds the "Case board" tab to a channel. It checks that
 * an office is registered for the team (a warning, not a block: the registration may come later) and
 * saves the board's address with pages.config.
 */

async function main(): Promise<void> {
  const session = await startTab();
  if (!session) return;
  const { lang, root, context } = session;
  const t = (key: Parameters<typeof tr>[1]) => tr(lang, key);
  document.title = t('config.title');
  const teamId = context.team?.internalId ?? '';
  const status = teamId
    ? (await session.api<unknown>(`/api/tabs/board?${new URLSearchParams({ teamId }).toString()}`)).status
    : 404;
  replaceChildren(
    root,
    h('h1', {}, t('config.title')),
    h('p', {}, t('config.body')),
    status === 200
      ? h('p', { role: 'status' }, t('config.ready'))
      : h('p', { role: 'status', class: 'note' }, `${t('config.notOffice')} ${t('config.ready')}`),
  );
  pages.config.registerOnSaveHandler((saveEvent) => {
    const base = `${window.location.origin}/tabs`;
    pages.config
      .setConfig({
        entityId: BOARD_TAB_ENTITY_ID,
        contentUrl: `${base}/board.html`,
        suggestedDisplayName: t('config.tabName'),
      })
      .then(
        () => saveEvent.notifySuccess(),
        (err: unknown) => saveEvent.notifyFailure(err instanceof Error ? err.message : 'setConfig failed'),
      );
  });
  pages.config.setValidityState(true);
  root.removeAttribute('aria-busy');
  document.documentElement.dataset.state = 'ready';
  notifyLoaded();
}

void main();
