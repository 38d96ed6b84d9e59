const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const weekdayNumbers: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 0 = Sunday */
  weekday: number;
  /** Minutes since local midnight, as the wall clock shows them. */
  minutes: number;
}

/**
 * Every UTC offset in use since 1972 is a whole number of minutes, so one minute of UTC is one
 * minute of wall clock everywhere: the answer for a zone and a minute is kept, since formatting
 * costs more than the rest of an interaction's arithmetic (every learner's "now", every server's
 * schedule each minute). Bounded: past the limit it starts over.
 */
const byZoneAndMinute = new Map<string, LocalTime>();
const rememberAtMost = 5_000;

/** The wall-clock date, weekday and time of `instant` in the IANA time zone. */
export function localTime(instant: Date, timeZone: string): Readonly<LocalTime> {
  const key = `${timeZone}|${Math.floor(instant.getTime() / 60_000)}`;
  const known = byZoneAndMinute.get(key);
  if (known) return known;
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const local = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: weekdayNumbers[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
  if (byZoneAndMinute.size >= rememberAtMost) byZoneAndMinute.clear();
  byZoneAndMinute.set(key, local);
  return local;
}

/** The calendar date (YYYY-MM-DD) at `instant` in the IANA time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return localTime(instant, timeZone).date;
}

/** Days since 1970-01-01 for a calendar date: whole calendar days, whatever a day's length in hours. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** True when Intl knows the IANA time zone name (for example "America/New_York"). */
export function isValidTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}
