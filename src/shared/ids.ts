/**
 * The shapes of the identifiers the bot accepts from outside, defined once. A Microsoft Entra ID object id
 * or tenant id is a GUID; anything else in its place is refused before it reaches a URL or a query.
 */
export const GUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A whole string that is a GUID (any case). */
export const GUID = new RegExp(`^${GUID_PATTERN}$`, 'i');
