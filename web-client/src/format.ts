// Formatting of values for display. Times are stored and sent in UTC and shown in the hospital network's
// time zone, Asia/Ho_Chi_Minh, unless a caller passes another.
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ISO_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Formats an ISO-8601 instant as date and 24-hour time in the given locale and time zone,
 * e.g. "00:05 02/03/2025" (vi-VN) or "02/03/2025, 00:05" (en-GB) for 2025-03-01T17:05:00Z.
 * A value without an offset is taken as UTC; a value that is not a date is returned unchanged.
 */
export function formatDateTime(isoUtc: string, locale: string, timeZone: string = DEFAULT_TIME_ZONE): string {
    const text = isoUtc.trim();
    const withOffset = ISO_OFFSET.test(text) || !text.includes('T') ? text : `${text}Z`;
    const instant = new Date(withOffset);
    if (text === '' || Number.isNaN(instant.getTime())) {
        return isoUtc;
    }
    return new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
    }).format(instant);
}
