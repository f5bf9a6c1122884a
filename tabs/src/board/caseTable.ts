import type { BoardCase } from '../../../src/shared/contract/tabs';
import { overdueBadge, statusBadge, urgencyBadge } from '../badges';
import { h } from '../dom';
import { formatAge } from '../runtime';
import { tr, type TabLang } from '../strings';
import { ACTION_LABEL, stateActions, type StateAction } from './caseActions';

/**
 * The board's cases as a table, styled as Fluent's data grid: a header per column, each case's id as its
 * row header (a button that opens the case's side panel), and the one action its state allows.
 */

export interface TableHandlers {
  open(caseId: string): void;
  act(c: BoardCase, action: StateAction): void;
}

export function personText(lang: TabLang, p: BoardCase['assignee'], empty: 'board.nobody' | 'none'): string {
  if (!p) return tr(lang, empty);
  return p.isYou ? tr(lang, 'board.you', { name: p.name }) : p.name;
}

export function caseTable(
  lang: TabLang,
  cases: readonly BoardCase[],
  caption: string,
  handlers: TableHandlers,
): HTMLElement {
  const th = (text: string) => h('th', { scope: 'col' }, text);
  return h(
    'table',
    { class: 'cases' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        th(tr(lang, 'board.col.case')),
        th(tr(lang, 'board.col.urgency')),
        th(tr(lang, 'board.col.status')),
        th(tr(lang, 'board.col.age')),
        th(tr(lang, 'board.col.assignee')),
        th(tr(lang, 'board.col.from')),
        th(tr(lang, 'detail.actions')),
      ),
    ),
    h(
      'tbody',
      {},
      cases.map((c) => caseRow(lang, c, handlers)),
    ),
  );
}

export function caseRow(lang: TabLang, c: BoardCase, handlers: TableHandlers): HTMLTableRowElement {
  const open = h(
    'button',
    {
      type: 'button',
      class: 'case-link',
      'data-case': c.caseId,
      'aria-haspopup': 'dialog',
      onclick: () => handlers.open(c.caseId),
    },
    c.caseId,
  );
  const actions = stateActions(c).map((action) =>
    h(
      'fluent-button',
      {
        size: 'small',
        appearance: action === 'assign' ? 'primary' : 'secondary',
        'data-action': action,
        'data-case': c.caseId,
        onclick: () => handlers.act(c, action),
      },
      tr(lang, ACTION_LABEL[action]),
    ),
  );
  return h(
    'tr',
    { 'data-case': c.caseId, ...(c.overdue ? { 'data-overdue': c.overdue } : {}) },
    h('th', { scope: 'row' }, open),
    h('td', {}, urgencyBadge(lang, c.urgency)),
    h(
      'td',
      {},
      h(
        'div',
        { class: 'badges' },
        statusBadge(lang, c.status),
        ...(c.overdue ? [overdueBadge(lang, c.overdue)] : []),
      ),
    ),
    h('td', {}, formatAge(lang, c.ageDays)),
    h('td', {}, personText(lang, c.assignee, 'board.nobody')),
    h('td', {}, c.confidential ? tr(lang, 'board.confidential') : personText(lang, c.manager, 'none')),
    h(
      'td',
      { class: 'row-actions' },
      actions.length
        ? actions
        : [
            h('span', { 'aria-hidden': 'true', class: 'muted' }, '—'),
            h('span', { class: 'visually-hidden' }, tr(lang, 'action.none')),
          ],
    ),
  );
}
