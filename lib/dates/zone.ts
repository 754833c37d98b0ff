// Months and days begin and end in the organisation's time zone (APP_TIME_ZONE), or a team's own
// when it has one. Instants (createdAt, publishedAt…) are stored in UTC and turned into a zone's
// calendar only here. Pure functions: the zone is always passed in, so they run anywhere and test
// without touching the environment.

const calendars = new Map<string, Intl.DateTimeFormat>();
const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** True for an IANA zone name this runtime knows (Europe/London, Australia/Sydney, UTC). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function calendar(zone: string): Intl.DateTimeFormat {
  let format = calendars.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hourCycle: 'h23',
    });
    calendars.set(zone, format);
  }
  return format;
}

/** The calendar day ("YYYY-MM-DD") an instant falls on in a zone. */
export function dayInZone(instant: Date, zone: string): string {
  const parts = Object.fromEntries(
    calendar(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The month ("YYYY-MM") an instant falls in, in a zone. */
export function monthInZone(instant: Date, zone: string): string {
  return dayInZone(instant, zone).slice(0, 7);
}

/** "1 Dec 2026, 09:05" in the zone; the zone itself is named once per page, not per time. */
export function formatInstant(instant: Date, zone: string): string {
  let format = instantFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    instantFormats.set(zone, format);
  }
  return format.format(instant);
}

/** The day part only: "1 Dec 2026" in the zone. */
export function formatInstantDay(instant: Date, zone: string): string {
  return formatInstant(instant, zone).replace(/,.*$/, '');
}

/** "Times in Europe/London (GMT)" style label, named once on pages that show times. */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name && name !== zone ? `${zone} (${name})` : zone;
}

/**
 * The instant a timestamp from a help-desk export denotes: with `Z` or an offset it is absolute;
 * without one it is a wall-clock time in `zone`. Null when it is not an ISO-like timestamp.
 */
export function parseTimestamp(value: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
    value.trim(),
  );
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', offset] = m;
  if (offset) {
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${offset.toUpperCase() === 'Z' ? 'Z' : offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  // Wall-clock time in the zone: guess it as UTC, then correct by the zone's offset at that moment
  // (twice, so a guess that crosses a daylight-saving change settles on the right side).
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(wall)) return null;
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - offsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

/** Minutes the zone is ahead of UTC at an instant. */
export function offsetMinutes(instant: Date, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}
