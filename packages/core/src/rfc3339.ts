// A date-time as RFC 3339 section 5.6 writes it: the offset is required, so a value never
// depends on the reader's time zone. Lower-case "t" and "z" are allowed, as the RFC notes.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * Parses an RFC 3339 date-time, such as `2026-01-31T12:00:00Z`, to milliseconds since the
 * epoch. Returns `undefined` for anything else, including a time without an offset (which
 * `Date.parse` would read as local time) and a day the month lacks (which `Date.parse`
 * would roll over, so February 30 became March 2). A leap second (`:60`) is rejected
 * because JavaScript dates cannot hold one.
 */
export function parseRfc3339(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) {
    return undefined;
  }

  const field = (group: number): number => Number(match[group] ?? 0);
  const [year, month, day] = [field(1), field(2), field(3)];
  const [hour, minute, second] = [field(4), field(5), field(6)];
  const [offsetHour, offsetMinute] = [field(9), field(10)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const inRange =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHour <= 23 &&
    offsetMinute <= 59;
  if (!inRange) {
    return undefined;
  }

  const ms = Date.parse(text.toUpperCase());
  return Number.isNaN(ms) ? undefined : ms;
}
