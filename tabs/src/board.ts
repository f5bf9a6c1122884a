import { h, replaceChildren } from './dom';
import { errorText, notifyLoaded, startTab, type TabSession } from './runtime';
import { tr, type TabKey, type TabLang } from './strings';
import {
  CASE_STATUSES as STATUSES,
  type Board,
  type BoardCase,
  type BoardCaseDetail,
  type CaseStatus as Status,
  CASE_ID_PATTERN,
} from '../../src/shared/contract/tabs';
import { runAction, type CaseAction } from './board/caseActions';
import { CasePanel } from './board/casePanel';
import { caseRow, caseTable } from './board/caseTable';
import { filterForm, searchForm, type Filters } from './board/boardForms';

/**
 * The "Case board" channel tab: the office's cases with counts, filters, search, and the card's actions on
 * each row; a case opens in a side panel with its details, its history and the same actions. Every action goes
 * to the server, which applies the case service's rules; the page only offers what the server says the viewer
 * can do (`can`), and shows the case as the server returns it, after a change or a refusal (409).
 */

class BoardPage {
  private readonly lang: TabLang;
  private readonly view = h('div', { id: 'view' });
  private readonly heading = h('h1', {}, '');
  /** One polite live region for the page, so screen readers hear results without losing focus. */
  private readonly announcer = h('p', { id: 'announce', role: 'status', class: 'announce' });
  private readonly panel: CasePanel;
  private filters: Filters = { status: '', urgency: '', sort: 'oldest', q: '' };
  /** The rows shown so far and where the next page starts: the board loads a page at a time. */
  private page: { board?: Board; cases: BoardCase[]; query: Record<string, string> } = {
    cases: [],
    query: {},
  };
  private list: { counts: HTMLElement; table: HTMLElement } | undefined;
  private requestSeq = 0;

  constructor(
    private readonly session: TabSession,
    private readonly teamId: string,
  ) {
    this.lang = session.lang;
    this.panel = new CasePanel(this.lang, {
      act: (c, action, fields) => void this.act(c, action, fields),
      closed: (caseId) => this.focusRow(caseId),
    });
  }

  private t = (key: TabKey, params?: Record<string, string | number>) => tr(this.lang, key, params);

  private url = (path: string, extra: Record<string, string> = {}): string => {
    const params = new URLSearchParams({ teamId: this.teamId, ...extra });
    return `${path}?${params.toString()}`;
  };

  async start(): Promise<void> {
    this.heading.textContent = this.t('config.title');
    document.title = this.t('config.title');
    replaceChildren(this.session.root, this.heading, this.announcer, this.view);
    document.body.append(this.panel.dialog);
    await this.showList();
    this.session.root.removeAttribute('aria-busy');
    notifyLoaded();
    // Opened from a case card's "Open it on the case board" link: Teams passes the case id as the sub-page.
    const linked = this.session.context.page.subPageId;
    if (linked && CASE_ID_PATTERN.test(linked)) await this.openCase(linked);
  }

  private announce(text: string): void {
    if (this.panel.caseId) return this.panel.announce(text);
    // Emptied first so the same message twice is announced twice.
    this.announcer.textContent = '';
    window.setTimeout(() => (this.announcer.textContent = text), 50);
  }

  private showError(status: number, code: string | undefined): void {
    this.list = undefined;
    replaceChildren(this.view, h('p', { class: 'error', role: 'alert' }, errorText(this.lang, status, code)));
  }

  private query(): Record<string, string> {
    const { status, urgency, sort, q } = this.filters;
    return { sort, ...(status ? { status } : {}), ...(urgency ? { urgency } : {}), ...(q ? { q } : {}) };
  }

  /** Loads the first page for the current filters and search; the forms stay, so focus stays where it was. */
  async showList(): Promise<Board | undefined> {
    const query = this.query();
    const seq = ++this.requestSeq;
    const { status, body } = await this.session.api<Board>(this.url('/api/tabs/board', query));
    // A slower answer to an earlier filter must not replace the answer to the latest one.
    if (seq !== this.requestSeq) return undefined;
    if (status !== 200) return void this.showError(status, body.code);
    const office = this.t(body.office === 'ombud' ? 'office.ombud' : 'office.valuesEthics');
    this.heading.textContent = this.t('board.title', { office });
    document.title = this.heading.textContent;
    if (!this.list || !this.view.contains(this.list.table)) {
      const counts = h('div');
      const table = h('div', { class: 'table-area' });
      this.list = { counts, table };
      replaceChildren(
        this.view,
        counts,
        h(
          'div',
          { class: 'toolbar' },
          searchForm(this.lang, this.filters, {
            search: (q) => void this.search(q),
            clear: () => void this.search(''),
          }),
          filterForm(this.lang, this.filters, () => void this.showList()),
        ),
        table,
      );
    }
    this.page = { board: body, cases: [...body.cases], query };
    this.renderCounts();
    this.renderTable();
    document.documentElement.dataset.state = 'list';
    return body;
  }

  private async search(q: string): Promise<void> {
    this.filters.q = q.trim();
    const board = await this.showList();
    if (!board) return;
    if (this.filters.q)
      this.announce(this.t('board.searchFound', { n: board.cases.length, q: this.filters.q }));
    else this.announce(this.t('board.searchCleared'));
  }

  private renderCounts(): void {
    const board = this.page.board;
    if (!this.list || !board) return;
    replaceChildren(
      this.list.counts,
      h(
        'section',
        { 'aria-labelledby': 'counts-heading', class: 'counts' },
        h('h2', { id: 'counts-heading', class: 'visually-hidden' }, this.t('board.countsLabel')),
        h(
          'ul',
          { 'aria-labelledby': 'counts-heading' },
          STATUSES.map((s) =>
            h(
              'li',
              { 'data-status': s },
              h('span', { class: 'count' }, board.counts[s]),
              ' ',
              h('span', { class: 'count-label' }, this.t(`status.${s}`)),
            ),
          ),
          h('li', { class: 'total' }, this.t('board.total', { n: board.total })),
        ),
      ),
    );
  }

  private renderTable(): void {
    const board = this.page.board;
    if (!this.list || !board) return;
    const q = this.page.query.q;
    const cases = this.page.cases;
    const more = board.nextCursor
      ? h(
          'fluent-button',
          { appearance: 'secondary', class: 'more', onclick: () => void this.showMore() },
          this.t(q ? 'board.searchMore' : 'board.more'),
        )
      : null;
    const searched =
      board.search && board.nextCursor
        ? h('p', { class: 'muted' }, this.t('board.searched', { n: board.search.scanned }))
        : null;
    if (cases.length === 0) {
      replaceChildren(
        this.list.table,
        h('p', { class: 'empty' }, this.t(q ? 'board.searchEmpty' : 'board.empty')),
        searched,
        more,
      );
      return;
    }
    const caption = q
      ? this.t('board.searchCaption', { q, n: cases.length })
      : this.t('board.caption', { n: cases.length });
    const table = caseTable(this.lang, cases, caption, {
      open: (caseId) => void this.openCase(caseId),
      act: (c, action) => void this.act(c, action),
    });
    replaceChildren(this.list.table, table, searched, more);
  }

  /** The next page, with the same filters, appended; focus moves to its first case for keyboard users. */
  private async showMore(): Promise<void> {
    const { board, query } = this.page;
    if (!board?.nextCursor) return;
    const seq = ++this.requestSeq;
    const { status, body } = await this.session.api<Board>(
      this.url('/api/tabs/board', { ...query, cursor: board.nextCursor }),
    );
    if (seq !== this.requestSeq) return;
    if (status !== 200) return this.showError(status, body.code);
    const firstNew = body.cases[0]?.caseId;
    this.page = { board: body, cases: [...this.page.cases, ...body.cases], query };
    this.renderTable();
    this.announce(this.t('board.moreShown', { n: body.cases.length }));
    if (firstNew) this.focusRow(firstNew);
    else this.view.querySelector<HTMLElement>('.more')?.focus();
  }

  private focusRow(caseId: string): void {
    this.view.querySelector<HTMLElement>(`button.case-link[data-case="${CSS.escape(caseId)}"]`)?.focus();
  }

  private async openCase(caseId: string): Promise<void> {
    const { status, body } = await this.session.api<{ case: BoardCaseDetail }>(
      this.url(`/api/tabs/board/cases/${encodeURIComponent(caseId)}`),
    );
    if (status !== 200) return this.announce(errorText(this.lang, status, body.code));
    this.panel.show(body.case);
  }

  /** The row of a case, redrawn in place from the server's copy, with the counts moved to match. */
  private refreshRow(c: BoardCase): void {
    const index = this.page.cases.findIndex((x) => x.caseId === c.caseId);
    const old = this.page.cases[index];
    if (!old) return;
    this.page.cases[index] = c;
    const board = this.page.board;
    if (board && old.status !== c.status) {
      const counts = {
        ...board.counts,
        [old.status]: board.counts[old.status] - 1,
        [c.status]: board.counts[c.status] + 1,
      };
      this.page.board = { ...board, counts: counts as Record<Status, number> };
      this.renderCounts();
    }
    const row = this.view.querySelector(`tr[data-case="${CSS.escape(c.caseId)}"]`);
    row?.replaceWith(
      caseRow(this.lang, c, {
        open: (caseId) => void this.openCase(caseId),
        act: (x, action) => void this.act(x, action),
      }),
    );
  }

  /** Runs an action from a row or the panel; the result is announced where the viewer is, and shown. */
  private async act(c: BoardCase, action: CaseAction, fields: Record<string, string> = {}): Promise<void> {
    const inPanel = this.panel.caseId === c.caseId;
    const busy = [
      ...this.view.querySelectorAll<HTMLElement & { disabled: boolean }>(
        `tr[data-case="${CSS.escape(c.caseId)}"] fluent-button`,
      ),
    ];
    for (const b of busy) b.disabled = true;
    if (inPanel) this.panel.setBusy(true);
    const outcome = await runAction(this.session, this.url, c.caseId, action, fields);
    if (outcome.case) {
      this.refreshRow(outcome.case);
      if (inPanel) this.panel.show(outcome.case);
    } else {
      for (const b of busy) b.disabled = false;
      if (inPanel) this.panel.setBusy(false);
    }
    if (!inPanel) this.focusRowAction(c.caseId);
    this.announce(outcome.message);
  }

  /** After a row's action its button changes (take → hand back): focus goes to the new one, or the case. */
  private focusRowAction(caseId: string): void {
    const row = this.view.querySelector(`tr[data-case="${CSS.escape(caseId)}"]`);
    const target =
      row?.querySelector<HTMLElement>('fluent-button') ?? row?.querySelector<HTMLElement>('button.case-link');
    target?.focus();
  }
}

async function main(): Promise<void> {
  const session = await startTab();
  if (!session) return;
  const teamId = session.context.team?.internalId;
  if (!teamId) {
    replaceChildren(
      session.root,
      h('p', { class: 'error', role: 'alert' }, tr(session.lang, 'error.notOfficeTeam')),
    );
    return;
  }
  await new BoardPage(session, teamId).start();
}

void main();
