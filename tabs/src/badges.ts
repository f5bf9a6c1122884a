import type { CaseStatus, Urgency } from '../../src/shared/contract/tabs';
import { h } from './dom';
import './fluentComponents';
import { tr, type TabLang } from './strings';

/**
 * Fluent badges for a case's urgency and status. The colour only repeats the word, which is always there,
 * so nobody needs to tell colours apart.
 */

const URGENCY_COLOR: Readonly<Record<Urgency, string>> = {
  urgent: 'danger',
  timeSensitive: 'warning',
  routine: 'informative',
};

const STATUS_COLOR: Readonly<Record<CaseStatus, string>> = {
  new: 'brand',
  assigned: 'informative',
  waiting: 'warning',
  closed: 'subtle',
};

export function urgencyBadge(lang: TabLang, urgency: Urgency): HTMLElement {
  return h(
    'fluent-badge',
    { appearance: 'tint', color: URGENCY_COLOR[urgency], shape: 'rounded', 'data-urgency': urgency },
    tr(lang, `urgency.${urgency}`),
  );
}

/** A case past its reminder threshold (the same business hours as the reminders in the channel). */
export function overdueBadge(lang: TabLang, overdue: 'unassigned' | 'ageing'): HTMLElement {
  return h(
    'fluent-badge',
    { appearance: 'filled', color: 'danger', shape: 'rounded', 'data-overdue': overdue },
    tr(lang, `overdue.${overdue}`),
  );
}

export function statusBadge(lang: TabLang, status: CaseStatus): HTMLElement {
  return h(
    'fluent-badge',
    { appearance: 'tint', color: STATUS_COLOR[status], shape: 'rounded', 'data-status': status },
    tr(lang, `status.${status}`),
  );
}
