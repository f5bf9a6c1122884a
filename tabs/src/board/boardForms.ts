import { CASE_STATUSES, URGENCIES, type CaseStatus, type Urgency } from '../../../src/shared/contract/tabs';
import { h } from '../dom';
import { tr, type TabLang } from '../strings';

/**
 * The board's search box and filters. Both edit the one `Filters` object the page reads on each load; the
 * forms themselves stay on the page across reloads, so a keyboard user keeps focus where they left it.
 */

export interface Filters {
  status: CaseStatus | '';
  urgency: Urgency | '';
  sort: 'oldest' | 'newest';
  /** The search as last submitted ('' for none). */
  q: string;
}

/** Same limit as the server's (MAX_SEARCH_LENGTH in src/domain/cases/caseSearch.ts). */
const MAX_SEARCH = 100;

export function searchForm(
  lang: TabLang,
  filters: Filters,
  on: { search(q: string): void; clear(): void },
): HTMLElement {
  const input = h('input', {
    id: 'search',
    type: 'search',
    name: 'q',
    maxlength: MAX_SEARCH,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'search-hint',
    value: filters.q,
  });
  const clear = h(
    'fluent-button',
    {
      appearance: 'subtle',
      id: 'search-clear',
      hidden: !filters.q,
      onclick: () => {
        input.value = '';
        clear.hidden = true;
        on.clear();
        input.focus();
      },
    },
    tr(lang, 'board.clearSearch'),
  );
  return h(
    'form',
    {
      role: 'search',
      class: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        clear.hidden = !input.value.trim();
        on.search(input.value);
      },
    },
    h('label', { for: 'search' }, tr(lang, 'board.search')),
    h(
      'div',
      { class: 'search-row' },
      input,
      h('fluent-button', { type: 'submit', appearance: 'primary' }, tr(lang, 'board.searchButton')),
      clear,
    ),
    h('p', { id: 'search-hint', class: 'hint' }, tr(lang, 'board.searchHint')),
  );
}

function select<T extends string>(
  id: string,
  label: string,
  value: T,
  options: readonly (readonly [T, string])[],
  onChange: (value: T) => void,
): HTMLElement {
  const el = h(
    'select',
    { id, name: id },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  el.addEventListener('change', () => onChange(el.value as T));
  return h('div', { class: 'field' }, h('label', { for: id }, label), el);
}

export function filterForm(lang: TabLang, filters: Filters, reload: () => void): HTMLElement {
  const t = (key: Parameters<typeof tr>[1]) => tr(lang, key);
  return h(
    'form',
    { class: 'filters', 'aria-labelledby': 'filters-heading', onsubmit: (e: Event) => e.preventDefault() },
    h('h2', { id: 'filters-heading', class: 'visually-hidden' }, t('board.filters')),
    h(
      'div',
      { class: 'field-row' },
      select<CaseStatus | ''>(
        'filter-status',
        t('board.filterStatus'),
        filters.status,
        [['', t('board.all')], ...CASE_STATUSES.map((s) => [s, t(`status.${s}`)] as const)],
        (v) => {
          filters.status = v;
          reload();
        },
      ),
      select<Urgency | ''>(
        'filter-urgency',
        t('board.filterUrgency'),
        filters.urgency,
        [['', t('board.all')], ...URGENCIES.map((u) => [u, t(`urgency.${u}`)] as const)],
        (v) => {
          filters.urgency = v;
          reload();
        },
      ),
      select<'oldest' | 'newest'>(
        'sort',
        t('board.sort'),
        filters.sort,
        [
          ['oldest', t('board.oldest')],
          ['newest', t('board.newest')],
        ],
        (v) => {
          filters.sort = v;
          reload();
        },
      ),
    ),
  );
}
