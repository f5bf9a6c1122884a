import type { BoardCaseDetail, HistoryLine } from '../../../src/shared/contract/tabs';
import { h } from '../dom';
import { formatMoment } from '../runtime';
import { tr, type TabLang } from '../strings';

/**
 * A case's history as a table: when (day and time in the viewer's own zone and language), what happened,
 * and who, as far as the server lets the viewer know (it leaves the name out where confidentiality asks).
 */

function who(lang: TabLang, line: HistoryLine): string {
  if (line.by === 'you') return tr(lang, 'who.you');
  if (line.by === 'system') return tr(lang, 'who.system');
  if (line.by === 'manager')
    return line.name ? tr(lang, 'who.managerNamed', { name: line.name }) : tr(lang, 'who.manager');
  return line.name ?? tr(lang, 'who.office');
}

export function historyTable(lang: TabLang, c: BoardCaseDetail): HTMLElement {
  const th = (key: 'history.when' | 'history.what' | 'history.who') =>
    h('th', { scope: 'col' }, tr(lang, key));
  return h(
    'table',
    { class: 'history' },
    h('caption', { class: 'visually-hidden' }, tr(lang, 'history.caption', { caseId: c.caseId })),
    h('thead', {}, h('tr', {}, th('history.when'), th('history.what'), th('history.who'))),
    h(
      'tbody',
      {},
      c.history.map((line) =>
        h(
          'tr',
          { 'data-action': line.action },
          h('td', {}, h('time', { datetime: line.at }, formatMoment(lang, line.at))),
          h('td', {}, tr(lang, `audit.${line.action}`)),
          h('td', {}, who(lang, line)),
        ),
      ),
    ),
  );
}
