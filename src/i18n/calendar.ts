/**
 * The calendar in an organisation's time zone, in one place: the local wall-clock time of an
 * instant, the instant of a local time (daylight-saving gaps and repeats handled), the start of a
 * local day, the local calendar day and month. Every date Kaiku computes or schedules in a zone
 * goes through here: SLA business hours, quiet hours, the board report's month, the dashboard's
 * periods and trends, send schedules. Showing a date is `formatDate` (./index.ts), which takes
 * the zone too. Pure: nothing reads the clock.
 */

export interface LocalTime { year: number; month: number; day: number; hour: number; minute: number; second: number }
export interface Day { year: number; month: number; day: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `value` is an IANA time zone this runtime knows ("Europe/Warsaw", "UTC"). */
export function isTimeZone(value: string): boolean {
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time an instant shows in `timeZone`. */
export function localTime(instant: number | Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** Offset of the zone from UTC at an instant, in ms (Helsinki: +2 h in winter, +3 h in summer). */
export function offsetAt(instant: number, timeZone: string): number {
  const l = localTime(instant, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a local wall-clock time, `minutes` after the local midnight of the day. An
 * ambiguous autumn time gives its first occurrence; a time skipped by the spring-forward change
 * is read with the offset before it (03:30 → 04:30).
 */
export function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const before = wall - offsetAt(wall - 43_200_000, timeZone);
  const after = wall - offsetAt(wall + 43_200_000, timeZone);
  const shows = (instant: number) => {
    const l = localTime(instant, timeZone);
    return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) === wall;
  };
  const candidates = [before, after].filter(shows);
  return candidates.length > 0 ? Math.min(...candidates) : before;
}

/** The instant a calendar day starts in `timeZone` (month/day may overflow, as in Date.UTC). */
export function startOfDayIn(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}

/** The calendar day an instant falls on in `timeZone`. */
export function calendarDayIn(instant: Date | number, timeZone: string): Day {
  const { year, month, day } = localTime(instant, timeZone);
  return { year, month, day };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of the calendar day an instant falls on in `timeZone`. */
export function isoDayIn(instant: Date | number, timeZone: string): string {
  const d = calendarDayIn(instant, timeZone);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Minutes after local midnight of `at` in `timeZone`. */
export function localMinutes(at: Date | number, timeZone: string): number {
  const l = localTime(at, timeZone);
  return l.hour * 60 + l.minute;
}
