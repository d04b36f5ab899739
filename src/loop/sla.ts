/**
 * SLA due times in business hours: "24 hours" means 24 hours the organisation is open, counted
 * in its own time zone, so a case opened on Friday evening in Helsinki is due on Wednesday,
 * and the hour lost or gained at a daylight-saving change is counted as it really passes.
 * Pure: the start instant is given, nothing reads the clock.
 */
import { badInput } from '../errors.ts';
import { instantOf, localTime } from '../i18n/calendar.ts';

export interface BusinessHours {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local opening and closing time 'HH:MM' ('24:00' = midnight at the end of the day). */
  start: string;
  end: string;
}

/** A local time of day as business hours take it: 'HH:MM', or '24:00' for midnight at the end of the day. */
export const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function validateBusinessHours(input: unknown, path = 'businessHours'): BusinessHours {
  const bh = input as Partial<BusinessHours> | null;
  if (typeof bh !== 'object' || bh === null) throw badInput('must be { days, start, end }', path);
  if (!Array.isArray(bh.days) || bh.days.length === 0 || bh.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw badInput('must list ISO weekdays 1 (Monday) … 7 (Sunday)', `${path}.days`);
  }
  if (typeof bh.start !== 'string' || !HHMM.test(bh.start) || bh.start === '24:00') throw badInput('must be HH:MM', `${path}.start`);
  if (typeof bh.end !== 'string' || !HHMM.test(bh.end)) throw badInput('must be HH:MM', `${path}.end`);
  if (minutesOf(bh.end) <= minutesOf(bh.start)) throw badInput('must be after start', `${path}.end`);
  return { days: [...new Set(bh.days)].sort(), start: bh.start, end: bh.end };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const isoWeekday = (year: number, month: number, day: number) => ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;

/** The instant `hours` business hours after `start`. */
export function addBusinessHours(start: Date, hours: number, businessHours: BusinessHours, timeZone: string): Date {
  if (!(hours >= 0)) throw new RangeError('hours must be zero or more');
  let remaining = Math.round(hours * 3_600_000);
  let cursor = start.getTime();
  const open = minutesOf(businessHours.start);
  const close = minutesOf(businessHours.end);
  const days = new Set(businessHours.days);
  if (days.size === 0) throw new RangeError('business hours have no days');
  // One pass per local day; the bound only guards against a definition with no open time.
  for (let guard = 0; guard < 3660; guard++) {
    const l = localTime(cursor, timeZone);
    if (days.has(isoWeekday(l.year, l.month, l.day))) {
      const opensAt = instantOf(l.year, l.month, l.day, open, timeZone);
      const closesAt = instantOf(l.year, l.month, l.day, close, timeZone);
      if (cursor < closesAt) {
        if (cursor < opensAt) cursor = opensAt;
        if (remaining <= closesAt - cursor) return new Date(cursor + remaining);
        remaining -= closesAt - cursor;
      }
    }
    // Next local day at midnight (Date.UTC normalises the 32nd of a month).
    const next = new Date(Date.UTC(l.year, l.month - 1, l.day + 1));
    cursor = instantOf(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, timeZone);
  }
  throw new RangeError('business hours too short to reach the due time');
}
