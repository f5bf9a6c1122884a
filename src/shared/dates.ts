import type { Lang } from './i18n/lang';

/**
 * Dates and times as the person reading them sees their clock. Teams sends the user's time zone with each
 * activity (`localTimezone`, an IANA name such as "America/Vancouver", and `localTimestamp`, an ISO time with
 * the user's UTC offset); stored times are UTC. When neither is usable (a client that sends no zone, a proactive
 * message), the configured default zone applies: America/Toronto (Eastern time, the National Capital Region,
 * where most federal managers work) unless DEFAULT_TIME_ZONE says otherwise.
 */

export const DEFAULT_TIME_ZONE = 'America/Toronto';

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

function locale(lang: Lang): string {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}

/** "December 5, 2025" / « 5 décembre 2025 ». */
export function formatDay(iso: string, lang: Lang, zone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: zone }).format(new Date(iso));
}

/** "December 5, 2025 at 7:08 p.m." / « 5 décembre 2025 à 19 h 08 » (Intl's fr-CA follows French typography). */
export function formatDayTime(iso: string, lang: Lang, zone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: zone,
  }).format(new Date(iso));
}
