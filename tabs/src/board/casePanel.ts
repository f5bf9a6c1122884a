import { OUTCOMES, type BoardCaseDetail } from '../../../src/shared/contract/tabs';
import { statusBadge, urgencyBadge } from '../badges';
import { h, replaceChildren } from '../dom';
import { formatAge, formatDate } from '../runtime';
import { tr, type TabKey, type TabLang } from '../strings';
import { ACTION_LABEL, stateActions, type CaseAction } from './caseActions';
import { historyTable } from './caseHistory';
import { personText } from './caseTable';

/**
 * A case in a side panel (Fluent's drawer pattern): a modal <dialog> at the end of the page, so the board
 * stays in place behind it. The native dialog keeps keyboard focus inside while open and closes on Escape;
 * focus then returns to whatever opened it. A native dialog rather than <fluent-drawer>: that one names itself
 * from inside its shadow root, where an aria-labelledby cannot reach the panel's heading.
 */

export interface PanelHandlers {
  act(c: BoardCaseDetail, action: CaseAction, fields?: Record<string, string>): void;
  /** The panel closed (Escape, its button): the board puts focus back on the case's row. */
  closed(caseId: string): void;
}

export class CasePanel {
  readonly dialog = h('dialog', { class: 'panel', 'aria-labelledby': 'panel-title' });
  private readonly title = h('h2', { id: 'panel-title', tabindex: -1 });
  /** The panel's own live region: while the modal panel is open, the page behind it is inert and silent. */
  private readonly announcer = h('p', { id: 'panel-announce', role: 'status', class: 'announce' });
  private readonly body = h('div', { class: 'panel-body' });
  private current: BoardCaseDetail | undefined;

  constructor(
    private readonly lang: TabLang,
    private readonly handlers: PanelHandlers,
  ) {
    const close = h(
      'fluent-button',
      { appearance: 'subtle', id: 'panel-close', onclick: () => this.dialog.close() },
      this.t('panel.close'),
    );
    replaceChildren(
      this.dialog,
      h('div', { class: 'panel-header' }, this.title, close),
      this.announcer,
      this.body,
    );
    this.dialog.addEventListener('close', () => {
      const caseId = this.current?.caseId;
      this.current = undefined;
      document.documentElement.dataset.state = 'list';
      if (caseId) this.handlers.closed(caseId);
    });
  }

  private t = (key: TabKey, params?: Record<string, string | number>) => tr(this.lang, key, params);

  get caseId(): string | undefined {
    return this.current?.caseId;
  }

  /** Shows the case (opening the panel if needed) and moves focus to its heading for screen readers. */
  show(c: BoardCaseDetail): void {
    this.current = c;
    this.title.textContent = this.t('detail.title', { caseId: c.caseId });
    replaceChildren(this.body, ...this.sections(c));
    if (!this.dialog.open) {
      this.announcer.textContent = '';
      this.dialog.showModal();
    }
    document.documentElement.dataset.state = 'case';
    this.title.focus();
  }

  announce(text: string): void {
    // Emptied first so the same message twice is announced twice.
    this.announcer.textContent = '';
    window.setTimeout(() => (this.announcer.textContent = text), 50);
  }

  /** While an action runs, its buttons cannot be pressed twice. */
  setBusy(busy: boolean): void {
    for (const b of this.body.querySelectorAll<HTMLElement & { disabled: boolean }>('fluent-button, button'))
      b.disabled = busy;
  }

  private sections(c: BoardCaseDetail): (HTMLElement | null)[] {
    const fact = (label: string, value: string | HTMLElement) => [h('dt', {}, label), h('dd', {}, value)];
    const lang = this.lang;
    const section = (id: string, heading: TabKey, ...content: (HTMLElement | null)[]) =>
      h('section', { 'aria-labelledby': id }, h('h3', { id }, this.t(heading)), ...content);
    return [
      h(
        'dl',
        { class: 'facts' },
        fact(this.t('detail.office'), this.t(c.office === 'ombud' ? 'office.ombud' : 'office.valuesEthics')),
        fact(this.t('board.col.urgency'), urgencyBadge(lang, c.urgency)),
        fact(this.t('board.col.status'), statusBadge(lang, c.status)),
        fact(this.t('detail.received'), formatDate(lang, c.createdAt)),
        fact(this.t('board.col.age'), formatAge(lang, c.ageDays)),
        fact(this.t('board.col.assignee'), personText(lang, c.assignee, 'board.nobody')),
        c.confidential ? [] : fact(this.t('board.col.from'), personText(lang, c.manager, 'none')),
        c.contact ? fact(this.t('detail.contact'), this.t(`contact.${c.contact}`)) : [],
        c.outcome ? fact(this.t('detail.outcome'), this.t(`outcome.${c.outcome}`)) : [],
        c.reopenUntil
          ? fact(
              this.t('action.reopen'),
              this.t('panel.reopenUntil', { date: formatDate(lang, c.reopenUntil) }),
            )
          : [],
      ),
      c.confidential ? h('p', { class: 'note' }, this.t('detail.confidential')) : null,
      c.summary !== undefined
        ? section('summary-h', 'detail.summary', h('p', { class: 'quote' }, c.summary))
        : null,
      c.attachedRecord
        ? section('record-h', 'detail.record', h('p', { class: 'quote' }, c.attachedRecord))
        : null,
      c.questions.length > 0
        ? section(
            'questions-h',
            'detail.questions',
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
      c.closeNote ? section('note-h', 'detail.closeNote', h('p', { class: 'quote' }, c.closeNote)) : null,
      this.actions(c),
      section('history-h', 'detail.history', historyTable(lang, c)),
    ];
  }

  private actions(c: BoardCaseDetail): HTMLElement | null {
    const state = stateActions(c);
    if (state.length === 0 && !c.can.requestInfo && !c.can.close) return null;
    const form = h('div', { class: 'action-form' });
    const button = (label: string, onclick: () => void, appearance = 'secondary') =>
      h('fluent-button', { appearance, onclick }, label);
    return h(
      'section',
      { 'aria-labelledby': 'actions-h', class: 'actions' },
      h('h3', { id: 'actions-h' }, this.t('detail.actions')),
      h(
        'div',
        { class: 'buttons' },
        state.map((a) => button(this.t(ACTION_LABEL[a]), () => this.handlers.act(c, a), 'primary')),
        c.can.requestInfo ? button(this.t('action.ask'), () => this.askForm(c, form)) : null,
        c.can.close ? button(this.t('action.close'), () => this.closeForm(c, form)) : null,
      ),
      form,
    );
  }

  private formButtons(form: HTMLElement, submit: TabKey): HTMLElement {
    return h(
      'div',
      { class: 'buttons' },
      h('fluent-button', { type: 'submit', appearance: 'primary' }, this.t(submit)),
      h(
        'fluent-button',
        { appearance: 'secondary', onclick: () => replaceChildren(form) },
        this.t('action.cancel'),
      ),
    );
  }

  private askForm(c: BoardCaseDetail, holder: HTMLElement): void {
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
          if (area.value.trim()) this.handlers.act(c, 'requestInfo', { question: area.value });
        },
      },
      h('label', { for: 'ask-question' }, this.t('action.askLabel')),
      area,
      this.formButtons(holder, 'action.askSend'),
    );
    replaceChildren(holder, form);
    area.focus();
  }

  private closeForm(c: BoardCaseDetail, holder: HTMLElement): void {
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
          this.handlers.act(c, 'close', { outcome: outcome.value, note: note.value });
        },
      },
      h('label', { for: 'close-outcome' }, this.t('action.closeOutcome')),
      outcome,
      h('label', { for: 'close-note' }, this.t('action.closeNote')),
      note,
      this.formButtons(holder, 'action.closeConfirm'),
    );
    replaceChildren(holder, form);
    outcome.focus();
  }
}
