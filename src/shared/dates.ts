import type { Lang } from './i18n/lang';

/**
 * How dates are shown, defined once: the locale for each language, the time zones, and the formats in use —
 * a day ("November 25, 2026"), a moment ("Nov. 25, 2026, 7:00 a.m.") and a day with its time ("December 5, 2025
 * at 7:08 p.m." / « 5 décembre 2025 à 19 h 08 »; Intl's fr-CA follows French typography).
 *
 * Time zones: stored times are UTC. A message to one person is dated in that person's zone: Teams sends it with
 * each activity (`localTimezone`, an IANA name such as "America/Vancouver", and `localTimestamp`, an ISO time
 * with the user's UTC offset). What several people read (a card in a channel) and what has no person's zone
 * (a proactive message) uses the display zone: America/Toronto (Eastern time, the National Capital Region,
 * where most federal managers work) unless DEFAULT_TIME_ZONE says otherwise. The tab pages format with the
 * same functions in the viewer's own zone.
 */
export const DEFAULT_TIME_ZONE = 'America/Toronto';

export function localeOf(lang: Lang): 'en-CA' | 'fr-CA' {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}

/** True when Intl knows the zone: an IANA name or a UTC offset such as "-05:00". */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The user's zone from what Teams sent: the named zone when valid (it follows daylight saving time), else the
 * offset of `localTimestamp` (right for the moment of the message), else `fallback`.
 */
export function resolveTimeZone(
  sent: { readonly localTimezone?: unknown; readonly localTimestamp?: unknown },
  fallback = DEFAULT_TIME_ZONE,
): string {
  if (isTimeZone(sent.localTimezone)) return sent.localTimezone;
  // The SDK parses localTimestamp into a Date (losing the offset) and keeps the text as rawLocalTimestamp.
  const stamp = typeof sent.localTimestamp === 'string' ? sent.localTimestamp : undefined;
  const offset = stamp?.match(/([+-])(\d{2}):?(\d{2})$/);
  if (offset) {
    const zone = `${offset[1]}${offset[2]}:${offset[3]}`;
    if (isTimeZone(zone)) return zone;
  }
  return fallback;
}

const FORMATS = {
  day: { dateStyle: 'long' },
  moment: { dateStyle: 'medium', timeStyle: 'short' },
  dayTime: { dateStyle: 'long', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * `iso` in `lang`, in one of the formats above, in `timeZone` (the display zone unless told; `'local'` for the
 * zone of the machine formatting it, as the tab pages do in the browser).
 */
export function formatDate(
  lang: Lang,
  iso: string,
  format: keyof typeof FORMATS = 'day',
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    ...FORMATS[format],
    ...(timeZone === 'local' ? {} : { timeZone }),
  }).format(new Date(iso));
}

/** "December 5, 2025" / « 5 décembre 2025 ». */
export function formatDay(iso: string, lang: Lang, zone = DEFAULT_TIME_ZONE): string {
  return formatDate(lang, iso, 'day', zone);
}

/** "December 5, 2025 at 7:08 p.m." / « 5 décembre 2025 à 19 h 08 ». */
export function formatDayTime(iso: string, lang: Lang, zone = DEFAULT_TIME_ZONE): string {
  return formatDate(lang, iso, 'dayTime', zone);
}
