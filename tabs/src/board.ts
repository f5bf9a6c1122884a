import { h, replaceChildren } from './dom';
import { errorText, formatAge, formatDate, notifyLoaded, startTab, type TabSession } from './runtime';
import { tr, type TabLang } from './strings';
import {
  CASE_STATUSES as STATUSES,
  OUTCOMES,
  URGENCIES,
  type Board,
  type BoardCase,
  type BoardCaseDetail,
  type CaseStatus as Status,
  type Urgency,
} from '../../src/shared/contract/tabs';

/**
 * The "Case board" channel tab: the office's cases with counts, filters and the card's actions. Every
 * action goes to the server, which applies the case service's rules; the page only offers what the
 * server says the viewer can do (`can`).
 */

interface Filters {
  status: Status | '';
  urgency: Urgency | '';
  sort: 'oldest' | 'newest';
}

class BoardPage {
  private readonly lang: TabLang;
  private readonly view = h('div', { id: 'view' });
  private readonly heading = h('h1', {}, '');
  /** One polite live region for the whole page, so screen readers hear results without losing focus. */
  private readonly announcer = h('p', { id: 'announce', role: 'status', class: 'announce' });
  private filters: Filters = { status: '', urgency: '', sort: 'oldest' };
  private lastOpened: string | undefined;

  constructor(
    private readonly session: TabSession,
    private readonly teamId: string,
  ) {
    this.lang = session.lang;
  }

  private t = (key: Parameters<typeof tr>[1], params?: Record<string, string | number>) =>
    tr(this.lang, key, params);

  private query(path: string, extra: Record<string, string> = {}): string {
    const params = new URLSearchParams({ teamId: this.teamId, ...extra });
    return `${path}?${params.toString()}`;
  }

  async start(): Promise<void> {
    this.heading.textContent = this.t('config.title');
    document.title = this.t('config.title');
    replaceChildren(this.session.root, this.heading, this.announcer, this.view);
    await this.showList();
    this.session.root.removeAttribute('aria-busy');
    notifyLoaded();
  }

  private announce(text: string): void {
    // Emptied first so the same message twice is announced twice.
    this.announcer.textContent = '';
    window.setTimeout(() => (this.announcer.textContent = text), 50);
  }

  private showError(status: number, code: string | undefined): void {
    replaceChildren(this.view, h('p', { class: 'error', role: 'alert' }, errorText(this.lang, status, code)));
  }

  /** The list keeps its filter form across reloads, so a keyboard user changing a filter keeps focus on it. */
  private list: { root: HTMLElement; counts: HTMLElement; table: HTMLElement } | undefined;
  private requestSeq = 0;

  async showList(focusCaseId?: string): Promise<void> {
    const extra: Record<string, string> = { sort: this.filters.sort };
    if (this.filters.status) extra.status = this.filters.status;
    if (this.filters.urgency) extra.urgency = this.filters.urgency;
    const seq = ++this.requestSeq;
    const { status, body } = await this.session.api<Board>(this.query('/api/tabs/board', extra));
    // A slower answer to an earlier filter must not replace the answer to the latest one.
    if (seq !== this.requestSeq) return;
    if (status !== 200) {
      this.list = undefined;
      return this.showError(status, body.code);
    }
    const office = this.t(body.office === 'ombud' ? 'office.ombud' : 'office.valuesEthics');
    this.heading.textContent = this.t('board.title', { office });
    document.title = this.heading.textContent;
    if (!this.list || !this.view.contains(this.list.root)) {
      const counts = h('div');
      const table = h('div');
      this.list = { root: h('div', {}, counts, this.filterForm(), table), counts, table };
      replaceChildren(this.view, this.list.root);
    }
    replaceChildren(this.list.counts, this.counts(body));
    this.page = { cases: [...body.cases], nextCursor: body.nextCursor, filters: extra };
    this.renderTable();
    document.documentElement.dataset.state = 'list';
    const target =
      focusCaseId && this.view.querySelector<HTMLButtonElement>(`button[data-case="${focusCaseId}"]`);
    if (target) target.focus();
  }

  /** The rows shown so far and where the next page starts: the board loads a page at a time. */
  private page: { cases: BoardCase[]; nextCursor: string | undefined; filters: Record<string, string> } = {
    cases: [],
    nextCursor: undefined,
    filters: {},
  };

  private renderTable(): void {
    if (!this.list) return;
    const more = this.page.nextCursor
      ? h(
          'button',
          { type: 'button', class: 'more', onclick: () => void this.showMore() },
          this.t('board.more'),
        )
      : undefined;
    replaceChildren(this.list.table, this.table(this.page.cases), more);
  }

  /** The next page, with the same filters, appended; focus moves to its first case for keyboard users. */
  private async showMore(): Promise<void> {
    const { nextCursor, filters } = this.page;
    if (!nextCursor) return;
    const seq = ++this.requestSeq;
    const { status, body } = await this.session.api<Board>(
      this.query('/api/tabs/board', { ...filters, cursor: nextCursor }),
    );
    if (seq !== this.requestSeq) return;
    if (status !== 200) return this.showError(status, body.code);
    const firstNew = body.cases[0]?.caseId;
    this.page = { cases: [...this.page.cases, ...body.cases], nextCursor: body.nextCursor, filters };
    this.renderTable();
    this.announce(this.t('board.moreShown', { n: body.cases.length }));
    const target = firstNew && this.view.querySelector<HTMLButtonElement>(`button[data-case="${firstNew}"]`);
    if (target) target.focus();
  }

  private counts(board: Board): HTMLElement {
    return h(
      'section',
      { 'aria-labelledby': 'counts-heading', class: 'counts' },
      h('h2', { id: 'counts-heading' }, this.t('board.countsLabel')),
      h(
        'ul',
        {},
        STATUSES.map((s) =>
          h(
            'li',
            { 'data-status': s },
            h('span', { class: 'count' }, board.counts[s]),
            ' ',
            this.t(`status.${s}`),
          ),
        ),
        h('li', { class: 'total' }, this.t('board.total', { n: board.total })),
      ),
    );
  }

  private select<T extends string>(
    id: string,
    label: string,
    value: T,
    options: readonly (readonly [T, string])[],
    onChange: (value: T) => void,
  ): HTMLElement {
    const select = h(
      'select',
      { id, name: id },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
    );
    select.addEventListener('change', () => onChange(select.value as T));
    return h('div', { class: 'field' }, h('label', { for: id }, label), select);
  }

  private filterForm(): HTMLElement {
    const reload = () => void this.showList();
    return h(
      'form',
      { class: 'filters', 'aria-labelledby': 'filters-heading', onsubmit: (e: Event) => e.preventDefault() },
      h('h2', { id: 'filters-heading' }, this.t('board.filters')),
      h(
        'div',
        { class: 'field-row' },
        this.select<Status | ''>(
          'filter-status',
          this.t('board.filterStatus'),
          this.filters.status,
          [['', this.t('board.all')], ...STATUSES.map((s) => [s, this.t(`status.${s}`)] as const)],
          (v) => {
            this.filters.status = v;
            reload();
          },
        ),
        this.select<Urgency | ''>(
          'filter-urgency',
          this.t('board.filterUrgency'),
          this.filters.urgency,
          [['', this.t('board.all')], ...URGENCIES.map((u) => [u, this.t(`urgency.${u}`)] as const)],
          (v) => {
            this.filters.urgency = v;
            reload();
          },
        ),
        this.select<'oldest' | 'newest'>(
          'sort',
          this.t('board.sort'),
          this.filters.sort,
          [
            ['oldest', this.t('board.oldest')],
            ['newest', this.t('board.newest')],
          ],
          (v) => {
            this.filters.sort = v;
            reload();
          },
        ),
      ),
    );
  }

  private table(cases: readonly BoardCase[]): HTMLElement {
    if (cases.length === 0) return h('p', { class: 'empty' }, this.t('board.empty'));
    const th = (text: string) => h('th', { scope: 'col' }, text);
    return h(
      'table',
      { class: 'cases' },
      h('caption', {}, this.t('board.caption', { n: cases.length })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          th(this.t('board.col.case')),
          th(this.t('board.col.urgency')),
          th(this.t('board.col.status')),
          th(this.t('board.col.age')),
          th(this.t('board.col.assignee')),
          th(this.t('board.col.from')),
        ),
      ),
      h(
        'tbody',
        {},
        cases.map((c) =>
          h(
            'tr',
            { 'data-urgency': c.urgency },
            h(
              'th',
              { scope: 'row' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  'data-case': c.caseId,
                  onclick: () => void this.showCase(c.caseId),
                },
                c.caseId,
              ),
            ),
            h('td', {}, h('span', { class: `badge urgency-${c.urgency}` }, this.t(`urgency.${c.urgency}`))),
            h('td', {}, this.t(`status.${c.status}`)),
            h('td', {}, formatAge(this.lang, c.ageDays)),
            h('td', {}, this.personText(c.assignee, 'board.nobody')),
            h('td', {}, c.confidential ? this.t('board.confidential') : this.personText(c.manager, 'none')),
          ),
        ),
      ),
    );
  }

  private personText(p: BoardCase['assignee'], empty: 'board.nobody' | 'none'): string {
    if (!p) return this.t(empty);
    return p.isYou ? this.t('board.you', { name: p.name }) : p.name;
  }

  async showCase(caseId: string, announce?: string): Promise<void> {
    this.lastOpened = caseId;
    const { status, body } = await this.session.api<{ case: BoardCaseDetail }>(
      this.query(`/api/tabs/board/cases/${encodeURIComponent(caseId)}`),
    );
    if (status !== 200) return this.showError(status, body.code);
    this.renderCase(body.case);
    if (announce) this.announce(announce);
  }

  private renderCase(c: BoardCaseDetail): void {
    const title = h('h2', { id: 'case-title', tabindex: -1 }, this.t('detail.title', { caseId: c.caseId }));
    const fact = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
    const detail = h(
      'article',
      { class: 'case', 'aria-labelledby': 'case-title' },
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => void this.showList(this.lastOpened) },
        this.t('detail.back'),
      ),
      title,
      h(
        'dl',
        { class: 'facts' },
        fact(this.t('detail.office'), this.t(c.office === 'ombud' ? 'office.ombud' : 'office.valuesEthics')),
        fact(this.t('board.col.urgency'), this.t(`urgency.${c.urgency}`)),
        fact(this.t('board.col.status'), this.t(`status.${c.status}`)),
        fact(this.t('detail.received'), formatDate(this.lang, c.createdAt)),
        fact(this.t('board.col.age'), formatAge(this.lang, c.ageDays)),
        fact(this.t('board.col.assignee'), this.personText(c.assignee, 'board.nobody')),
        c.confidential ? [] : fact(this.t('board.col.from'), this.personText(c.manager, 'none')),
        c.contact ? fact(this.t('detail.contact'), this.t(`contact.${c.contact}`)) : [],
        c.outcome ? fact(this.t('detail.outcome'), this.t(`outcome.${c.outcome}`)) : [],
      ),
      c.confidential ? h('p', { class: 'note' }, this.t('detail.confidential')) : null,
      c.summary !== undefined
        ? h(
            'section',
            { 'aria-labelledby': 'summary-h' },
            h('h3', { id: 'summary-h' }, this.t('detail.summary')),
            h('p', { class: 'quote' }, c.summary),
          )
        : null,
      c.attachedRecord
        ? h(
            'section',
            { 'aria-labelledby': 'record-h' },
            h('h3', { id: 'record-h' }, this.t('detail.record')),
            h('p', { class: 'quote' }, c.attachedRecord),
          )
        : null,
      c.questions.length > 0
        ? h(
            'section',
            { 'aria-labelledby': 'questions-h' },
            h('h3', { id: 'questions-h' }, this.t('detail.questions')),
            h(
              'ul',
              {},
              c.questions.map((q) =>
                h(
                  'li',
                  {},
                  h('p', {}, q.question),
                  h(
                    'p',
                    { class: 'muted' },
                    q.answer !== undefined
                      ? this.t('detail.answer', { answer: q.answer })
                      : this.t('detail.noAnswer'),
                  ),
                ),
              ),
            ),
          )
        : null,
      c.closeNote
        ? h(
            'section',
            { 'aria-labelledby': 'note-h' },
            h('h3', { id: 'note-h' }, this.t('detail.closeNote')),
            h('p', {}, c.closeNote),
          )
        : null,
      this.actions(c),
      h(
        'section',
        { 'aria-labelledby': 'history-h' },
        h('h3', { id: 'history-h' }, this.t('detail.history')),
        h(
          'ol',
          { class: 'history' },
          c.history.map((line) =>
            h(
              'li',
              {},
              `${formatDate(this.lang, line.at)} — ${this.t(`audit.${line.action}`)} ${this.t(`by.${line.by}`)}`,
            ),
          ),
        ),
      ),
    );
    replaceChildren(this.view, detail);
    document.documentElement.dataset.state = 'case';
    title.focus();
  }

  private actions(c: BoardCaseDetail): HTMLElement | null {
    if (!c.can.assign && !c.can.requestInfo && !c.can.close) return null;
    const panel = h('div', { class: 'action-panel' });
    const seen = c.assignee ? (c.assignee.isYou ? 'you' : 'other') : 'none';
    const buttons = h(
      'div',
      { class: 'buttons' },
      c.can.assign
        ? h(
            'button',
            {
              type: 'button',
              class: 'primary',
              onclick: () => void this.act(c, 'assign', { seenAssignee: seen }),
            },
            this.t(c.assignee ? 'action.takeOver' : 'action.assign'),
          )
        : null,
      c.can.requestInfo
        ? h('button', { type: 'button', onclick: () => this.askForm(c, panel) }, this.t('action.ask'))
        : null,
      c.can.close
        ? h('button', { type: 'button', onclick: () => this.closeForm(c, panel) }, this.t('action.close'))
        : null,
    );
    return h(
      'section',
      { 'aria-labelledby': 'actions-h', class: 'actions' },
      h('h3', { id: 'actions-h' }, this.t('detail.actions')),
      buttons,
      panel,
    );
  }

  private askForm(c: BoardCaseDetail, panel: HTMLElement): void {
    const area = h('textarea', {
      id: 'ask-question',
      name: 'question',
      rows: 3,
      maxlength: 1500,
      required: true,
    });
    const form = h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          if (area.value.trim()) void this.act(c, 'request-info', { question: area.value });
        },
      },
      h('label', { for: 'ask-question' }, this.t('action.askLabel')),
      area,
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary' }, this.t('action.askSend')),
        h('button', { type: 'button', onclick: () => replaceChildren(panel) }, this.t('action.cancel')),
      ),
    );
    replaceChildren(panel, form);
    area.focus();
  }

  private closeForm(c: BoardCaseDetail, panel: HTMLElement): void {
    const outcome = h(
      'select',
      { id: 'close-outcome', name: 'outcome' },
      OUTCOMES.map((o) => h('option', { value: o }, this.t(`outcome.${o}`))),
    );
    // An urgent or time-sensitive case needs a note (the server refuses it without one too).
    const note = h('textarea', {
      id: 'close-note',
      name: 'note',
      rows: 3,
      maxlength: 1500,
      required: c.urgency !== 'routine',
    });
    const form = h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.act(c, 'close', { outcome: outcome.value, note: note.value });
        },
      },
      h('label', { for: 'close-outcome' }, this.t('action.closeOutcome')),
      outcome,
      h('label', { for: 'close-note' }, this.t('action.closeNote')),
      note,
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary' }, this.t('action.closeConfirm')),
        h('button', { type: 'button', onclick: () => replaceChildren(panel) }, this.t('action.cancel')),
      ),
    );
    replaceChildren(panel, form);
    outcome.focus();
  }

  private async act(
    c: BoardCaseDetail,
    action: 'assign' | 'request-info' | 'close',
    body: Record<string, string>,
  ) {
    for (const button of this.view.querySelectorAll('button')) button.disabled = true;
    const { status, body: result } = await this.session.api<{
      case?: BoardCaseDetail;
      questionSent?: boolean;
    }>(this.query(`/api/tabs/board/cases/${encodeURIComponent(c.caseId)}/${action}`), {
      method: 'POST',
      body,
    });
    if (status === 200 && result.case) {
      this.renderCase(result.case);
      const done = action === 'assign' ? 'done.assigned' : action === 'close' ? 'done.closed' : 'done.asked';
      if (result.questionSent === false && result.case.contact) {
        // The manager has no chat with the bot: the question is on the case, but someone must reach them.
        const contact = this.t(`contact.${result.case.contact}`);
        this.announce(this.t('done.askedNoChat', { contact }));
      } else this.announce(this.t(done, { caseId: c.caseId }));
      return;
    }
    if (result.case) this.renderCase(result.case);
    else for (const button of this.view.querySelectorAll('button')) button.disabled = false;
    this.announce(errorText(this.lang, status, result.code));
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
