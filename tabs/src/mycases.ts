import { statusBadge, urgencyBadge } from './badges';
import { h, replaceChildren } from './dom';
import { errorText, formatDate, notifyLoaded, startTab } from './runtime';
import { tabStrings, tr, type TabKey } from './strings';
import type { MyCase, MyRecord } from '../../src/shared/contract/tabs';

/**
 * The "My cases" personal tab: the questions the manager handed to an office and their "I saw a post"
 * records. The server returns only the caller's own; answering an office's question happens in the chat.
 */

async function main(): Promise<void> {
  const session = await startTab();
  if (!session) return;
  const { lang, root } = session;
  const t = (key: TabKey, params?: Record<string, string | number>) => tr(lang, key, params);
  document.title = t('mine.title');
  const { status, body } = await session.api<{ cases: MyCase[]; records: MyRecord[] }>('/api/tabs/mine');
  if (status !== 200) {
    replaceChildren(
      root,
      h('h1', {}, t('mine.title')),
      h('p', { class: 'error', role: 'alert' }, errorText(lang, status, body.code)),
    );
    return;
  }
  const fact = (label: string, value: string | HTMLElement) => [h('dt', {}, label), h('dd', {}, value)];
  const caseItem = (c: MyCase) =>
    h(
      'li',
      { class: 'item' },
      h('h3', {}, `${c.caseId} — ${t(c.office === 'ombud' ? 'office.ombud' : 'office.valuesEthics')}`),
      h(
        'dl',
        { class: 'facts' },
        fact(t('board.col.status'), statusBadge(lang, c.status)),
        fact(t('board.col.urgency'), urgencyBadge(lang, c.urgency)),
        fact(t('mine.submitted'), formatDate(lang, c.createdAt)),
        fact(t('mine.assignee'), c.assigneeName ?? t('board.nobody')),
        c.outcome ? fact(t('detail.outcome'), t(`outcome.${c.outcome}`)) : [],
      ),
      h('p', { class: 'quote' }, c.summary),
      c.openQuestions.length > 0
        ? h(
            'div',
            { class: 'note' },
            h('p', {}, h('strong', {}, t('mine.openQuestions'))),
            h(
              'ul',
              {},
              c.openQuestions.map((q) => h('li', {}, q)),
            ),
            h('p', {}, t('mine.answerHint')),
          )
        : null,
    );
  const label = (prefix: 'howRaised' | 'recordOffice', code: string) => {
    const key = `${prefix}.${code}` as TabKey;
    // A code added to the record model later shows as itself rather than breaking the page.
    return key in tabStrings[lang] ? tr(lang, key) : code;
  };
  const recordItem = (r: MyRecord) =>
    h(
      'li',
      { class: 'item' },
      h('h3', {}, t('mine.recordTitle', { date: formatDate(lang, r.createdAt) })),
      h(
        'dl',
        { class: 'facts' },
        fact(t('mine.path'), t(`mine.path.${r.path}`)),
        r.howRaised ? fact(t('mine.howRaised'), label('howRaised', r.howRaised)) : [],
        fact(
          t('mine.offices'),
          r.offices.length ? r.offices.map((o) => label('recordOffice', o)).join(', ') : t('none'),
        ),
        fact(t('mine.steps'), String(r.stepsConsidered)),
        fact(t('mine.expires'), formatDate(lang, r.expiresAt)),
      ),
    );
  replaceChildren(
    root,
    h('h1', {}, t('mine.title')),
    h('p', { class: 'muted' }, t('mine.privacy')),
    h(
      'section',
      { 'aria-labelledby': 'cases-h' },
      h('h2', { id: 'cases-h' }, t('mine.casesHeading')),
      body.cases.length
        ? h('ul', { class: 'items' }, body.cases.map(caseItem))
        : h('p', { class: 'empty' }, t('mine.casesEmpty')),
    ),
    h(
      'section',
      { 'aria-labelledby': 'records-h' },
      h('h2', { id: 'records-h' }, t('mine.recordsHeading')),
      body.records.length
        ? h('ul', { class: 'items' }, body.records.map(recordItem))
        : h('p', { class: 'empty' }, t('mine.recordsEmpty')),
    ),
  );
  root.removeAttribute('aria-busy');
  document.documentElement.dataset.state = 'ready';
  notifyLoaded();
}

void main();
