import { addBusinessTime, type BusinessCalendar } from '../../shared/businessHours';
import type { CaseRecord, ReminderKind } from './types';

/**
 * When a case has stalled long enough to be pointed out in its thread. Time counts in business hours (the
 * office's working day, Monday to Friday, holidays off), from the case's last change: a case nobody has
 * taken ("unassigned") is pointed out sooner when urgent; a taken case nobody has touched ("ageing") later.
 * Each kind is posted once per case (a case handed back and left again gets no second one): a reminder
 * prompts, it does not nag.
 */
export interface ReminderPolicy {
  /** Business hours an urgent case may wait for someone to take it; 0 = no such reminder. */
  readonly urgentUnassignedHours: number;
  /** The same for routine and time-sensitive cases. */
  readonly unassignedHours: number;
  /** Business hours a taken, open case may go without any change; 0 = no such reminder. */
  readonly ageingHours: number;
  readonly calendar: BusinessCalendar;
}

export interface DueReminder {
  readonly kind: ReminderKind;
  /** The threshold crossed, for the reminder's text ("has waited 8 business hours"). */
  readonly hours: number;
}

const HOUR_MS = 3_600_000;

/** Which reminder applies to the case as it stands: none once closed. */
function kindOf(c: CaseRecord): ReminderKind | undefined {
  if (c.status === 'closed') return undefined;
  return c.assignee ? 'ageing' : 'unassigned';
}

export function thresholdHours(c: CaseRecord, kind: ReminderKind, policy: ReminderPolicy): number {
  if (kind === 'ageing') return policy.ageingHours;
  return c.urgency === 'urgent' ? policy.urgentUnassignedHours : policy.unassignedHours;
}

/** Whether a reminder of this kind still makes sense for the case (it may have been taken or closed since). */
export function stillApplies(c: CaseRecord, kind: ReminderKind): boolean {
  return c.thread !== undefined && kindOf(c) === kind;
}

/**
 * Whether the case has stalled past its threshold at `now`, and how (reminded or not): what the board
 * highlights, with the same thresholds as the reminders, so the two never disagree.
 */
export function overdue(c: CaseRecord, now: Date, policy: ReminderPolicy): DueReminder | undefined {
  const kind = kindOf(c);
  if (!kind) return undefined;
  const hours = thresholdHours(c, kind, policy);
  if (hours <= 0) return undefined;
  const since = Date.parse(c.updatedAt);
  // Business time never runs faster than the clock: a case changed less than `hours` ago is not due, and
  // most open cases are settled by this without reading the calendar.
  if (now.getTime() - since < hours * HOUR_MS) return undefined;
  const due = addBusinessTime(new Date(since), hours * HOUR_MS, policy.calendar);
  return due.getTime() <= now.getTime() ? { kind, hours } : undefined;
}

/** The reminder the case is due at `now`, if any: only cases whose card is in the channel can get one. */
export function dueReminder(c: CaseRecord, now: Date, policy: ReminderPolicy): DueReminder | undefined {
  if (c.delivery !== 'posted' || !c.thread) return undefined;
  const late = overdue(c, now, policy);
  return late && !c.reminded?.includes(late.kind) ? late : undefined;
}

/** The policy from the configured settings (CASE_REMINDER_*, CASE_BUSINESS_*). */
export function reminderPolicyFrom(settings: {
  readonly urgentUnassignedHours: number;
  readonly unassignedHours: number;
  readonly ageingHours: number;
  readonly workingDay: { readonly dayStart: number; readonly dayEnd: number };
  readonly timeZone: string;
}): ReminderPolicy {
  return {
    urgentUnassignedHours: settings.urgentUnassignedHours,
    unassignedHours: settings.unassignedHours,
    ageingHours: settings.ageingHours,
    // Federal holidays are the calendar's default (src/shared/holidays.ts).
    calendar: { timeZone: settings.timeZone, ...settings.workingDay },
  };
}
